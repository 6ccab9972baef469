package dev.tollgate.impl.pricing;

import dev.tollgate.api.spi.ModelPrice.Tier;
import dev.tollgate.api.spi.ModelPrice.TokenKind;
import java.util.Objects;
import java.util.Optional;

/**
 * The last segment of a price key, {@code tollgate.pricing.<provider>.<model>.<field>}: either
 * {@value #THRESHOLD}, or {@code [<tier>-][long-context-]<kind>} with tier {@code batch},
 * {@code flex} or {@code priority} and kind one of {@link TokenKind#key()}.
 *
 * @param tier the service tier the price is for
 * @param longContext whether it is for requests above the long-context threshold
 * @param kind the kind of token, or {@code null} for the threshold
 */
record PriceField(Tier tier, boolean longContext, TokenKind kind) {
    /** The field of the long-context threshold, a number of input tokens. */
    static final String THRESHOLD = "long-context-threshold";
    /** What a field may be, for messages. */
    static final String GRAMMAR = "input, output, cached-input, cache-write, cache-write-1h, reasoning, each "
            + "optionally prefixed by long-context- and before that by batch-, flex- or priority-; or "
            + THRESHOLD;

    private static final String LONG_CONTEXT = "long-context-";
    private static final PriceField THRESHOLD_FIELD = new PriceField(Tier.STANDARD, true, null);

    static PriceField of(Tier tier, boolean longContext, TokenKind kind) {
        return new PriceField(tier, longContext, Objects.requireNonNull(kind));
    }

    static PriceField threshold() {
        return THRESHOLD_FIELD;
    }

    boolean isThreshold() {
        return kind == null;
    }

    /**
     * @param key the last segment of a price key
     * @return the field, or empty if the key is none
     */
    static Optional<PriceField> parse(String key) {
        if (key.equals(THRESHOLD)) {
            return Optional.of(THRESHOLD_FIELD);
        }
        String rest = key;
        Tier tier = Tier.STANDARD;
        for (Tier t : Tier.values()) {
            if (t != Tier.STANDARD && rest.startsWith(t.key() + "-")) {
                tier = t;
                rest = rest.substring(t.key().length() + 1);
                break;
            }
        }
        boolean longContext = rest.startsWith(LONG_CONTEXT);
        if (longContext) {
            rest = rest.substring(LONG_CONTEXT.length());
        }
        for (TokenKind kind : TokenKind.values()) {
            if (kind.key().equals(rest)) {
                return Optional.of(new PriceField(tier, longContext, kind));
            }
        }
        return Optional.empty();
    }

    /** @return the field as it is written in a price key */
    String key() {
        if (isThreshold()) {
            return THRESHOLD;
        }
        return (tier == Tier.STANDARD ? "" : tier.key() + "-") + (longContext ? LONG_CONTEXT : "") + kind.key();
    }
}
