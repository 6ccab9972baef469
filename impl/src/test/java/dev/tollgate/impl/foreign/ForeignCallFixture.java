package dev.tollgate.impl.foreign;

import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.capture.CallPoint;
import dev.tollgate.impl.telemetry.Telemetry;
import dev.tollgate.impl.telemetry.TestTelemetry;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.Config;

/**
 * An engine with OpenAI and Anthropic prices, a daily budget and telemetry on the in-memory SDK,
 * and an {@code @LlmCall} method to run another client's requests in.
 */
final class ForeignCallFixture {
    final TestTelemetry telemetry = new TestTelemetry();
    final TestRecordSink sink = new TestRecordSink();
    final Tollgate tollgate;

    /** The method a container would intercept; only its metadata is used. */
    @SuppressWarnings("unused")
    static final class TestService {
        String advise(String question) {
            return question;
        }
    }

    ForeignCallFixture(String unusedBaseUrl, String... extra) {
        TestConfig properties = TestConfig.properties()
                .set("tollgate.providers.openai.type", "openai")
                .set("tollgate.providers.openai.base-url", unusedBaseUrl)
                .set("tollgate.providers.openai.api-key", "sk-test-foreign")
                .set("tollgate.providers.openai.model", "gpt-4o-mini")
                .set("tollgate.pricing.openai.gpt-4o-mini.input", "0.15")
                .set("tollgate.pricing.openai.gpt-4o-mini.output", "0.6")
                .set("tollgate.pricing.openai.gpt-4o-mini.cached-input", "0.075")
                .set("tollgate.pricing.anthropic.claude-sonnet-4-5.input", "3")
                .set("tollgate.pricing.anthropic.claude-sonnet-4-5.output", "15")
                .set("tollgate.pricing.anthropic.claude-sonnet-4-5.cached-input", "0.3")
                .set("tollgate.pricing.anthropic.claude-sonnet-4-5.cache-write", "3.75")
                .set("tollgate.budgets.daily.limit", "10")
                .set("tollgate.budgets.daily.period", "day");
        for (int i = 0; i < extra.length; i += 2) {
            properties.set(extra[i], extra[i + 1]);
        }
        Config config = properties.build();
        tollgate = Tollgate.builder(config).recordSink(sink)
                .observers(List.of(Telemetry.observer(telemetry.openTelemetry(), config))).build();
    }

    /** Runs the body as the {@code @LlmCall} method {@code TestService.advise}. */
    Object call(Callable<Object> body) throws Exception {
        CallPoint point = tollgate.callPoint("TestService.advise",
                TestService.class.getDeclaredMethod("advise", String.class), "", "");
        return tollgate.capture().invoke(point, body);
    }

    /** @return the daily budget's settled spending and outstanding reservations today */
    dev.tollgate.api.BudgetStatus daily() {
        return tollgate.budgets().status("daily", null);
    }
}
