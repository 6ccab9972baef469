package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CostTest {

    private static Cost usd(String input, String cached, String cacheWrite, String output) {
        return Cost.of(new BigDecimal(input), new BigDecimal(cached), new BigDecimal(cacheWrite),
                new BigDecimal(output), "USD");
    }

    @Test
    void total_isTheSumOfEveryPart() {
        assertThat(usd("0.0000946", "0.000528", "0.00001", "0.00132").total()).isEqualByComparingTo("0.0019526");
    }

    @Test
    void plus_addsEachPartExactly() {
        Cost sum = usd("0.1", "0.02", "0.003", "0.4").plus(usd("0.2", "0.01", "0", "0.0000001"));

        assertThat(sum.input()).isEqualByComparingTo("0.3");
        assertThat(sum.cachedInput()).isEqualByComparingTo("0.03");
        assertThat(sum.cacheWrite()).isEqualByComparingTo("0.003");
        assertThat(sum.output()).isEqualByComparingTo("0.4000001");
        assertThat(sum.currency()).isEqualTo("USD");
        assertThat(sum.isKnown()).isTrue();
    }

    @Test
    void plusInAnotherCurrency_isRefused() {
        Cost euros = Cost.of(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, "EUR");

        assertThatIllegalArgumentException().isThrownBy(() -> usd("1", "0", "0", "1").plus(euros))
                .withMessageContaining("EUR").withMessageContaining("USD");
    }

    @Test
    void sumWithAnUnknownPart_isUnknownButKeepsThePricedAmounts() {
        Cost sum = Cost.zero("USD").plus(usd("0.1", "0", "0", "0.2")).plus(Cost.unknown());

        assertThat(sum.isKnown()).isFalse();
        assertThat(sum.total()).isEqualByComparingTo("0.3");
        assertThat(sum.currency()).isEqualTo("USD");
        assertThat(sum.toString()).contains("partly unknown");
    }

    @Test
    void unknownPlusKnown_takesTheKnownCurrency() {
        Cost sum = Cost.unknown().plus(usd("1", "0", "0", "0"));

        assertThat(sum.currency()).isEqualTo("USD");
        assertThat(sum.isKnown()).isFalse();
    }

    @Test
    void unknown_hasNoCurrencyAndIsNotZero() {
        assertThat(Cost.unknown().isKnown()).isFalse();
        assertThat(Cost.unknown().currency()).isEmpty();
        assertThat(Cost.unknown()).isNotEqualTo(Cost.zero("USD"));
        assertThat(Cost.unknown().toString()).isEqualTo("Cost[unknown]");
    }

    @Test
    void equality_ignoresTheScaleOfAmounts() {
        assertThat(usd("0.10", "0", "0", "1.0")).isEqualTo(usd("0.1", "0.00", "0", "1"))
                .hasSameHashCodeAs(usd("0.1", "0.00", "0", "1"));
    }
}
