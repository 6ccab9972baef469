package dev.tollgate.impl.observe;

import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.impl.capture.CaptureFailures;
import dev.tollgate.impl.capture.LlmCallContext;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Tells every observer, in order, and keeps the business call safe from them: what one throws is
 * counted and logged, and the others are still told.
 */
public final class Observers implements CallObserver {
    private final CallObserver[] observers;
    private final CaptureFailures failures;

    /**
     * @param observers the observers
     * @param failures where their failures are counted
     */
    public Observers(List<CallObserver> observers, CaptureFailures failures) {
        this.observers = observers.toArray(CallObserver[]::new);
        this.failures = failures;
    }

    /** @return whether there is no observer */
    public boolean isEmpty() {
        return observers.length == 0;
    }

    @Override
    public CallObservation callStarted(LlmCallContext context) {
        if (observers.length == 0) {
            return CallObservation.NONE;
        }
        CallObservation[] started = start(CallObservation[]::new, o -> o.callStarted(context), CallObservation.NONE,
                "observing the start of a call");
        return new CallObservation() {
            @Override
            public void left() {
                for (int i = started.length - 1; i >= 0; i--) {
                    tell(started[i], CallObservation::left, "observing a call leaving its thread");
                }
            }

            @Override
            public void ended(LlmCallRecord record) {
                for (CallObservation o : started) {
                    tell(o, s -> s.ended(record), "observing the end of a call");
                }
            }
        };
    }

    @Override
    public RequestObservation requestStarted(RequestStart start) {
        if (observers.length == 0) {
            return RequestObservation.NONE;
        }
        RequestObservation[] started = start(RequestObservation[]::new, o -> o.requestStarted(start),
                RequestObservation.NONE, "observing the start of a request");
        return new RequestObservation() {
            @Override
            public void headers(BiConsumer<String, String> header) {
                for (RequestObservation o : started) {
                    tell(o, s -> s.headers(header), "adding observer headers to a request");
                }
            }

            @Override
            public void firstChunk() {
                for (RequestObservation o : started) {
                    tell(o, RequestObservation::firstChunk, "observing the first chunk of a stream");
                }
            }

            @Override
            public void ended(Exchange exchange) {
                for (RequestObservation o : started) {
                    tell(o, s -> s.ended(exchange), "observing the end of a request");
                }
            }
        };
    }

    /** Asks every observer to start observing; one that throws observes nothing. */
    private <T> T[] start(IntFunction<T[]> array, Function<CallObserver, T> start, T none, String stage) {
        T[] started = array.apply(observers.length);
        for (int i = 0; i < observers.length; i++) {
            try {
                started[i] = start.apply(observers[i]);
            } catch (RuntimeException e) {
                failures.report(stage, e);
                started[i] = none;
            }
        }
        return started;
    }

    private <T> void tell(T observation, Consumer<T> event, String stage) {
        try {
            event.accept(observation);
        } catch (RuntimeException e) {
            failures.report(stage, e);
        }
    }
}
