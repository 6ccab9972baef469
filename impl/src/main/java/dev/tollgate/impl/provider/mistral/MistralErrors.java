package dev.tollgate.impl.provider.mistral;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.impl.http.ErrorBody;
import dev.tollgate.impl.provider.openai.OpenAiErrors;
import java.net.http.HttpHeaders;

/**
 * Classifies Mistral error responses, {@code {"object":"error","message","type","param","code"}}:
 * type {@code invalid_model} (code {@code 1500}) is an unknown model, a message that the service
 * tier's capacity is exceeded means Mistral is overloaded; context-length errors ("too large for
 * model with N maximum context length") and the statuses, 422 for a request that fails
 * validation included, are classified as OpenAI's.
 */
final class MistralErrors {
    private MistralErrors() {
    }

    static ErrorCategory category(int status, ErrorBody body, HttpHeaders headers) {
        if (body.mentions("invalid_model", "invalid model")) {
            return ErrorCategory.MODEL_NOT_FOUND;
        }
        if (body.mentions("capacity exceeded")) {
            return ErrorCategory.OVERLOADED;
        }
        return OpenAiErrors.category(status, body, headers);
    }
}
