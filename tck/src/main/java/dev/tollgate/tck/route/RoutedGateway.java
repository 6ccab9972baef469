package dev.tollgate.tck.route;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.Fallback;
import dev.tollgate.api.LlmCall;
import dev.tollgate.api.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A gateway that sends each request along the route its caller chose. */
@ApplicationScoped
public class RoutedGateway {
    @Inject
    ChatClient llm;

    /**
     * @param route the targets, in order; {@code null} for the method's own
     * @param prompt the prompt
     * @return the answer
     */
    @LlmCall(value = "route.gateway", provider = "sim")
    @Fallback("sim")
    public String complete(Route route, String prompt) {
        return llm.chat(ChatRequest.of(prompt)).text();
    }
}
