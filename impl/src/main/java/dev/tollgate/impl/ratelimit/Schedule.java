package dev.tollgate.impl.ratelimit;

/**
 * The schedule of one {@link Limit}, kept as in the generic cell rate algorithm (GCRA): the limit
 * is a bucket of one minute's worth of units that refills continuously, recorded as the single
 * time {@code paidUntil} at which everything reserved so far is paid off. Each unit costs
 * {@code 60 s / perMinute}; a reservation of {@code n} units may start once
 * {@code paidUntil + cost(n) - 60 s} has passed, and moves {@code paidUntil} on by {@code cost(n)}.
 *
 * <p>A reservation larger than the bucket may start when the bucket is full; the overdraft then
 * delays the reservations after it. Costs are rounded down to whole nanoseconds, so a full
 * minute's burst always fits.
 *
 * <p>Not thread-safe: the owning {@link ProviderSchedules} guards every call with its lock. Times
 * are nanoseconds since the owner's origin.
 */
final class Schedule {
    static final long MINUTE = 60_000_000_000L;
    private static final long HORIZON = Long.MAX_VALUE / 4;

    private final Limit limit;
    private long paidUntil;
    /** Counts the times the bucket was seen full, which forgives every earlier reservation. */
    private long refills;

    Schedule(Limit limit) {
        this.limit = limit;
    }

    Limit limit() {
        return limit;
    }

    /**
     * @param units the units to reserve
     * @param now the current time
     * @return the earliest time, not before {@code now}, at which they may start
     */
    long earliestStart(long units, long now) {
        return Math.max(now, paidUntil - MINUTE + Math.min(cost(units), MINUTE));
    }

    /**
     * Reserves units at a start time no earlier than {@link #earliestStart(long, long)}.
     *
     * @param units the units
     * @param start when they are used
     * @return the stamp to give back units of this reservation with
     */
    long reserve(long units, long start) {
        charge(units, start);
        return refills;
    }

    /**
     * Charges units used at a time, beyond what was reserved.
     *
     * @param units the units
     * @param now when they were used
     */
    void charge(long units, long now) {
        if (paidUntil <= now) {
            paidUntil = now;
            refills++;
        }
        paidUntil = Math.min(HORIZON, paidUntil + cost(units));
    }

    /**
     * Gives back units of a reservation that were not used. Nothing comes back once the bucket has
     * been full since the reservation, and the bucket never holds more than one minute's worth.
     *
     * @param units the units, at most those reserved
     * @param stamp what {@link #reserve(long, long)} returned
     * @param now the current time
     */
    void giveBack(long units, long stamp, long now) {
        if (stamp != refills || paidUntil <= now) {
            return;
        }
        paidUntil = Math.max(now, paidUntil - cost(units));
    }

    /**
     * @param units a number of units
     * @return how long they take to refill, in nanoseconds, rounded down
     */
    long cost(long units) {
        long perMinute = limit.perMinute();
        if (units <= Long.MAX_VALUE / MINUTE) {
            return units * MINUTE / perMinute;
        }
        return (long) Math.min(HORIZON, (double) units / perMinute * MINUTE);
    }
}
