package dev.tollgate.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A failed provider call, or a call that could not be made.
 *
 * <p>Every failure Tollgate reports is an {@code LlmException} with an {@link ErrorCategory}. It is
 * a {@link TransientLlmException} when the category {@linkplain ErrorCategory#isTransient() is
 * transient} and a {@link PermanentLlmException} otherwise, so MicroProfile Fault Tolerance reads
 * naturally: {@code @Retry(retryOn = TransientLlmException.class)},
 * {@code @Retry(abortOn = PermanentLlmException.class)}.
 *
 * <p>What the provider said (HTTP status, error code and message, request id, the
 * {@code retry-after} delay) is kept in separate fields. Credentials never appear in the
 * message or any field.
 */
public abstract sealed class LlmException extends RuntimeException
        permits TransientLlmException, PermanentLlmException {

    private final ErrorCategory category;
    private final String provider;
    private final String model;
    private final int httpStatus;
    private final String providerErrorCode;
    private final String providerMessage;
    private final String requestId;
    private final Duration retryAfter;

    LlmException(Builder b) {
        super(b.describe(), b.cause);
        this.category = b.category;
        this.provider = b.provider;
        this.model = b.model;
        this.httpStatus = b.httpStatus;
        this.providerErrorCode = b.providerErrorCode;
        this.providerMessage = b.providerMessage;
        this.requestId = b.requestId;
        this.retryAfter = b.retryAfter;
    }

    /**
     * Starts an exception of the given category; {@link Builder#build()} picks the subclass.
     *
     * @param category what kind of failure
     * @return a builder
     */
    public static Builder builder(ErrorCategory category) {
        return new Builder(category);
    }

    /** @return what kind of failure this is */
    public ErrorCategory category() {
        return category;
    }

    /** @return whether a retry or fallback may succeed; the same as {@code category().isTransient()} */
    public boolean isTransient() {
        return category.isTransient();
    }

    /** @return the id of the configured provider that failed, if the failure is tied to one */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /** @return the model that was requested, if known */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** @return the HTTP status of the provider's answer, if there was one */
    public OptionalInt httpStatus() {
        return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
    }

    /** @return the provider's own error code or type, such as {@code context_length_exceeded} */
    public Optional<String> providerErrorCode() {
        return Optional.ofNullable(providerErrorCode);
    }

    /** @return the provider's own error message */
    public Optional<String> providerMessage() {
        return Optional.ofNullable(providerMessage);
    }

    /** @return the provider's id of the failed HTTP request, for its support */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** @return how long the provider asked the caller to wait before trying again */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Builds an {@link LlmException}. */
    public static final class Builder {
        private final ErrorCategory category;
        private String message;
        private String provider;
        private String model;
        private int httpStatus;
        private String providerErrorCode;
        private String providerMessage;
        private String requestId;
        private Duration retryAfter;
        private Throwable cause;

        private Builder(ErrorCategory category) {
            this.category = Objects.requireNonNull(category, "category");
        }

        /**
         * @param text what went wrong, in Tollgate's words; the provider's own message goes to
         *     {@link #providerMessage(String)}
         * @return this builder
         */
        public Builder message(String text) {
            this.message = text;
            return this;
        }

        /**
         * @param id the configured provider id
         * @return this builder
         */
        public Builder provider(String id) {
            this.provider = id;
            return this;
        }

        /**
         * @param name the requested model
         * @return this builder
         */
        public Builder model(String name) {
            this.model = name;
            return this;
        }

        /**
         * @param status the HTTP status of the provider's answer
         * @return this builder
         */
        public Builder httpStatus(int status) {
            this.httpStatus = status;
            return this;
        }

        /**
         * @param code the provider's error code or type
         * @return this builder
         */
        public Builder providerErrorCode(String code) {
            this.providerErrorCode = code;
            return this;
        }

        /**
         * @param text the provider's error message
         * @return this builder
         */
        public Builder providerMessage(String text) {
            this.providerMessage = text;
            return this;
        }

        /**
         * @param id the provider's id of the HTTP request
         * @return this builder
         */
        public Builder requestId(String id) {
            this.requestId = id;
            return this;
        }

        /**
         * @param delay how long the provider asked to wait, or {@code null}
         * @return this builder
         */
        public Builder retryAfter(Duration delay) {
            this.retryAfter = delay;
            return this;
        }

        /**
         * @param throwable the underlying failure
         * @return this builder
         */
        public Builder cause(Throwable throwable) {
            this.cause = throwable;
            return this;
        }

        /** @return a {@link TransientLlmException} or {@link PermanentLlmException}, by category */
        public LlmException build() {
            return category.isTransient() ? new TransientLlmException(this) : new PermanentLlmException(this);
        }

        private String describe() {
            StringBuilder sb = new StringBuilder().append('[').append(category).append(']');
            if (provider != null) {
                sb.append(' ').append(provider);
                if (model != null) {
                    sb.append('/').append(model);
                }
                sb.append(':');
            }
            if (message != null) {
                sb.append(' ').append(message);
            }
            if (httpStatus > 0) {
                sb.append(message != null ? "; " : " ").append("HTTP ").append(httpStatus);
            }
            if (providerErrorCode != null) {
                sb.append(' ').append(providerErrorCode);
            }
            if (providerMessage != null) {
                sb.append(": ").append(providerMessage);
            }
            if (retryAfter != null) {
                sb.append(" (retry after ").append(retryAfter.toMillis()).append(" ms)");
            }
            if (requestId != null) {
                sb.append(" [request ").append(requestId).append(']');
            }
            return sb.toString();
        }
    }
}
