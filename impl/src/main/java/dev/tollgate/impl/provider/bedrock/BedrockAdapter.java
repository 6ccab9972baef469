package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.spi.ProviderAdapter;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.http.HttpTransport;
import dev.tollgate.impl.http.ProviderEndpoint;
import dev.tollgate.impl.provider.BaseUrls;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Creates clients of Amazon Bedrock's Converse API ({@code type=bedrock}): Converse for answers,
 * ConverseStream for streamed answers.
 *
 * <p>Properties under {@code tollgate.providers.<id>.}:
 * <ul>
 *   <li>{@code region}: the AWS region, such as {@code us-east-1}. Without it, the AWS SDK's
 *       default chain is asked ({@code aws.region}, {@code AWS_REGION}, the profile's
 *       {@code region}, the instance metadata service); startup fails if it finds none.</li>
 *   <li>{@code base-url}: default {@code https://bedrock-runtime.<region>.amazonaws.com}; set it
 *       for a VPC endpoint or a proxy. Requests are still signed for {@code region}.</li>
 *   <li>{@code access-key-id}, {@code secret-access-key} and optionally {@code session-token}:
 *       fixed AWS credentials. Without them, the AWS SDK's default credentials chain supplies
 *       them at each request (system properties, environment variables, web identity, profile
 *       files, container and instance credentials).</li>
 *   <li>{@code api-key}: a Bedrock API key, sent as a bearer token instead of a signature; it
 *       excludes the three properties above.</li>
 * </ul>
 *
 * <p>Signing needs {@code software.amazon.awssdk:http-auth-aws} and
 * {@code software.amazon.awssdk:auth}, optional dependencies of Tollgate; without them a provider
 * that signs fails at startup with a message naming them. An API key needs neither. Streams need
 * {@code software.amazon.awssdk:eventstream} (which {@code auth} brings along); without it a
 * stream is refused before it is sent, as {@link dev.tollgate.api.ErrorCategory#INVALID_REQUEST}.
 */
public final class BedrockAdapter implements ProviderAdapter {
    /** The type name. */
    public static final String TYPE = "bedrock";
    /** The header Bedrock sends its request id in. */
    static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

    static final String REGION = "region";
    static final String ACCESS_KEY_ID = "access-key-id";
    static final String SECRET_ACCESS_KEY = "secret-access-key";
    static final String SESSION_TOKEN = "session-token";

    /** A class of each artifact that signing needs, by the artifact's Maven coordinates. */
    private static final Map<String, String> SIGNING_CLASSES = new LinkedHashMap<>();

    static {
        SIGNING_CLASSES.put("software.amazon.awssdk:http-auth-aws",
                "software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner");
        SIGNING_CLASSES.put("software.amazon.awssdk:auth",
                "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider");
    }

    /** A class of the artifact that streams need, by the artifact's Maven coordinates. */
    private static final Map<String, String> EVENT_STREAM_CLASSES = Map.of(BedrockClient.EVENT_STREAM_ARTIFACT,
            "software.amazon.awssdk.eventstream.Message");

    private static final Pattern REGION_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Clock clock = Clock.systemUTC();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ProviderClient create(ProviderContext context) {
        Optional<String> apiKey = context.property(ConfigKeys.API_KEY);
        Optional<String> accessKeyId = context.property(ACCESS_KEY_ID);
        Optional<String> secretAccessKey = context.property(SECRET_ACCESS_KEY);
        Optional<String> sessionToken = context.property(SESSION_TOKEN);
        checkCredentialProperties(context, apiKey, accessKeyId, secretAccessKey, sessionToken);
        List<String> missing = missingSigningArtifacts(BedrockAdapter.class.getClassLoader());
        if (apiKey.isEmpty() && !missing.isEmpty()) {
            throw new IllegalStateException(Messages.librariesMissing(context.id(), context.type(), missing,
                    "add them (version 2.57.8 or later) to sign requests with AWS credentials, or set "
                            + context.propertyName(ConfigKeys.API_KEY) + " to use a Bedrock API key"));
        }
        String region = region(context, missing.isEmpty());
        URI base = BaseUrls.of(context, "https://bedrock-runtime." + region + ".amazonaws.com");

        RequestSigner signer;
        if (apiKey.isPresent()) {
            signer = RequestSigner.bearer(apiKey.get());
        } else if (accessKeyId.isPresent()) {
            signer = SigV4Signer.withKeys(context.id(), accessKeyId.get(), secretAccessKey.orElseThrow(),
                    sessionToken.orElse(null), region, clock);
        } else {
            signer = SigV4Signer.withDefaultCredentials(context.id(), region, clock);
        }
        List<String> secrets = Stream.of(apiKey, secretAccessKey, sessionToken).flatMap(Optional::stream).toList();
        ProviderEndpoint endpoint = new ProviderEndpoint(context.id(),
                HttpTransport.create(context.id(), base, context.timeout()),
                secrets.isEmpty() ? null : secrets.get(0), clock, List.of(REQUEST_ID_HEADER),
                BedrockErrors.reader(secrets));
        boolean eventStreamCodec = missingArtifacts(EVENT_STREAM_CLASSES, BedrockAdapter.class.getClassLoader())
                .isEmpty();
        return new BedrockClient(base, region, signer, endpoint, secrets, eventStreamCodec);
    }

    private static void checkCredentialProperties(ProviderContext context, Optional<String> apiKey,
            Optional<String> accessKeyId, Optional<String> secretAccessKey, Optional<String> sessionToken) {
        if (apiKey.isPresent()) {
            for (var key : List.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN)) {
                if (context.property(key).isPresent()) {
                    throw new IllegalArgumentException(Messages.propertiesExclusive(
                            context.propertyName(ConfigKeys.API_KEY), context.propertyName(key),
                            "a Bedrock API key replaces AWS credentials; keep one of them"));
                }
            }
        }
        if (accessKeyId.isPresent() && secretAccessKey.isEmpty()) {
            throw new NoSuchElementException(Messages.propertyMissing(context.propertyName(SECRET_ACCESS_KEY),
                    "an access key id needs its secret access key"));
        }
        if (accessKeyId.isEmpty() && (secretAccessKey.isPresent() || sessionToken.isPresent())) {
            throw new NoSuchElementException(Messages.propertyMissing(context.propertyName(ACCESS_KEY_ID),
                    "a secret access key or session token needs the access key id it belongs to"));
        }
    }

    private static String region(ProviderContext context, boolean sdkPresent) {
        String region = context.property(REGION)
                .or(() -> sdkPresent ? SigV4Signer.defaultRegion() : Optional.empty())
                .orElseThrow(() -> new NoSuchElementException(Messages.propertyMissing(
                        context.propertyName(REGION), "set it to the AWS region of Bedrock, such as us-east-1"
                                + (sdkPresent ? ", or set AWS_REGION or a region in the AWS profile" : ""))));
        if (!REGION_NAME.matcher(region).matches()) {
            throw new IllegalArgumentException(Messages.propertyInvalid(context.propertyName(REGION), region,
                    "an AWS region such as us-east-1"));
        }
        return region;
    }

    /**
     * @param loader where the AWS SDK would be found
     * @return the Maven coordinates of the signing artifacts that are missing, without loading any
     *     of their classes' dependencies
     */
    static List<String> missingSigningArtifacts(ClassLoader loader) {
        return missingArtifacts(SIGNING_CLASSES, loader);
    }

    private static List<String> missingArtifacts(Map<String, String> classes, ClassLoader loader) {
        List<String> missing = new ArrayList<>();
        classes.forEach((artifact, className) -> {
            try {
                Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(artifact);
            }
        });
        return missing;
    }
}
