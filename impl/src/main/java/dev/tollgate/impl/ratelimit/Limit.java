package dev.tollgate.impl.ratelimit;

/**
 * One configured limit: so many requests or tokens a minute, and the property that set it.
 *
 * @param unit what is counted
 * @param perMinute how many a minute, at least 1
 * @param property the full name of the property, for messages
 */
record Limit(Unit unit, long perMinute, String property) {

    /** What a limit counts. */
    enum Unit {
        REQUESTS("requests"), TOKENS("tokens");

        private final String word;

        Unit(String word) {
            this.word = word;
        }

        String word() {
            return word;
        }
    }
}
