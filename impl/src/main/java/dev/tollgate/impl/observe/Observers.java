package dev.tollgate.impl.observe;

import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.impl.capture.CaptureFailures;
import dev.tollgate.impl.capture.LlmCallContext;
import java.util.List;
import java.util.function.BiConsumer;

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
        CallObservation[] started = new CallObservation[observers.length];
        for (int i = 0; i < observers.length; i++) {
            try {
                started[i] = observers[i].callStarted(context);
            } catch (RuntimeException e) {
                failures.report("observing the start of a call", e);
                started[i] = CallObservation.NONE;
            }
        }
        return new CallObservation() {
            @Override
            public void left() {
                for (int i = started.length - 1; i >= 0; i--) {
                    try {
                        started[i].left();
                    } catch (RuntimeException e) {
                        failures.report("observing a call leaving its thread", e);
                    }
                }
            }

            @Override
            public void ended(LlmCallRecord record) {
                for (CallObservation o : started) {
                    try {
                        o.ended(record);
                    } catch (RuntimeException e) {
                        failures.report("observing the end of a call", e);
                    }
                }
            }
        };
    }

    @Override
    public RequestObservation requestStarted(RequestStart start) {
        if (observers.length == 0) {
            return RequestObservation.NONE;
        }
        RequestObservation[] started = new RequestObservation[observers.length];
        for (int i = 0; i < observers.length; i++) {
            try {
                started[i] = observers[i].requestStarted(start);
            } catch (RuntimeException e) {
                failures.report("observing the start of a request", e);
                started[i] = RequestObservation.NONE;
            }
        }
        return new RequestObservation() {
            @Override
            public void headers(BiConsumer<String, String> header) {
                for (RequestObservation o : started) {
                    try {
                        o.headers(header);
                    } catch (RuntimeException e) {
                        failures.report("adding observer headers to a request", e);
                    }
                }
            }

            @Override
            public void firstChunk() {
                for (RequestObservation o : started) {
                    try {
                        o.firstChunk();
                    } catch (RuntimeException e) {
                        failures.report("observing the first chunk of a stream", e);
                    }
                }
            }

            @Override
            public void ended(Exchange exchange) {
                for (RequestObservation o : started) {
                    try {
                        o.ended(exchange);
                    } catch (RuntimeException e) {
                        failures.report("observing the end of a request", e);
                    }
                }
            }
        };
    }
}
