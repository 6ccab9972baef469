package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Signs Converse requests with AWS Signature Version 4, using the AWS SDK's signer and its
 * credential providers. The only class of the engine that uses the AWS SDK: the adapter checks
 * that the SDK is present before it touches this class.
 */
final class SigV4Signer implements RequestSigner {
    /** The name Bedrock Runtime is signed for, as its service model declares. */
    static final String SIGNING_NAME = "bedrock";

    private final String providerId;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    private SigV4Signer(String providerId, AwsCredentialsProvider credentials, String region, Clock clock) {
        this.providerId = providerId;
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
    }

    /**
     * @param providerId the provider id, for error reports
     * @param accessKeyId the access key id
     * @param secretAccessKey its secret
     * @param sessionToken the session token of temporary credentials, or {@code null}
     * @param region the region requests are signed for
     * @param clock the clock that dates signatures
     * @return a signer with these fixed credentials
     */
    static SigV4Signer withKeys(String providerId, String accessKeyId, String secretAccessKey, String sessionToken,
            String region, Clock clock) {
        AwsCredentials keys = sessionToken == null
                ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken);
        return new SigV4Signer(providerId, StaticCredentialsProvider.create(keys), region, clock);
    }

    /**
     * A signer that finds its credentials, at every request, the way every AWS SDK does: the
     * {@code aws.accessKeyId} system properties, the {@code AWS_ACCESS_KEY_ID} environment
     * variables, web identity tokens, the shared profile files, then container and instance
     * credentials. Credentials that expire are refreshed.
     *
     * @param providerId the provider id, for error reports
     * @param region the region requests are signed for
     * @param clock the clock that dates signatures
     * @return the signer
     */
    static SigV4Signer withDefaultCredentials(String providerId, String region, Clock clock) {
        return new SigV4Signer(providerId, DefaultCredentialsProvider.builder().build(), region, clock);
    }

    /**
     * The region the AWS SDK's default chain finds: {@code aws.region} system property,
     * {@code AWS_REGION} environment variable, the shared profile's {@code region}, then the
     * instance metadata service.
     *
     * @return the region, if one is found
     */
    static Optional<String> defaultRegion() {
        try {
            return Optional.of(new DefaultAwsRegionProviderChain().getRegion().id());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Map<String, String> sign(URI url, Map<String, String> headers, byte[] body, String model) {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(url);
        headers.forEach(unsigned::putHeader);
        AwsCredentials identity = resolveCredentials(model);
        SignedRequest signed = signer.sign(r -> r
                .identity(identity)
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        Map<String, String> added = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
            // the HTTP client writes Host itself, from the same URL the signature covers
            if (!h.getKey().equalsIgnoreCase("Host") && !containsIgnoringCase(headers, h.getKey())) {
                added.put(h.getKey(), String.join(",", h.getValue()));
            }
        }
        return added;
    }

    private AwsCredentials resolveCredentials(String model) {
        try {
            return credentials.resolveCredentials();
        } catch (RuntimeException e) {
            throw LlmException.builder(ErrorCategory.AUTHENTICATION).provider(providerId).model(model)
                    .message("no AWS credentials to sign the request with: " + e.getMessage()).cause(e).build();
        }
    }

    private static boolean containsIgnoringCase(Map<String, String> headers, String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }
}
