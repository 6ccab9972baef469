package dev.tollgate.impl.observe;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.Target;
import dev.tollgate.impl.capture.LlmCallContext;
import dev.tollgate.impl.provider.ConfiguredProvider;

/**
 * A provider request about to be sent, or refused before it was.
 *
 * @param context the call it belongs to, or {@code null} for a standalone request
 * @param provider the provider it goes to
 * @param target the provider id and the model asked for
 * @param request the request as it will be sent
 * @param streamed whether the answer is streamed
 */
public record RequestStart(LlmCallContext context, ConfiguredProvider provider, Target target, ChatRequest request,
        boolean streamed) {

    /** @return the name of the call the request belongs to, {@value LlmCallRecord#STANDALONE} outside any */
    public String callName() {
        return context == null ? LlmCallRecord.STANDALONE : context.point().callName();
    }
}
