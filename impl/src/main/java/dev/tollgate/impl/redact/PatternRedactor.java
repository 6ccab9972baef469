package dev.tollgate.impl.redact;

import dev.tollgate.api.spi.PromptRedactor;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces what a regular expression matches. When the expression has a group named
 * {@value #SECRET}, only that group is replaced, so context such as {@code Bearer } stays; a match
 * the check rejects is kept as it is. A text the cheap pre-check rules out is not matched at all,
 * since most prompts hold nothing to redact and scanning them with a regular expression costs far
 * more than a search for a character.
 */
public final class PatternRedactor implements PromptRedactor {
    /** The name of the group that is replaced instead of the whole match. */
    public static final String SECRET = "secret";

    private final Predicate<String> mayMatch;
    private final Pattern pattern;
    private final Predicate<String> check;
    private final String replacement;
    private final boolean hasSecretGroup;

    /**
     * @param pattern what to replace
     * @param replacement what replaces it
     */
    public PatternRedactor(Pattern pattern, String replacement) {
        this(text -> true, pattern, text -> true, replacement);
    }

    /**
     * @param mayMatch whether a text may hold a match at all; {@code false} only if it cannot
     * @param pattern what to replace
     * @param check whether a match is to be replaced, given the text replaced
     * @param replacement what replaces it
     */
    public PatternRedactor(Predicate<String> mayMatch, Pattern pattern, Predicate<String> check, String replacement) {
        this.mayMatch = mayMatch;
        this.pattern = pattern;
        this.check = check;
        this.replacement = replacement;
        this.hasSecretGroup = pattern.pattern().contains("(?<" + SECRET + ">");
    }

    @Override
    public String redact(String text) {
        if (text == null || text.isEmpty() || !mayMatch.test(text)) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int kept = 0;
        do {
            int start = hasSecretGroup ? m.start(SECRET) : m.start();
            int end = hasSecretGroup ? m.end(SECRET) : m.end();
            if (start >= 0 && check.test(text.substring(start, end))) {
                out.append(text, kept, start).append(replacement);
                kept = end;
            }
        } while (m.find());
        return kept == 0 ? text : out.append(text, kept, text.length()).toString();
    }
}
