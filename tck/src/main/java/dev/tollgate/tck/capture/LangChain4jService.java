package dev.tollgate.tck.capture;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.tollgate.api.LlmCall;
import dev.tollgate.impl.foreign.langchain4j.TollgateChatModelListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Calls the provider through a LangChain4j AI service whose model has Tollgate's listener. */
@ApplicationScoped
public class LangChain4jService {

    /** The AI service. */
    interface Assistant {
        @dev.langchain4j.service.SystemMessage("Answer briefly.")
        String answer(String question);
    }

    @Inject
    TollgateChatModelListener listener;

    @Inject
    @ConfigProperty(name = "tollgate.providers.openai.base-url")
    String baseUrl;

    @LlmCall("langchain4j.ask")
    public String ask(String question) {
        ChatModel model = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey("tck-secret-key").modelName("tck-plain")
                .maxRetries(0).listeners(java.util.List.of(listener)).build();
        return AiServices.create(Assistant.class, model).answer(question);
    }
}
