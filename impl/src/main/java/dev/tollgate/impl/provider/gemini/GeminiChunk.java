package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.Usage;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code GenerateContentResponse}, read with the streaming parser: a whole answer, or one
 * chunk of a streamed one, which has the same shape. Of the first candidate it keeps the text
 * parts (thought summaries left out), the {@code functionCall} parts and the finish reason; of the
 * response, {@code usageMetadata}, {@code modelVersion}, {@code responseId} and
 * {@code promptFeedback}; and whether the document is an {@code error} object instead, as a
 * stream sends when it fails after it started.
 */
final class GeminiChunk {
    /**
     * A {@code functionCall} part.
     *
     * @param id the call's {@code id}, or {@code null}: models before Gemini 3 send none
     * @param name the function's name
     * @param arguments {@code args}, a JSON object as text
     */
    record FunctionCall(String id, String name, String arguments) {
    }

    /**
     * {@code promptFeedback.blockReason} and {@code blockReasonMessage}.
     *
     * @param reason the reason, or {@code null} if the prompt was not blocked
     * @param message Google's explanation, or {@code null}
     */
    record PromptBlock(String reason, String message) {
        static final PromptBlock NONE = new PromptBlock(null, null);
    }

    private final StringBuilder text = new StringBuilder();
    private final List<FunctionCall> calls = new ArrayList<>();
    private String finishReason;
    private Usage usage;
    private String modelVersion;
    private String responseId;
    private PromptBlock block = PromptBlock.NONE;
    private boolean candidate;
    private boolean error;

    private GeminiChunk() {
    }

    /**
     * @param json a {@code GenerateContentResponse}, or an error object
     * @return what it says
     * @throws JsonParsingException if it is not a JSON object of that shape
     * @throws RuntimeException of another kind if it is not JSON
     */
    static GeminiChunk read(byte[] json) {
        GeminiChunk chunk = new GeminiChunk();
        try (JsonParser p = JsonSupport.parser(json)) {
            JsonReading.expectObject(p, p.next());
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event v = p.next();
                switch (key) {
                    case "candidates" -> chunk.readCandidates(p, v);
                    case "usageMetadata" -> {
                        if (v == Event.START_OBJECT) {
                            chunk.usage = readUsage(p);
                        } else {
                            JsonReading.skip(p, v);
                        }
                    }
                    case "modelVersion" -> chunk.modelVersion = JsonReading.string(p, v);
                    case "responseId" -> chunk.responseId = JsonReading.string(p, v);
                    case "promptFeedback" -> chunk.block = readPromptFeedback(p, v);
                    case "error" -> {
                        chunk.error = true;
                        JsonReading.skip(p, v);
                    }
                    default -> JsonReading.skip(p, v);
                }
            }
        }
        return chunk;
    }

    /** @return the text of the first candidate's text parts; empty if none */
    String text() {
        return text.toString();
    }

    /** @return the first candidate's function calls, in order */
    List<FunctionCall> calls() {
        return calls;
    }

    /** @return the first candidate's {@code finishReason}, or {@code null} if it has none yet */
    String finishReason() {
        return finishReason;
    }

    /**
     * @return the normalised {@code usageMetadata}, or {@code null} if the document has none or
     *     one without counts (Vertex AI sends {@code {"trafficType": "ON_DEMAND"}} alone before the
     *     last chunk of a stream)
     */
    Usage usage() {
        return usage;
    }

    /** @return {@code modelVersion}, or {@code null} if absent or empty */
    String modelVersion() {
        return modelVersion == null || modelVersion.isEmpty() ? null : modelVersion;
    }

    /** @return {@code responseId}, or {@code null} */
    String responseId() {
        return responseId;
    }

    /** @return why the prompt was blocked; {@link PromptBlock#NONE} if it was not */
    PromptBlock block() {
        return block;
    }

    /** @return whether the document has a candidate */
    boolean hasCandidate() {
        return candidate;
    }

    /** @return whether the document is an error object rather than a response */
    boolean isError() {
        return error;
    }

    private void readCandidates(JsonParser p, Event v) {
        if (candidate) {
            JsonReading.skip(p, v);
        } else {
            candidate = JsonReading.firstObject(p, v, this::readCandidate);
        }
    }

    private void readCandidate(JsonParser p) {
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "content" -> {
                    if (v == Event.START_OBJECT) {
                        readContent(p);
                    } else {
                        JsonReading.skip(p, v);
                    }
                }
                case "finishReason" -> finishReason = JsonReading.string(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
    }

    private void readContent(JsonParser p) {
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            if (key.equals("parts") && v == Event.START_ARRAY) {
                JsonReading.eachObject(p, v, this::readPart);
            } else {
                JsonReading.skip(p, v);
            }
        }
    }

    /** Takes the part's text unless the part is a thought, or its function call; keys come in any order. */
    private void readPart(JsonParser p) {
        String partText = null;
        boolean thought = false;
        FunctionCall call = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "text" -> partText = JsonReading.string(p, v);
                case "thought" -> thought = v == Event.VALUE_TRUE;
                case "functionCall" -> call = readFunctionCall(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
        if (partText != null && !thought) {
            text.append(partText);
        }
        if (call != null) {
            calls.add(call);
        }
    }

    private static FunctionCall readFunctionCall(JsonParser p, Event v) {
        JsonReading.expectObject(p, v);
        String id = null;
        String name = null;
        String arguments = "{}";
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event e = p.next();
            switch (key) {
                case "id" -> id = JsonReading.string(p, e);
                case "name" -> name = JsonReading.string(p, e);
                case "args" -> {
                    if (e == Event.START_OBJECT) {
                        arguments = p.getObject().toString();
                    } else if (e != Event.VALUE_NULL) {
                        throw new JsonParsingException("functionCall.args is not an object", p.getLocation());
                    }
                }
                default -> JsonReading.skip(p, e);
            }
        }
        if (name == null || name.isEmpty()) {
            throw new JsonParsingException("a functionCall has no name", p.getLocation());
        }
        return new FunctionCall(id == null || id.isEmpty() ? null : id, name, arguments);
    }

    private static PromptBlock readPromptFeedback(JsonParser p, Event v) {
        if (v != Event.START_OBJECT) {
            JsonReading.skip(p, v);
            return PromptBlock.NONE;
        }
        String reason = null;
        String message = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event e = p.next();
            switch (key) {
                case "blockReason" -> reason = JsonReading.string(p, e);
                case "blockReasonMessage" -> message = JsonReading.string(p, e);
                default -> JsonReading.skip(p, e);
            }
        }
        return new PromptBlock(reason, message);
    }

    /**
     * Normalises Google's counts: {@code promptTokenCount} includes cached content but not the
     * tool-use prompt, which is input too; {@code candidatesTokenCount} excludes thoughts, which
     * are billed as output.
     *
     * @return the usage, or {@code null} if the object has no count
     */
    private static Usage readUsage(JsonParser p) {
        long prompt = 0;
        long toolUsePrompt = 0;
        long cached = 0;
        long candidates = 0;
        long thoughts = 0;
        boolean counted = false;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            counted |= v == Event.VALUE_NUMBER && key.endsWith("TokenCount");
            switch (key) {
                case "promptTokenCount" -> prompt = JsonReading.number(p, v);
                case "toolUsePromptTokenCount" -> toolUsePrompt = JsonReading.number(p, v);
                case "cachedContentTokenCount" -> cached = JsonReading.number(p, v);
                case "candidatesTokenCount" -> candidates = JsonReading.number(p, v);
                case "thoughtsTokenCount" -> thoughts = JsonReading.number(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
        if (!counted) {
            return null;
        }
        long input = prompt + toolUsePrompt;
        return Usage.builder()
                .inputTokens(input)
                .cachedInputTokens(Math.min(cached, input))
                .outputTokens(candidates + thoughts)
                .reasoningTokens(thoughts)
                .build();
    }
}
