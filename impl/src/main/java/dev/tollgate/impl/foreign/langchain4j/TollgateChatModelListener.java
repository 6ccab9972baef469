package dev.tollgate.impl.foreign.langchain4j;

import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.Message;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.capture.CaptureFailures;
import dev.tollgate.impl.foreign.ForeignClients;
import dev.tollgate.impl.foreign.ForeignExchanges;
import dev.tollgate.impl.foreign.ForeignRequest;
import java.util.List;

/**
 * Makes every call of a LangChain4j chat model, AI services included, an exchange of the current
 * {@link dev.tollgate.api.LlmCall} call (or a record of its own outside one), with its prompts,
 * usage, cost, latency and errors, spans and metrics, and budgets reserved before it is sent and
 * settled after.
 *
 * <ol>
 *   <li>The prompts are copied from the request LangChain4j was given; it is never changed.</li>
 *   <li>The provider id is the configured one, {@code tollgate.clients.langchain4j.provider}, or
 *       else the Tollgate type of the model's provider ({@code openai}, {@code anthropic}, ...).</li>
 *   <li>It cannot refuse a request: LangChain4j logs and ignores what a listener throws, so a
 *       budget already used up is logged, and the request is charged when it ends.</li>
 *   <li>Whatever goes wrong inside it is counted as a capture failure; it never throws.</li>
 * </ol>
 */
public final class TollgateChatModelListener implements ChatModelListener {
    private static final Object KEY = TollgateChatModelListener.class;

    private final ForeignExchanges exchanges;
    private final String provider;
    private final CaptureFailures failures;

    /**
     * @param exchanges the engine's entry for requests of other clients
     * @param provider the provider id to record requests under, or {@code null} to take it from the model
     * @param failures where failures are counted
     */
    public TollgateChatModelListener(ForeignExchanges exchanges, String provider, CaptureFailures failures) {
        this.exchanges = exchanges;
        this.provider = provider;
        this.failures = failures;
    }

    /**
     * @param tollgate the engine
     * @return a listener recording into the engine, under {@code tollgate.clients.langchain4j.provider} if set
     */
    public static TollgateChatModelListener of(Tollgate tollgate) {
        return new TollgateChatModelListener(tollgate.foreignExchanges(),
                tollgate.foreignClients().provider(ForeignClients.LANGCHAIN4J).orElse(null), tollgate.captureFailures());
    }

    @Override
    public void onRequest(ChatModelRequestContext context) {
        try {
            dev.langchain4j.model.chat.request.ChatRequest given = context.chatRequest();
            String id = provider != null ? provider : LangChain4jModels.providerId(context.modelProvider());
            context.attributes().put(KEY, exchanges.started(request(given, id), false));
        } catch (RuntimeException e) {
            failures.report("recording the start of a LangChain4j request", e);
        }
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        try {
            if (context.attributes().get(KEY) instanceof ForeignRequest request) {
                request.answered(LangChain4jModels.answer(context.chatResponse(), request.target().provider()));
            }
        } catch (RuntimeException e) {
            failures.report("recording the answer of a LangChain4j request", e);
        }
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        try {
            if (context.attributes().get(KEY) instanceof ForeignRequest request) {
                Throwable error = context.error();
                request.failed(ForeignExchanges.failure(request.target().provider(), request.target().model(), error,
                        LangChain4jErrors.category(error), LangChain4jErrors.status(error)));
            }
        } catch (RuntimeException e) {
            failures.report("recording the failure of a LangChain4j request", e);
        }
    }

    private static ChatRequest request(dev.langchain4j.model.chat.request.ChatRequest given, String provider) {
        List<Message> messages = LangChain4jModels.messages(given.messages());
        ChatRequest.Builder request = ChatRequest.builder()
                .messages(messages.isEmpty() ? List.of(Message.user("")) : messages)
                .provider(provider);
        ChatRequestParameters p = given.parameters();
        if (p != null) {
            if (p.modelName() != null) {
                request.model(p.modelName());
            }
            request.temperature(p.temperature()).topP(p.topP()).maxTokens(p.maxOutputTokens());
            if (p.stopSequences() != null && !p.stopSequences().isEmpty()) {
                request.stop(p.stopSequences().toArray(String[]::new));
            }
        }
        return request.build();
    }
}
