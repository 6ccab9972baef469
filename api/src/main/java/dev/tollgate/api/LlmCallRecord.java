package dev.tollgate.api;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The CDI event fired when an {@link LlmCall} method ends: every provider request it made, what
 * they used and cost, and how the method ended.
 *
 * <p>Observe it synchronously ({@code @Observes LlmCallRecord}) or asynchronously
 * ({@code @ObservesAsync LlmCallRecord}). An observer that throws is logged and never breaks the
 * business call, nor keeps the record from the other observers.
 *
 * <ol>
 *   <li>One record is fired per invocation of an {@link LlmCall} method, after it returns or
 *       throws; for a method returning a {@link java.util.concurrent.CompletionStage}, after the
 *       stage completes.</li>
 *   <li>Each {@link Exchange} belongs to the innermost {@link LlmCall} method running when it was
 *       made. A nested method fires its own record, whose {@link #parentId()} is the enclosing
 *       record's {@link #id()}; adding up all records never counts an exchange twice.</li>
 *   <li>A {@link ChatClient} call made outside any {@link LlmCall} method fires a record of its
 *       own, named {@value #STANDALONE}, with no {@linkplain #method() method}.</li>
 * </ol>
 */
public final class LlmCallRecord {
    /** The call name of records of {@link ChatClient} calls made outside any {@link LlmCall} method. */
    public static final String STANDALONE = "standalone";

    /** How an {@link LlmCall} method ended. */
    public enum Outcome {
        /** The method returned normally. */
        SUCCESS,
        /** The method threw, or its returned stage completed exceptionally. */
        FAILURE
    }

    private final String id;
    private final String parentId;
    private final String callName;
    private final String principal;
    private final Method method;
    private final Instant startedAt;
    private final Duration duration;
    private final Throwable failure;
    private final List<Exchange> exchanges;
    private final Usage usage;
    private final Cost cost;

    private LlmCallRecord(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.parentId = b.parentId;
        this.callName = Objects.requireNonNull(b.callName, "callName");
        this.principal = b.principal;
        this.method = b.method;
        this.startedAt = Objects.requireNonNull(b.startedAt, "startedAt");
        this.duration = Objects.requireNonNull(b.duration, "duration");
        this.failure = b.failure;
        this.exchanges = List.copyOf(b.exchanges);
        Usage totalUsage = Usage.zero();
        Cost totalCost = Cost.zero(b.currency);
        for (Exchange e : exchanges) {
            totalUsage = totalUsage.plus(e.usage());
            totalCost = totalCost.plus(e.cost());
        }
        this.usage = totalUsage;
        this.cost = totalCost;
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a unique id of this record */
    public String id() {
        return id;
    }

    /** @return the id of the record of the enclosing {@link LlmCall} method, for a nested one */
    public Optional<String> parentId() {
        return Optional.ofNullable(parentId);
    }

    /** @return the logical call name: {@link LlmCall#value()} or {@code SimpleClassName.method} */
    public String callName() {
        return callName;
    }

    /**
     * @return the caller, as the application's {@link dev.tollgate.api.spi.BudgetKey} (by default
     *     the container's caller identity) named it when the call began; empty if none was known
     */
    public Optional<String> principal() {
        return Optional.ofNullable(principal);
    }

    /** @return the intercepted method; empty for a {@value #STANDALONE} record */
    public Optional<Method> method() {
        return Optional.ofNullable(method);
    }

    /** @return when the method was entered */
    public Instant startedAt() {
        return startedAt;
    }

    /** @return how long the method ran, until its returned stage completed if it returned one */
    public Duration duration() {
        return duration;
    }

    /** @return how the method ended */
    public Outcome outcome() {
        return failure == null ? Outcome.SUCCESS : Outcome.FAILURE;
    }

    /** @return what the method threw, for a {@link Outcome#FAILURE} */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** @return the category of the failure, if the method failed with an {@link LlmException} */
    public Optional<ErrorCategory> failureCategory() {
        return failure instanceof LlmException e ? Optional.of(e.category()) : Optional.empty();
    }

    /** @return every provider request made, in the order they were sent */
    public List<Exchange> exchanges() {
        return exchanges;
    }

    /** @return the sum of the usage of all exchanges */
    public Usage usage() {
        return usage;
    }

    /** @return the sum of the cost of all exchanges */
    public Cost cost() {
        return cost;
    }

    @Override
    public String toString() {
        return "LlmCallRecord[" + callName + ", " + outcome() + ", exchanges=" + exchanges.size() + ", " + usage
                + ", " + cost + ", duration=" + duration.toMillis() + "ms]";
    }

    /** Builds an {@link LlmCallRecord}. */
    public static final class Builder {
        private String id;
        private String parentId;
        private String callName;
        private String principal;
        private Method method;
        private Instant startedAt;
        private Duration duration;
        private Throwable failure;
        private List<Exchange> exchanges = List.of();
        private String currency = "USD";

        private Builder() {
        }

        /**
         * @param value a unique id
         * @return this builder
         */
        public Builder id(String value) {
            this.id = value;
            return this;
        }

        /**
         * @param value the id of the enclosing record, or {@code null}
         * @return this builder
         */
        public Builder parentId(String value) {
            this.parentId = value;
            return this;
        }

        /**
         * @param value the logical call name
         * @return this builder
         */
        public Builder callName(String value) {
            this.callName = value;
            return this;
        }

        /**
         * @param value the caller's name, or {@code null} if none is known
         * @return this builder
         */
        public Builder principal(String value) {
            this.principal = value;
            return this;
        }

        /**
         * @param value the intercepted method, or {@code null}
         * @return this builder
         */
        public Builder method(Method value) {
            this.method = value;
            return this;
        }

        /**
         * @param value when the method was entered
         * @return this builder
         */
        public Builder startedAt(Instant value) {
            this.startedAt = value;
            return this;
        }

        /**
         * @param value how long it ran
         * @return this builder
         */
        public Builder duration(Duration value) {
            this.duration = value;
            return this;
        }

        /**
         * @param value what the method threw, or {@code null} if it returned
         * @return this builder
         */
        public Builder failure(Throwable value) {
            this.failure = value;
            return this;
        }

        /**
         * @param value the exchanges, in order
         * @return this builder
         */
        public Builder exchanges(List<Exchange> value) {
            this.exchanges = value;
            return this;
        }

        /**
         * @param value the currency of the total when there is no exchange to take it from
         * @return this builder
         */
        public Builder currency(String value) {
            this.currency = Objects.requireNonNull(value, "currency");
            return this;
        }

        /** @return the record, with usage and cost summed over the exchanges */
        public LlmCallRecord build() {
            return new LlmCallRecord(this);
        }
    }
}
