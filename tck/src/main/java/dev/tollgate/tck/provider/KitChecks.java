package dev.tollgate.tck.provider;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tollgate.api.Cost;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.TransientLlmException;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import dev.tollgate.tck.TckStub;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.function.Executable;

/** What the conformance suites share: the deployment of every kit, and checks run per kit. */
public final class KitChecks {
    /** The fixed prices of every kit's scenario models, per million tokens. */
    static final Map<String, String> PRICES = new LinkedHashMap<>();
    /** The cost of 12 input and 5 output tokens at those prices. */
    static final BigDecimal PLAIN_COST = new BigDecimal("0.000064");

    static {
        PRICES.put("input", "2");
        PRICES.put("cached-input", "0.5");
        PRICES.put("cache-write", "2.5");
        PRICES.put("cache-write-1h", "4");
        PRICES.put("output", "8");
        PRICES.put("reasoning", "10");
    }

    private KitChecks() {
    }

    /**
     * @param name the archive name
     * @param classes the test class and what it needs besides the kit classes
     * @return a deployment with every kit's two providers, its prices and its kit files
     */
    public static WebArchive deployment(String name, Class<?>... classes) {
        TckConfig config = TckConfig.empty().set("tollgate.provider", "sim")
                .set("tollgate.providers.sim.type", "simulated");
        for (ProviderKit kit : ProviderKit.all()) {
            kit.configure(config, TckStub.baseUrl(), "PT10S", "PT1S", PRICES);
        }
        List<Class<?>> all = new ArrayList<>(List.of(classes));
        all.add(ProviderKit.class);
        all.add(KitChecks.class);
        WebArchive war = TckDeployments.war(name, config, all.toArray(Class<?>[]::new));
        war.addAsResource(ProviderKit.LIST);
        ProviderKit.names().forEach(kit -> war.addAsResource(ProviderKit.FOLDER + kit + ".properties"));
        return war;
    }

    /**
     * Runs a check for every kit that does not skip the scenario, and reports every kit's failure.
     *
     * @param scenario the scenario, or {@code null} for a check of the kits themselves
     * @param check the check
     */
    static void eachKit(String scenario, Consumer<ProviderKit> check) {
        List<Executable> checks = new ArrayList<>();
        for (ProviderKit kit : ProviderKit.all()) {
            if (scenario != null && kit.skipReason(scenario).isPresent()) {
                continue;
            }
            checks.add(() -> {
                try {
                    check.accept(kit);
                } catch (AssertionError | RuntimeException e) {
                    fail(kit + (scenario == null ? "" : ", " + scenario) + ": " + e.getMessage(), e);
                }
            });
        }
        assertAll(scenario == null ? "kits" : scenario, checks);
    }

    /**
     * Checks what every failure must say: the exception type matches the category, the provider
     * and model are named, and no secret of the kit appears.
     *
     * @param kit the kit
     * @param provider the provider id the request went to
     * @param scenario the scenario, also the model
     * @param failure the failure
     * @return the failure
     */
    static LlmException checked(ProviderKit kit, String provider, String scenario, LlmException failure) {
        assertEquals(failure.category().isTransient(), failure instanceof TransientLlmException,
                "transient exception type");
        assertEquals(provider, failure.provider().orElse(null), "provider");
        assertEquals(scenario, failure.model().orElse(null), "model");
        for (String secret : kit.secrets()) {
            String text = failure + " " + failure.providerMessage().orElse("");
            assertFalse(text.contains(secret), () -> "a secret appears in " + text);
        }
        return failure;
    }

    static void assertCost(BigDecimal expected, Cost actual) {
        assertTrue(actual.isKnown(), () -> "cost is unknown: " + actual);
        assertEquals(0, expected.compareTo(actual.total()), () -> "cost " + actual + ", expected " + expected);
    }
}
