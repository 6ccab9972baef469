package dev.tollgate.impl.config;

import java.util.List;

/** Invalid configuration, with every problem found; each message names its property. */
public final class TollgateConfigException extends RuntimeException {
    private final List<String> problems;

    /**
     * @param problems the problems, each a complete message
     */
    public TollgateConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem, in the order found */
    public List<String> problems() {
        return problems;
    }
}
