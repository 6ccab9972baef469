package dev.tollgate.tck.invalid;

import dev.tollgate.api.Fallback;
import jakarta.enterprise.context.ApplicationScoped;

/** Declares @Fallback without @LlmCall. */
@ApplicationScoped
public class FallbackWithoutLlmCallService {
    @Fallback("sim")
    public String ask() {
        return "never called";
    }
}
