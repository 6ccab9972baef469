package dev.tollgate.impl.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.config.TollgateConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetConfigTest {

    private static List<String> problemsOf(String... keysAndValues) {
        TestConfig config = TestConfig.properties().set("tollgate.providers.sim.type", "simulated");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.set(keysAndValues[i], keysAndValues[i + 1]);
        }
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> Tollgate.builder(config.build()).build());
        assertThat(e).as("the configuration is refused").isNotNull();
        return e.problems();
    }

    @Test
    void missingLimit_isAProblemNamingTheLimitProperty() {
        assertThat(problemsOf("tollgate.budgets.daily.period", "day")).singleElement().asString()
                .startsWith("TOLLGATE-0005").contains("'tollgate.budgets.daily.limit'");
    }

    @Test
    void missingPeriod_isAProblemNamingThePeriodProperty() {
        assertThat(problemsOf("tollgate.budgets.daily.limit", "25")).singleElement().asString()
                .startsWith("TOLLGATE-0005").contains("'tollgate.budgets.daily.period'", "day or month");
    }

    @Test
    void limitOfZeroNegativeOrText_isAProblemNamingTheLimitProperty() {
        for (String bad : List.of("0", "-1", "0.00", "lots")) {
            assertThat(problemsOf("tollgate.budgets.daily.limit", bad, "tollgate.budgets.daily.period", "day"))
                    .as(bad).singleElement().asString()
                    .startsWith("TOLLGATE-0006").contains("'tollgate.budgets.daily.limit'", "'" + bad + "'",
                            "above zero");
        }
    }

    @Test
    void unknownPeriodAndPer_areProblemsNamingTheirProperties() {
        assertThat(problemsOf("tollgate.budgets.b.limit", "1", "tollgate.budgets.b.period", "week",
                "tollgate.budgets.b.per", "user"))
                .containsExactlyInAnyOrder(
                        "TOLLGATE-0006: property 'tollgate.budgets.b.period' has invalid value 'week'; expected day or "
                                + "month",
                        "TOLLGATE-0006: property 'tollgate.budgets.b.per' has invalid value 'user'; expected call, "
                                + "provider or principal");
    }

    @Test
    void unknownField_isAProblemListingTheFields() {
        assertThat(problemsOf("tollgate.budgets.b.limit", "1", "tollgate.budgets.b.period", "day",
                "tollgate.budgets.b.amount", "5")).singleElement().asString()
                .startsWith("TOLLGATE-0045").contains("'tollgate.budgets.b.amount'", "limit, period, per");
    }

    @Test
    void nameWithOtherCharacters_isAProblem() {
        assertThat(problemsOf("tollgate.budgets.b$x.limit", "1")).singleElement().asString()
                .startsWith("TOLLGATE-0046").contains("'b$x'");
    }

    @Test
    void providerSelectorNamingAnUnconfiguredProvider_isAProblem() {
        assertThat(problemsOf("tollgate.budgets.b.limit", "1", "tollgate.budgets.b.period", "day",
                "tollgate.budgets.b.provider", "openai")).singleElement().asString()
                .startsWith("TOLLGATE-0047").contains("'tollgate.budgets.b.provider'", "'openai'", "[sim]");
    }

    @Test
    void unknownZoneStoreAndNegativeOutputTokens_areProblemsNamingTheirProperties() {
        assertThat(problemsOf("tollgate.budget.zone", "Mars/Olympus", "tollgate.budget.store", "redis",
                "tollgate.budget.output-tokens", "-1", "tollgate.budget.table", "drop table"))
                .hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("'tollgate.budget.zone'", "'Mars/Olympus'"))
                .anySatisfy(p -> assertThat(p).contains("'tollgate.budget.store'", "memory or jdbc"))
                .anySatisfy(p -> assertThat(p).contains("'tollgate.budget.output-tokens'"))
                .anySatisfy(p -> assertThat(p).contains("'tollgate.budget.table'"));
    }

    @Test
    void jdbcStoreWithoutDataSource_isAProblemNamingBothProperties() {
        assertThat(problemsOf("tollgate.budget.store", "jdbc")).singleElement().asString()
                .startsWith("TOLLGATE-0048").contains("'tollgate.budget.store'", "'tollgate.budget.datasource'");
    }

    @Test
    void validBudgets_areListedByName() {
        Tollgate tollgate = Tollgate.builder(TestConfig.of("tollgate.providers.sim.type", "simulated",
                "tollgate.budgets.team-a.limit", "25.00", "tollgate.budgets.team-a.period", "month",
                "tollgate.budgets.team-a.per", "principal",
                "tollgate.budgets.daily.limit", "5", "tollgate.budgets.daily.period", "day",
                "tollgate.budgets.daily.provider", "sim",
                "tollgate.budget.store", "jdbc", "tollgate.budget.datasource", "jdbc/tollgate")).build();

        assertThat(tollgate.budgets().names()).containsExactly("daily", "team-a");
    }
}
