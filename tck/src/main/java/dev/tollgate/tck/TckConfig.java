package dev.tollgate.tck;

import java.util.ArrayList;
import java.util.List;

/**
 * The configuration of a test deployment: the providers and the fixed price table every test
 * relies on, plus what a test adds or overrides. Client side only.
 */
public final class TckConfig {
    private final List<String> lines = new ArrayList<>();

    private TckConfig() {
    }

    /** @return an empty configuration */
    public static TckConfig empty() {
        return new TckConfig();
    }

    /**
     * The standard set: {@code openai} (the default) at the HTTP stub with model
     * {@code tck-plain}, {@code sim} simulated with model {@code sim-model}, and their prices in
     * USD per million tokens.
     *
     * @return the configuration
     */
    public static TckConfig standard() {
        return new TckConfig()
                .set("tollgate.provider", "openai")
                .set("tollgate.providers.openai.type", "openai")
                .set("tollgate.providers.openai.base-url", TckStub.baseUrl() + "/v1")
                .set("tollgate.providers.openai.api-key", "tck-secret-key")
                .set("tollgate.providers.openai.model", "tck-plain")
                .set("tollgate.providers.openai.timeout", "PT10S")
                .set("tollgate.providers.sim.type", "simulated")
                .set("tollgate.providers.sim.model", "sim-model")
                .set("tollgate.providers.sim.input-tokens", "100")
                .set("tollgate.providers.sim.output-tokens", "50")
                .set("tollgate.pricing.openai.tck-plain.input", "2.50")
                .set("tollgate.pricing.openai.tck-plain.output", "10")
                .set("tollgate.pricing.openai.tck-plain.cached-input", "1.25")
                .set("tollgate.pricing.openai.tck-cached.input", "2.50")
                .set("tollgate.pricing.openai.tck-cached.output", "10")
                .set("tollgate.pricing.openai.tck-cached.cached-input", "1.25")
                .set("tollgate.pricing.openai.gpt-4.1.input", "3")
                .set("tollgate.pricing.openai.gpt-4.1.output", "12")
                .set("tollgate.pricing.sim.sim-model.input", "1")
                .set("tollgate.pricing.sim.sim-model.output", "2");
    }

    /**
     * @param name a property name
     * @param value its value; a later value of the same name wins
     * @return this configuration
     */
    public TckConfig set(String name, String value) {
        lines.add(escapeKey(name) + "=" + value);
        return this;
    }

    /** @return the content of a {@code microprofile-config.properties} file */
    public String toProperties() {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    private static String escapeKey(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            if (c == ':' || c == '=' || c == ' ' || c == '#' || c == '!' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
