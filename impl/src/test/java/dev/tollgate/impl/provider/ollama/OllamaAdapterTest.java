package dev.tollgate.impl.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.config.TollgateConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the adapter reads its configuration. */
class OllamaAdapterTest {

    private static String clientOf(Tollgate tollgate, String id) {
        return tollgate.providers().find(id).orElseThrow().client().toString();
    }

    @Test
    void typeAlone_isALocalOllamaOnItsDefaultPort_withoutKey() {
        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                "tollgate.providers.local.type", "ollama",
                "tollgate.providers.local.model", "llama3.2")).build();

        assertThat(clientOf(tollgate, "local")).contains("http://127.0.0.1:11434/api/chat");
    }

    @Test
    void hostedOllama_takesBaseUrlAndKey() {
        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                "tollgate.providers.cloud.type", "ollama",
                "tollgate.providers.cloud.base-url", "https://ollama.com/",
                "tollgate.providers.cloud.api-key", OllamaFixtures.API_KEY)).build();

        assertThat(clientOf(tollgate, "cloud")).contains("https://ollama.com/api/chat")
                .doesNotContain(OllamaFixtures.API_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 minutes", "10x", "m", "1.5", "--1"})
    void keepAliveThatIsNoDuration_isAProblemNamingTheProperty(String value) {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> Tollgate.builder(TestConfig.of(
                        "tollgate.providers.local.type", "ollama",
                        "tollgate.providers.local.keep-alive", value)).build());

        assertThat(e.problems()).singleElement().asString()
                .startsWith("TOLLGATE-0006")
                .contains("'tollgate.providers.local.keep-alive'", "'" + value + "'", "10m");
    }

    @Test
    void baseUrlThatIsNoUrl_isAProblemNamingTheProperty() {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> Tollgate.builder(TestConfig.of(
                        "tollgate.providers.local.type", "ollama",
                        "tollgate.providers.local.base-url", "localhost:11434")).build());

        assertThat(e.problems()).singleElement().asString()
                .startsWith("TOLLGATE-0006")
                .contains("'tollgate.providers.local.base-url'");
    }
}
