package dev.tollgate.interceptors.langchain4j;

import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;

/**
 * Registers the producer of the LangChain4j listener when LangChain4j can be loaded. Kept apart
 * from the extension so that no class referring to LangChain4j is loaded where it is absent.
 */
public final class LangChain4jIntegration {
    private static final String CHAT_MODEL_LISTENER = "dev.langchain4j.model.chat.listener.ChatModelListener";

    private LangChain4jIntegration() {
    }

    /**
     * Adds the listener's producer to the deployment's beans, if LangChain4j is visible to
     * Tollgate's classes.
     *
     * @param bbd the event before bean discovery
     * @return whether the producer was registered
     */
    public static boolean register(BeforeBeanDiscovery bbd) {
        try {
            Class.forName(CHAT_MODEL_LISTENER, false, LangChain4jIntegration.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        bbd.addAnnotatedType(ChatModelListenerProducer.class, ChatModelListenerProducer.class.getName());
        return true;
    }
}
