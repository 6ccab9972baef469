package dev.tollgate.sample.gateway;

import dev.tollgate.api.ChatChunk;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Route;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OpenAI-compatible API: {@code POST /v1/chat/completions}, {@code GET /v1/models} and
 * {@code GET /v1/models/{model}}. Every answer, errors included, is in OpenAI's wire format.
 */
@WebServlet(urlPatterns = "/v1/*")
public class GatewayServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String APPLICATION_JSON = "application/json";
    /** Looked up once: {@link JsonProvider#provider()}, behind each {@code Json.create…}, searches the class path. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String MODELS = "/models";
    private static final Logger LOG = Logger.getLogger(GatewayServlet.class.getName());

    private final long started = Instant.now().getEpochSecond();

    @Inject
    transient GatewayService gateway;

    @Inject
    transient ModelAliases aliases;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            dispatch(request, response);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "gateway request failed", e);
            if (!response.isCommitted()) {
                response.resetBuffer();
                writeError(response, new ApiError(500, "The gateway failed to answer; its log says why.", "server_error",
                        null, null));
            }
        }
    }

    private void dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String method = request.getMethod();
        if (path.equals("/chat/completions") && method.equals("POST")) {
            completions(request, response);
        } else if (path.equals(MODELS) && method.equals("GET")) {
            writeJson(response, 200, models());
        } else if (path.startsWith(MODELS + "/") && method.equals("GET")) {
            String alias = path.substring(MODELS.length() + 1);
            if (aliases.route(alias).isPresent()) {
                writeJson(response, 200, model(alias).build());
            } else {
                writeError(response, ApiError.unknownModel(alias));
            }
        } else {
            writeError(response, ApiError.unknownUrl(method, request.getRequestURI()));
        }
    }

    private void completions(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CompletionRequest completion;
        try {
            completion = CompletionRequestReader.read(body(request));
        } catch (InvalidRequestException e) {
            writeError(response, e.error());
            return;
        }
        Route route = aliases.route(completion.model()).orElse(null);
        if (route == null) {
            writeError(response, ApiError.unknownModel(completion.model()));
            return;
        }
        CompletionWriter writer = new CompletionWriter("chatcmpl-" + UUID.randomUUID().toString().replace("-", ""),
                Instant.now().getEpochSecond(), completion.model());
        if (completion.stream()) {
            stream(route, completion, writer, response);
            return;
        }
        ChatResponse answer;
        try {
            answer = gateway.complete(route, completion.chat());
        } catch (LlmException e) {
            writeError(response, error(e));
            return;
        }
        targetHeaders(response, answer);
        writeJson(response, 200, writer.completion(answer));
    }

    private void stream(Route route, CompletionRequest completion, CompletionWriter writer,
            HttpServletResponse response) throws IOException {
        ChatStream stream;
        try {
            stream = gateway.stream(route, completion.chat());
        } catch (LlmException e) {
            writeError(response, error(e));
            return;
        }
        boolean usage = completion.includeUsage();
        try (stream) {
            Iterator<ChatChunk> chunks = stream.iterator();
            boolean more;
            try {
                more = chunks.hasNext();
            } catch (LlmException e) {
                writeError(response, error(e));
                return;
            }
            response.setStatus(200);
            response.setContentType("text/event-stream");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Cache-Control", "no-cache");
            Writer out = response.getWriter();
            event(out, writer.roleChunk().toString());
            try {
                while (more) {
                    event(out, writer.textChunk(chunks.next().text(), usage).toString());
                    more = chunks.hasNext();
                }
                ChatResponse answer = stream.response().toCompletableFuture().join();
                if (!answer.toolCalls().isEmpty()) {
                    event(out, writer.toolCallChunk(answer.toolCalls(), usage).toString());
                }
                event(out, writer.finishChunk(answer, usage).toString());
                if (usage) {
                    event(out, writer.usageChunk(answer.usage()).toString());
                }
                event(out, "[DONE]");
            } catch (LlmException e) {
                event(out, error(e).toJson().toString());
            } catch (CompletionException e) {
                LlmException cause = e.getCause() instanceof LlmException l ? l
                        : LlmException.builder(ErrorCategory.INVALID_RESPONSE).message("the stream failed").cause(e).build();
                event(out, error(cause).toJson().toString());
            }
        }
    }

    /** An exhausted key budget is said in the key's terms; other failures as the provider's category gives. */
    private static ApiError error(LlmException e) {
        ApiError error = ApiError.of(e);
        if (e.category() == ErrorCategory.QUOTA_EXCEEDED && e.httpStatus().isEmpty()) {
            return error.withMessage("This API key has used up its budget. " + e.getMessage());
        }
        return error;
    }

    private static void event(Writer out, String data) throws IOException {
        out.write("data: ");
        out.write(data);
        out.write("\n\n");
        out.flush();
    }

    private static JsonObject body(HttpServletRequest request) throws IOException {
        JsonStructure body;
        try (JsonReader reader = JSON.createReader(request.getReader())) {
            body = reader.read();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidRequestException("We could not parse the JSON body of your request. (HINT: This likely"
                    + " means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)",
                    null);
        }
        if (!(body instanceof JsonObject object)) {
            throw new InvalidRequestException("The request body must be a JSON object.", null);
        }
        return object;
    }

    private JsonObject models() {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        for (Map.Entry<String, Route> alias : aliases.all().entrySet()) {
            data.add(model(alias.getKey()));
        }
        return JSON.createObjectBuilder().add("object", "list").add("data", data).build();
    }

    private JsonObjectBuilder model(String alias) {
        return JSON.createObjectBuilder()
                .add("id", alias)
                .add("object", "model")
                .add("created", started)
                .add("owned_by", "tollgate");
    }

    private static void targetHeaders(HttpServletResponse response, ChatResponse answer) {
        response.setHeader("x-tollgate-provider", answer.provider());
        response.setHeader("x-tollgate-model", answer.model());
        if (answer.cost().isKnown()) {
            response.setHeader("x-tollgate-cost", answer.cost().total().toPlainString() + " " + answer.cost().currency());
        }
    }

    /**
     * Writes an error in OpenAI's shape.
     *
     * @param response the response, not yet committed
     * @param error the error
     * @throws IOException if the client is gone
     */
    public static void writeError(HttpServletResponse response, ApiError error) throws IOException {
        writeJson(response, error.status(), error.toJson());
    }

    private static void writeJson(HttpServletResponse response, int status, JsonObject json) throws IOException {
        response.setStatus(status);
        response.setContentType(APPLICATION_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.toString());
    }
}
