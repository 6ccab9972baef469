package dev.tollgate.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to a provider, as captured in an {@link LlmCallRecord}: where it went, what was
 * sent and answered (when prompt capture is on), what it used and cost, and how it ended.
 *
 * <p>Instances are immutable. Prompts and answers are held after any
 * {@link dev.tollgate.api.spi.PromptRedactor} ran on them.
 */
public final class Exchange {
    private final Target target;
    private final String responseModel;
    private final List<Message> requestMessages;
    private final String responseText;
    private final Usage usage;
    private final Cost cost;
    private final Instant startedAt;
    private final Duration latency;
    private final FinishReason finishReason;
    private final String responseId;
    private final String requestId;
    private final LlmException error;

    private Exchange(Builder b) {
        this.target = Objects.requireNonNull(b.target, "target");
        this.responseModel = b.responseModel;
        this.requestMessages = List.copyOf(b.requestMessages);
        this.responseText = b.responseText;
        this.usage = b.usage;
        this.cost = b.cost;
        this.startedAt = Objects.requireNonNull(b.startedAt, "startedAt");
        this.latency = b.latency;
        this.finishReason = b.finishReason;
        this.responseId = b.responseId;
        this.requestId = b.requestId;
        this.error = b.error;
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the provider id and the model that was requested */
    public Target target() {
        return target;
    }

    /** @return the model as the provider reported it, if it answered */
    public Optional<String> responseModel() {
        return Optional.ofNullable(responseModel);
    }

    /** @return the messages sent; empty when prompt capture is off */
    public List<Message> requestMessages() {
        return requestMessages;
    }

    /** @return the text answered; empty when prompt capture is off or the request failed */
    public Optional<String> responseText() {
        return Optional.ofNullable(responseText);
    }

    /** @return the tokens the provider reported; {@linkplain Usage#unknown() unknown} if none */
    public Usage usage() {
        return usage;
    }

    /** @return what this request cost */
    public Cost cost() {
        return cost;
    }

    /** @return when the request was sent */
    public Instant startedAt() {
        return startedAt;
    }

    /** @return the time until the answer, or the failure, was complete */
    public Duration latency() {
        return latency;
    }

    /** @return why the model stopped, if it answered */
    public Optional<FinishReason> finishReason() {
        return Optional.ofNullable(finishReason);
    }

    /** @return the provider's id of the completion, if it sent one */
    public Optional<String> responseId() {
        return Optional.ofNullable(responseId);
    }

    /** @return the provider's id of the HTTP request, if it sent one */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** @return the failure, if this request failed */
    public Optional<LlmException> error() {
        return Optional.ofNullable(error);
    }

    /** @return whether the provider answered */
    public boolean succeeded() {
        return error == null;
    }

    @Override
    public String toString() {
        return "Exchange[" + target + (error == null ? "" : ", " + error.category()) + ", " + usage + ", " + cost
                + ", latency=" + latency.toMillis() + "ms]";
    }

    /** Builds an {@link Exchange}. */
    public static final class Builder {
        private Target target;
        private String responseModel;
        private List<Message> requestMessages = List.of();
        private String responseText;
        private Usage usage = Usage.unknown();
        private Cost cost = Cost.unknown();
        private Instant startedAt;
        private Duration latency = Duration.ZERO;
        private FinishReason finishReason;
        private String responseId;
        private String requestId;
        private LlmException error;

        private Builder() {
        }

        /**
         * @param value the provider id and requested model
         * @return this builder
         */
        public Builder target(Target value) {
            this.target = value;
            return this;
        }

        /**
         * @param value the model the provider reported, or {@code null}
         * @return this builder
         */
        public Builder responseModel(String value) {
            this.responseModel = value;
            return this;
        }

        /**
         * @param value the messages sent, or an empty list when capture is off
         * @return this builder
         */
        public Builder requestMessages(List<Message> value) {
            this.requestMessages = value;
            return this;
        }

        /**
         * @param value the text answered, or {@code null}
         * @return this builder
         */
        public Builder responseText(String value) {
            this.responseText = value;
            return this;
        }

        /**
         * @param value the tokens reported
         * @return this builder
         */
        public Builder usage(Usage value) {
            this.usage = Objects.requireNonNull(value, "usage");
            return this;
        }

        /**
         * @param value what the request cost
         * @return this builder
         */
        public Builder cost(Cost value) {
            this.cost = Objects.requireNonNull(value, "cost");
            return this;
        }

        /**
         * @param value when the request was sent
         * @return this builder
         */
        public Builder startedAt(Instant value) {
            this.startedAt = value;
            return this;
        }

        /**
         * @param value the time until completion or failure
         * @return this builder
         */
        public Builder latency(Duration value) {
            this.latency = Objects.requireNonNull(value, "latency");
            return this;
        }

        /**
         * @param value why the model stopped, or {@code null}
         * @return this builder
         */
        public Builder finishReason(FinishReason value) {
            this.finishReason = value;
            return this;
        }

        /**
         * @param value the provider's completion id, or {@code null}
         * @return this builder
         */
        public Builder responseId(String value) {
            this.responseId = value;
            return this;
        }

        /**
         * @param value the provider's request id, or {@code null}
         * @return this builder
         */
        public Builder requestId(String value) {
            this.requestId = value;
            return this;
        }

        /**
         * @param value the failure, or {@code null}
         * @return this builder
         */
        public Builder error(LlmException value) {
            this.error = value;
            return this;
        }

        /** @return the exchange */
        public Exchange build() {
            return new Exchange(this);
        }
    }
}
