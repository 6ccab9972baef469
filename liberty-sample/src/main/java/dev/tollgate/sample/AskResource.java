package dev.tollgate.sample;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Target;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/ask?q=...}: the answer with its usage and cost. {@code model=provider/model} asks
 * another configured provider or model; {@code stream=true} streams the answer from the provider.
 */
@RequestScoped
@Path("/ask")
public class AskResource {
    @Inject
    AdviceService advice;

    /**
     * @param question the question
     * @param model {@code provider} or {@code provider/model}, or nothing for the configured default
     * @param stream whether to stream the answer from the provider
     * @return the answer as JSON, or a JSON error with the failure's category
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response ask(@QueryParam("q") @DefaultValue("What does Tollgate do?") String question,
            @QueryParam("model") String model, @QueryParam("stream") boolean stream) {
        if (question.isBlank()) {
            return error(Response.Status.BAD_REQUEST, "invalid_request", "the query parameter q is empty");
        }
        Target target;
        try {
            target = model == null || model.isBlank() ? null : Target.parse(model);
        } catch (IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, "invalid_request", e.getMessage());
        }
        try {
            ChatResponse answer = stream ? advice.adviseStreaming(question, target) : advice.advise(question, target);
            return Response.ok(AnswerView.of(answer)).build();
        } catch (LlmException e) {
            Response.Status status = e.isTransient() ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.BAD_GATEWAY;
            return error(status, e.category().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
        }
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", code).add("message", message).build().toString())
                .build();
    }
}
