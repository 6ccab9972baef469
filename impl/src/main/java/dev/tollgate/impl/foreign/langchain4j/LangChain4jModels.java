package dev.tollgate.impl.foreign.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.TokenUsage;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.Message;
import dev.tollgate.api.ToolCall;
import dev.tollgate.api.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads LangChain4j's messages, answers and providers into Tollgate's, copying and never changing them. */
final class LangChain4jModels {
    private LangChain4jModels() {
    }

    /**
     * @param provider LangChain4j's provider of a model, or {@code null}
     * @return the Tollgate provider type of the same protocol, used as provider id
     */
    static String providerId(ModelProvider provider) {
        if (provider == null) {
            return "langchain4j";
        }
        return switch (provider) {
            case OPEN_AI -> "openai";
            case AZURE_OPEN_AI -> "azure-openai";
            case ANTHROPIC -> "anthropic";
            case GOOGLE_AI_GEMINI -> "gemini";
            case GOOGLE_VERTEX_AI_GEMINI -> "vertex";
            case AMAZON_BEDROCK -> "bedrock";
            case MISTRAL_AI -> "mistral";
            case OLLAMA -> "ollama";
            case COHERE -> "cohere";
            default -> provider.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        };
    }

    /**
     * @param messages a LangChain4j conversation
     * @return its text messages; content that is not text is left out
     */
    static List<Message> messages(List<ChatMessage> messages) {
        List<Message> copied = new ArrayList<>(messages.size());
        for (ChatMessage m : messages) {
            if (m instanceof SystemMessage s) {
                copied.add(Message.system(s.text()));
            } else if (m instanceof UserMessage u) {
                copied.add(Message.user(u.contents().stream().filter(TextContent.class::isInstance)
                        .map(c -> ((TextContent) c).text()).collect(Collectors.joining("\n"))));
            } else if (m instanceof AiMessage a) {
                copied.add(Message.assistant(a.text() == null ? "" : a.text(), a.toolExecutionRequests().stream()
                        .map(t -> new ToolCall(t.id(), t.name(), t.arguments())).toList()));
            } else if (m instanceof ToolExecutionResultMessage t) {
                copied.add(Message.toolResult(t.id(), t.text()));
            }
        }
        return copied;
    }

    /**
     * @param response a LangChain4j answer
     * @param provider the provider id to record it under
     * @return the answer, without cost
     */
    static ChatResponse answer(dev.langchain4j.model.chat.response.ChatResponse response, String provider) {
        ChatResponseMetadata metadata = response.metadata();
        ChatResponse.Builder answer = ChatResponse.builder()
                .provider(provider)
                .usage(usage(response.tokenUsage()))
                .finishReason(finishReason(response.finishReason()));
        if (response.modelName() != null) {
            answer.model(response.modelName());
        }
        if (metadata != null && metadata.id() != null) {
            answer.responseId(metadata.id());
        }
        if (response.aiMessage() != null && response.aiMessage().text() != null) {
            answer.text(response.aiMessage().text());
        }
        return answer.build();
    }

    /**
     * LangChain4j's usage has no place for cached or reasoning tokens; its input count is the
     * provider's, which for Anthropic leaves out cache reads and writes.
     */
    private static Usage usage(TokenUsage usage) {
        if (usage == null || usage.inputTokenCount() == null || usage.outputTokenCount() == null) {
            return Usage.unknown();
        }
        return Usage.of(usage.inputTokenCount(), usage.outputTokenCount());
    }

    private static FinishReason finishReason(dev.langchain4j.model.output.FinishReason reason) {
        if (reason == null) {
            return FinishReason.OTHER;
        }
        return switch (reason) {
            case STOP -> FinishReason.STOP;
            case LENGTH -> FinishReason.LENGTH;
            case TOOL_EXECUTION -> FinishReason.TOOL_CALLS;
            case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
