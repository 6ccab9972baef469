package dev.tollgate.impl.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Route;
import dev.tollgate.api.Target;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.capture.CallPoint;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Routes chosen per invocation, the caller on records, and limits of single budget allowances. */
class RouteTest {
    private static final ErrorCategory[] TRANSIENT = {ErrorCategory.SERVER_ERROR, ErrorCategory.OVERLOADED};

    private final TestRecordSink sink = new TestRecordSink();
    private final AtomicReference<String> caller = new AtomicReference<>();

    @SuppressWarnings("unused")
    static final class Gateway {
        String complete(Route route, String prompt) {
            return null;
        }
    }

    private Tollgate tollgate(String... budget) {
        List<String> props = new java.util.ArrayList<>(List.of(
                "tollgate.provider", "fixed",
                "tollgate.providers.fixed.type", "simulated",
                "tollgate.providers.fixed.reply", "fixed answered",
                "tollgate.providers.down.type", "simulated",
                "tollgate.providers.down.failure-rate", "1",
                "tollgate.providers.down.failure-category", "SERVER_ERROR",
                "tollgate.providers.up.type", "simulated",
                "tollgate.providers.up.reply", "up answered",
                "tollgate.providers.up.output-tokens", "1000",
                "tollgate.pricing.up.*.input", "1000",
                "tollgate.pricing.up.*.output", "2000"));
        props.addAll(List.of(budget));
        return Tollgate.builder(TestConfig.of(props.toArray(String[]::new))).recordSink(sink).executor(Runnable::run)
                .budgetKey(() -> Optional.ofNullable(caller.get()))
                .budgetLimits((name, key) -> key.equals("rich") ? Optional.of(new BigDecimal("100")) : Optional.empty())
                .build();
    }

    private static Method complete() throws NoSuchMethodException {
        return Gateway.class.getDeclaredMethod("complete", Route.class, String.class);
    }

    private Object call(Tollgate tollgate, Route route) throws Exception {
        CallPoint point = tollgate.callPoint("gateway", complete(), "", "");
        FallbackPlan plan = tollgate.fallbackPlan("gateway", complete(), new String[] {"fixed"}, TRANSIENT, "");
        return tollgate.capture().invoke(point, route, () -> tollgate.fallback().invoke(plan,
                () -> tollgate.chatClient().chat(ChatRequest.of("hi")).text()));
    }

    @Test
    void aRouteReplacesThePrimaryAndTheFallbacksOfTheInvocation() throws Exception {
        Tollgate tollgate = tollgate();

        Object answer = call(tollgate, Route.parse("down/m1, up/m2"));

        assertThat(answer).isEqualTo("up answered");
        assertThat(sink.single().exchanges()).extracting(Exchange::target)
                .containsExactly(new Target("down", "m1"), new Target("up", "m2"));
    }

    @Test
    void withoutARouteTheMethodsOwnTargetsApply() throws Exception {
        Tollgate tollgate = tollgate();

        assertThat(call(tollgate, null)).isEqualTo("fixed answered");
        assertThat(sink.single().exchanges()).extracting(e -> e.target().provider()).containsExactly("fixed");
    }

    @Test
    void aRouteWhoseTargetsAllFailEndsWithTheFirstFailure() throws Exception {
        Tollgate tollgate = tollgate();

        assertThatThrownBy(() -> call(tollgate, Route.parse("down/a, down/b")))
                .isInstanceOf(LlmException.class)
                .satisfies(e -> assertThat(((LlmException) e).category()).isEqualTo(ErrorCategory.SERVER_ERROR))
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        assertThat(sink.single().exchanges()).hasSize(2);
    }

    @Test
    void theRecordNamesTheCallerKnownWhenTheCallBegan() throws Exception {
        Tollgate tollgate = tollgate();
        caller.set("key-17");

        call(tollgate, null);
        caller.set(null);
        tollgate.chatClient().chat(ChatRequest.of("standalone"));

        List<LlmCallRecord> records = sink.records();
        assertThat(records.get(0).principal()).contains("key-17");
        assertThat(records.get(1).callName()).isEqualTo(LlmCallRecord.STANDALONE);
        assertThat(records.get(1).principal()).isEmpty();
    }

    @Test
    void anAllowanceWithALimitOfItsOwnIsHeldToIt() throws Exception {
        Tollgate tollgate = tollgate(
                "tollgate.budgets.keys.limit", "3",
                "tollgate.budgets.keys.period", "month",
                "tollgate.budgets.keys.per", "principal");
        Route up = Route.parse("up/m");

        caller.set("poor");
        call(tollgate, up);
        assertThatThrownBy(() -> call(tollgate, up)).isInstanceOf(LlmException.class)
                .satisfies(e -> assertThat(((LlmException) e).category()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED))
                .hasMessageContaining("'keys'").hasMessageContaining("3 USD");
        caller.set("rich");
        for (int i = 0; i < 2; i++) {
            assertThat(call(tollgate, up)).isEqualTo("up answered");
        }

        assertThat(tollgate.budgets().status("keys", "rich").limit()).isEqualByComparingTo("100");
        assertThat(tollgate.budgets().status("keys", "poor").limit()).isEqualByComparingTo("3");
    }
}
