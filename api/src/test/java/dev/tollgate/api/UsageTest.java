package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class UsageTest {

    @Test
    void builder_keepsEveryCount_andTotalIsInputPlusOutput() {
        Usage usage = Usage.builder()
                .inputTokens(2006)
                .cachedInputTokens(1920)
                .cacheWriteTokens(50)
                .outputTokens(300)
                .reasoningTokens(192)
                .build();

        assertThat(usage.inputTokens()).isEqualTo(2006);
        assertThat(usage.cachedInputTokens()).isEqualTo(1920);
        assertThat(usage.cacheWriteTokens()).isEqualTo(50);
        assertThat(usage.outputTokens()).isEqualTo(300);
        assertThat(usage.reasoningTokens()).isEqualTo(192);
        assertThat(usage.totalTokens()).isEqualTo(2306);
        assertThat(usage.isKnown()).isTrue();
    }

    @Test
    void negativeCount_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Usage.of(-1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Usage.builder().reasoningTokens(-1).build());
    }

    @Test
    void cachedAndCacheWriteBeyondInput_isRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Usage.builder().inputTokens(100).cachedInputTokens(60).cacheWriteTokens(41).build())
                .withMessageContaining("60").withMessageContaining("41").withMessageContaining("100");
    }

    @Test
    void cachedAndCacheWriteUpToInput_isAccepted() {
        Usage usage = Usage.builder().inputTokens(100).cachedInputTokens(60).cacheWriteTokens(40).build();

        assertThat(usage.cachedInputTokens() + usage.cacheWriteTokens()).isEqualTo(usage.inputTokens());
    }

    @Test
    void reasoningBeyondOutput_isRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Usage.builder().outputTokens(10).reasoningTokens(11).build())
                .withMessageContaining("reasoning");
    }

    @Test
    void plus_addsEveryCount() {
        Usage sum = Usage.builder().inputTokens(10).cachedInputTokens(4).cacheWriteTokens(1).outputTokens(5)
                .reasoningTokens(2).build()
                .plus(Usage.builder().inputTokens(20).cachedInputTokens(8).cacheWriteTokens(2).outputTokens(7)
                        .reasoningTokens(3).build());

        assertThat(sum).isEqualTo(Usage.builder().inputTokens(30).cachedInputTokens(12).cacheWriteTokens(3)
                .outputTokens(12).reasoningTokens(5).build());
    }

    @Test
    void sumWithAnUnknownPart_isUnknownButKeepsTheKnownCounts() {
        Usage sum = Usage.of(10, 5).plus(Usage.unknown());

        assertThat(sum.isKnown()).isFalse();
        assertThat(sum.inputTokens()).isEqualTo(10);
        assertThat(sum.outputTokens()).isEqualTo(5);
        assertThat(sum).isNotEqualTo(Usage.of(10, 5));
        assertThat(sum.toString()).contains("partly unknown");
    }

    @Test
    void unknownAndZero_areDifferent() {
        assertThat(Usage.unknown()).isNotEqualTo(Usage.zero());
        assertThat(Usage.zero().isKnown()).isTrue();
        assertThat(Usage.zero().plus(Usage.of(3, 4))).isEqualTo(Usage.of(3, 4));
        assertThat(Usage.unknown().toString()).isEqualTo("Usage[unknown]");
    }
}
