package dev.tollgate.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ordered list of targets chosen at run time, such as the providers behind one public model
 * name of a gateway.
 *
 * <p>When an {@link LlmCall} method has a parameter of type {@code Route} and is given one:
 * <ol>
 *   <li>the invocation's first attempt goes to {@link #primary()} instead of the method's
 *       provider and model;</li>
 *   <li>with {@link Fallback}, the rest of the route, {@link #fallbacks()}, are the targets tried
 *       after it fails, instead of the annotation's or configuration's targets; which failures
 *       move on is still decided by {@link Fallback#on()} or its configuration.</li>
 * </ol>
 * A {@code null} argument leaves the method's own targets. Instances are immutable.
 */
public final class Route {
    private final List<Target> targets;

    private Route(List<Target> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least one target");
        }
        this.targets = List.copyOf(targets);
    }

    /**
     * @param targets the targets, in the order they are tried
     * @return the route
     * @throws IllegalArgumentException if there is none
     */
    public static Route of(Target... targets) {
        return new Route(List.of(targets));
    }

    /**
     * @param targets the targets, in the order they are tried
     * @return the route
     * @throws IllegalArgumentException if there is none
     */
    public static Route of(List<Target> targets) {
        return new Route(targets);
    }

    /**
     * Parses a comma-separated list of targets in their {@linkplain Target#parse(String) text form},
     * such as {@code "openai/gpt-4o-mini, anthropic/claude-haiku-4-5"}.
     *
     * @param text the list
     * @return the route
     * @throws IllegalArgumentException if the list is empty or a target is invalid
     */
    public static Route parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Target> parsed = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                parsed.add(Target.parse(part));
            }
        }
        return new Route(parsed);
    }

    /** @return every target, in order */
    public List<Target> targets() {
        return targets;
    }

    /** @return the first target */
    public Target primary() {
        return targets.get(0);
    }

    /** @return the targets after the first, in order */
    public List<Target> fallbacks() {
        return targets.subList(1, targets.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Route r && r.targets.equals(targets);
    }

    @Override
    public int hashCode() {
        return targets.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Target t : targets) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(t);
        }
        return text.toString();
    }
}
