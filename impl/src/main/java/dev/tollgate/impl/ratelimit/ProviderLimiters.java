package dev.tollgate.impl.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limiters of one provider with limits: one per model with limits of its own, built at
 * startup, and one per other model, made on first use, that shares the provider's schedules.
 */
final class ProviderLimiters {
    private final ProviderSchedules schedules;
    private final List<Schedule> providerSchedules;
    private final RateLimiter withoutModel;
    private final Map<String, RateLimiter> byModel = new ConcurrentHashMap<>();

    /**
     * @param schedules what the provider's limiters share
     * @param providerLimits the provider's own limits, possibly none
     * @param modelLimits the limits of single models, by model name
     */
    ProviderLimiters(ProviderSchedules schedules, List<Limit> providerLimits, Map<String, List<Limit>> modelLimits) {
        this.schedules = schedules;
        this.providerSchedules = providerLimits.stream().map(Schedule::new).toList();
        this.withoutModel = limiter(null, providerSchedules);
        modelLimits.forEach((model, limits) -> {
            List<Schedule> all = new ArrayList<>();
            limits.forEach(limit -> all.add(new Schedule(limit)));
            all.addAll(providerSchedules);
            byModel.put(model, limiter(model, all));
        });
    }

    /**
     * @param model a model name, or {@code null}
     * @return the limiter of the model
     */
    RateLimiter forModel(String model) {
        if (model == null) {
            return withoutModel;
        }
        RateLimiter limiter = byModel.get(model);
        return limiter != null ? limiter : byModel.computeIfAbsent(model, m -> limiter(m, providerSchedules));
    }

    private RateLimiter limiter(String model, List<Schedule> all) {
        return all.isEmpty() ? RateLimiter.none() : new ScheduledLimiter(schedules, model, all);
    }
}
