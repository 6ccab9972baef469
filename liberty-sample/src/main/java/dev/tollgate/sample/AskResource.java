package dev.tollgate.sample;

import dev.tollgate.api.LlmException;
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

/** {@code GET /api/ask?q=...}: the answer with its usage and cost. */
@RequestScoped
@Path("/ask")
public class AskResource {
    @Inject
    AdviceService advice;

    /**
     * @param question the question
     * @return the answer as JSON, or a JSON error with the failure's category
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response ask(@QueryParam("q") @DefaultValue("What does Tollgate do?") String question) {
        if (question.isBlank()) {
            return error(Response.Status.BAD_REQUEST, "invalid_request", "the query parameter q is empty");
        }
        try {
            return Response.ok(AnswerView.of(advice.advise(question))).build();
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
