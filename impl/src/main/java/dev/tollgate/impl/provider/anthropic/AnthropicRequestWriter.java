package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.Role;
import dev.tollgate.impl.provider.RequestChecks;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a {@link ChatRequest} as a Messages API request body. The system messages, which must
 * open the conversation, become the top-level {@code system} field, joined by blank lines; the
 * rest become {@code messages} with plain-string content. {@code max_tokens} is always sent, as
 * Anthropic requires it.
 */
final class AnthropicRequestWriter {
    private static final Set<String> TYPED_FIELDS = Set.of("model", "messages", "system", "max_tokens",
            "temperature", "top_p", "stop_sequences", "stream");
    private static final Set<RequestChecks.Option> UNSUPPORTED = EnumSet.of(RequestChecks.Option.SEED);

    private final int defaultMaxTokens;

    /** @param defaultMaxTokens the {@code max_tokens} of a request that sets no maximum */
    AnthropicRequestWriter(int defaultMaxTokens) {
        this.defaultMaxTokens = defaultMaxTokens;
    }

    /**
     * @param request the request, with its model set
     * @param providerId the provider id, for errors
     * @return the UTF-8 JSON body
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if the request sets a
     *     seed, has a system message after the conversation started or no other message, or an
     *     extra parameter repeats a typed option or has a value JSON cannot hold
     */
    byte[] write(ChatRequest request, String providerId) {
        String model = request.model().orElseThrow();
        RequestChecks.rejectUnsupported(request, providerId, model, UNSUPPORTED);
        RequestChecks.rejectExtraOverlap(request, providerId, model, TYPED_FIELDS);
        List<String> system = new ArrayList<>();
        List<Message> turns = new ArrayList<>();
        for (Message m : request.messages()) {
            if (m.role() != Role.SYSTEM) {
                turns.add(m);
            } else if (turns.isEmpty()) {
                system.add(m.content());
            } else {
                throw RequestChecks.invalid(providerId, model, "provider '" + providerId
                        + "' takes system messages only at the start of the conversation; move them before the"
                        + " first user or assistant message");
            }
        }
        if (turns.isEmpty()) {
            throw RequestChecks.invalid(providerId, model, "provider '" + providerId
                    + "' needs at least one user or assistant message besides the system messages");
        }
        return RequestChecks.json(providerId, model, g -> {
            g.writeStartObject();
            g.write("model", model);
            g.write("max_tokens", request.maxTokens().orElse(defaultMaxTokens));
            if (!system.isEmpty()) {
                g.write("system", String.join("\n\n", system));
            }
            g.writeStartArray("messages");
            for (Message m : turns) {
                g.writeStartObject()
                        .write("role", m.role().name().toLowerCase(Locale.ROOT))
                        .write("content", m.content())
                        .writeEnd();
            }
            g.writeEnd();
            request.temperature().ifPresent(t -> g.write("temperature", t));
            request.topP().ifPresent(t -> g.write("top_p", t));
            if (!request.stop().isEmpty()) {
                g.writeStartArray("stop_sequences");
                request.stop().forEach(g::write);
                g.writeEnd();
            }
            RequestChecks.writeExtra(g, request);
            g.writeEnd();
        });
    }
}
