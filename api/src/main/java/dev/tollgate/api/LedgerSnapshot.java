package dev.tollgate.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@link UsageLedger}'s totals at one moment, immutable.
 *
 * <p>Each {@linkplain #entries() entry} is consistent in itself: a request is in all of its counts
 * or in none. A snapshot taken while calls are ending may hold a call with several requests only in
 * part; once calls have ended, the totals are exact.
 */
public final class LedgerSnapshot {
    private final Instant takenAt;
    private final Instant since;
    private final Map<UsageKey, UsageTotals> entries;

    /**
     * @param takenAt when the snapshot was taken
     * @param since when counting started: the start of the application or the last reset
     * @param entries the totals per call name, provider and model
     */
    public LedgerSnapshot(Instant takenAt, Instant since, Map<UsageKey, UsageTotals> entries) {
        this.takenAt = Objects.requireNonNull(takenAt, "takenAt");
        this.since = Objects.requireNonNull(since, "since");
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** @return when the snapshot was taken */
    public Instant takenAt() {
        return takenAt;
    }

    /** @return when counting started: the start of the application or the last {@link UsageLedger#reset()} */
    public Instant since() {
        return since;
    }

    /** @return the totals per call name, provider and model, for keys with at least one request */
    public Map<UsageKey, UsageTotals> entries() {
        return entries;
    }

    /** @return the totals of every request */
    public UsageTotals total() {
        UsageTotals sum = UsageTotals.EMPTY;
        for (UsageTotals t : entries.values()) {
            sum = sum.plus(t);
        }
        return sum;
    }

    /** @return the totals per call name, sorted by name */
    public Map<String, UsageTotals> byCall() {
        return group(UsageKey::callName);
    }

    /** @return the totals per provider id, sorted by id */
    public Map<String, UsageTotals> byProvider() {
        return group(UsageKey::provider);
    }

    /** @return the totals per provider and model, sorted by their text form */
    public Map<Target, UsageTotals> byModel() {
        Map<Target, UsageTotals> grouped = new TreeMap<>(
                (a, b) -> a.toString().compareTo(b.toString()));
        entries.forEach((k, v) -> grouped.merge(k.target(), v, UsageTotals::plus));
        return Collections.unmodifiableMap(grouped);
    }

    /**
     * @param callName a call name
     * @return its totals; {@link UsageTotals#EMPTY} if it made no request
     */
    public UsageTotals call(String callName) {
        return byCall().getOrDefault(callName, UsageTotals.EMPTY);
    }

    /**
     * @param provider a provider id
     * @return its totals; {@link UsageTotals#EMPTY} if no request went to it
     */
    public UsageTotals provider(String provider) {
        return byProvider().getOrDefault(provider, UsageTotals.EMPTY);
    }

    private Map<String, UsageTotals> group(Function<UsageKey, String> by) {
        Map<String, UsageTotals> grouped = new TreeMap<>();
        entries.forEach((k, v) -> grouped.merge(by.apply(k), v, UsageTotals::plus));
        return Collections.unmodifiableMap(grouped);
    }

    @Override
    public String toString() {
        return "LedgerSnapshot[" + takenAt + ", since " + since + ", " + entries.size() + " entries]";
    }
}
