package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;

/**
 * Reads a {@code generateContent} response body with the streaming parser: the text parts of the
 * first candidate (thought summaries left out), its finish reason, {@code modelVersion},
 * {@code responseId} and {@code usageMetadata}.
 *
 * <p>A prompt that Google blocks gets no candidate, only {@code promptFeedback.blockReason}; that
 * is a {@link ErrorCategory#CONTENT_FILTERED} failure, not an empty answer, the way other
 * providers refuse a prompt. A candidate cut by the filter while it was generated is an answer
 * with {@link FinishReason#CONTENT_FILTER}.
 */
final class GeminiResponseReader {
    private final String providerId;

    /** @param providerId the provider id, for the failure of a blocked prompt */
    GeminiResponseReader(String providerId) {
        this.providerId = providerId;
    }

    /**
     * @param body the body of a 2xx response
     * @param model the requested model id, reported if the body names none
     * @return the response, without provider id, cost or latency
     * @throws LlmException of category {@link ErrorCategory#CONTENT_FILTERED} if the prompt was blocked
     * @throws JsonParsingException if the body is not a {@code generateContent} response
     */
    ChatResponse read(byte[] body, String model) {
        ChatResponse.Builder response = ChatResponse.builder().model(model);
        boolean sawCandidate = false;
        PromptBlock block = PromptBlock.NONE;
        try (JsonParser p = JsonSupport.parser(body)) {
            JsonReading.expectObject(p, p.next());
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event v = p.next();
                switch (key) {
                    case "candidates" -> sawCandidate = readCandidates(p, v, response);
                    case "usageMetadata" -> {
                        if (v == Event.START_OBJECT) {
                            response.usage(readUsage(p));
                        } else {
                            JsonReading.skip(p, v);
                        }
                    }
                    case "modelVersion" -> {
                        String version = JsonReading.string(p, v);
                        if (version != null && !version.isEmpty()) {
                            response.model(version);
                        }
                    }
                    case "responseId" -> response.responseId(JsonReading.string(p, v));
                    case "promptFeedback" -> block = readPromptFeedback(p, v);
                    default -> JsonReading.skip(p, v);
                }
            }
            if (!sawCandidate && block.reason() != null) {
                throw LlmException.builder(ErrorCategory.CONTENT_FILTERED).provider(providerId).model(model)
                        .httpStatus(200).providerErrorCode(block.reason()).providerMessage(block.message())
                        .message("the provider blocked the prompt").build();
            }
            if (!sawCandidate) {
                throw new JsonParsingException("the response has no candidate", p.getLocation());
            }
        }
        return response.build();
    }

    private static boolean readCandidates(JsonParser p, Event v, ChatResponse.Builder response) {
        if (v != Event.START_ARRAY) {
            JsonReading.skip(p, v);
            return false;
        }
        boolean any = false;
        for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
            if (!any && e == Event.START_OBJECT) {
                readCandidate(p, response);
                any = true;
            } else {
                JsonReading.skip(p, e);
            }
        }
        return any;
    }

    private static void readCandidate(JsonParser p, ChatResponse.Builder response) {
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "content" -> {
                    if (v == Event.START_OBJECT) {
                        response.text(readContent(p));
                    } else {
                        JsonReading.skip(p, v);
                    }
                }
                case "finishReason" -> {
                    String raw = JsonReading.string(p, v);
                    response.rawFinishReason(raw).finishReason(finishReason(raw));
                }
                default -> JsonReading.skip(p, v);
            }
        }
    }

    private static String readContent(JsonParser p) {
        StringBuilder text = new StringBuilder();
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            if (key.equals("parts") && v == Event.START_ARRAY) {
                for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
                    if (e == Event.START_OBJECT) {
                        readPart(p, text);
                    } else {
                        JsonReading.skip(p, e);
                    }
                }
            } else {
                JsonReading.skip(p, v);
            }
        }
        return text.toString();
    }

    /** Appends the part's text unless the part is a thought; either key may come first. */
    private static void readPart(JsonParser p, StringBuilder text) {
        String partText = null;
        boolean thought = false;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "text" -> partText = JsonReading.string(p, v);
                case "thought" -> thought = v == Event.VALUE_TRUE;
                default -> JsonReading.skip(p, v);
            }
        }
        if (partText != null && !thought) {
            text.append(partText);
        }
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
     */
    private static Usage readUsage(JsonParser p) {
        long prompt = 0;
        long toolUsePrompt = 0;
        long cached = 0;
        long candidates = 0;
        long thoughts = 0;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "promptTokenCount" -> prompt = JsonReading.number(p, v);
                case "toolUsePromptTokenCount" -> toolUsePrompt = JsonReading.number(p, v);
                case "cachedContentTokenCount" -> cached = JsonReading.number(p, v);
                case "candidatesTokenCount" -> candidates = JsonReading.number(p, v);
                case "thoughtsTokenCount" -> thoughts = JsonReading.number(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
        long input = prompt + toolUsePrompt;
        return Usage.builder()
                .inputTokens(input)
                .cachedInputTokens(Math.min(cached, input))
                .outputTokens(candidates + thoughts)
                .reasoningTokens(thoughts)
                .build();
    }

    static FinishReason finishReason(String raw) {
        if (raw == null) {
            return FinishReason.OTHER;
        }
        return switch (raw) {
            case "STOP" -> FinishReason.STOP;
            case "MAX_TOKENS" -> FinishReason.LENGTH;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY",
                    "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    /** {@code promptFeedback.blockReason} and {@code blockReasonMessage}; either may be {@code null}. */
    private record PromptBlock(String reason, String message) {
        static final PromptBlock NONE = new PromptBlock(null, null);
    }
}
