package dev.tollgate.sample.data;

import dev.tollgate.api.Exchange;
import dev.tollgate.api.Message;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.stream.Collectors;

/** One provider request of a call: a row of {@code TG_EXCHANGE}. */
@Entity
@Table(name = "TG_EXCHANGE")
public class ExchangeRow {
    @Id
    @Column(name = "ID", length = 80)
    private String id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "CALL_ID", nullable = false)
    private CallRow call;
    @Column(name = "POSITION", nullable = false)
    private int position;
    @Column(name = "PROVIDER", length = 100, nullable = false)
    private String provider;
    @Column(name = "MODEL_REQUESTED", length = 200)
    private String modelRequested;
    @Column(name = "MODEL_REPORTED", length = 200)
    private String modelReported;
    /** The model reported, else the one requested, else {@code default}: what the dashboard groups by. */
    @Column(name = "MODEL", length = 200, nullable = false)
    private String model;
    @Column(name = "STARTED_AT", nullable = false)
    private long startedAt;
    @Column(name = "LATENCY_MILLIS", nullable = false)
    private long latencyMillis;
    @Column(name = "FINISH_REASON", length = 40)
    private String finishReason;
    @Column(name = "ERROR_CATEGORY", length = 40)
    private String errorCategory;
    @Embedded
    private TokenCounts tokens;
    @Embedded
    private Money cost;
    /** The messages sent, one {@code role: content} paragraph each; {@code null} when not captured. */
    @Lob
    @Column(name = "PROMPT")
    private String prompt;
    @Lob
    @Column(name = "ANSWER")
    private String answer;

    /** For JPA. */
    protected ExchangeRow() {
    }

    static ExchangeRow of(CallRow call, int position, Exchange exchange) {
        ExchangeRow row = new ExchangeRow();
        row.id = call.id() + "/" + position;
        row.call = call;
        row.position = position;
        row.provider = exchange.target().provider();
        row.modelRequested = exchange.target().modelIfSet().orElse(null);
        row.modelReported = exchange.responseModel().orElse(null);
        row.model = row.modelReported != null ? row.modelReported
                : row.modelRequested != null ? row.modelRequested : "default";
        row.startedAt = exchange.startedAt().toEpochMilli();
        row.latencyMillis = exchange.latency().toMillis();
        row.finishReason = exchange.finishReason().map(Enum::name).orElse(null);
        row.errorCategory = exchange.error().map(e -> e.category().name()).orElse(null);
        row.tokens = TokenCounts.of(exchange.usage());
        row.cost = Money.of(exchange.cost());
        row.prompt = exchange.requestMessages().isEmpty() ? null : exchange.requestMessages().stream()
                .map(ExchangeRow::paragraph).collect(Collectors.joining("\n\n"));
        row.answer = exchange.responseText().orElse(null);
        return row;
    }

    private static String paragraph(Message m) {
        return m.role().name().toLowerCase(java.util.Locale.ROOT) + ": " + m.content();
    }

    /** @return the call it belongs to */
    public CallRow call() {
        return call;
    }

    /** @return its place in the call, from 0 */
    public int position() {
        return position;
    }

    /** @return the provider id */
    public String provider() {
        return provider;
    }

    /** @return the model requested, if the request named one */
    public String modelRequested() {
        return modelRequested;
    }

    /** @return the model the provider reported, if it answered */
    public String modelReported() {
        return modelReported;
    }

    /** @return the model reported, else the one requested, else {@code default} */
    public String model() {
        return model;
    }

    /** @return the time until the answer or the failure was complete */
    public long latencyMillis() {
        return latencyMillis;
    }

    /** @return the failure's category, for a failed request */
    public String errorCategory() {
        return errorCategory;
    }

    /** @return the tokens reported */
    public TokenCounts tokens() {
        return tokens;
    }

    /** @return what it cost */
    public Money cost() {
        return cost;
    }

    /** @return the messages sent, when captured */
    public String prompt() {
        return prompt;
    }

    /** @return the text answered, when captured */
    public String answer() {
        return answer;
    }
}
