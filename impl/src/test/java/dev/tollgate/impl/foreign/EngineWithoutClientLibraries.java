package dev.tollgate.impl.foreign;

import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.capture.CallPoint;
import java.util.concurrent.Callable;

/**
 * Builds an engine and runs a call whose method returns a plain value, run in a class loader
 * without the client libraries; names no type of them.
 */
public final class EngineWithoutClientLibraries implements Callable<String> {

    @Override
    public String call() throws Exception {
        TestRecordSink sink = new TestRecordSink();
        Tollgate tollgate = Tollgate.builder(TestConfig.properties()
                .set("tollgate.providers.openai.type", "openai")
                .set("tollgate.providers.openai.api-key", "sk-test")
                .set("tollgate.providers.openai.model", "gpt-4o-mini")
                .build()).recordSink(sink).build();
        CallPoint point = tollgate.callPoint("Plain.call", Object.class.getMethod("toString"), "", "");
        tollgate.capture().invoke(point, () -> "a plain answer");
        return "present=" + tollgate.foreignClients().present(ForeignClients.OPENAI_JAVA)
                + tollgate.foreignClients().present(ForeignClients.ANTHROPIC_JAVA)
                + tollgate.foreignClients().present(ForeignClients.LANGCHAIN4J)
                + " failures=" + tollgate.captureFailures().count()
                + " records=" + sink.records().size();
    }
}
