package dev.tollgate.impl.ledger;

import dev.tollgate.api.Exchange;
import dev.tollgate.api.LedgerSnapshot;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.PersistenceStatus;
import dev.tollgate.api.UsageKey;
import dev.tollgate.api.UsageLedger;
import dev.tollgate.api.UsageTotals;
import dev.tollgate.impl.capture.RecordSink;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The engine's one ledger: a {@link RecordSink} that counts every exchange of every published
 * record into the cell of its call name, provider and model.
 */
public final class DefaultUsageLedger implements UsageLedger, RecordSink {
    private static final Comparator<UsageKey> ORDER = Comparator.comparing(UsageKey::callName)
            .thenComparing(UsageKey::provider).thenComparing(UsageKey::model);

    private final Map<UsageKey, LedgerCell> cells = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Supplier<PersistenceStatus> persistence;
    private volatile Instant since;

    /**
     * @param clock the clock of snapshot times
     * @param persistence how persisting records fares
     */
    public DefaultUsageLedger(Clock clock, Supplier<PersistenceStatus> persistence) {
        this.clock = clock;
        this.persistence = persistence;
        this.since = clock.instant();
    }

    @Override
    public void publish(LlmCallRecord record) {
        for (Exchange e : record.exchanges()) {
            cells.computeIfAbsent(key(record.callName(), e), k -> new LedgerCell()).add(e);
        }
    }

    @Override
    public LedgerSnapshot snapshot() {
        return read(false);
    }

    @Override
    public LedgerSnapshot reset() {
        return read(true);
    }

    @Override
    public PersistenceStatus persistence() {
        return persistence.get();
    }

    private LedgerSnapshot read(boolean reset) {
        Instant now = clock.instant();
        Instant from = since;
        if (reset) {
            since = now;
        }
        Map<UsageKey, UsageTotals> entries = new LinkedHashMap<>();
        cells.entrySet().stream().sorted(Map.Entry.comparingByKey(ORDER)).forEach(e -> {
            UsageTotals totals = e.getValue().read(reset);
            if (totals != null) {
                entries.put(e.getKey(), totals);
            }
        });
        return new LedgerSnapshot(now, from, entries);
    }

    private static UsageKey key(String callName, Exchange exchange) {
        String model = exchange.target().model();
        if (model == null) {
            model = exchange.responseModel().orElse("");
        }
        return new UsageKey(callName, exchange.target().provider(), model);
    }
}
