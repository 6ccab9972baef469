package dev.tollgate.tck.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every exported span of the deployment in memory, for the tests to read. */
public final class TckSpans implements SpanExporter {
    private static final List<SpanData> SPANS = new CopyOnWriteArrayList<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        SPANS.addAll(spans);
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    /** @return the spans exported so far by Tollgate's instrumentation scope */
    public static List<SpanData> tollgate() {
        return SPANS.stream().filter(s -> s.getInstrumentationScopeInfo().getName().equals("dev.tollgate")).toList();
    }
}
