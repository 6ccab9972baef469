package dev.tollgate.impl.foreign;

import dev.tollgate.api.spi.UsageExtractor;
import dev.tollgate.impl.capture.CaptureFailures;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.ConfigReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client libraries whose results Tollgate reads, each only when it is on the class path: an
 * integration's class names the library's types, so it is loaded by name and only after a class
 * of the library was found, and an application without the library never loads it.
 */
public final class ForeignClients {
    /** The OpenAI Java SDK, {@code com.openai:openai-java}. */
    public static final String OPENAI_JAVA = "openai-java";
    /** The Anthropic Java SDK, {@code com.anthropic:anthropic-java}. */
    public static final String ANTHROPIC_JAVA = "anthropic-java";
    /** LangChain4j, {@code dev.langchain4j:langchain4j-core}. */
    public static final String LANGCHAIN4J = "langchain4j";

    private enum Library {
        OPENAI(OPENAI_JAVA, "com.openai.models.chat.completions.ChatCompletion",
                "dev.tollgate.impl.foreign.openai.OpenAiCompletionExtractor"),
        ANTHROPIC(ANTHROPIC_JAVA, "com.anthropic.models.messages.Message",
                "dev.tollgate.impl.foreign.anthropic.AnthropicMessageExtractor"),
        LANGCHAIN(LANGCHAIN4J, "dev.langchain4j.model.chat.response.ChatResponse",
                "dev.tollgate.impl.foreign.langchain4j.LangChain4jResponseExtractor");

        private final String name;
        private final String marker;
        private final String extractor;

        Library(String name, String marker, String extractor) {
            this.name = name;
            this.marker = marker;
            this.extractor = extractor;
        }
    }

    private final ClassLoader loader;
    private final Map<String, String> providers;

    private ForeignClients(ClassLoader loader, Map<String, String> providers) {
        this.loader = loader;
        this.providers = providers;
    }

    /**
     * @param reader reads {@code tollgate.clients.<library>.provider}
     * @param loader the class loader of Tollgate, which must see a library for it to be used
     * @return the client libraries
     */
    public static ForeignClients read(ConfigReader reader, ClassLoader loader) {
        Map<String, String> providers = new HashMap<>();
        for (Library library : Library.values()) {
            reader.string(ConfigKeys.clientProperty(library.name, ConfigKeys.CLIENT_PROVIDER))
                    .ifPresent(id -> providers.put(library.name, id));
        }
        return new ForeignClients(loader, providers);
    }

    /**
     * @param library {@link #OPENAI_JAVA}, {@link #ANTHROPIC_JAVA} or {@link #LANGCHAIN4J}
     * @return the provider id configured for the library's requests, if any
     */
    public Optional<String> provider(String library) {
        return Optional.ofNullable(providers.get(library));
    }

    /**
     * @param library {@link #OPENAI_JAVA}, {@link #ANTHROPIC_JAVA} or {@link #LANGCHAIN4J}
     * @return whether the library is on the class path
     */
    public boolean present(String library) {
        for (Library l : Library.values()) {
            if (l.name.equals(library)) {
                return present(l);
            }
        }
        return false;
    }

    /**
     * @param failures where an integration that cannot be loaded is reported
     * @return an extractor for each library on the class path
     */
    public List<UsageExtractor> extractors(CaptureFailures failures) {
        List<UsageExtractor> found = new ArrayList<>();
        for (Library library : Library.values()) {
            if (!present(library)) {
                continue;
            }
            try {
                found.add((UsageExtractor) Class.forName(library.extractor, true, loader)
                        .getConstructor(String.class).newInstance(providers.get(library.name)));
            } catch (ReflectiveOperationException | LinkageError e) {
                // a library too old or too new for the integration: its calls go unmetered, the rest works
                failures.report("loading the integration of " + library.name, e);
            }
        }
        return found;
    }

    private boolean present(Library library) {
        try {
            Class.forName(library.marker, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
