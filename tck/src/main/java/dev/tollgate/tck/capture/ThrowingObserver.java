package dev.tollgate.tck.capture;

import dev.tollgate.api.LlmCallRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

/** Observers that always throw, as a broken listener of an application would. */
@ApplicationScoped
public class ThrowingObserver {
    void onRecord(@Observes LlmCallRecord record) {
        throw new IllegalStateException("observer broken on purpose");
    }

    void onRecordAsync(@ObservesAsync LlmCallRecord record) {
        throw new IllegalStateException("async observer broken on purpose");
    }
}
