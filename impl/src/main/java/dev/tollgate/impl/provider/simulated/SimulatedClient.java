package dev.tollgate.impl.provider.simulated;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.Role;
import dev.tollgate.api.Tool;
import dev.tollgate.api.ToolCall;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderStream;
import dev.tollgate.impl.json.JsonSupport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Answers from configuration, deterministically. */
final class SimulatedClient implements ProviderClient {
    private final String providerId;
    private final String defaultModel;
    private final String reply;
    private final Duration latency;
    private final double failureRate;
    private final ErrorCategory failureCategory;
    private final SplittableRandom random;
    private final SimulatedTokens tokens;
    private final AtomicLong sequence = new AtomicLong();

    SimulatedClient(String providerId, String defaultModel, String reply, Duration latency, double failureRate,
            ErrorCategory failureCategory, long seed, SimulatedTokens tokens) {
        this.providerId = providerId;
        this.defaultModel = defaultModel;
        this.reply = reply;
        this.latency = latency;
        this.failureRate = failureRate;
        this.failureCategory = failureCategory;
        this.random = new SplittableRandom(seed);
        this.tokens = tokens;
    }

    @Override
    public Optional<String> defaultModel() {
        return Optional.of(defaultModel);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        String model = request.model().orElseThrow();
        long n = sequence.incrementAndGet();
        pause(model);
        if (failureRate > 0 && nextDouble() < failureRate) {
            LlmException.Builder failure = LlmException.builder(failureCategory).provider(providerId).model(model)
                    .requestId("sim-req-" + n).message("simulated failure");
            int status = statusOf(failureCategory);
            if (status > 0) {
                failure.httpStatus(status);
            }
            throw failure.build();
        }
        if (!request.tools().isEmpty() && request.messages().get(request.messages().size() - 1).role() != Role.TOOL) {
            return toolCall(request, model, n);
        }
        String text = reply.replace("{prompt}", lastUserMessage(request.messages())).replace("{model}", model);
        text = switch (request.responseFormat().kind()) {
            case JSON_SCHEMA -> SimulatedJson.instance(request.responseFormat().schema().orElseThrow(), text).toString();
            case JSON -> JsonSupport.provider().createObjectBuilder().add("reply", text).build().toString();
            case TEXT -> text;
        };
        FinishReason finish = FinishReason.STOP;
        for (String stop : request.stop()) {
            int at = text.indexOf(stop);
            if (at >= 0) {
                text = text.substring(0, at);
            }
        }
        if (request.maxTokens().isPresent() && SimulatedTokens.estimate(text) > request.maxTokens().getAsInt()) {
            text = text.substring(0, request.maxTokens().getAsInt() * 4);
            finish = FinishReason.LENGTH;
        }
        return ChatResponse.builder()
                .text(text)
                .finishReason(finish)
                .rawFinishReason(finish == FinishReason.STOP ? "stop" : "length")
                .usage(tokens.usage(request, text))
                .model(model)
                .responseId("sim-" + n)
                .requestId("sim-req-" + n)
                .build();
    }

    private ChatResponse toolCall(ChatRequest request, String model, long n) {
        Tool tool = request.tools().get(0);
        String arguments = SimulatedJson.instance(tool.parameters(), lastUserMessage(request.messages())).toString();
        return ChatResponse.builder()
                .toolCalls(List.of(new ToolCall("sim-call-" + n, tool.name(), arguments)))
                .finishReason(FinishReason.TOOL_CALLS)
                .rawFinishReason("tool_calls")
                .usage(tokens.usage(request, arguments))
                .model(model)
                .responseId("sim-" + n)
                .requestId("sim-req-" + n)
                .build();
    }

    @Override
    public ProviderStream stream(ChatRequest request) {
        return new SimulatedStream(chat(request));
    }

    /** The status a provider answers a failure of this category with; 0 where no answer comes. */
    private static int statusOf(ErrorCategory category) {
        return switch (category) {
            case AUTHENTICATION -> 401;
            case PERMISSION -> 403;
            case MODEL_NOT_FOUND -> 404;
            case RATE_LIMITED -> 429;
            case QUOTA_EXCEEDED -> 402;
            case OVERLOADED -> 529;
            case SERVER_ERROR -> 500;
            case INVALID_REQUEST, CONTEXT_LENGTH_EXCEEDED, CONTENT_FILTERED -> 400;
            default -> 0;
        };
    }

    private synchronized double nextDouble() {
        return random.nextDouble();
    }

    private void pause(String model) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LlmException.builder(ErrorCategory.CANCELLED).provider(providerId).model(model)
                    .message("interrupted").cause(e).build();
        }
    }

    private static String lastUserMessage(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return "SimulatedClient[" + providerId + "]";
    }
}
