package dev.tollgate.impl.ratelimit;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.Usage;
import java.time.Duration;

/** The limiter and permit of a target without limits: nothing to reserve, wait for or settle. */
enum Unlimited implements RateLimiter, Permit {
    INSTANCE;

    @Override
    public Permit acquire(long estimatedTokens) {
        return this;
    }

    @Override
    public Permit acquire(ChatRequest request) {
        return this;
    }

    @Override
    public boolean countsTokens() {
        return false;
    }

    @Override
    public void settle(long actualTokens) {
        // nothing was reserved
    }

    @Override
    public void settle(Usage usage) {
        // nothing was reserved
    }

    @Override
    public void settleFailure(Throwable failure) {
        // nothing was reserved
    }

    @Override
    public void release() {
        // nothing was reserved
    }

    @Override
    public Duration waited() {
        return Duration.ZERO;
    }

    @Override
    public String toString() {
        return "RateLimiter[none]";
    }
}
