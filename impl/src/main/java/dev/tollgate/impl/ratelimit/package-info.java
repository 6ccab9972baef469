/**
 * Client-side rate limits: requests a minute and tokens a minute per provider and, optionally,
 * per model, configured under {@code tollgate.providers.<id>.rate-limit.} and shared by every
 * thread. Internal to the engine, not public API.
 *
 * <p>{@link dev.tollgate.impl.ratelimit.RateLimits} reads the configuration and hands out a
 * {@link dev.tollgate.impl.ratelimit.RateLimiter} per target. Before a provider request the engine
 * calls {@link dev.tollgate.impl.ratelimit.RateLimiter#acquire(dev.tollgate.api.ChatRequest)},
 * which reserves a turn for one request and its
 * {@linkplain dev.tollgate.impl.ratelimit.TokenEstimate estimated tokens}, waits for it, or fails
 * with {@code RATE_LIMITED} if the wait would exceed {@code max-wait}. After the answer, the
 * returned {@link dev.tollgate.impl.ratelimit.Permit} settles the estimate against the reported
 * usage.
 *
 * <p>Each limit is kept as in the generic cell rate algorithm: one timestamp, advanced under a
 * short lock per provider; waiting happens after the lock is released, by sleeping, so neither
 * virtual nor platform threads spin or hold a monitor while they wait.
 */
package dev.tollgate.impl.ratelimit;
