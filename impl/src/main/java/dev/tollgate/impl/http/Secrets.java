package dev.tollgate.impl.http;

/** Keeps credentials out of texts that leave the engine: messages, logs, events. */
public final class Secrets {
    private static final String MASK = "***";

    private Secrets() {
    }

    /**
     * @param text a text that may quote a secret, or {@code null}
     * @param secret the secret, or {@code null}
     * @return the text with every occurrence of the secret masked
     */
    public static String mask(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, MASK);
    }
}
