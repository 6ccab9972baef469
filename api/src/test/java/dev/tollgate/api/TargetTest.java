package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetTest {

    @Test
    void parse_ofAProviderOnly_hasNoModel() {
        Target target = Target.parse("openai");

        assertThat(target.provider()).isEqualTo("openai");
        assertThat(target.model()).isNull();
        assertThat(target.modelIfSet()).isEmpty();
        assertThat(target).hasToString("openai");
    }

    @Test
    void parse_splitsAtTheFirstSlash_soModelsMayHoldSlashes() {
        Target target = Target.parse("openrouter/anthropic/claude-sonnet-4");

        assertThat(target.provider()).isEqualTo("openrouter");
        assertThat(target.model()).isEqualTo("anthropic/claude-sonnet-4");
        assertThat(target).hasToString("openrouter/anthropic/claude-sonnet-4");
    }

    @Test
    void parse_keepsDotsInTheModel_andIgnoresSurroundingSpace() {
        assertThat(Target.parse("  openai/gpt-4.1-mini ")).isEqualTo(new Target("openai", "gpt-4.1-mini"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "openai/", "/gpt-4o", " /gpt-4o"})
    void parse_refusesEmptyParts(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Target.parse(text));
    }

    @Test
    void constructor_refusesASlashInTheProviderAndABlankModel() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Target("open/ai", "m"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Target("openai", " "));
    }
}
