package dev.tollgate.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One chat request: the conversation and the options for the model.
 *
 * <p>Instances are immutable; build them with {@link #builder()} or {@link #of(String)}.
 * Every option is optional. An option the target provider cannot honour is refused with an
 * {@link LlmException} of category {@link ErrorCategory#INVALID_REQUEST}; it is never dropped
 * silently. {@link #extra()} carries provider-specific parameters, sent to the provider as given.
 *
 * <p>{@link #provider()} and {@link #model()} pin the request to a target. Left empty, the request
 * goes to the target of the current {@link LlmCall} attempt, or else to the configured default.
 */
public final class ChatRequest {
    private final List<Message> messages;
    private final String provider;
    private final String model;
    private final Double temperature;
    private final Double topP;
    private final Integer maxTokens;
    private final List<String> stop;
    private final Long seed;
    private final Map<String, Object> extra;
    private final ResponseFormat responseFormat;
    private final List<Tool> tools;

    private ChatRequest(Builder b) {
        this.messages = List.copyOf(b.messages);
        this.provider = b.provider;
        this.model = b.model;
        this.temperature = b.temperature;
        this.topP = b.topP;
        this.maxTokens = b.maxTokens;
        this.stop = List.copyOf(b.stop);
        this.seed = b.seed;
        this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(b.extra));
        this.responseFormat = b.responseFormat;
        this.tools = List.copyOf(b.tools);
    }

    /**
     * A request of one user message and no options.
     *
     * @param userPrompt the user's text
     * @return the request
     */
    public static ChatRequest of(String userPrompt) {
        return builder().user(userPrompt).build();
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding the values of this request */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.messages.addAll(messages);
        b.provider = provider;
        b.model = model;
        b.temperature = temperature;
        b.topP = topP;
        b.maxTokens = maxTokens;
        b.stop.addAll(stop);
        b.seed = seed;
        b.extra.putAll(extra);
        b.responseFormat = responseFormat;
        b.tools.addAll(tools);
        return b;
    }

    /** @return the conversation, in order; never empty */
    public List<Message> messages() {
        return messages;
    }

    /** @return the provider id this request is pinned to, if any */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /** @return the model this request is pinned to, if any */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** @return the sampling temperature, if set */
    public OptionalDouble temperature() {
        return temperature == null ? OptionalDouble.empty() : OptionalDouble.of(temperature);
    }

    /** @return the nucleus sampling probability mass, if set */
    public OptionalDouble topP() {
        return topP == null ? OptionalDouble.empty() : OptionalDouble.of(topP);
    }

    /** @return the most output tokens to generate, if set */
    public OptionalInt maxTokens() {
        return maxTokens == null ? OptionalInt.empty() : OptionalInt.of(maxTokens);
    }

    /** @return the sequences at which generation stops; empty if none */
    public List<String> stop() {
        return stop;
    }

    /** @return the sampling seed, if set */
    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /**
     * Provider-specific parameters, sent as top-level fields of the provider's request body.
     * Values are {@link String}, {@link Number}, {@link Boolean}, {@code null}, {@link List} or
     * {@link Map} with {@link String} keys, nested freely.
     *
     * @return the parameters, in insertion order
     */
    public Map<String, Object> extra() {
        return extra;
    }

    /** @return the form the answer must take; {@link ResponseFormat#text()} unless set */
    public ResponseFormat responseFormat() {
        return responseFormat;
    }

    /** @return the tools the model may call, in order; empty if none */
    public List<Tool> tools() {
        return tools;
    }

    @Override
    public String toString() {
        return "ChatRequest[messages=" + messages.size()
                + (provider == null ? "" : ", provider=" + provider)
                + (model == null ? "" : ", model=" + model) + "]";
    }

    /** Builds a {@link ChatRequest}. */
    public static final class Builder {
        private final List<Message> messages = new ArrayList<>();
        private String provider;
        private String model;
        private Double temperature;
        private Double topP;
        private Integer maxTokens;
        private final List<String> stop = new ArrayList<>();
        private Long seed;
        private final Map<String, Object> extra = new LinkedHashMap<>();
        private ResponseFormat responseFormat = ResponseFormat.text();
        private final List<Tool> tools = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param format the form the answer must take
         * @return this builder
         */
        public Builder responseFormat(ResponseFormat format) {
            this.responseFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * @param value the tools the model may call, replacing any set before
         * @return this builder
         */
        public Builder tools(List<Tool> value) {
            tools.clear();
            value.forEach(this::tool);
            return this;
        }

        /**
         * @param name an extra parameter to remove
         * @return this builder
         */
        public Builder removeExtra(String name) {
            extra.remove(name);
            return this;
        }

        /**
         * @param tool a tool the model may call
         * @return this builder
         */
        public Builder tool(Tool tool) {
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        /**
         * @param message a message to append to the conversation
         * @return this builder
         */
        public Builder message(Message message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /**
         * @param conversation messages to append, in order
         * @return this builder
         */
        public Builder messages(List<Message> conversation) {
            conversation.forEach(this::message);
            return this;
        }

        /**
         * @param content a system message to append
         * @return this builder
         */
        public Builder system(String content) {
            return message(Message.system(content));
        }

        /**
         * @param content a user message to append
         * @return this builder
         */
        public Builder user(String content) {
            return message(Message.user(content));
        }

        /**
         * @param content an assistant message to append
         * @return this builder
         */
        public Builder assistant(String content) {
            return message(Message.assistant(content));
        }

        /**
         * @param providerId the configured provider id to send this request to, or {@code null}
         * @return this builder
         */
        public Builder provider(String providerId) {
            this.provider = providerId;
            return this;
        }

        /**
         * @param modelName the model to use, or {@code null}
         * @return this builder
         */
        public Builder model(String modelName) {
            this.model = modelName;
            return this;
        }

        /**
         * @param target the provider and, if it names one, the model
         * @return this builder
         */
        public Builder target(Target target) {
            this.provider = target.provider();
            this.model = target.model();
            return this;
        }

        /**
         * @param value the sampling temperature, or {@code null}
         * @return this builder
         */
        public Builder temperature(Double value) {
            this.temperature = value;
            return this;
        }

        /**
         * @param value the nucleus sampling probability mass, or {@code null}
         * @return this builder
         */
        public Builder topP(Double value) {
            this.topP = value;
            return this;
        }

        /**
         * @param value the most output tokens to generate, or {@code null}
         * @return this builder
         */
        public Builder maxTokens(Integer value) {
            this.maxTokens = value;
            return this;
        }

        /**
         * @param sequences sequences at which generation stops
         * @return this builder
         */
        public Builder stop(String... sequences) {
            stop.clear();
            stop.addAll(List.of(sequences));
            return this;
        }

        /**
         * @param value the sampling seed, or {@code null}
         * @return this builder
         */
        public Builder seed(Long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param name a provider-specific top-level request field
         * @param value its value; see {@link ChatRequest#extra()} for the types allowed
         * @return this builder
         */
        public Builder extra(String name, Object value) {
            extra.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /**
         * @return the request
         * @throws IllegalArgumentException if there is no message or an option is out of range
         */
        public ChatRequest build() {
            if (messages.isEmpty()) {
                throw new IllegalArgumentException("a chat request needs at least one message");
            }
            if (provider != null && provider.isBlank() || model != null && model.isBlank()) {
                throw new IllegalArgumentException("provider and model must not be blank");
            }
            if (temperature != null && (temperature < 0 || temperature.isNaN())) {
                throw new IllegalArgumentException("temperature must be >= 0: " + temperature);
            }
            if (topP != null && !(topP > 0 && topP <= 1)) {
                throw new IllegalArgumentException("topP must be in (0, 1]: " + topP);
            }
            if (maxTokens != null && maxTokens < 1) {
                throw new IllegalArgumentException("maxTokens must be >= 1: " + maxTokens);
            }
            if (tools.stream().map(Tool::name).distinct().count() < tools.size()) {
                throw new IllegalArgumentException("tool names must be unique");
            }
            return new ChatRequest(this);
        }
    }
}
