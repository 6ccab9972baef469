package dev.tollgate.impl.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** The client prices each answer by the model and service tier the provider reported. */
class ChatClientPricingTest {

    private static ClassLoader withTestAdapter() {
        URL adapters = ChatClientPricingTest.class.getResource("/pricing/adapter/");
        return new URLClassLoader(new URL[] {adapters}, ChatClientPricingTest.class.getClassLoader());
    }

    private static TestConfig provider(String serviceTier) {
        TestConfig config = TestConfig.properties()
                .set("tollgate.providers.acme.type", TestTierAdapter.TYPE)
                .set("tollgate.providers.acme.model", "acme-large")
                .set("tollgate.providers.acme.reported-model", "acme-large-2025-06-01")
                .set("tollgate.providers.acme.input-tokens", "1000000")
                .set("tollgate.providers.acme.output-tokens", "0")
                .set("tollgate.pricing.acme.acme-large.input", "2")
                .set("tollgate.pricing.acme.acme-large.output", "8")
                .set("tollgate.pricing.acme.acme-large.batch-input", "1");
        return serviceTier == null ? config : config.set("tollgate.providers.acme.service-tier", serviceTier);
    }

    private static ChatResponse ask(TestConfig config, TestRecordSink sink) {
        return Tollgate.builder(config.build()).classLoader(withTestAdapter()).recordSink(sink).build()
                .chatClient().chat(ChatRequest.of("hi"));
    }

    @Test
    void answerInTheBatchTier_isPricedAtBatchPrices_throughTheModelsAlias() {
        TestRecordSink sink = new TestRecordSink();

        ChatResponse response = ask(provider("batch"), sink);

        assertThat(response.serviceTier()).hasValue("batch");
        assertThat(response.cost().total()).isEqualByComparingTo("1");
        assertThat(sink.single().exchanges().get(0).cost()).isEqualTo(response.cost());
    }

    @Test
    void answerWithoutServiceTier_isPricedAtStandardPrices() {
        ChatResponse response = ask(provider(null), new TestRecordSink());

        assertThat(response.cost().total()).isEqualByComparingTo("2");
    }

    @Test
    void costTheProviderReported_isKeptAsReported() {
        ChatResponse response = ask(provider("batch").set("tollgate.providers.acme.reported-cost", "0.42"),
                new TestRecordSink());

        assertThat(response.cost().isReported()).isTrue();
        assertThat(response.cost().total()).isEqualByComparingTo("0.42");
    }
}
