package dev.tollgate.impl.provider.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.ACCESS_KEY_ID;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.API_KEY;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.PATH;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.REGION;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.SECRET_ACCESS_KEY;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.SESSION_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** How requests are authorised: SigV4 over the exact request, or a Bedrock API key. */
class BedrockSigningTest {
    private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 "
            + "Credential=(?<key>[^/]+)/(?<date>\\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z-]+)/aws4_request, "
            + "SignedHeaders=(?<headers>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @RegisterExtension
    static WireMockExtension bedrock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @RegisterExtension
    final TestSystemProperties systemProperties = new TestSystemProperties();

    private static ChatClient client(TestConfig config) {
        return Tollgate.builder(config.build()).build().chatClient();
    }

    private static LoggedRequest chatAndCapture(TestConfig config) {
        bedrock.stubFor(post(urlEqualTo(PATH)).willReturn(BedrockFixtures.answer("converse.json")));
        client(config).chat(ChatRequest.builder().system("Be brief.").user("Say hello").maxTokens(50).build());
        List<LoggedRequest> received = bedrock.findAll(postRequestedFor(urlEqualTo(PATH)));
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private static Matcher authorization(LoggedRequest request) {
        Matcher m = AUTHORIZATION.matcher(request.getHeader("Authorization"));
        assertThat(m.matches()).as("Authorization header %s", request.getHeader("Authorization")).isTrue();
        return m;
    }

    /**
     * Signs the request as received, with the SDK's signer, at the time the request says it was
     * signed: any change between signing and sending (path encoding, host, headers, body bytes)
     * gives another signature.
     */
    private static String resign(LoggedRequest received, AwsCredentialsIdentity credentials, String region) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create(received.getAbsoluteUrl()));
        for (String name : authorization(received).group("headers").split(";")) {
            request.putHeader(name, received.getHeader(name));
        }
        Instant signedAt = AMZ_DATE.parse(received.getHeader("X-Amz-Date"), Instant::from);
        return AwsV4HttpSigner.create().sign(r -> r
                        .identity(credentials)
                        .request(request.build())
                        .payload(ContentStreamProvider.fromByteArray(received.getBody()))
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                .request().firstMatchingHeader("Authorization").orElseThrow();
    }

    @Test
    void request_isSignedWithSigV4ForBedrockInTheConfiguredRegion() {
        LoggedRequest received = chatAndCapture(BedrockFixtures.config(bedrock.baseUrl()));

        Matcher auth = authorization(received);
        assertThat(auth.group("key")).isEqualTo(ACCESS_KEY_ID);
        assertThat(auth.group("region")).isEqualTo(REGION);
        assertThat(auth.group("service")).isEqualTo("bedrock");
        assertThat(received.getHeader("X-Amz-Date")).matches("\\d{8}T\\d{6}Z").startsWith(auth.group("date"));
        assertThat(auth.group("headers").split(";")).contains("host", "x-amz-date", "content-type");
        assertThat(received.containsHeader("X-Amz-Security-Token")).isFalse();
        assertThat(received.getHeader("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void signature_isWhatTheSdkSignerComputesForTheRequestAsReceived() {
        LoggedRequest received = chatAndCapture(BedrockFixtures.config(bedrock.baseUrl()));

        String expected = resign(received, AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY), REGION);

        assertThat(received.getHeader("Authorization")).isEqualTo(expected);
        assertThat(resign(received, AwsCredentialsIdentity.create(ACCESS_KEY_ID, "another-secret"), REGION))
                .as("a different secret gives a different signature").isNotEqualTo(expected);
    }

    @Test
    void sessionToken_isSentAndCoveredByTheSignature() {
        LoggedRequest received = chatAndCapture(BedrockFixtures.config(bedrock.baseUrl())
                .set("tollgate.providers.bedrock.session-token", SESSION_TOKEN));

        assertThat(received.getHeader("X-Amz-Security-Token")).isEqualTo(SESSION_TOKEN);
        assertThat(authorization(received).group("headers").split(";")).contains("x-amz-security-token");
        assertThat(received.getHeader("Authorization")).isEqualTo(resign(received,
                AwsSessionCredentialsIdentity.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN), REGION));
    }

    @Test
    void withoutConfiguredKeys_theDefaultChainReadsTheAwsSystemProperties() {
        systemProperties.set("aws.accessKeyId", "AKIAI44QH8DHBEXAMPLE");
        systemProperties.set("aws.secretAccessKey", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY");
        systemProperties.set("aws.sessionToken", SESSION_TOKEN);
        TestConfig noKeys = TestConfig.properties()
                .set("tollgate.providers.bedrock.type", "bedrock")
                .set("tollgate.providers.bedrock.region", "us-west-2")
                .set("tollgate.providers.bedrock.base-url", bedrock.baseUrl())
                .set("tollgate.providers.bedrock.model", BedrockFixtures.MODEL);

        LoggedRequest received = chatAndCapture(noKeys);

        assertThat(authorization(received).group("key")).isEqualTo("AKIAI44QH8DHBEXAMPLE");
        assertThat(authorization(received).group("region")).isEqualTo("us-west-2");
        assertThat(received.getHeader("X-Amz-Security-Token")).isEqualTo(SESSION_TOKEN);
        assertThat(received.getHeader("Authorization")).isEqualTo(resign(received,
                AwsSessionCredentialsIdentity.create("AKIAI44QH8DHBEXAMPLE",
                        "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", SESSION_TOKEN), "us-west-2"));
    }

    @Test
    void withoutConfiguredRegion_theDefaultChainReadsTheAwsRegionSystemProperty() {
        systemProperties.set("aws.region", "ap-southeast-2");
        TestConfig noRegion = BedrockFixtures.config(bedrock.baseUrl()).set("tollgate.providers.bedrock.region", "");

        LoggedRequest received = chatAndCapture(noRegion);

        assertThat(authorization(received).group("region")).isEqualTo("ap-southeast-2");
    }

    @Test
    void withoutAnyCredentials_theCallFailsAsAuthenticationBeforeSending() {
        assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null, "needs an environment without AWS keys");
        systemProperties.set("aws.disableEc2Metadata", "true");
        systemProperties.set("aws.sharedCredentialsFile", "/nonexistent/tollgate-test/credentials");
        systemProperties.set("aws.configFile", "/nonexistent/tollgate-test/config");
        TestConfig noKeys = TestConfig.properties()
                .set("tollgate.providers.bedrock.type", "bedrock")
                .set("tollgate.providers.bedrock.region", REGION)
                .set("tollgate.providers.bedrock.base-url", bedrock.baseUrl())
                .set("tollgate.providers.bedrock.model", BedrockFixtures.MODEL);

        LlmException e = catchThrowableOfType(LlmException.class, () -> client(noKeys).chat(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e.provider()).contains("bedrock");
        assertThat(e.getMessage()).contains("no AWS credentials");
        assertThat(bedrock.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @Test
    void apiKey_isSentAsBearerTokenInsteadOfASignature() {
        TestConfig withApiKey = TestConfig.properties()
                .set("tollgate.providers.bedrock.type", "bedrock")
                .set("tollgate.providers.bedrock.region", REGION)
                .set("tollgate.providers.bedrock.base-url", bedrock.baseUrl())
                .set("tollgate.providers.bedrock.api-key", API_KEY)
                .set("tollgate.providers.bedrock.model", BedrockFixtures.MODEL);

        chatAndCapture(withApiKey);

        bedrock.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("X-Amz-Date", absent())
                .withHeader("Content-Type", equalTo("application/json")));
    }
}
