package dev.tollgate.tck.invalid;

import dev.tollgate.api.Fallback;
import dev.tollgate.api.LlmCall;
import jakarta.enterprise.context.ApplicationScoped;

/** Declares a fallback target naming a provider that is not configured. */
@ApplicationScoped
public class FallbackUnknownTargetService {
    @LlmCall
    @Fallback("nowhere/model-x")
    public String ask() {
        return "never called";
    }
}
