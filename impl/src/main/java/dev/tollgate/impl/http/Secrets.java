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

    /**
     * Keeps a failure's cause from carrying a credential: a parser's message may quote the body it
     * choked on, and the body may quote the credential.
     *
     * @param failure a failure to chain as a cause, or {@code null}
     * @param secrets the credentials, any of them {@code null}
     * @return the failure itself if no message in its chain quotes a credential; otherwise a copy of
     *     the chain with the same types named, the same stack traces and the credentials masked
     */
    public static Throwable mask(Throwable failure, String... secrets) {
        if (failure == null || !quotes(failure, secrets)) {
            return failure;
        }
        String message = failure.getMessage();
        for (String secret : secrets) {
            message = mask(message, secret);
        }
        Throwable cause = failure.getCause() == failure ? null : mask(failure.getCause(), secrets);
        MaskedFailure masked = new MaskedFailure(failure.getClass().getName() + ": " + message, cause);
        masked.setStackTrace(failure.getStackTrace());
        return masked;
    }

    private static boolean quotes(Throwable failure, String... secrets) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            for (String secret : secrets) {
                if (message != null && secret != null && !secret.isEmpty() && message.contains(secret)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A failure whose message had a credential masked; its message names the original type. */
    static final class MaskedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MaskedFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
