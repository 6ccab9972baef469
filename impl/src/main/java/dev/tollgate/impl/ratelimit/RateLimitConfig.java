package dev.tollgate.impl.ratelimit;

import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.ConfigReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rate-limit properties of one provider, read and checked. The provider's own keys are read
 * by name, so environment variables set them as any property; model keys are found among the
 * property names, as price keys are, so a model name may contain dots and may be quoted.
 *
 * @param providerId the provider id
 * @param limits the provider's own limits, possibly none
 * @param maxWait how long a request may wait for its turn
 * @param modelLimits the limits of single models, by model name, each list not empty
 */
record RateLimitConfig(String providerId, List<Limit> limits, Duration maxWait, Map<String, List<Limit>> modelLimits) {
    /** The highest limit accepted, so that one unit still costs 60 ns of a minute. */
    static final long MAX_PER_MINUTE = 1_000_000_000L;

    /** @return whether any limit is set */
    boolean hasLimits() {
        return !limits.isEmpty() || !modelLimits.isEmpty();
    }

    /**
     * Reads the rate-limit properties of the given providers. Invalid values and unknown keys
     * under {@code rate-limit.} are reported to the reader's problems; keys that have no effect
     * are returned as warnings.
     *
     * @param reader the configuration
     * @param providerIds the configured providers
     * @param warnings receives warning messages
     * @return the configuration of each provider that has a limit, by provider id
     */
    static Map<String, RateLimitConfig> read(ConfigReader reader, Collection<String> providerIds,
            List<String> warnings) {
        Map<String, Map<String, List<Limit>>> modelLimits = readModelLimits(reader, providerIds);
        Map<String, RateLimitConfig> configs = new TreeMap<>();
        for (String id : providerIds) {
            List<Limit> limits = new ArrayList<>();
            rate(reader, ConfigKeys.rateLimitProperty(id, ConfigKeys.RPM), Limit.Unit.REQUESTS).ifPresent(limits::add);
            rate(reader, ConfigKeys.rateLimitProperty(id, ConfigKeys.TPM), Limit.Unit.TOKENS).ifPresent(limits::add);
            String maxWaitProperty = ConfigKeys.rateLimitProperty(id, ConfigKeys.MAX_WAIT);
            Duration maxWait = reader.duration(maxWaitProperty, Duration.ZERO);
            RateLimitConfig config = new RateLimitConfig(id, List.copyOf(limits), maxWait,
                    modelLimits.getOrDefault(id, Map.of()));
            if (config.hasLimits()) {
                configs.put(id, config);
                config.warnAboutIneffectiveModelLimits(warnings);
            } else if (reader.string(maxWaitProperty).isPresent()) {
                warnings.add(Messages.rateLimitWaitWithoutLimit(maxWaitProperty));
            }
        }
        return configs;
    }

    private static Map<String, Map<String, List<Limit>>> readModelLimits(ConfigReader reader,
            Collection<String> providerIds) {
        Map<String, Map<String, List<Limit>>> byProvider = new HashMap<>();
        for (String name : reader.config().getPropertyNames()) {
            if (!name.startsWith(ConfigKeys.PROVIDERS_PREFIX)) {
                continue;
            }
            String rest = name.substring(ConfigKeys.PROVIDERS_PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || !providerIds.contains(rest.substring(0, dot))) {
                continue;
            }
            String key = rest.substring(dot + 1);
            if (!key.startsWith(ConfigKeys.RATE_LIMIT)) {
                continue;
            }
            String field = key.substring(ConfigKeys.RATE_LIMIT.length());
            if (field.equals(ConfigKeys.RPM) || field.equals(ConfigKeys.TPM) || field.equals(ConfigKeys.MAX_WAIT)) {
                continue;
            }
            Optional<ModelKey> modelKey = ModelKey.parse(field);
            if (modelKey.isEmpty()) {
                reader.problems().add(Messages.rateLimitKeyUnknown(name));
                continue;
            }
            rate(reader, name, modelKey.get().unit()).ifPresent(limit -> byProvider
                    .computeIfAbsent(rest.substring(0, dot), id -> new TreeMap<>())
                    .computeIfAbsent(modelKey.get().model(), m -> new ArrayList<>())
                    .add(limit));
        }
        return byProvider;
    }

    private static Optional<Limit> rate(ConfigReader reader, String property, Limit.Unit unit) {
        return reader.string(property).flatMap(value -> {
            try {
                long perMinute = Long.parseLong(value);
                if (perMinute >= 1 && perMinute <= MAX_PER_MINUTE) {
                    return Optional.of(new Limit(unit, perMinute, property));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            reader.problems().add(Messages.propertyInvalid(property, value,
                    "a whole number of " + unit.word() + " a minute, from 1 to " + MAX_PER_MINUTE));
            return Optional.empty();
        });
    }

    private void warnAboutIneffectiveModelLimits(List<String> warnings) {
        modelLimits.values().forEach(modelList -> modelList.forEach(modelLimit -> limits.stream()
                .filter(limit -> limit.unit() == modelLimit.unit() && limit.perMinute() < modelLimit.perMinute())
                .forEach(limit -> warnings.add(Messages.rateLimitModelAboveProvider(modelLimit.property(),
                        modelLimit.perMinute(), limit.property(), limit.perMinute())))));
    }

    /**
     * The part of a model key after {@code rate-limit.}: {@code models.<model>.rpm} or
     * {@code .tpm}, the model possibly quoted.
     *
     * @param model the model name, unquoted
     * @param unit what its field limits
     */
    private record ModelKey(String model, Limit.Unit unit) {
        static Optional<ModelKey> parse(String field) {
            if (!field.startsWith(ConfigKeys.RATE_LIMIT_MODELS)) {
                return Optional.empty();
            }
            String rest = field.substring(ConfigKeys.RATE_LIMIT_MODELS.length());
            int lastDot = rest.lastIndexOf('.');
            if (lastDot <= 0) {
                return Optional.empty();
            }
            String model = unquote(rest.substring(0, lastDot));
            String suffix = rest.substring(lastDot + 1);
            Limit.Unit unit = suffix.equals(ConfigKeys.RPM) ? Limit.Unit.REQUESTS
                    : suffix.equals(ConfigKeys.TPM) ? Limit.Unit.TOKENS : null;
            return unit == null || model.isEmpty() ? Optional.empty() : Optional.of(new ModelKey(model, unit));
        }

        private static String unquote(String model) {
            return model.length() > 1 && model.startsWith("\"") && model.endsWith("\"")
                    ? model.substring(1, model.length() - 1)
                    : model;
        }
    }
}
