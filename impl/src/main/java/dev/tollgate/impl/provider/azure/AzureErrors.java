package dev.tollgate.impl.provider.azure;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.impl.http.ErrorBody;
import dev.tollgate.impl.provider.openai.OpenAiErrors;
import java.net.http.HttpHeaders;

/**
 * Classifies Azure OpenAI error responses. Azure answers with OpenAI's error body and adds codes
 * of its own: {@code DeploymentNotFound} is an unknown model (the deployment is the model here),
 * {@code content_filter} with inner code {@code ResponsibleAIPolicyViolation} a refused prompt;
 * the rest is classified as OpenAI's.
 */
final class AzureErrors {
    private AzureErrors() {
    }

    static ErrorCategory category(int status, ErrorBody body, HttpHeaders headers) {
        if ("DeploymentNotFound".equalsIgnoreCase(body.code())) {
            return ErrorCategory.MODEL_NOT_FOUND;
        }
        return OpenAiErrors.category(status, body, headers);
    }
}
