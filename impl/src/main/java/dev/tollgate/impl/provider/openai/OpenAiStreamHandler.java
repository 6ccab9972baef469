package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.FinishReason;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import dev.tollgate.impl.stream.SseEvent;
import dev.tollgate.impl.stream.StreamHandler;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Chat Completions stream ({@code "stream": true}): events whose data is a
 * {@code chat.completion.chunk}, ended by the data {@code [DONE]}.
 * <ol>
 *   <li>the first choice's {@code delta.content} is the answer's text, its {@code delta.tool_calls}
 *       fragments are joined into tool calls ({@link OpenAiToolCalls}), and its
 *       {@code finish_reason}, sent once, is the finish; choices of another {@code index} (a
 *       request for several) are skipped;</li>
 *   <li>{@code id}, {@code model} and {@code service_tier} come with every chunk;</li>
 *   <li>{@code usage} comes in a last chunk with no choice when
 *       {@code stream_options.include_usage} was asked for (OpenAI, Azure, vLLM, llama.cpp,
 *       OpenRouter, which also reports its cost there), or with the finish in the last chunk
 *       (Mistral); it is read as in a response body, and stays unknown until it comes;</li>
 *   <li>a chunk that reports an error ({@link OpenAiStreamErrors}) ends the stream with that
 *       failure; OpenRouter's {@code : OPENROUTER PROCESSING} lines are comments, which the SSE
 *       parser drops.</li>
 * </ol>
 */
final class OpenAiStreamHandler implements StreamHandler<SseEvent> {
    private static final String DONE = "[DONE]";

    private final String providerId;
    private final String requestedModel;
    private final String requestId;
    private final OpenAiStreamErrors errors;
    private final ChatResponse.Builder response;
    private final OpenAiToolCalls calls = new OpenAiToolCalls();
    private boolean ended;

    /**
     * @param providerId the provider id, for failures
     * @param requestedModel the model asked for, until the stream names one
     * @param requestId the provider's request id, or {@code null}
     * @param errors classifies error events
     */
    OpenAiStreamHandler(String providerId, String requestedModel, String requestId, OpenAiStreamErrors errors) {
        this.providerId = providerId;
        this.requestedModel = requestedModel;
        this.requestId = requestId;
        this.errors = errors;
        this.response = ChatResponse.builder().model(requestedModel).requestId(requestId)
                .finishReason(FinishReason.OTHER);
    }

    /** What one choice of a chunk says. */
    private static final class ChoiceDelta {
        private int index;
        private String text;
        private String finish;
        private List<OpenAiToolCalls.Part> toolCalls = List.of();
    }

    @Override
    public synchronized String accept(SseEvent event) {
        String payload = event.data().strip();
        if (payload.equals(DONE)) {
            calls.calls();
            ended = true;
            return null;
        }
        if (payload.isEmpty()) {
            return null;
        }
        List<ChoiceDelta> choices = new ArrayList<>(1);
        try (JsonParser p = JsonSupport.parser(event.data())) {
            CompletionMembers found = CompletionMembers.read(p, response, (q, v) -> readChoices(q, v, choices));
            if (found.sawError()) {
                throw errors.failure(event.data().getBytes(StandardCharsets.UTF_8), providerId, requestedModel,
                        requestId);
            }
            if (p.hasNext()) {
                throw new JsonParsingException("more than one JSON value in the event", p.getLocation());
            }
        }
        String delta = null;
        for (ChoiceDelta choice : choices) {
            if (choice.index == 0) {
                delta = apply(choice);
            }
        }
        return delta;
    }

    private String apply(ChoiceDelta choice) {
        choice.toolCalls.forEach(calls::join);
        if (choice.finish != null) {
            response.rawFinishReason(choice.finish).finishReason(OpenAiResponseReader.finishReason(choice.finish));
        }
        return choice.text;
    }

    private static boolean readChoices(JsonParser p, Event v, List<ChoiceDelta> choices) {
        if (v != Event.START_ARRAY) {
            JsonReading.skip(p, v);
            return false;
        }
        for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
            if (e == Event.START_OBJECT) {
                choices.add(readChoice(p));
            } else {
                JsonReading.skip(p, e);
            }
        }
        return !choices.isEmpty();
    }

    private static ChoiceDelta readChoice(JsonParser p) {
        ChoiceDelta choice = new ChoiceDelta();
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "index" -> choice.index = (int) JsonReading.number(p, v);
                case "delta" -> readDelta(p, v, choice);
                case "finish_reason" -> choice.finish = JsonReading.string(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
        return choice;
    }

    private static void readDelta(JsonParser p, Event v, ChoiceDelta choice) {
        JsonReading.members(p, v, (key, e) -> {
            switch (key) {
                case "content" -> choice.text = OpenAiResponseReader.content(p, e);
                case "tool_calls" -> choice.toolCalls = OpenAiToolCalls.parts(p, e);
                default -> JsonReading.skip(p, e);
            }
        });
    }

    @Override
    public synchronized boolean ended() {
        return ended;
    }

    @Override
    public synchronized ChatResponse summary() {
        return response.toolCalls(calls.named()).build();
    }
}
