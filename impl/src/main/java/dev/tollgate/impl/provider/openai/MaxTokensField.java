package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.impl.Messages;

/**
 * The {@code max-tokens-field} property of the Chat Completions family: which field carries the
 * output limit, {@value OpenAiRequestWriter#MAX_TOKENS} or
 * {@value OpenAiRequestWriter#MAX_COMPLETION_TOKENS}.
 */
public final class MaxTokensField {
    /** The property key. */
    public static final String PROPERTY = "max-tokens-field";

    private MaxTokensField() {
    }

    /**
     * @param context the provider's configuration
     * @param defaultField the field used when the property is not set
     * @return the field name
     * @throws IllegalArgumentException naming the property if it holds another value
     */
    public static String read(ProviderContext context, String defaultField) {
        String field = context.property(PROPERTY).orElse(defaultField);
        if (!field.equals(OpenAiRequestWriter.MAX_TOKENS) && !field.equals(OpenAiRequestWriter.MAX_COMPLETION_TOKENS)) {
            throw new IllegalArgumentException(Messages.propertyInvalid(context.propertyName(PROPERTY), field,
                    OpenAiRequestWriter.MAX_TOKENS + " or " + OpenAiRequestWriter.MAX_COMPLETION_TOKENS));
        }
        return field;
    }
}
