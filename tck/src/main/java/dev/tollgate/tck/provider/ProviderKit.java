package dev.tollgate.tck.provider;

import dev.tollgate.tck.TckConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One provider's fixtures for the conformance suite: its type, its provider properties and what
 * the suite must observe in each scenario, read from {@code dev/tollgate/tck/providers/<name>.properties}.
 * The kits are listed in {@value #LIST}.
 */
public final class ProviderKit {
    /** The class-path folder of the kits. */
    public static final String FOLDER = "dev/tollgate/tck/providers/";
    /** The list of kit names, one per line. */
    public static final String LIST = FOLDER + "kits.list";
    /** The suffix of the second provider id of each kit, the one with a short timeout. */
    public static final String SHORT = "-short";

    static final String PROPERTY = "property.";
    static final String SKIP = "skip.";
    static final java.util.Set<String> SECRET_KEYS = java.util.Set.of("api-key", "access-token",
            "secret-access-key", "session-token");

    private final String name;
    private final Properties properties;

    private ProviderKit(String name, Properties properties) {
        this.name = name;
        this.properties = properties;
    }

    /** @return every listed kit, in list order */
    public static List<ProviderKit> all() {
        List<ProviderKit> kits = new ArrayList<>();
        for (String name : names()) {
            Properties p = new Properties();
            try (InputStream in = resource(FOLDER + name + ".properties")) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (p.getProperty("type") == null) {
                throw new IllegalStateException("kit " + name + " has no type");
            }
            kits.add(new ProviderKit(name, p));
        }
        return kits;
    }

    /** @return the kit names, from {@value #LIST} */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource(LIST), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static InputStream resource(String path) {
        InputStream in = ProviderKit.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("no class-path resource " + path);
        }
        return in;
    }

    /** @return the kit name, also the provider id in the deployment */
    public String name() {
        return name;
    }

    /** @return the id of the same provider with a short timeout */
    public String shortName() {
        return name + SHORT;
    }

    /**
     * @param key an expectation key, such as {@code tck-plain.model}
     * @return its value, if the kit states it
     */
    public Optional<String> expected(String key) {
        return Optional.ofNullable(properties.getProperty(key)).map(String::strip);
    }

    /**
     * @param scenario a scenario, such as {@code tck-quota}
     * @return why the kit skips it, if it does
     */
    public Optional<String> skipReason(String scenario) {
        return expected(SKIP + scenario);
    }

    /**
     * @return the values of the kit's credential properties ({@code api-key}, {@code access-token},
     *     {@code secret-access-key}, {@code session-token}), which no failure may show
     */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PROPERTY) && SECRET_KEYS.contains(key.substring(PROPERTY.length()))) {
                secrets.add(properties.getProperty(key).strip());
            }
        }
        return secrets;
    }

    /**
     * Adds this kit's two providers and the suite's fixed prices to a deployment's configuration.
     *
     * @param config the configuration
     * @param stubUrl the stub's base URL
     * @param timeout the timeout of the normal provider
     * @param shortTimeout the timeout of the short one
     * @param prices price field to price, per million tokens, for every scenario model and, through
     *     the wildcard model, for every model a kit reports
     */
    void configure(TckConfig config, String stubUrl, String timeout, String shortTimeout,
            Map<String, String> prices) {
        Map<String, String> props = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PROPERTY)) {
                props.put(key.substring(PROPERTY.length()), properties.getProperty(key).strip()
                        .replace("${stub}", stubUrl));
            }
        }
        for (String id : List.of(name, shortName())) {
            config.set("tollgate.providers." + id + ".type", properties.getProperty("type").strip());
            props.forEach((k, v) -> config.set("tollgate.providers." + id + "." + k, v));
            config.set("tollgate.providers." + id + ".model", "tck-plain");
            config.set("tollgate.providers." + id + ".timeout", id.equals(name) ? timeout : shortTimeout);
            for (String model : pricedModels()) {
                prices.forEach((field, price) ->
                        config.set("tollgate.pricing." + id + ".\"" + model + "\"." + field, price));
            }
        }
    }

    private List<String> pricedModels() {
        List<String> models = new ArrayList<>(List.of("tck-plain", "tck-usage", "*"));
        expected("tck-plain.model").filter(m -> !models.contains(m)).ifPresent(models::add);
        expected("tck-usage.model").filter(m -> !models.contains(m)).ifPresent(models::add);
        return models;
    }

    @Override
    public String toString() {
        return name + " (" + properties.getProperty("type") + ")";
    }
}
