package dev.tollgate.impl.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;
import java.util.Map;

/** The names the GenAI semantic conventions and Tollgate give to attributes and values. */
final class GenAi {
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<Double> REQUEST_TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
    static final AttributeKey<Double> REQUEST_TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");
    static final AttributeKey<Long> REQUEST_MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
    static final AttributeKey<List<String>> REQUEST_STOP_SEQUENCES =
            AttributeKey.stringArrayKey("gen_ai.request.stop_sequences");
    static final AttributeKey<Long> REQUEST_SEED = AttributeKey.longKey("gen_ai.request.seed");
    static final AttributeKey<Boolean> REQUEST_STREAM = AttributeKey.booleanKey("gen_ai.request.stream");
    static final AttributeKey<String> OUTPUT_TYPE = AttributeKey.stringKey("gen_ai.output.type");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
    static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS =
            AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    static final AttributeKey<Double> RESPONSE_TIME_TO_FIRST_CHUNK =
            AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk");
    static final AttributeKey<Long> USAGE_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<Long> USAGE_CACHE_READ_INPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");
    static final AttributeKey<Long> USAGE_REASONING_OUTPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens");
    static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
    static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
    static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    static final AttributeKey<String> CALL_NAME = AttributeKey.stringKey("tollgate.call.name");
    static final AttributeKey<String> CALL_OUTCOME = AttributeKey.stringKey("tollgate.call.outcome");
    static final AttributeKey<String> PROVIDER_ID = AttributeKey.stringKey("tollgate.provider.id");
    static final AttributeKey<Double> COST = AttributeKey.doubleKey("tollgate.cost");
    static final AttributeKey<String> COST_CURRENCY = AttributeKey.stringKey("tollgate.cost.currency");
    static final AttributeKey<Long> CALL_INPUT_TOKENS = AttributeKey.longKey("tollgate.usage.input_tokens");
    static final AttributeKey<Long> CALL_OUTPUT_TOKENS = AttributeKey.longKey("tollgate.usage.output_tokens");
    static final AttributeKey<Long> CALL_REQUESTS = AttributeKey.longKey("tollgate.requests");

    static final String CHAT = "chat";

    /** The conventions' well-known values of {@code gen_ai.provider.name}, by Tollgate provider type. */
    private static final Map<String, String> PROVIDER_NAMES = Map.of(
            "openai", "openai",
            "azure-openai", "azure.ai.openai",
            "anthropic", "anthropic",
            "gemini", "gcp.gemini",
            "vertex", "gcp.vertex_ai",
            "bedrock", "aws.bedrock",
            "mistral", "mistral_ai",
            "cohere", "cohere");

    private GenAi() {
    }

    /**
     * @param type a provider type
     * @return its {@code gen_ai.provider.name}: the well-known value, else the type itself
     */
    static String providerName(String type) {
        return PROVIDER_NAMES.getOrDefault(type, type);
    }
}
