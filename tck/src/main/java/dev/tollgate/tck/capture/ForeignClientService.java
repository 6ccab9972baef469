package dev.tollgate.tck.capture;

import dev.tollgate.api.LlmCall;
import jakarta.enterprise.context.ApplicationScoped;

/** Calls a provider through another client library and returns that library's result. */
@ApplicationScoped
public class ForeignClientService {

    @LlmCall("foreign.ask")
    public ForeignResult ask(String question) {
        return new ForeignResult("foreign answer to " + question, "tck-plain", 40, 20);
    }
}
