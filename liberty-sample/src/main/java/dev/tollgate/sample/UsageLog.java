package dev.tollgate.sample;

import dev.tollgate.api.LlmCallRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.util.logging.Logger;

/** Logs a line per captured call, off the request thread. */
@ApplicationScoped
public class UsageLog {
    private static final Logger LOG = Logger.getLogger(UsageLog.class.getName());

    void onCall(@ObservesAsync LlmCallRecord record) {
        LOG.info(() -> String.format("call=%s outcome=%s requests=%d tokens=%d cost=%s %s", record.callName(),
                record.outcome(), record.exchanges().size(), record.usage().totalTokens(),
                record.cost().isKnown() ? record.cost().total().toPlainString() : "unknown",
                record.cost().currency()));
    }
}
