package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouteTest {

    @Test
    void parsesTargetsInOrderAndSplitsThePrimaryFromTheFallbacks() {
        Route route = Route.parse(" openai/gpt-4o-mini , anthropic/claude-haiku-4-5,local ");

        assertThat(route.primary()).isEqualTo(new Target("openai", "gpt-4o-mini"));
        assertThat(route.fallbacks()).containsExactly(new Target("anthropic", "claude-haiku-4-5"),
                new Target("local", null));
        assertThat(route).hasToString("openai/gpt-4o-mini, anthropic/claude-haiku-4-5, local")
                .isEqualTo(Route.of(route.targets()));
    }

    @Test
    void aRouteWithoutTargetsOrWithAnInvalidOneIsRefused() {
        assertThatThrownBy(() -> Route.parse(" , ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Route.parse("openai/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(Route::of).isInstanceOf(IllegalArgumentException.class);
    }
}
