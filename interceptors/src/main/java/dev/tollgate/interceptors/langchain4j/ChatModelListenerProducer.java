package dev.tollgate.interceptors.langchain4j;

import dev.tollgate.impl.foreign.langchain4j.TollgateChatModelListener;
import dev.tollgate.interceptors.TollgateRuntime;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** Makes the LangChain4j listener injectable, as {@link TollgateChatModelListener} and as {@code ChatModelListener}. */
@Dependent
public class ChatModelListenerProducer {

    /**
     * @param runtime the engine
     * @return a listener that records every LangChain4j model call it is given to; thread-safe
     */
    @Produces
    @Dependent
    public TollgateChatModelListener chatModelListener(TollgateRuntime runtime) {
        return TollgateChatModelListener.of(runtime.engine());
    }
}
