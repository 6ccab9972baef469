package dev.tollgate.impl.provider.azure;

import dev.tollgate.api.spi.ProviderAdapter;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.http.HttpTransport;
import dev.tollgate.impl.http.ProviderEndpoint;
import dev.tollgate.impl.provider.BaseUrls;
import dev.tollgate.impl.provider.openai.MaxTokensField;
import dev.tollgate.impl.provider.openai.OpenAiClient;
import dev.tollgate.impl.provider.openai.OpenAiRequestWriter;
import dev.tollgate.impl.provider.openai.OpenAiStreamErrors;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creates clients of Azure OpenAI's chat completions ({@code type=azure-openai}): a request for
 * model {@code m} is sent to
 * {@code <base-url>/openai/deployments/<m>/chat/completions?api-version=<api-version>}, so the
 * model of a request, and the provider's {@code model} property, is the deployment name.
 *
 * <p>Properties under {@code tollgate.providers.<id>.}:
 * <ol>
 *   <li>{@code base-url}, required: the resource endpoint, {@code https://<resource>.openai.azure.com};</li>
 *   <li>{@code api-version}, default {@value #DEFAULT_API_VERSION} (the latest generally available
 *       version of the inference API);</li>
 *   <li>exactly one of {@code api-key} (sent as the {@code api-key} header) and
 *       {@code access-token} (a Microsoft Entra ID token, sent as {@code Authorization: Bearer});</li>
 *   <li>{@code max-tokens-field}: {@code max_completion_tokens} by default from api-version
 *       {@value #FIRST_WITH_MAX_COMPLETION_TOKENS} on, which the o-series and later models require;
 *       {@code max_tokens} by default before it, and for deployments of older models that reject
 *       the newer field.</li>
 * </ol>
 *
 * <p>What the api-version allows is checked before a request is sent: a streamed request asks for
 * its usage with {@code stream_options} from {@value #FIRST_WITH_STREAM_USAGE} on (earlier
 * versions reject the field, so their streams leave usage unknown); an answer schema needs
 * {@value #FIRST_WITH_JSON_SCHEMA} or later and tools {@value #FIRST_WITH_TOOLS} or later, and
 * are refused as invalid requests before them.
 */
public final class AzureOpenAiAdapter implements ProviderAdapter {
    /** The type name. */
    public static final String TYPE = "azure-openai";
    /** The latest generally available api-version of the data-plane inference API. */
    public static final String DEFAULT_API_VERSION = "2024-10-21";
    /** The first api-version, a preview, that knows {@code max_completion_tokens}. */
    static final String FIRST_WITH_MAX_COMPLETION_TOKENS = "2024-09-01";
    /** The first api-version, a preview, that reports usage on a stream if asked by {@code stream_options}. */
    static final String FIRST_WITH_STREAM_USAGE = "2024-09-01";
    /** The first api-version, a preview, with structured outputs ({@code json_schema}). */
    static final String FIRST_WITH_JSON_SCHEMA = "2024-08-01";
    /** The first api-version, a preview, with {@code tools} and {@code tool} messages. */
    static final String FIRST_WITH_TOOLS = "2023-12-01";

    static final String API_VERSION = "api-version";
    static final String ACCESS_TOKEN = "access-token";

    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ProviderClient create(ProviderContext context) {
        URI base = BaseUrls.of(context, null);
        String apiVersion = context.property(API_VERSION).orElse(DEFAULT_API_VERSION);
        if (!VERSION.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException(Messages.propertyInvalid(context.propertyName(API_VERSION), apiVersion,
                    "an Azure OpenAI API version such as " + DEFAULT_API_VERSION + " or 2025-04-01-preview"));
        }
        Credential credential = credential(context);
        String maxTokensField = maxTokensField(context, apiVersion);
        ProviderEndpoint endpoint = new ProviderEndpoint(context.id(),
                HttpTransport.create(context.id(), base, context.timeout()), credential.secret(), Clock.systemUTC(),
                List.of("apim-request-id", "x-request-id", "x-ms-request-id"), AzureErrors::category);
        return new OpenAiClient(deployment -> BaseUrls.resolve(base, "/openai/deployments/" + encode(deployment)
                        + "/chat/completions?api-version=" + apiVersion),
                Map.of(credential.header(), credential.value()), writer(maxTokensField, apiVersion), endpoint,
                new OpenAiStreamErrors(AzureErrors::category, credential.secret()),
                base + "/openai/deployments, api-version " + apiVersion).rejecting(OpenAiClient.LOCAL_SERVER_EXTRAS);
    }

    private static OpenAiRequestWriter writer(String maxTokensField, String apiVersion) {
        String date = apiVersion.substring(0, 10);
        OpenAiRequestWriter writer = new OpenAiRequestWriter(maxTokensField);
        if (date.compareTo(FIRST_WITH_STREAM_USAGE) < 0) {
            writer = writer.withoutStreamOptions();
        }
        if (date.compareTo(FIRST_WITH_JSON_SCHEMA) < 0) {
            writer = writer.withoutJsonSchema("api-version " + apiVersion + " predates structured outputs ("
                    + FIRST_WITH_JSON_SCHEMA + "-preview); set a later api-version");
        }
        if (date.compareTo(FIRST_WITH_TOOLS) < 0) {
            writer = writer.withoutTools("api-version " + apiVersion + " predates tools (" + FIRST_WITH_TOOLS
                    + "-preview); set a later api-version");
        }
        return writer;
    }

    private static Credential credential(ProviderContext context) {
        Optional<String> apiKey = context.property(ConfigKeys.API_KEY);
        Optional<String> accessToken = context.property(ACCESS_TOKEN);
        if (apiKey.isPresent() && accessToken.isPresent()) {
            throw new IllegalArgumentException(Messages.providerRejected(context.id(), "both '"
                    + context.propertyName(ConfigKeys.API_KEY) + "' and '" + context.propertyName(ACCESS_TOKEN)
                    + "' are set; set only one of them"));
        }
        if (apiKey.isPresent()) {
            return new Credential("api-key", apiKey.get(), apiKey.get());
        }
        String token = accessToken.orElseThrow(() -> new NoSuchElementException(Messages.propertyMissing(
                context.propertyName(ConfigKeys.API_KEY), "Azure OpenAI needs an API key or a Microsoft Entra ID "
                        + "token; set it or '" + context.propertyName(ACCESS_TOKEN) + "'")));
        return new Credential("Authorization", "Bearer " + token, token);
    }

    private static String maxTokensField(ProviderContext context, String apiVersion) {
        boolean knowsCompletionTokens = apiVersion.substring(0, 10).compareTo(FIRST_WITH_MAX_COMPLETION_TOKENS) >= 0;
        String field = MaxTokensField.read(context, knowsCompletionTokens
                ? OpenAiRequestWriter.MAX_COMPLETION_TOKENS : OpenAiRequestWriter.MAX_TOKENS);
        if (!knowsCompletionTokens && field.equals(OpenAiRequestWriter.MAX_COMPLETION_TOKENS)) {
            throw new IllegalArgumentException(Messages.propertyInvalid(context.propertyName(MaxTokensField.PROPERTY),
                    field, OpenAiRequestWriter.MAX_TOKENS + ": api-version " + apiVersion + " predates "
                            + OpenAiRequestWriter.MAX_COMPLETION_TOKENS + " (" + FIRST_WITH_MAX_COMPLETION_TOKENS
                            + "-preview); set a later api-version to use it"));
        }
        return field;
    }

    /** A request header that authenticates, and the secret in it to keep out of messages. */
    private record Credential(String header, String value, String secret) {
        @Override
        public String toString() {
            return "Credential[" + header + "]";
        }
    }

    private static String encode(String deployment) {
        return URLEncoder.encode(deployment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
