package dev.tollgate.impl.pricing;

import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.ModelPrice.Tier;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Costs computed straight from LiteLLM's price file, by LiteLLM's own rules, without any of
 * Tollgate's pricing code: the reference the shipped table is checked against.
 *
 * <p>LiteLLM's rules, as its {@code generic_cost_per_token} and {@code batch_cost_calculator}
 * apply them:
 * <ol>
 *   <li>a request whose prompt tokens are strictly above an {@code input_cost_per_token_above_<n>k_tokens}
 *       threshold bills every token kind at its {@code _above_<n>k_tokens} price, each falling back
 *       to the price below the threshold;</li>
 *   <li>a flex or priority request takes the {@code _flex} or {@code _priority} price of each key,
 *       falling back to the key without the suffix;</li>
 *   <li>reasoning tokens cost the tier's reasoning price, else the tier's output price if the tier
 *       has one, else the standard reasoning price, else the output price;</li>
 *   <li>a batch request bills every prompt token at {@code input_cost_per_token_batches} and every
 *       completion token at {@code output_cost_per_token_batches}.</li>
 * </ol>
 * Where Tollgate's documented rules differ on purpose, this follows Tollgate's and says so:
 * a price the file does not give for cache reads or writes costs the input price (LiteLLM bills
 * such tokens at zero; the provider then never reports them), a missing one-hour cache write
 * costs the five-minute price, and flex falls back to the batch price before the standard one.
 */
final class LiteLlmReference {
    private static final List<String> PREFIXES = List.of("openai", "azure", "anthropic", "gemini", "vertex_ai",
            "bedrock_converse", "bedrock", "mistral", "cohere_chat", "cohere", "ollama_chat", "ollama");

    /**
     * One model of the file.
     *
     * @param type the Tollgate provider type
     * @param model the model, without LiteLLM's provider prefix
     * @param name the entry's name in the file
     * @param prices every number of the entry, by key
     */
    record Model(String type, String model, String name, Map<String, BigDecimal> prices) {
        boolean has(String key) {
            return prices.containsKey(key);
        }
    }

    private LiteLlmReference() {
    }

    /** @return every chat model of a provider type Tollgate has, as LiteLLM would look it up */
    static List<Model> models() {
        JsonObject file;
        try (InputStream in = LiteLlmReference.class.getResourceAsStream("/litellm/model_prices_and_context_window.json");
                JsonReader reader = Json.createReader(in)) {
            file = reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Model> models = new LinkedHashMap<>();
        Set<String> prefixed = new HashSet<>();
        for (Map.Entry<String, JsonValue> e : file.entrySet()) {
            if (!(e.getValue() instanceof JsonObject entry)) {
                continue;
            }
            String type = type(text(entry, "litellm_provider"));
            String mode = text(entry, "mode");
            if (type == null || !(mode.equals("chat") || mode.equals("responses"))
                    || !(entry.get("input_cost_per_token") instanceof JsonNumber)
                    || !(entry.get("output_cost_per_token") instanceof JsonNumber)) {
                continue;
            }
            String model = e.getKey();
            String prefix = PREFIXES.stream().filter(p -> e.getKey().startsWith(p + "/")).findFirst().orElse(null);
            if (prefix != null) {
                model = model.substring(prefix.length() + 1);
            }
            if ((type.equals("azure-openai") || type.equals("bedrock")) && model.contains("/")) {
                continue;
            }
            String key = type + "/" + model;
            if (models.containsKey(key) && (prefix == null || prefixed.contains(key))) {
                continue;
            }
            if (prefix != null) {
                prefixed.add(key);
            }
            Map<String, BigDecimal> prices = new LinkedHashMap<>();
            entry.forEach((k, v) -> {
                if (v instanceof JsonNumber n) {
                    prices.put(k, n.bigDecimalValue());
                }
            });
            models.put(key, new Model(type, model, e.getKey(), prices));
        }
        return new ArrayList<>(models.values());
    }

    private static String text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : "";
    }

    private static String type(String litellmProvider) {
        if (litellmProvider.equals("vertex_ai") || litellmProvider.startsWith("vertex_ai-")) {
            return "vertex";
        }
        return switch (litellmProvider) {
            case "openai", "anthropic", "gemini", "mistral", "cohere", "ollama" -> litellmProvider;
            case "azure" -> "azure-openai";
            case "bedrock", "bedrock_converse" -> "bedrock";
            case "cohere_chat" -> "cohere";
            case "ollama_chat" -> "ollama";
            default -> null;
        };
    }

    /**
     * @param m a model
     * @return whether LiteLLM has batch prices for both input and output of it
     */
    static boolean hasBatchPrices(Model m) {
        return m.has("input_cost_per_token_batches") && m.has("output_cost_per_token_batches");
    }

    /**
     * @param m a model
     * @param usage the tokens
     * @param tier the service tier; {@link Tier#BATCH} only for a model with batch prices
     * @return the cost in USD
     */
    static BigDecimal cost(Model m, Usage usage, Tier tier) {
        if (tier == Tier.BATCH) {
            return perToken(usage.inputTokens(), m.prices().get("input_cost_per_token_batches"))
                    .add(perToken(usage.outputTokens(), m.prices().get("output_cost_per_token_batches")));
        }
        List<String> suffixes = switch (tier) {
            case FLEX -> List.of("_flex", "_batches", "");
            case PRIORITY -> List.of("_priority", "");
            default -> List.of("");
        };
        BigDecimal input = rate(m, "input_cost_per_token", suffixes);
        BigDecimal output = rate(m, "output_cost_per_token", suffixes);
        BigDecimal cacheRead = rate(m, "cache_read_input_token_cost", suffixes);
        BigDecimal cacheWrite = rate(m, "cache_creation_input_token_cost", suffixes);
        BigDecimal cacheWrite1h = m.prices().get("cache_creation_input_token_cost_above_1hr");

        String threshold = m.prices().keySet().stream()
                .filter(k -> k.matches("input_cost_per_token_above_\\d+k?_tokens"))
                .max(Comparator.comparingLong(LiteLlmReference::threshold))
                .filter(k -> usage.inputTokens() > threshold(k))
                .map(k -> k.substring("input_cost_per_token".length()))
                .orElse(null);
        if (threshold != null) {
            input = orElse(rate(m, "input_cost_per_token" + threshold, suffixes), input);
            output = orElse(rate(m, "output_cost_per_token" + threshold, suffixes), output);
            cacheRead = orElse(rate(m, "cache_read_input_token_cost" + threshold, suffixes), cacheRead);
            cacheWrite = orElse(rate(m, "cache_creation_input_token_cost" + threshold, suffixes), cacheWrite);
            cacheWrite1h = orElse(rate(m, "cache_creation_input_token_cost_above_1hr" + threshold, suffixes),
                    cacheWrite1h);
        }
        BigDecimal reasoning = reasoning(m, suffixes, output);

        cacheRead = orElse(cacheRead, input);
        cacheWrite = orElse(cacheWrite, input);
        cacheWrite1h = orElse(cacheWrite1h, cacheWrite);
        long uncached = usage.inputTokens() - usage.cachedInputTokens() - usage.cacheWriteTokens();
        return perToken(uncached, input)
                .add(perToken(usage.cachedInputTokens(), cacheRead))
                .add(perToken(usage.cacheWriteTokens() - usage.cacheWrite1hTokens(), cacheWrite))
                .add(perToken(usage.cacheWrite1hTokens(), cacheWrite1h))
                .add(perToken(usage.outputTokens() - usage.reasoningTokens(), output))
                .add(perToken(usage.reasoningTokens(), reasoning));
    }

    private static BigDecimal reasoning(Model m, List<String> suffixes, BigDecimal output) {
        for (String suffix : suffixes) {
            if (suffix.isEmpty()) {
                break;
            }
            if (m.has("output_cost_per_reasoning_token" + suffix)) {
                return m.prices().get("output_cost_per_reasoning_token" + suffix);
            }
            if (m.has("output_cost_per_token" + suffix)) {
                return output;
            }
        }
        return orElse(m.prices().get("output_cost_per_reasoning_token"), output);
    }

    private static BigDecimal rate(Model m, String key, List<String> suffixes) {
        for (String suffix : suffixes) {
            BigDecimal price = m.prices().get(key + suffix);
            if (price != null) {
                return price;
            }
        }
        return null;
    }

    private static long threshold(String key) {
        String n = key.replaceAll(".*_above_(\\d+k?)_tokens.*", "$1");
        return n.endsWith("k") ? Long.parseLong(n.substring(0, n.length() - 1)) * 1000 : Long.parseLong(n);
    }

    private static BigDecimal orElse(BigDecimal value, BigDecimal fallback) {
        return value != null ? value : fallback;
    }

    private static BigDecimal perToken(long tokens, BigDecimal price) {
        return BigDecimal.valueOf(tokens).multiply(price);
    }
}
