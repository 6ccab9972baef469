package dev.tollgate.impl.capture;

import dev.tollgate.api.Message;
import dev.tollgate.api.spi.PromptRedactor;
import dev.tollgate.impl.Messages;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what of a prompt and answer is kept in an exchange: nothing when capture is off, for
 * the engine or for the call the exchange belongs to, else the text after every
 * {@link PromptRedactor} ran on it, the built-in ones first. When a redactor throws, the text is
 * replaced by {@value #REDACTION_FAILED} rather than kept unredacted.
 */
public final class PromptCapture {
    /** What is kept of a text whose redaction failed. */
    public static final String REDACTION_FAILED = "[redaction failed]";

    private static final System.Logger LOG = System.getLogger(PromptCapture.class.getName());

    private final boolean enabled;
    private final List<PromptRedactor> redactors;
    private final CaptureFailures failures;

    /**
     * @param enabled whether prompts and answers are kept
     * @param redactors the redactors, run in order
     * @param failures where redactor failures are counted
     */
    public PromptCapture(boolean enabled, List<PromptRedactor> redactors, CaptureFailures failures) {
        this.enabled = enabled;
        this.redactors = List.copyOf(redactors);
        this.failures = failures;
    }

    /**
     * @param context the call the exchange belongs to, or {@code null} for a standalone one
     * @param messages the messages sent
     * @return what to keep; empty when capture is off
     */
    public List<Message> messages(LlmCallContext context, List<Message> messages) {
        if (!enabled(context)) {
            return List.of();
        }
        if (redactors.isEmpty()) {
            return messages;
        }
        List<Message> kept = new ArrayList<>(messages.size());
        for (Message m : messages) {
            kept.add(m.withContent(redact(m.content())));
        }
        return kept;
    }

    /**
     * @param context the call the exchange belongs to, or {@code null} for a standalone one
     * @param text an answer
     * @return what to keep; {@code null} when capture is off
     */
    public String text(LlmCallContext context, String text) {
        return enabled(context) ? redact(text) : null;
    }

    private boolean enabled(LlmCallContext context) {
        return enabled && (context == null || context.point().capture());
    }

    private String redact(String text) {
        String result = text;
        for (PromptRedactor r : redactors) {
            try {
                String redacted = r.redact(result);
                if (redacted != null) {
                    result = redacted;
                }
            } catch (RuntimeException | StackOverflowError e) {
                failures.report("redacting a prompt", e);
                LOG.log(Level.DEBUG, () -> Messages.redactorFailed(r.getClass().getName()));
                return REDACTION_FAILED;
            }
        }
        return result;
    }
}
