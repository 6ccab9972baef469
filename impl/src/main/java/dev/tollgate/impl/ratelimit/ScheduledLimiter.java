package dev.tollgate.impl.ratelimit;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.impl.Messages;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The limiter of a target with limits: the schedules of its model, if any, and of its provider,
 * all reserved together under the provider's lock.
 */
final class ScheduledLimiter implements RateLimiter {
    private final ProviderSchedules provider;
    private final String model;
    private final Schedule[] schedules;
    private final boolean countsTokens;

    /**
     * @param provider what the provider's limiters share
     * @param model the model, or {@code null} for the provider's own limits only
     * @param schedules every schedule that applies, not empty
     */
    ScheduledLimiter(ProviderSchedules provider, String model, List<Schedule> schedules) {
        this.provider = provider;
        this.model = model;
        this.schedules = schedules.toArray(Schedule[]::new);
        this.countsTokens = schedules.stream().anyMatch(s -> s.limit().unit() == Limit.Unit.TOKENS);
    }

    @Override
    public boolean countsTokens() {
        return countsTokens;
    }

    @Override
    public Permit acquire(long estimatedTokens) {
        if (estimatedTokens < 0) {
            throw new IllegalArgumentException("estimated tokens " + estimatedTokens + " < 0");
        }
        long[] stamps = new long[schedules.length];
        Schedule binding = null;
        long wait;
        ReentrantLock lock = provider.lock();
        lock.lock();
        try {
            long now = provider.now();
            long start = now;
            for (Schedule s : schedules) {
                long earliest = s.earliestStart(units(s, estimatedTokens), now);
                if (earliest > start) {
                    start = earliest;
                    binding = s;
                }
            }
            wait = start - now;
            if (wait <= provider.maxWaitNanos()) {
                for (int i = 0; i < schedules.length; i++) {
                    stamps[i] = schedules[i].reserve(units(schedules[i], estimatedTokens), start);
                }
            }
        } finally {
            lock.unlock();
        }
        if (wait > provider.maxWaitNanos()) {
            throw rateLimited(binding.limit(), wait);
        }
        ScheduledPermit permit = new ScheduledPermit(this, estimatedTokens, stamps, wait);
        if (wait > 0) {
            sleep(permit, binding.limit(), wait);
        }
        return permit;
    }

    private void sleep(ScheduledPermit permit, Limit binding, long wait) {
        try {
            provider.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            giveBack(permit.estimatedTokens(), permit.stamps());
            Thread.currentThread().interrupt();
            throw LlmException.builder(ErrorCategory.CANCELLED).provider(provider.providerId()).model(model)
                    .message(Messages.rateLimitWaitInterrupted(binding.property(), millis(wait))).cause(e).build();
        }
    }

    private LlmException rateLimited(Limit binding, long wait) {
        return LlmException.builder(ErrorCategory.RATE_LIMITED).provider(provider.providerId()).model(model)
                .message(Messages.rateLimited(binding.property(), binding.perMinute(), binding.unit().word(),
                        millis(wait), provider.maxWaitProperty(), millis(provider.maxWaitNanos())))
                .retryAfter(Duration.ofNanos(wait))
                .build();
    }

    /**
     * Corrects the tokens of a reservation to those used.
     *
     * @param estimatedTokens the tokens reserved
     * @param actualTokens the tokens used
     * @param stamps the stamps of the reservation, one per schedule
     */
    void correct(long estimatedTokens, long actualTokens, long[] stamps) {
        long difference = actualTokens - estimatedTokens;
        if (difference == 0 || !countsTokens) {
            return;
        }
        ReentrantLock lock = provider.lock();
        lock.lock();
        try {
            long now = provider.now();
            for (int i = 0; i < schedules.length; i++) {
                if (schedules[i].limit().unit() == Limit.Unit.TOKENS) {
                    if (difference > 0) {
                        schedules[i].charge(difference, now);
                    } else {
                        schedules[i].giveBack(-difference, stamps[i], now);
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives back the request and the tokens of a reservation.
     *
     * @param estimatedTokens the tokens reserved
     * @param stamps the stamps of the reservation, one per schedule
     */
    void giveBack(long estimatedTokens, long[] stamps) {
        ReentrantLock lock = provider.lock();
        lock.lock();
        try {
            long now = provider.now();
            for (int i = 0; i < schedules.length; i++) {
                schedules[i].giveBack(units(schedules[i], estimatedTokens), stamps[i], now);
            }
        } finally {
            lock.unlock();
        }
    }

    private static long units(Schedule schedule, long tokens) {
        return schedule.limit().unit() == Limit.Unit.REQUESTS ? 1 : tokens;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000 + (nanos % 1_000_000 == 0 ? 0 : 1);
    }

    @Override
    public String toString() {
        return "RateLimiter[" + provider.providerId() + (model != null ? "/" + model : "") + "]";
    }
}
