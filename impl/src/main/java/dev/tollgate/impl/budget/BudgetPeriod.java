package dev.tollgate.impl.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The calendar period over which a budget's limit applies, in the configured zone. */
public enum BudgetPeriod {
    /** From midnight to midnight. */
    DAY,
    /** From midnight of the first day of a month to that of the next month. */
    MONTH;

    /** @return the word used in configuration and messages */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param now an instant
     * @param zone where days begin
     * @return the start and end of the period holding {@code now}
     */
    public Instant[] around(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = this == DAY ? today : today.withDayOfMonth(1);
        LocalDate next = this == DAY ? first.plusDays(1) : first.plusMonths(1);
        return new Instant[] {first.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant()};
    }
}
