package dev.tollgate.bench;

import dev.tollgate.api.spi.ProviderAdapter;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.impl.http.HttpTransport;
import dev.tollgate.impl.http.ProviderEndpoint;
import dev.tollgate.impl.provider.BaseUrls;
import dev.tollgate.impl.provider.openai.OpenAiClient;
import dev.tollgate.impl.provider.openai.OpenAiErrors;
import dev.tollgate.impl.provider.openai.OpenAiRequestWriter;
import dev.tollgate.impl.provider.openai.OpenAiStreamErrors;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Tollgate's OpenAI client, assembled as {@code type=openai} assembles it for a compatible server
 * without an API key, but sending through {@link StubHttpClient}: {@code type=openai-stub}.
 */
public final class StubOpenAiAdapter implements ProviderAdapter {
    /** The type name. */
    public static final String TYPE = "openai-stub";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ProviderClient create(ProviderContext context) {
        URI base = BaseUrls.of(context, "http://stub.invalid/small/v1");
        ProviderEndpoint endpoint = new ProviderEndpoint(context.id(),
                HttpTransport.over(context.id(), StubHttpClient.INSTANCE, context.timeout()), null,
                Clock.systemUTC(), List.of("x-request-id"), OpenAiErrors::category);
        URI url = BaseUrls.resolve(base, "/chat/completions");
        return new OpenAiClient(model -> url, Map.of(), new OpenAiRequestWriter(OpenAiRequestWriter.MAX_TOKENS),
                endpoint, new OpenAiStreamErrors(OpenAiErrors::category, null), url.toString());
    }
}
