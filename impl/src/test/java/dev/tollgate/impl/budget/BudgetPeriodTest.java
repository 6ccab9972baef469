package dev.tollgate.impl.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BudgetPeriodTest {

    private static String around(BudgetPeriod period, String now, String zone) {
        Instant[] bounds = period.around(Instant.parse(now), ZoneId.of(zone));
        return bounds[0] + " " + bounds[1];
    }

    @Test
    void day_runsFromMidnightToMidnightInTheZone() {
        assertThat(around(BudgetPeriod.DAY, "2026-11-26T23:59:59.999Z", "UTC"))
                .isEqualTo("2026-11-26T00:00:00Z 2026-11-27T00:00:00Z");
        assertThat(around(BudgetPeriod.DAY, "2026-11-27T00:00:00Z", "UTC"))
                .isEqualTo("2026-11-27T00:00:00Z 2026-11-28T00:00:00Z");
        assertThat(around(BudgetPeriod.DAY, "2026-11-26T23:30:00Z", "Europe/Paris"))
                .as("half past midnight in Paris is the next day")
                .isEqualTo("2026-11-26T23:00:00Z 2026-11-27T23:00:00Z");
    }

    @Test
    void dayOfADaylightSavingChange_isShorterOrLonger() {
        assertThat(around(BudgetPeriod.DAY, "2026-03-29T12:00:00Z", "Europe/Paris"))
                .isEqualTo("2026-03-28T23:00:00Z 2026-03-29T22:00:00Z");
        assertThat(around(BudgetPeriod.DAY, "2026-10-25T12:00:00Z", "Europe/Paris"))
                .isEqualTo("2026-10-24T22:00:00Z 2026-10-25T23:00:00Z");
    }

    @Test
    void month_runsFromTheFirstToTheFirst_evenAcrossAYearAndInFebruary() {
        assertThat(around(BudgetPeriod.MONTH, "2026-12-31T23:59:59Z", "UTC"))
                .isEqualTo("2026-12-01T00:00:00Z 2027-01-01T00:00:00Z");
        assertThat(around(BudgetPeriod.MONTH, "2028-02-29T10:00:00Z", "UTC"))
                .isEqualTo("2028-02-01T00:00:00Z 2028-03-01T00:00:00Z");
        assertThat(around(BudgetPeriod.MONTH, "2026-11-30T23:30:00Z", "Europe/Paris"))
                .isEqualTo("2026-11-30T23:00:00Z 2026-12-31T23:00:00Z");
        assertThat(BudgetPeriod.MONTH.around(Instant.parse("2026-01-15T00:00:00Z"), ZoneOffset.ofHours(-5))[0])
                .hasToString("2026-01-01T05:00:00Z");
    }
}
