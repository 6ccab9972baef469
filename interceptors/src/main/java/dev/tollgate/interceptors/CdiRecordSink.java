package dev.tollgate.interceptors;

import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.impl.capture.RecordSink;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fires each record to CDI observers: synchronously, then asynchronously when there are
 * asynchronous observers. A throwing observer is logged, the first time of each kind with its
 * stack trace, and never reaches the business call; as CDI specifies, it ends the synchronous
 * notification of that record, while asynchronous observers are each notified.
 */
final class CdiRecordSink implements RecordSink {
    private static final System.Logger LOG = System.getLogger(CdiRecordSink.class.getName());

    private final Event<LlmCallRecord> event;
    private final boolean hasSyncObservers;
    private final boolean hasAsyncObservers;
    private final Set<Class<?>> seenFailures = ConcurrentHashMap.newKeySet();

    CdiRecordSink(BeanManager beanManager) {
        this.event = beanManager.getEvent().select(LlmCallRecord.class);
        LlmCallRecord probe = LlmCallRecord.builder().id("probe").callName("probe").startedAt(Instant.EPOCH)
                .duration(Duration.ZERO).build();
        Set<ObserverMethod<? super LlmCallRecord>> observers = beanManager.resolveObserverMethods(probe);
        this.hasSyncObservers = observers.stream().anyMatch(o -> !o.isAsync());
        this.hasAsyncObservers = observers.stream().anyMatch(ObserverMethod::isAsync);
    }

    @Override
    public void publish(LlmCallRecord record) {
        if (hasSyncObservers) {
            try {
                event.fire(record);
            } catch (RuntimeException e) {
                log(Messages.observerFailed(), e);
            }
        }
        if (hasAsyncObservers) {
            try {
                event.fireAsync(record).exceptionally(e -> {
                    log(Messages.asyncObserverFailed(), e);
                    return null;
                });
            } catch (RuntimeException e) {
                log(Messages.asyncObserverFailed(), e);
            }
        }
    }

    private void log(String message, Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        LOG.log(seenFailures.add(cause.getClass()) ? Level.WARNING : Level.DEBUG, message, failure);
    }
}
