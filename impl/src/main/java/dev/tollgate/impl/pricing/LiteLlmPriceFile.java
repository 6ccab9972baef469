package dev.tollgate.impl.pricing;

import dev.tollgate.api.spi.ModelPrice.Tier;
import dev.tollgate.api.spi.ModelPrice.TokenKind;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a price file in the format of LiteLLM's {@code model_prices_and_context_window.json}: an
 * object of entries, each with its {@code litellm_provider}, {@code mode} and USD prices per token.
 *
 * <ol>
 *   <li>Only entries of {@code mode} {@code chat} or {@code responses} with an
 *       {@code input_cost_per_token} and an {@code output_cost_per_token} are read, for the
 *       providers {@code openai}, {@code azure} (type {@code azure-openai}), {@code anthropic},
 *       {@code gemini}, {@code vertex_ai} and {@code vertex_ai-*} ({@code vertex}), {@code bedrock}
 *       and {@code bedrock_converse} ({@code bedrock}), {@code mistral}, {@code cohere} and
 *       {@code cohere_chat} ({@code cohere}), {@code ollama} and {@code ollama_chat}
 *       ({@code ollama}).</li>
 *   <li>A LiteLLM provider prefix ({@code azure/}, {@code gemini/}, {@code vertex_ai/}, ...) is cut
 *       from the entry's name to give the model. Azure and Bedrock entries still holding a
 *       {@code /} after that are for one region or commitment, which Tollgate does not price
 *       apart, and are skipped. Where two entries name the same model, the one written with the
 *       provider prefix wins, as in LiteLLM's own lookup; otherwise the first.</li>
 *   <li>{@code input_cost_per_token}, {@code output_cost_per_token},
 *       {@code cache_read_input_token_cost}, {@code cache_creation_input_token_cost},
 *       {@code cache_creation_input_token_cost_above_1hr} and
 *       {@code output_cost_per_reasoning_token} give the prices of the token kinds; the suffix
 *       {@code _above_<n>k_tokens} a long-context price above n thousand input tokens (of several
 *       thresholds, the lowest is kept); the suffixes {@code _batches}, {@code _flex} and
 *       {@code _priority} the prices of those tiers. Other prices (audio, images, searches) are
 *       not token prices of Tollgate's and are ignored.</li>
 *   <li>Each price is read from the number's text and moved six places, exactly: per token becomes
 *       per million tokens.</li>
 * </ol>
 */
final class LiteLlmPriceFile {
    private static final String CLASSPATH = "classpath:";
    private static final List<String> PREFIXES = List.of("openai", "azure", "anthropic", "gemini", "vertex_ai",
            "bedrock_converse", "bedrock", "mistral", "cohere_chat", "cohere", "ollama_chat", "ollama");
    private static final Map<String, TokenKind> KINDS = Map.of(
            "input_cost_per_token", TokenKind.INPUT,
            "output_cost_per_token", TokenKind.OUTPUT,
            "cache_read_input_token_cost", TokenKind.CACHED_INPUT,
            "cache_creation_input_token_cost", TokenKind.CACHE_WRITE,
            "cache_creation_input_token_cost_above_1hr", TokenKind.CACHE_WRITE_1H,
            "output_cost_per_reasoning_token", TokenKind.REASONING);
    private static final Map<String, Tier> TIER_SUFFIXES = Map.of(
            "_batches", Tier.BATCH, "_flex", Tier.FLEX, "_priority", Tier.PRIORITY);
    private static final Pattern ABOVE = Pattern.compile("^(.+?)_above_(\\d+)(k?)_tokens$");

    private LiteLlmPriceFile() {
    }

    /**
     * @param location a file path, or {@code classpath:} and a resource name
     * @param loader where {@code classpath:} resources are looked up
     * @return the JSON text
     * @throws IOException with a short reason if it cannot be read
     */
    static byte[] load(String location, ClassLoader loader) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            String name = location.substring(CLASSPATH.length());
            name = name.startsWith("/") ? name.substring(1) : name;
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("no such resource on the class path");
                }
                return in.readAllBytes();
            }
        }
        try {
            return Files.readAllBytes(Path.of(location));
        } catch (NoSuchFileException e) {
            throw new IOException("no such file", e);
        }
    }

    /**
     * @param json the file's content
     * @return the prices of the entries Tollgate can use, by provider type and model
     * @throws IllegalArgumentException with a short reason if the JSON is malformed
     */
    static PriceEntries read(byte[] json) {
        PriceEntries entries = new PriceEntries();
        Set<String> prefixed = new HashSet<>();
        try (JsonParser p = JsonSupport.parser(json)) {
            if (!p.hasNext() || p.next() != Event.START_OBJECT) {
                throw new IllegalArgumentException("the file is not a JSON object of models");
            }
            while (p.next() == Event.KEY_NAME) {
                String name = p.getString();
                if (p.next() != Event.START_OBJECT) {
                    skip(p);
                    continue;
                }
                Entry entry = readEntry(p);
                entry.addTo(name, entries, prefixed);
            }
        } catch (JsonException | NoSuchElementException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
        }
        return entries;
    }

    private static Entry readEntry(JsonParser p) {
        Entry entry = new Entry();
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event value = p.next();
            switch (value) {
                case VALUE_STRING -> {
                    if (key.equals("litellm_provider")) {
                        entry.provider = p.getString();
                    } else if (key.equals("mode")) {
                        entry.mode = p.getString();
                    }
                }
                case VALUE_NUMBER -> entry.price(key, new BigDecimal(p.getString()));
                case START_OBJECT, START_ARRAY -> skip(p, value);
                default -> {
                    // true, false, null
                }
            }
        }
        return entry;
    }

    private static void skip(JsonParser p) {
        skip(p, p.currentEvent());
    }

    private static void skip(JsonParser p, Event event) {
        if (event == Event.START_OBJECT) {
            p.skipObject();
        } else if (event == Event.START_ARRAY) {
            p.skipArray();
        }
    }

    /**
     * @param litellmProvider a {@code litellm_provider}
     * @return the Tollgate provider type, or {@code null} if Tollgate has none for it
     */
    static String providerType(String litellmProvider) {
        if (litellmProvider == null) {
            return null;
        }
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

    /** One entry as read: its provider, mode and token prices by field, per million tokens. */
    private static final class Entry {
        private final Map<PriceField, BigDecimal> prices = new HashMap<>();
        private final Map<PriceField, Long> thresholds = new HashMap<>();
        private String provider;
        private String mode;

        void price(String key, BigDecimal perToken) {
            if (perToken.signum() < 0) {
                return;
            }
            Tier tier = Tier.STANDARD;
            String base = key;
            for (Map.Entry<String, Tier> suffix : TIER_SUFFIXES.entrySet()) {
                if (base.endsWith(suffix.getKey())) {
                    tier = suffix.getValue();
                    base = base.substring(0, base.length() - suffix.getKey().length());
                    break;
                }
            }
            long threshold = -1;
            Matcher above = ABOVE.matcher(base);
            if (above.matches()) {
                base = above.group(1);
                threshold = Long.parseLong(above.group(2)) * (above.group(3).isEmpty() ? 1 : 1000);
            }
            TokenKind kind = KINDS.get(base);
            if (kind == null) {
                return;
            }
            PriceField field = PriceField.of(tier, threshold >= 0, kind);
            BigDecimal perMillion = perToken.movePointRight(6).stripTrailingZeros();
            if (threshold >= 0) {
                Long known = thresholds.get(field);
                if (known != null && known <= threshold) {
                    return;
                }
                thresholds.put(field, threshold);
            }
            prices.put(field, perMillion);
        }

        void addTo(String name, PriceEntries entries, Set<String> prefixed) {
            String type = providerType(provider);
            if (type == null || !("chat".equals(mode) || "responses".equals(mode))
                    || !prices.containsKey(PriceField.of(Tier.STANDARD, false, TokenKind.INPUT))
                    || !prices.containsKey(PriceField.of(Tier.STANDARD, false, TokenKind.OUTPUT))) {
                return;
            }
            String model = name;
            boolean hasPrefix = false;
            for (String prefix : PREFIXES) {
                if (model.startsWith(prefix + "/")) {
                    model = model.substring(prefix.length() + 1);
                    hasPrefix = true;
                    break;
                }
            }
            if ((type.equals("azure-openai") || type.equals("bedrock")) && model.indexOf('/') >= 0) {
                return;
            }
            String key = type + '/' + model;
            if (entries.contains(type, model) && (!hasPrefix || prefixed.contains(key))) {
                return;
            }
            if (hasPrefix) {
                prefixed.add(key);
            }
            Map<PriceField, BigDecimal> fields = entries.fields(type, model);
            fields.clear();
            fields.putAll(lowestThresholdOnly());
        }

        private Map<PriceField, BigDecimal> lowestThresholdOnly() {
            if (thresholds.isEmpty()) {
                return prices;
            }
            long lowest = new TreeSet<>(thresholds.values()).first();
            Map<PriceField, BigDecimal> kept = new HashMap<>();
            prices.forEach((field, value) -> {
                if (!field.longContext() || thresholds.get(field) == lowest) {
                    kept.put(field, value);
                }
            });
            kept.put(PriceField.threshold(), BigDecimal.valueOf(lowest));
            return kept;
        }
    }
}
