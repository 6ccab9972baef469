package dev.tollgate.sample.data;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmCallRecord;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One captured {@link LlmCallRecord}: a row of {@code TG_CALL}, with its exchanges. */
@Entity
@Table(name = "TG_CALL", indexes = @Index(name = "TG_CALL_STARTED", columnList = "STARTED_AT"))
public class CallRow {
    @Id
    @Column(name = "ID", length = 64)
    private String id;
    @Column(name = "PARENT_ID", length = 64)
    private String parentId;
    @Column(name = "CALL_NAME", length = 200, nullable = false)
    private String callName;
    @Column(name = "PRINCIPAL", length = 200)
    private String principal;
    @Column(name = "OUTCOME", length = 16, nullable = false)
    private String outcome;
    @Column(name = "ERROR_CATEGORY", length = 40)
    private String errorCategory;
    /** Epoch milliseconds, so every database sorts and buckets it alike. */
    @Column(name = "STARTED_AT", nullable = false)
    private long startedAt;
    /** Epoch minutes, the finest bucket of the dashboard's timeline. */
    @Column(name = "STARTED_MINUTE", nullable = false)
    private long startedMinute;
    @Column(name = "DURATION_MILLIS", nullable = false)
    private long durationMillis;
    @Column(name = "EXCHANGE_COUNT", nullable = false)
    private int exchangeCount;
    @Embedded
    private TokenCounts tokens;
    @Embedded
    private Money cost;
    @OneToMany(mappedBy = "call", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<ExchangeRow> exchanges = new ArrayList<>();

    /** For JPA. */
    protected CallRow() {
    }

    /**
     * @param record a captured call
     * @return its row, with a row per exchange
     */
    public static CallRow of(LlmCallRecord record) {
        CallRow row = new CallRow();
        row.id = record.id();
        row.parentId = record.parentId().orElse(null);
        row.callName = record.callName();
        row.principal = record.principal().orElse(null);
        row.outcome = record.outcome().name();
        row.errorCategory = record.failureCategory().map(ErrorCategory::name)
                .orElse(record.failure().isPresent() ? "OTHER" : null);
        row.startedAt = record.startedAt().toEpochMilli();
        row.startedMinute = Math.floorDiv(row.startedAt, 60_000L);
        row.durationMillis = record.duration().toMillis();
        row.exchangeCount = record.exchanges().size();
        row.tokens = TokenCounts.of(record.usage());
        row.cost = Money.of(record.cost());
        for (int i = 0; i < record.exchanges().size(); i++) {
            row.exchanges.add(ExchangeRow.of(row, i, record.exchanges().get(i)));
        }
        return row;
    }

    /** @return the record's id */
    public String id() {
        return id;
    }

    /** @return the enclosing record's id, for a nested call */
    public String parentId() {
        return parentId;
    }

    /** @return the call name */
    public String callName() {
        return callName;
    }

    /** @return the caller it was accounted to, or {@code null} */
    public String principal() {
        return principal;
    }

    /** @return {@code SUCCESS} or {@code FAILURE} */
    public String outcome() {
        return outcome;
    }

    /** @return the failure's category, for a failed call */
    public String errorCategory() {
        return errorCategory;
    }

    /** @return when the call began */
    public Instant startedAt() {
        return Instant.ofEpochMilli(startedAt);
    }

    /** @return how long it ran */
    public long durationMillis() {
        return durationMillis;
    }

    /** @return the tokens of all its exchanges */
    public TokenCounts tokens() {
        return tokens;
    }

    /** @return the cost of all its exchanges */
    public Money cost() {
        return cost;
    }

    /** @return its provider requests, in order */
    public List<ExchangeRow> exchanges() {
        return exchanges;
    }
}
