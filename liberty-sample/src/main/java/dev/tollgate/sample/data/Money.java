package dev.tollgate.sample.data;

import dev.tollgate.api.Cost;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A cost as columns: its total, currency and whether every part was priced. */
@Embeddable
public class Money {
    @Column(name = "COST", precision = 24, scale = 12)
    private BigDecimal total;
    @Column(name = "CURRENCY", length = 3)
    private String currency;
    @Column(name = "COST_KNOWN")
    private boolean known;

    /** For JPA. */
    protected Money() {
    }

    static Money of(Cost cost) {
        Money m = new Money();
        m.total = cost.total();
        m.currency = cost.currency();
        m.known = cost.isKnown();
        return m;
    }

    /** @return the total, the priced parts only when not {@link #known()} */
    public BigDecimal total() {
        return total;
    }

    /** @return the ISO 4217 code; empty when nothing was priced */
    public String currency() {
        return currency;
    }

    /** @return whether every part was priced */
    public boolean known() {
        return known;
    }
}
