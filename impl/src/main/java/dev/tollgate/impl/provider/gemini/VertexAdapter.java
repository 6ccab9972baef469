package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.spi.AccessTokenSupplier;
import dev.tollgate.api.spi.ProviderAdapter;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.provider.BaseUrls;
import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creates clients of Gemini models on Vertex AI ({@code type=vertex}), which answer
 * {@code POST <base-url>/v1/projects/<project>/locations/<location>/publishers/google/models/<model>:generateContent},
 * and stream from {@code :streamGenerateContent?alt=sse}.
 *
 * <p>Properties under {@code tollgate.providers.<id>.}:
 * <ul>
 *   <li>{@code project}, required: the Google Cloud project id or number;</li>
 *   <li>{@code location}, default {@value #DEFAULT_LOCATION}: the region, or {@code global};</li>
 *   <li>{@code base-url}, default {@code https://<location>-aiplatform.googleapis.com}, or
 *       {@code https://aiplatform.googleapis.com} for {@code global};</li>
 *   <li>{@code access-token}: a fixed OAuth access token. Without it, the first
 *       {@link AccessTokenSupplier} the application provides is asked before every request; with
 *       neither, the provider is not created.</li>
 * </ul>
 * A model may be named {@code gemini-2.5-flash} or {@code publishers/google/models/gemini-2.5-flash}.
 */
public final class VertexAdapter implements ProviderAdapter {
    /** The type name. */
    public static final String TYPE = "vertex";
    /** The location used when none is configured. */
    public static final String DEFAULT_LOCATION = "us-central1";

    static final String PROJECT = "project";
    static final String LOCATION = "location";
    static final String ACCESS_TOKEN = "access-token";

    private static final Pattern PROJECT_ID = Pattern.compile("[a-z0-9][a-z0-9.:-]*");
    private static final Pattern LOCATION_ID = Pattern.compile("[a-z][a-z0-9-]*");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ProviderClient create(ProviderContext context) {
        String project = context.requiredProperty(PROJECT);
        if (!PROJECT_ID.matcher(project).matches()) {
            throw new IllegalArgumentException(Messages.propertyInvalid(context.propertyName(PROJECT), project,
                    "a Google Cloud project id such as my-project-123, or a project number"));
        }
        String location = context.property(LOCATION).orElse(DEFAULT_LOCATION);
        if (!LOCATION_ID.matcher(location).matches()) {
            throw new IllegalArgumentException(Messages.propertyInvalid(context.propertyName(LOCATION), location,
                    "a Google Cloud region such as us-central1 or europe-west4, or global"));
        }
        URI base = BaseUrls.of(context, location.equals("global") ? "https://aiplatform.googleapis.com"
                : "https://" + location + "-aiplatform.googleapis.com");
        Optional<String> token = context.property(ACCESS_TOKEN);
        GoogleCredential credential = token.map(GoogleCredential::accessToken)
                .or(() -> context.services(AccessTokenSupplier.class).stream().findFirst()
                        .map(supplier -> GoogleCredential.supplied(supplier, context.id())))
                .orElseThrow(() -> new NoSuchElementException(Messages.propertyMissing(
                        context.propertyName(ACCESS_TOKEN), "Vertex AI needs an OAuth access token; provide an "
                                + AccessTokenSupplier.class.getName() + " as a CDI bean or a ServiceLoader service, "
                                + "or set the property")));
        return GeminiClient.create(context, base,
                "/v1/projects/" + project + "/locations/" + location + "/publishers/google/models/",
                List.of("publishers/google/models/"), credential, token.orElse(null));
    }
}
