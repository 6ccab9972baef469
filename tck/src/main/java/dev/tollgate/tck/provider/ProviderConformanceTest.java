package dev.tollgate.tck.provider;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Usage;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs every {@link ProviderKit} through the same scenarios over HTTP. What each scenario sends
 * and expects is specified in the TCK's README, "The provider conformance suite".
 */
@ExtendWith(ArquillianExtension.class)
public class ProviderConformanceTest {
    static final Map<String, ErrorCategory> ERRORS = new LinkedHashMap<>();
    static final Set<String> REQUIRED = Set.of("tck-plain", "tck-system", "tck-multi-turn", "tck-usage",
            "tck-length", "tck-timeout", "tck-reset", "tck-malformed", "tck-proxy");

    static {
        ERRORS.put("tck-auth", ErrorCategory.AUTHENTICATION);
        ERRORS.put("tck-permission", ErrorCategory.PERMISSION);
        ERRORS.put("tck-invalid", ErrorCategory.INVALID_REQUEST);
        ERRORS.put("tck-missing", ErrorCategory.MODEL_NOT_FOUND);
        ERRORS.put("tck-context", ErrorCategory.CONTEXT_LENGTH_EXCEEDED);
        ERRORS.put("tck-filtered", ErrorCategory.CONTENT_FILTERED);
        ERRORS.put("tck-rate-limited", ErrorCategory.RATE_LIMITED);
        ERRORS.put("tck-quota", ErrorCategory.QUOTA_EXCEEDED);
        ERRORS.put("tck-server-error", ErrorCategory.SERVER_ERROR);
        ERRORS.put("tck-overloaded", ErrorCategory.OVERLOADED);
    }

    @Deployment
    public static WebArchive deployment() {
        return KitChecks.deployment("provider-conformance", ProviderConformanceTest.class);
    }

    @Inject
    ChatClient llm;

    @Test
    public void everyKit_runsEveryWireScenarioAndStatesWhatItExpects() {
        List<ProviderKit> kits = ProviderKit.all();
        assertFalse(kits.isEmpty(), "no provider kit is listed in " + ProviderKit.LIST);
        KitChecks.eachKit(null, kit -> {
            for (String scenario : REQUIRED) {
                assertTrue(kit.skipReason(scenario).isEmpty(), "a kit may not skip " + scenario);
            }
            for (String key : List.of("tck-plain.model", "tck-usage.usage", "tck-usage.cost", "tck-length.raw-finish")) {
                assertTrue(kit.expected(key).isPresent(), "the kit must state " + key);
            }
        });
    }

    @Test
    public void plainChat_answersWithTextUsageCostModelAndIds() {
        KitChecks.eachKit("tck-plain", kit -> {
            ChatResponse response = llm.chat(request(kit.name(), "tck-plain")
                    .temperature(0.2).maxTokens(50).build());

            assertEquals("Hello from the stub.", response.text());
            assertEquals(FinishReason.STOP, response.finishReason());
            assertEquals(Usage.of(12, 5), response.usage());
            assertEquals(kit.name(), response.provider());
            assertEquals(kit.expected("tck-plain.model").orElseThrow(), response.model());
            KitChecks.assertCost(kit.expected("tck-plain.cost").map(BigDecimal::new).orElse(KitChecks.PLAIN_COST),
                    response.cost());
            kit.expected("tck-plain.response-id").ifPresent(id -> assertEquals(id, response.responseId().orElse(null)));
            kit.expected("tck-plain.request-id").ifPresent(id -> assertEquals(id, response.requestId().orElse(null)));
            assertTrue(response.latency().compareTo(Duration.ZERO) > 0, "latency");
        });
    }

    @Test
    public void systemPrompt_goesWhereTheProtocolPutsIt() {
        KitChecks.eachKit("tck-system", kit -> assertEquals("Brief.", llm.chat(ChatRequest.builder().provider(kit.name())
                .model("tck-system").system("Be brief.").user("Hi").build()).text()));
    }

    @Test
    public void multiTurnConversation_keepsRolesAndOrder() {
        KitChecks.eachKit("tck-multi-turn", kit -> assertEquals("Again, hello.", llm.chat(ChatRequest.builder()
                .provider(kit.name()).model("tck-multi-turn")
                .user("Hi").assistant("Hello.").user("Again").build()).text()));
    }

    @Test
    public void richestUsage_isNormalisedAndPricedExactly() {
        KitChecks.eachKit("tck-usage", kit -> {
            ChatResponse response = llm.chat(request(kit.name(), "tck-usage").build());

            assertEquals(parseUsage(kit.expected("tck-usage.usage").orElseThrow()), response.usage());
            KitChecks.assertCost(new BigDecimal(kit.expected("tck-usage.cost").orElseThrow()), response.cost());
            kit.expected("tck-usage.model").ifPresent(m -> assertEquals(m, response.model()));
        });
    }

    @Test
    public void answerCutByTheTokenLimit_reportsLength() {
        KitChecks.eachKit("tck-length", kit -> {
            ChatResponse response = llm.chat(request(kit.name(), "tck-length").build());

            assertEquals(FinishReason.LENGTH, response.finishReason());
            assertEquals(kit.expected("tck-length.raw-finish").orElseThrow(), response.rawFinishReason().orElse(null));
        });
    }

    @Test
    public void providerErrors_mapToTheirCategories() {
        List<Executable> checks = new ArrayList<>();
        for (Map.Entry<String, ErrorCategory> e : ERRORS.entrySet()) {
            checks.add(() -> KitChecks.eachKit(e.getKey(), kit -> {
                if (e.getValue() == ErrorCategory.CONTENT_FILTERED && kit.expected("tck-filtered.finish").isPresent()) {
                    ChatResponse response = llm.chat(request(kit.name(), "tck-filtered").build());
                    assertEquals(FinishReason.valueOf(kit.expected("tck-filtered.finish").get()),
                            response.finishReason());
                    return;
                }
                LlmException failure = failure(kit, kit.name(), e.getKey());
                assertEquals(e.getValue(), failure.category(), () -> "category of " + failure);
                kit.expected(e.getKey() + ".status").ifPresent(s ->
                        assertEquals(Integer.parseInt(s), failure.httpStatus().orElse(-1), "HTTP status"));
                kit.expected(e.getKey() + ".code").ifPresent(c ->
                        assertEquals(c, failure.providerErrorCode().orElse(null), "provider error code"));
                kit.expected(e.getKey() + ".request-id").ifPresent(id ->
                        assertEquals(id, failure.requestId().orElse(null), "request id"));
                kit.expected(e.getKey() + ".retry-after").ifPresent(d ->
                        assertEquals(Duration.parse(d), failure.retryAfter().orElse(null), "retry after"));
            }));
        }
        assertAll("provider errors", checks);
    }

    @Test
    public void answerSlowerThanTheTimeout_isATimeout() {
        KitChecks.eachKit("tck-timeout", kit ->
                assertEquals(ErrorCategory.TIMEOUT, failure(kit, kit.shortName(), "tck-timeout").category()));
    }

    @Test
    public void connectionResetMidResponse_isANetworkFailure() {
        KitChecks.eachKit("tck-reset", kit ->
                assertEquals(ErrorCategory.NETWORK, failure(kit, kit.name(), "tck-reset").category()));
    }

    @Test
    public void truncatedBody_isAnInvalidResponse() {
        KitChecks.eachKit("tck-malformed", kit ->
                assertEquals(ErrorCategory.INVALID_RESPONSE, failure(kit, kit.name(), "tck-malformed").category()));
    }

    @Test
    public void htmlErrorPageFromAProxy_isAServerErrorThatSaysItIsNotJson() {
        KitChecks.eachKit("tck-proxy", kit -> {
            LlmException failure = failure(kit, kit.name(), "tck-proxy");

            assertEquals(ErrorCategory.SERVER_ERROR, failure.category());
            assertEquals(502, failure.httpStatus().orElse(-1));
            assertTrue(failure.providerMessage().orElse("").contains("non-JSON"), failure::getMessage);
        });
    }

    private static ChatRequest.Builder request(String provider, String model) {
        return ChatRequest.builder().provider(provider).model(model).user("Hi");
    }

    private LlmException failure(ProviderKit kit, String provider, String scenario) {
        LlmException failure = assertThrows(LlmException.class,
                () -> llm.chat(request(provider, scenario).build()), scenario + " must fail");
        return KitChecks.checked(kit, provider, scenario, failure);
    }

    static Usage parseUsage(String spec) {
        Usage.Builder usage = Usage.builder();
        for (String part : spec.split(",")) {
            String[] kv = part.strip().split("=", 2);
            long n = Long.parseLong(kv[1].strip());
            switch (kv[0].strip()) {
                case "input" -> usage.inputTokens(n);
                case "cached" -> usage.cachedInputTokens(n);
                case "cache-write" -> usage.cacheWriteTokens(n);
                case "cache-write-1h" -> usage.cacheWrite1hTokens(n);
                case "output" -> usage.outputTokens(n);
                case "reasoning" -> usage.reasoningTokens(n);
                default -> throw new IllegalArgumentException("unknown usage part " + kv[0] + " in " + spec);
            }
        }
        return usage.build();
    }
}
