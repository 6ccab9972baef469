package dev.tollgate.impl.pricing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The alias of a model name: the name of the model family it is a version, snapshot or route of,
 * under which the price tables key their prices. The rules, applied once each, in this order:
 * <ol>
 *   <li>a resource path keeps what follows its last {@code models/} (Gemini's
 *       {@code models/gemini-2.5-pro}, Vertex's {@code projects/…/publishers/google/models/…}); an
 *       ARN keeps what follows its last {@code /} (Bedrock's inference profiles);</li>
 *   <li>a Bedrock cross-region inference profile loses its geography, {@code us.}, {@code eu.},
 *       {@code apac.}, {@code au.}, {@code jp.}, {@code ca.}, {@code us-gov.} or {@code global.},
 *       where a vendor such as {@code anthropic.} follows;</li>
 *   <li>a Bedrock version suffix such as {@code -v1:0} or {@code -v1} is cut;</li>
 *   <li>a Vertex version such as {@code @20250929}, {@code @001} or {@code @default} is cut;</li>
 *   <li>{@code -latest} is cut;</li>
 *   <li>a date {@code -2024-08-06} (OpenAI) or {@code -20250929} (Anthropic) is cut;</li>
 *   <li>OpenAI's four-digit snapshot {@code -0613} is cut from {@code gpt-} models;</li>
 *   <li>Gemini's three-digit version {@code -001} is cut from {@code gemini-} models.</li>
 * </ol>
 * So {@code us.anthropic.claude-sonnet-4-5-20250929-v1:0} is an alias of
 * {@code anthropic.claude-sonnet-4-5}, and {@code gpt-4o-2024-08-06} of {@code gpt-4o}. A name no
 * rule changes is its own alias. Aliases are cached per name, up to {@value #CACHE_LIMIT} names.
 */
public final class ModelAliases {
    static final int CACHE_LIMIT = 4096;

    private static final List<Rule> RULES = List.of(
            new Rule("^(?:.*/)?models/", ""),
            new Rule("^arn:.*/", ""),
            new Rule("^(?:us|eu|apac|au|jp|ca|us-gov|global)\\.(?=[a-z0-9-]+\\.)", ""),
            new Rule("-v\\d+(?::\\d+)?$", ""),
            new Rule("@[^@/]*$", ""),
            new Rule("-latest$", ""),
            new Rule("-(?:\\d{4}-\\d{2}-\\d{2}|\\d{8})$", ""),
            new Rule("^(gpt-.+)-\\d{4}$", "$1"),
            new Rule("^(gemini-.+)-\\d{3}$", "$1"));

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /**
     * @param model a model name
     * @return its alias, cached
     */
    public String aliasOf(String model) {
        String alias = cache.get(model);
        if (alias == null) {
            alias = alias(model);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(model, alias);
            }
        }
        return alias;
    }

    /**
     * @param model a model name
     * @return its alias by the rules of this class; the name itself if no rule applies
     */
    public static String alias(String model) {
        String alias = model;
        for (Rule rule : RULES) {
            alias = rule.apply(alias);
        }
        return alias.isEmpty() ? model : alias;
    }

    private record Rule(Pattern pattern, String replacement) {
        Rule(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }

        String apply(String model) {
            return pattern.matcher(model).replaceFirst(replacement);
        }
    }
}
