package dev.tollgate.tck.invalid;

import dev.tollgate.api.LlmCall;
import jakarta.enterprise.context.ApplicationScoped;

/** Names a provider that is not configured. */
@ApplicationScoped
public class UnknownProviderService {
    @LlmCall(provider = "nowhere")
    public String ask() {
        return "never called";
    }
}
