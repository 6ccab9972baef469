package dev.tollgate.impl.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.config.TollgateConfigException;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How {@code type=gemini} and {@code type=vertex} read their configuration. */
class GeminiAdapterTest {

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static String problemOf(Config config) {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> Tollgate.builder(config).build());
        assertThat(e).as("the configuration is refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    private static String clientOf(Config config, String id) {
        return Tollgate.builder(config).build().providers().find(id).orElseThrow().client().toString();
    }

    @Test
    void geminiWithoutApiKey_isAProblemNamingTheProperty() {
        assertThat(problemOf(TestConfig.of("tollgate.providers.gemini.type", "gemini")))
                .startsWith("TOLLGATE-0005")
                .contains("'tollgate.providers.gemini.api-key'");
    }

    @Test
    void gemini_talksToGoogleByDefault() {
        assertThat(clientOf(TestConfig.of(
                "tollgate.providers.gemini.type", "gemini",
                "tollgate.providers.gemini.api-key", GeminiFixtures.API_KEY), "gemini"))
                .contains("https://generativelanguage.googleapis.com/v1beta/models/")
                .doesNotContain(GeminiFixtures.API_KEY);
    }

    @Test
    void geminiBehindAProxyWithoutApiKey_sendsNoKey() {
        proxy.stubFor(post(urlEqualTo("/v1beta/models/gemini-2.0-flash:generateContent")).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(GeminiFixtures.read("gemini/generate-content.json"))));

        Tollgate.builder(TestConfig.of(
                        "tollgate.providers.gateway.type", "gemini",
                        "tollgate.providers.gateway.base-url", proxy.baseUrl() + "/",
                        "tollgate.providers.gateway.model", "gemini-2.0-flash"))
                .build().chatClient().chat(ChatRequest.of("hi"));

        proxy.verify(1, postRequestedFor(urlEqualTo("/v1beta/models/gemini-2.0-flash:generateContent"))
                .withHeader("x-goog-api-key", absent())
                .withHeader("Authorization", absent()));
    }

    @Test
    void geminiWithARelativeBaseUrl_isAProblemNamingTheProperty() {
        assertThat(problemOf(TestConfig.of(
                "tollgate.providers.gemini.type", "gemini",
                "tollgate.providers.gemini.base-url", "generativelanguage.googleapis.com",
                "tollgate.providers.gemini.api-key", GeminiFixtures.API_KEY)))
                .startsWith("TOLLGATE-0006")
                .contains("'tollgate.providers.gemini.base-url'");
    }

    @Test
    void vertexWithoutProject_isAProblemNamingTheProperty() {
        assertThat(problemOf(TestConfig.of(
                "tollgate.providers.vertex.type", "vertex",
                "tollgate.providers.vertex.access-token", GeminiFixtures.ACCESS_TOKEN)))
                .startsWith("TOLLGATE-0005")
                .contains("'tollgate.providers.vertex.project'");
    }

    @Test
    void vertexWithoutTokenOrSupplier_isAProblemNamingThePropertyAndTheSupplier() {
        assertThat(problemOf(TestConfig.of(
                "tollgate.providers.vertex.type", "vertex",
                "tollgate.providers.vertex.project", "acme-ledger-prod")))
                .startsWith("TOLLGATE-0005")
                .contains("'tollgate.providers.vertex.access-token'", "AccessTokenSupplier");
    }

    @Test
    void vertexWithASupplierAndNoToken_isValid() {
        TestTokenSupplier supplier = new TestTokenSupplier(n -> "ya29.supplied");

        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                        "tollgate.providers.vertex.type", "vertex",
                        "tollgate.providers.vertex.project", "acme-ledger-prod"))
                .services(supplier.asServices())
                .build();

        assertThat(tollgate.providers().ids()).containsExactly("vertex");
        assertThat(supplier.askedBy()).as("no token is fetched before the first request").isEmpty();
    }

    @ParameterizedTest(name = "location {0}")
    @CsvSource({
        "'',           https://us-central1-aiplatform.googleapis.com,  us-central1",
        "europe-west4, https://europe-west4-aiplatform.googleapis.com, europe-west4",
        "global,       https://aiplatform.googleapis.com,              global",
    })
    void vertex_talksToTheHostOfItsLocationByDefault(String location, String host, String pathLocation) {
        TestConfig config = TestConfig.properties()
                .set("tollgate.providers.vertex.type", "vertex")
                .set("tollgate.providers.vertex.project", "acme-ledger-prod")
                .set("tollgate.providers.vertex.access-token", GeminiFixtures.ACCESS_TOKEN);
        if (!location.isEmpty()) {
            config.set("tollgate.providers.vertex.location", location);
        }

        assertThat(clientOf(config.build(), "vertex"))
                .contains(host + "/v1/projects/acme-ledger-prod/locations/" + pathLocation
                        + "/publishers/google/models/")
                .doesNotContain(GeminiFixtures.ACCESS_TOKEN);
    }

    @Test
    void vertexWithALocationThatIsNotARegion_isAProblemNamingTheProperty() {
        assertThat(problemOf(TestConfig.of(
                "tollgate.providers.vertex.type", "vertex",
                "tollgate.providers.vertex.project", "acme-ledger-prod",
                "tollgate.providers.vertex.location", "europe-west4/../evil",
                "tollgate.providers.vertex.access-token", GeminiFixtures.ACCESS_TOKEN)))
                .startsWith("TOLLGATE-0006")
                .contains("'tollgate.providers.vertex.location'");
    }

    @Test
    void vertexWithAProjectThatIsNotAnId_isAProblemNamingTheProperty() {
        assertThat(problemOf(TestConfig.of(
                "tollgate.providers.vertex.type", "vertex",
                "tollgate.providers.vertex.project", "Acme Ledger",
                "tollgate.providers.vertex.access-token", GeminiFixtures.ACCESS_TOKEN)))
                .startsWith("TOLLGATE-0006")
                .contains("'tollgate.providers.vertex.project'")
                .doesNotContain(GeminiFixtures.ACCESS_TOKEN);
    }
}
