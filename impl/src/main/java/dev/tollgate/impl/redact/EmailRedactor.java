package dev.tollgate.impl.redact;

import dev.tollgate.api.spi.PromptRedactor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces e-mail addresses. It looks only at each {@code @}: back over the local part and forward
 * over a domain with a top-level part, which is much cheaper than trying an address pattern at
 * every position of a long prompt.
 */
final class EmailRedactor implements PromptRedactor {
    private static final Pattern DOMAIN = Pattern.compile(
            "[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![A-Za-z0-9-])");

    private final String replacement;

    EmailRedactor(String replacement) {
        this.replacement = replacement;
    }

    @Override
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        int at = text.indexOf('@');
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher domain = DOMAIN.matcher(text);
        int kept = 0;
        while (at >= 0) {
            int start = at;
            while (start > kept && isLocalPart(text.charAt(start - 1))) {
                start--;
            }
            if (start < at && domain.region(at + 1, text.length()).lookingAt()) {
                out.append(text, kept, start).append(replacement);
                kept = domain.end();
                at = text.indexOf('@', kept);
            } else {
                at = text.indexOf('@', at + 1);
            }
        }
        return kept == 0 ? text : out.append(text, kept, text.length()).toString();
    }

    private static boolean isLocalPart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }
}
