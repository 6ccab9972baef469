package dev.tollgate.impl.provider.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.ACCESS_KEY_ID;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.API_KEY;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.MODEL;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.PATH;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.SECRET_ACCESS_KEY;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.SESSION_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.spi.ProviderAdapter;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.config.TollgateConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the adapter reads its configuration, and what it needs on the class path. */
class BedrockAdapterTest {

    @RegisterExtension
    static WireMockExtension bedrock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @RegisterExtension
    final TestSystemProperties systemProperties = new TestSystemProperties();

    private static TestConfig provider(String... keysAndValues) {
        TestConfig config = TestConfig.properties()
                .set("tollgate.providers.bedrock.type", "bedrock")
                .set("tollgate.providers.bedrock.model", MODEL);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.set("tollgate.providers.bedrock." + keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    private static String problemOf(TestConfig config) {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> Tollgate.builder(config.build()).build());
        assertThat(e).as("the configuration is refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void baseUrl_defaultsToTheRegionsBedrockRuntimeEndpoint() {
        Tollgate tollgate = Tollgate.builder(provider("region", "eu-central-1",
                "access-key-id", ACCESS_KEY_ID, "secret-access-key", SECRET_ACCESS_KEY).build()).build();

        ProviderClient client = tollgate.providers().find("bedrock").orElseThrow().client();

        assertThat(client.toString())
                .contains("https://bedrock-runtime.eu-central-1.amazonaws.com")
                .doesNotContain(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
        assertThat(client.defaultModel()).isEmpty();
    }

    @Test
    void accessKeyIdWithoutSecret_isAProblemNamingTheSecretProperty() {
        assertThat(problemOf(provider("region", "us-east-1", "access-key-id", ACCESS_KEY_ID)))
                .startsWith("TOLLGATE-0005")
                .contains("'tollgate.providers.bedrock.secret-access-key'");
    }

    @Test
    void secretOrSessionTokenWithoutAccessKeyId_isAProblemNamingTheAccessKeyIdProperty() {
        assertThat(problemOf(provider("region", "us-east-1", "secret-access-key", SECRET_ACCESS_KEY)))
                .startsWith("TOLLGATE-0005")
                .contains("'tollgate.providers.bedrock.access-key-id'")
                .doesNotContain(SECRET_ACCESS_KEY);
        assertThat(problemOf(provider("region", "us-east-1", "session-token", SESSION_TOKEN)))
                .contains("'tollgate.providers.bedrock.access-key-id'")
                .doesNotContain(SESSION_TOKEN);
    }

    @Test
    void apiKeyWithAwsCredentials_isAProblemNamingBothWithoutTheirValues() {
        String problem = problemOf(provider("region", "us-east-1", "api-key", API_KEY,
                "access-key-id", ACCESS_KEY_ID, "secret-access-key", SECRET_ACCESS_KEY));

        assertThat(problem)
                .startsWith("TOLLGATE-0014")
                .contains("'tollgate.providers.bedrock.api-key'", "'tollgate.providers.bedrock.access-key-id'")
                .doesNotContain(API_KEY, SECRET_ACCESS_KEY);
    }

    @Test
    void invalidRegion_isAProblemNamingTheProperty() {
        assertThat(problemOf(provider("region", "EU Central", "access-key-id", ACCESS_KEY_ID,
                "secret-access-key", SECRET_ACCESS_KEY)))
                .startsWith("TOLLGATE-0006")
                .contains("'tollgate.providers.bedrock.region'", "'EU Central'", "us-east-1");
    }

    @Test
    void invalidBaseUrl_isAProblemNamingTheProperty() {
        assertThat(problemOf(provider("region", "us-east-1", "base-url", "bedrock.internal",
                "access-key-id", ACCESS_KEY_ID, "secret-access-key", SECRET_ACCESS_KEY)))
                .startsWith("TOLLGATE-0006")
                .contains("'tollgate.providers.bedrock.base-url'");
    }

    @Test
    void regionNowhereToBeFound_isAProblemNamingTheProperty() {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null,
                "needs an environment without AWS_REGION");
        systemProperties.set("aws.disableEc2Metadata", "true");
        systemProperties.set("aws.configFile", "/nonexistent/tollgate-test/config");
        systemProperties.set("aws.sharedCredentialsFile", "/nonexistent/tollgate-test/credentials");

        assertThat(problemOf(provider("access-key-id", ACCESS_KEY_ID, "secret-access-key", SECRET_ACCESS_KEY)))
                .startsWith("TOLLGATE-0005")
                .contains("'tollgate.providers.bedrock.region'", "AWS_REGION");
    }

    @Test
    void withoutTheAwsSdk_signingFailsAtStartupNamingTheMissingArtifacts() throws Exception {
        ProviderAdapter adapter = adapterWithoutAwsSdk(new ClassLoaderWithoutAwsSdk());

        for (Map<String, String> properties : List.of(
                Map.of("region", "us-east-1", "access-key-id", ACCESS_KEY_ID, "secret-access-key", SECRET_ACCESS_KEY),
                Map.of("region", "us-east-1"))) {
            IllegalStateException e = catchThrowableOfType(IllegalStateException.class,
                    () -> adapter.create(new TestProviderContext(properties)));

            assertThat(e.getMessage())
                    .startsWith("TOLLGATE-0013")
                    .contains("software.amazon.awssdk:http-auth-aws", "software.amazon.awssdk:auth",
                            "tollgate.providers.bedrock.api-key")
                    .doesNotContain(SECRET_ACCESS_KEY);
        }
    }

    @Test
    void withoutTheAwsSdk_anApiKeyWorksAndNoSdkClassIsLoaded() throws Exception {
        bedrock.stubFor(post(urlEqualTo(PATH)).willReturn(BedrockFixtures.answer("converse.json")));
        ClassLoaderWithoutAwsSdk loader = new ClassLoaderWithoutAwsSdk();
        ProviderAdapter adapter = adapterWithoutAwsSdk(loader);

        ProviderClient client = adapter.create(new TestProviderContext(Map.of(
                "region", "us-east-1", "base-url", bedrock.baseUrl(), "api-key", API_KEY)));
        ChatResponse response = client.chat(ChatRequest.builder().user("hi").model(MODEL).build());

        assertThat(response.text()).isEqualTo("Hello! How can I help you today?");
        bedrock.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + API_KEY)));
        assertThat(loader.sdkClassesAskedFor()).as("only the presence checks").containsExactly(
                "software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner",
                "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider",
                "software.amazon.awssdk.eventstream.Message");
    }

    @Test
    void withoutTheAwsSdk_aStreamIsRefusedBeforeSendingNamingTheEventStreamArtifact() throws Exception {
        ProviderClient client = adapterWithoutAwsSdk(new ClassLoaderWithoutAwsSdk()).create(new TestProviderContext(
                Map.of("region", "us-east-1", "base-url", bedrock.baseUrl(), "api-key", API_KEY)));

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client.stream(ChatRequest.builder().user("hi").model(MODEL).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("TOLLGATE-0013", "software.amazon.awssdk:eventstream")
                .doesNotContain(API_KEY);
        assertThat(bedrock.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @Test
    void withoutTheAwsSdk_anApiKeyStillNeedsARegion() throws Exception {
        ProviderAdapter adapter = adapterWithoutAwsSdk(new ClassLoaderWithoutAwsSdk());

        RuntimeException e = catchThrowableOfType(RuntimeException.class,
                () -> adapter.create(new TestProviderContext(Map.of("api-key", API_KEY))));

        assertThat(e.getMessage()).startsWith("TOLLGATE-0005").contains("'tollgate.providers.bedrock.region'")
                .doesNotContain(API_KEY);
    }

    private static ProviderAdapter adapterWithoutAwsSdk(ClassLoaderWithoutAwsSdk loader) throws Exception {
        Class<?> type = Class.forName(BedrockAdapter.class.getName(), true, loader);
        assertThat(type).as("loaded afresh, apart from the test's own copy").isNotSameAs(BedrockAdapter.class);
        return (ProviderAdapter) type.getConstructor().newInstance();
    }
}
