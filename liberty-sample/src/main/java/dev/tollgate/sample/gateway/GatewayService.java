package dev.tollgate.sample.gateway;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.Fallback;
import dev.tollgate.api.LlmCall;
import dev.tollgate.api.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends the gateway's requests along their alias's route: the route's first target answers, and
 * a transient failure moves on to the next. Every call is captured under the name
 * {@value #CALL_NAME}, with its key as principal.
 */
@ApplicationScoped
public class GatewayService {
    /** The call name of every gateway request. */
    public static final String CALL_NAME = "gateway";

    @Inject
    ChatClient llm;

    /**
     * @param route the targets to try, in order
     * @param request the request, naming no target
     * @return the answer of the first target that answered
     */
    @LlmCall(CALL_NAME)
    @Fallback
    public ChatResponse complete(Route route, ChatRequest request) {
        return llm.chat(request);
    }

    /**
     * @param route the targets to try, in order, until one delivers its first chunk
     * @param request the request, naming no target
     * @return the streamed answer
     */
    @LlmCall(CALL_NAME)
    @Fallback
    public ChatStream stream(Route route, ChatRequest request) {
        return llm.stream(request);
    }
}
