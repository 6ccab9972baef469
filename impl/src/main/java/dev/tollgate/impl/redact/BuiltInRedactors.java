package dev.tollgate.impl.redact;

import dev.tollgate.api.spi.PromptRedactor;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.ConfigReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The redactors configuration asks for: the built-in ones named by
 * {@code tollgate.redaction.builtin} (all by default, {@code none} for none), then one per
 * {@code tollgate.redaction.patterns.<name>}, in the order of their names. Each replaces what it
 * finds by {@code tollgate.redaction.replacement} (default {@value #DEFAULT_REPLACEMENT}), with
 * {@value #NAME} standing for the redactor's name.
 */
public final class BuiltInRedactors {
    /** The default replacement. */
    public static final String DEFAULT_REPLACEMENT = "[{name}]";
    /** Stands for the redactor's name in the replacement. */
    public static final String NAME = "{name}";
    /** Turns the built-in redactors off. */
    public static final String NONE = "none";

    private static final String NOT_KEY_CHAR = "(?![A-Za-z0-9_-])";
    private static final String NO_KEY_CHAR_BEFORE = "(?<![A-Za-z0-9_-])";

    private static final Pattern CARD = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");
    private static final Pattern PREFIXED_KEY = Pattern.compile(NO_KEY_CHAR_BEFORE + "(?:"
            + "sk-[A-Za-z0-9_-]{20,}"
            + "|AIza[0-9A-Za-z_-]{35}"
            + "|(?:AKIA|ASIA)[0-9A-Z]{16}"
            + "|gh[pousr]_[A-Za-z0-9]{36,}"
            + "|github_pat_[A-Za-z0-9_]{22,}"
            + "|xox[abprs]-[A-Za-z0-9-]{10,}"
            + ")" + NOT_KEY_CHAR);
    private static final Pattern BEARER = Pattern.compile(
            "(?i:\\bbearer)\\s+(?<secret>[A-Za-z0-9._~+/-]{16,}=*)");
    // starts at the separator, so that only ':' and '=' look back for a label
    private static final Pattern LABELLED = Pattern.compile("[:=](?<=(?i:api[_-]?key|secret|token|password|passwd"
            + "|pwd|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?)[\"']?\\s{0,3}[:=])\\s*[\"']?"
            + "(?<secret>[A-Za-z0-9+/_.~=-]{8,})");
    private static final int MIN_RANDOM = 32;
    private static final Pattern RANDOM_BASE64 = Pattern.compile(
            "(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{" + MIN_RANDOM + ",}={0,2}(?![A-Za-z0-9+/=_-])");
    private static final String[] KEY_PREFIXES = {"sk-", "AIza", "AKIA", "ASIA", "ghp_", "gho_", "ghu_", "ghs_",
        "ghr_", "github_pat_", "xox"};
    private static final String[] LABELS = {"key", "secret", "token", "pass", "pwd", "credential"};

    private static final Map<String, Function<String, List<PromptRedactor>>> BUILT_IN = new LinkedHashMap<>();

    static {
        BUILT_IN.put("email", r -> List.of(new EmailRedactor(r)));
        BUILT_IN.put("card", r -> List.of(
                new PatternRedactor(SecretChecks::mayHoldCardNumber, CARD, SecretChecks::isCardNumber, r)));
        BUILT_IN.put("api-key", r -> List.of(
                new PatternRedactor(t -> SecretChecks.containsAny(t, KEY_PREFIXES), PREFIXED_KEY,
                        SecretChecks::hasLetterAndDigit, r),
                new PatternRedactor(t -> SecretChecks.containsIgnoringCase(t, "bearer"), BEARER,
                        SecretChecks::hasLetterAndDigit, r),
                new PatternRedactor(t -> (t.indexOf(':') >= 0 || t.indexOf('=') >= 0)
                        && SecretChecks.containsAnyIgnoringCase(t, LABELS), LABELLED, SecretChecks::looksGenerated, r),
                new PatternRedactor(t -> SecretChecks.hasRun(t, MIN_RANDOM), RANDOM_BASE64, SecretChecks::looksRandom,
                        r)));
    }

    private BuiltInRedactors() {
    }

    /**
     * @param reader reads the configuration and reports problems, such as an invalid pattern
     * @return the redactors, in the order they run
     */
    public static List<PromptRedactor> read(ConfigReader reader) {
        String replacement = reader.string(ConfigKeys.REDACTION_REPLACEMENT).orElse(DEFAULT_REPLACEMENT);
        List<PromptRedactor> redactors = new ArrayList<>();
        String builtIn = reader.string(ConfigKeys.REDACTION_BUILTIN).orElse(String.join(",", BUILT_IN.keySet()));
        for (String name : builtIn.split(",")) {
            String n = name.strip();
            if (n.isEmpty() || n.equalsIgnoreCase(NONE)) {
                continue;
            }
            Function<String, List<PromptRedactor>> factory = BUILT_IN.get(n);
            if (factory == null) {
                reader.problems().add(Messages.builtInRedactorUnknown(ConfigKeys.REDACTION_BUILTIN, n,
                        BUILT_IN.keySet()));
            } else {
                redactors.addAll(factory.apply(replacement.replace(NAME, n)));
            }
        }
        for (String property : patternProperties(reader)) {
            String name = property.substring(ConfigKeys.REDACTION_PATTERNS.length());
            reader.string(property).ifPresent(regex -> {
                try {
                    redactors.add(new PatternRedactor(Pattern.compile(regex), replacement.replace(NAME, name)));
                } catch (PatternSyntaxException e) {
                    reader.problems().add(Messages.redactionPatternInvalid(property, e.getDescription()));
                }
            });
        }
        return redactors;
    }

    private static TreeSet<String> patternProperties(ConfigReader reader) {
        TreeSet<String> names = new TreeSet<>();
        for (String property : reader.config().getPropertyNames()) {
            if (property.startsWith(ConfigKeys.REDACTION_PATTERNS)
                    && property.length() > ConfigKeys.REDACTION_PATTERNS.length()) {
                names.add(property);
            }
        }
        return names;
    }
}
