package dev.tollgate.impl.config;

import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems so that one deployment reports all of them at once. */
public final class ConfigProblems {
    private final List<String> problems = new ArrayList<>();

    /**
     * @param message a complete message naming the property
     */
    public void add(String message) {
        problems.add(message);
    }

    /** @return whether no problem was found */
    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /**
     * @throws TollgateConfigException if a problem was found
     */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new TollgateConfigException(problems);
        }
    }
}
