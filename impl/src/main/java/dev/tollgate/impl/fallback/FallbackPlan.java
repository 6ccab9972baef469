package dev.tollgate.impl.fallback;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Target;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The resolved fallback chain of one method.
 *
 * @param callName the call's name
 * @param targets the targets tried after the primary one, in order
 * @param on the categories that move on to the next target
 * @param contextFallback the target tried once when a target's context is too small, or {@code null}
 */
public record FallbackPlan(String callName, List<Target> targets, Set<ErrorCategory> on, Target contextFallback) {
    /**
     * @throws NullPointerException if a part is missing
     */
    public FallbackPlan {
        Objects.requireNonNull(callName, "callName");
        targets = List.copyOf(targets);
        on = Set.copyOf(on);
    }
}
