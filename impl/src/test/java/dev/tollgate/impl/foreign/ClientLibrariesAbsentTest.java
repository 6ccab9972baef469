package dev.tollgate.impl.foreign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** The client libraries are optional: an application without them loads and runs Tollgate unchanged. */
class ClientLibrariesAbsentTest {

    @Test
    void engineWithoutTheLibraries_buildsAndCapturesWithoutFailures() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (!name.startsWith("openai-java") && !name.startsWith("anthropic-java") && !name.startsWith("langchain4j")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        try (URLClassLoader without = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("dev.langchain4j.model.chat.ChatModel", false, without))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> Class.forName("com.openai.models.chat.completions.ChatCompletion", false, without))
                    .isInstanceOf(ClassNotFoundException.class);
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(without);
            try {
                @SuppressWarnings("unchecked")
                Callable<String> run = (Callable<String>) Class.forName(EngineWithoutClientLibraries.class.getName(),
                        true, without).getConstructor().newInstance();
                assertThat(run.call()).isEqualTo("present=falsefalsefalse failures=0 records=1");
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    @Test
    void engineWithTheLibraries_findsEachOfThem() throws Exception {
        assertThat(new EngineWithoutClientLibraries().call()).isEqualTo("present=truetruetrue failures=0 records=1");
    }
}
