package dev.tollgate.impl.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.Message;
import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.PromptRedactor;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PromptCaptureTest {
    private final TestRecordSink sink = new TestRecordSink();

    /** The method a container would intercept; only its metadata is used. */
    @SuppressWarnings("unused")
    static final class Service {
        String answer() {
            return "";
        }
    }

    private static TestConfig config() {
        return TestConfig.properties()
                .set("tollgate.provider", "sim")
                .set("tollgate.providers.sim.type", "simulated")
                .set("tollgate.providers.sim.input-tokens", "100")
                .set("tollgate.providers.sim.output-tokens", "20");
    }

    private static Method method() throws NoSuchMethodException {
        return Service.class.getDeclaredMethod("answer");
    }

    private Exchange captureOne(Tollgate tollgate, CallPoint point, String prompt) throws Exception {
        tollgate.capture().invoke(point, () -> tollgate.chatClient().chat(prompt));
        return sink.single().exchanges().get(0);
    }

    @Test
    void builtInRedactors_runBeforeTheApplicationsRedactors() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        PromptRedactor application = text -> {
            seen.add(text);
            return text.replace("invoice", "[doc]");
        };
        Tollgate tollgate = Tollgate.builder(config().build()).recordSink(sink).redactors(List.of(application)).build();

        Exchange exchange = captureOne(tollgate, tollgate.callPoint("answer", method(), "", ""),
                "send the invoice to jane@example.com, card 4111 1111 1111 1111");

        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain("jane@example.com", "4111"));
        assertThat(exchange.requestMessages())
                .containsExactly(Message.user("send the [doc] to [email], card [card]"));
        assertThat(exchange.responseText()).contains("Simulated answer to: send the [doc] to [email], card [card]");
    }

    @Test
    void aCallWhoseAnnotationTurnsCaptureOff_keepsNoPromptOrAnswer_butItsUsage() throws Exception {
        Tollgate tollgate = Tollgate.builder(config().build()).recordSink(sink).build();

        Exchange exchange = captureOne(tollgate, tollgate.callPoint("answer", method(), "", "", false), "private");

        assertThat(exchange.requestMessages()).isEmpty();
        assertThat(exchange.responseText()).isEmpty();
        assertThat(exchange.usage()).isEqualTo(Usage.of(100, 20));
    }

    @Test
    void configuration_overridesTheAnnotationsCaptureSwitch_bothWays() throws Exception {
        Tollgate tollgate = Tollgate.builder(config()
                .set("tollgate.call.\"quiet\".capture", "false")
                .set("tollgate.call.\"loud\".capture", "true")
                .build()).recordSink(sink).build();

        CallPoint quiet = tollgate.callPoint("quiet", method(), "", "", true);
        CallPoint loud = tollgate.callPoint("loud", method(), "", "", false);

        assertThat(quiet.capture()).isFalse();
        assertThat(loud.capture()).isTrue();
        assertThat(captureOne(tollgate, quiet, "hello").requestMessages()).isEmpty();
    }

    @Test
    void captureOffForTheEngine_winsOverACallThatAsksForIt() throws Exception {
        Tollgate tollgate = Tollgate.builder(config().set("tollgate.capture.prompts", "false").build())
                .recordSink(sink).build();

        assertThat(captureOne(tollgate, tollgate.callPoint("answer", method(), "", "", true), "x").requestMessages())
                .isEmpty();
    }

    @Test
    void requestsOutsideAnyCall_followTheEngineSwitch() {
        Tollgate tollgate = Tollgate.builder(config().build()).recordSink(sink).build();

        tollgate.chatClient().chat(ChatRequest.builder().user("mail bob@example.org").build());

        assertThat(sink.single().exchanges().get(0).requestMessages()).containsExactly(Message.user("mail [email]"));
    }

    @Test
    void anInvalidCaptureOverride_isRejectedNamingTheProperty() {
        Tollgate tollgate = Tollgate.builder(config().set("tollgate.call.\"odd\".capture", "sometimes").build())
                .recordSink(sink).build();

        assertThatThrownBy(() -> tollgate.callPoint("odd", method(), "", "", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tollgate.call.\"odd\".capture'");
    }

    @Test
    void aRedactorThatOverflowsTheStack_costsTheCallNothing_andKeepsRedactionFailed() throws Exception {
        PromptRedactor recursive = text -> {
            throw new StackOverflowError();
        };
        Tollgate tollgate = Tollgate.builder(config().build()).recordSink(sink).redactors(List.of(recursive)).build();

        Exchange exchange = captureOne(tollgate, tollgate.callPoint("answer", method(), "", ""), "hello");

        assertThat(exchange.requestMessages()).containsExactly(Message.user(PromptCapture.REDACTION_FAILED));
        assertThat(tollgate.captureFailures().count()).isEqualTo(2);
    }
}
