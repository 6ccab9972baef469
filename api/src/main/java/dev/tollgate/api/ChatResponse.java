package dev.tollgate.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one {@link ChatRequest}, with what it used and cost.
 *
 * <p>Instances are immutable. Provider adapters build them with {@link #builder()}; Tollgate adds
 * the {@linkplain #cost() cost}, the {@linkplain #provider() provider id} and the
 * {@linkplain #latency() latency} before the application sees them.
 */
public final class ChatResponse {
    private final String text;
    private final List<ToolCall> toolCalls;
    private final FinishReason finishReason;
    private final String rawFinishReason;
    private final Usage usage;
    private final Cost cost;
    private final String provider;
    private final String model;
    private final String responseId;
    private final String requestId;
    private final String serviceTier;
    private final Duration latency;

    private ChatResponse(Builder b) {
        this.text = Objects.requireNonNull(b.text, "text");
        this.toolCalls = List.copyOf(b.toolCalls);
        this.finishReason = b.finishReason;
        this.rawFinishReason = b.rawFinishReason;
        this.usage = b.usage;
        this.cost = b.cost;
        this.provider = b.provider;
        this.model = b.model;
        this.responseId = b.responseId;
        this.requestId = b.requestId;
        this.serviceTier = b.serviceTier;
        this.latency = b.latency;
    }

    /** @return an empty builder; usage and cost start {@linkplain Usage#unknown() unknown} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding the values of this response */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.text = text;
        b.toolCalls = toolCalls;
        b.finishReason = finishReason;
        b.rawFinishReason = rawFinishReason;
        b.usage = usage;
        b.cost = cost;
        b.provider = provider;
        b.model = model;
        b.responseId = responseId;
        b.requestId = requestId;
        b.serviceTier = serviceTier;
        b.latency = latency;
        return b;
    }

    /** @return the text of the answer; empty if the model produced none */
    public String text() {
        return text;
    }

    /** @return the answer as an assistant message, ready to append to a conversation */
    public Message message() {
        return toolCalls.isEmpty() ? Message.assistant(text) : Message.assistant(text, toolCalls);
    }

    /** @return the tools the model asked to call, in order; empty if none */
    public List<ToolCall> toolCalls() {
        return toolCalls;
    }

    /** @return why the model stopped */
    public FinishReason finishReason() {
        return finishReason;
    }

    /** @return the provider's own finish reason, if it reported one */
    public Optional<String> rawFinishReason() {
        return Optional.ofNullable(rawFinishReason);
    }

    /** @return the tokens the provider reported */
    public Usage usage() {
        return usage;
    }

    /** @return what the request cost, per the configured price table */
    public Cost cost() {
        return cost;
    }

    /** @return the id of the configured provider that answered */
    public String provider() {
        return provider;
    }

    /** @return the model as the provider reported it, for example a dated version of the requested one */
    public String model() {
        return model;
    }

    /** @return the provider's id of this completion, if it sent one */
    public Optional<String> responseId() {
        return Optional.ofNullable(responseId);
    }

    /** @return the provider's id of the HTTP request, for its support, if it sent one */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * The processing tier the provider says served the request (OpenAI's {@code service_tier}:
     * {@code default}, {@code flex}, {@code priority}); it selects batch prices for {@code flex}
     * and {@code batch}.
     *
     * @return the tier, if the provider reported one
     */
    public Optional<String> serviceTier() {
        return Optional.ofNullable(serviceTier);
    }

    /** @return the time from sending the request to having the whole answer */
    public Duration latency() {
        return latency;
    }

    @Override
    public String toString() {
        return "ChatResponse[provider=" + provider + ", model=" + model + ", finishReason=" + finishReason
                + ", " + usage + ", " + cost + ", latency=" + latency.toMillis() + "ms]";
    }

    /** Builds a {@link ChatResponse}. */
    public static final class Builder {
        private String text = "";
        private List<ToolCall> toolCalls = List.of();
        private FinishReason finishReason = FinishReason.STOP;
        private String rawFinishReason;
        private Usage usage = Usage.unknown();
        private Cost cost = Cost.unknown();
        private String provider = "";
        private String model = "";
        private String responseId;
        private String requestId;
        private String serviceTier;
        private Duration latency = Duration.ZERO;

        private Builder() {
        }

        /**
         * @param value the text of the answer
         * @return this builder
         */
        public Builder text(String value) {
            this.text = value;
            return this;
        }

        /**
         * @param value the tools the model asked to call
         * @return this builder
         */
        public Builder toolCalls(List<ToolCall> value) {
            this.toolCalls = List.copyOf(value);
            return this;
        }

        /**
         * @param value why the model stopped
         * @return this builder
         */
        public Builder finishReason(FinishReason value) {
            this.finishReason = Objects.requireNonNull(value, "finishReason");
            return this;
        }

        /**
         * @param value the provider's own finish reason, or {@code null}
         * @return this builder
         */
        public Builder rawFinishReason(String value) {
            this.rawFinishReason = value;
            return this;
        }

        /**
         * @param value the tokens the provider reported
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
         * @param value the id of the configured provider
         * @return this builder
         */
        public Builder provider(String value) {
            this.provider = Objects.requireNonNull(value, "provider");
            return this;
        }

        /**
         * @param value the model as the provider reported it
         * @return this builder
         */
        public Builder model(String value) {
            this.model = Objects.requireNonNull(value, "model");
            return this;
        }

        /**
         * @param value the provider's id of this completion, or {@code null}
         * @return this builder
         */
        public Builder responseId(String value) {
            this.responseId = value;
            return this;
        }

        /**
         * @param value the provider's id of the HTTP request, or {@code null}
         * @return this builder
         */
        public Builder requestId(String value) {
            this.requestId = value;
            return this;
        }

        /**
         * @param value the processing tier the provider reported, or {@code null}
         * @return this builder
         */
        public Builder serviceTier(String value) {
            this.serviceTier = value;
            return this;
        }

        /**
         * @param value the time from request to complete answer
         * @return this builder
         */
        public Builder latency(Duration value) {
            this.latency = Objects.requireNonNull(value, "latency");
            return this;
        }

        /** @return the response */
        public ChatResponse build() {
            return new ChatResponse(this);
        }
    }
}
