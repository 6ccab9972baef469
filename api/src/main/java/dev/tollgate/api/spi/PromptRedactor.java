package dev.tollgate.api.spi;

/**
 * Rewrites the text of captured prompts and answers before any event, span or log line sees it,
 * for example to mask e-mail addresses. It never changes what is sent to the provider.
 *
 * <p>Implementations are found as CDI beans and with {@link java.util.ServiceLoader} and run in
 * turn; they must be thread-safe. When one throws, the failure is logged and the text is kept as
 * {@code "[redaction failed]"}, never unredacted.
 */
@FunctionalInterface
public interface PromptRedactor {

    /**
     * Redacts one text.
     *
     * @param text a message or answer
     * @return the text to keep
     */
    String redact(String text);
}
