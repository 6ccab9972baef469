package dev.tollgate.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.PermanentLlmException;
import dev.tollgate.api.Target;
import dev.tollgate.impl.capture.CallPoint;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's entry points: call points validated at deployment, and where each request goes. */
class TollgateTest {

    private final TestRecordSink sink = new TestRecordSink();

    @SuppressWarnings("unused")
    static final class TestService {
        String answer(String question) {
            return question;
        }
    }

    private static Method answer() throws NoSuchMethodException {
        return TestService.class.getDeclaredMethod("answer", String.class);
    }

    private Tollgate twoProviders() {
        return Tollgate.builder(TestConfig.of(
                        "tollgate.provider", "a",
                        "tollgate.providers.a.type", "simulated",
                        "tollgate.providers.a.model", "model-a",
                        "tollgate.providers.b.type", "simulated",
                        "tollgate.providers.b.model", "model-b"))
                .recordSink(sink)
                .build();
    }

    @Test
    void callPoint_takesTheDefaultProviderAndLeavesTheModelOpen() throws Exception {
        CallPoint point = twoProviders().callPoint("Answers.answer", answer(), "", "");

        assertThat(point.primary()).isEqualTo(new Target("a", null));
        assertThat(point.callName()).isEqualTo("Answers.answer");
    }

    @Test
    void callPoint_keepsTheProviderAndModelItNames() throws Exception {
        CallPoint point = twoProviders().callPoint("Answers.answer", answer(), "b", "model-b2");

        assertThat(point.primary()).isEqualTo(new Target("b", "model-b2"));
    }

    @Test
    void callPointOfAnUnconfiguredProvider_isRefusedNamingTheMethod() {
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> twoProviders().callPoint("Answers.answer", answer(), "anthropic", ""));

        assertThat(e).hasMessageStartingWith("TOLLGATE-0021")
                .hasMessageContaining(TestService.class.getName() + ".answer", "'anthropic'", "[a, b]");
    }

    @Test
    void callPointWithoutProviderOrDefault_isRefused() {
        Tollgate noDefault = Tollgate.builder(TestConfig.of(
                "tollgate.providers.a.type", "simulated",
                "tollgate.providers.b.type", "simulated")).build();

        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> noDefault.callPoint("Answers.answer", answer(), "", ""));

        assertThat(e).hasMessageStartingWith("TOLLGATE-0020").hasMessageContaining("tollgate.provider");
    }

    @Test
    void callPointOfAProviderWithoutModel_isRefusedNamingTheModelProperty() {
        Tollgate vllm = Tollgate.builder(TestConfig.of(
                "tollgate.providers.vllm.type", "openai",
                "tollgate.providers.vllm.base-url", "http://localhost:8000/v1")).build();

        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> vllm.callPoint("Answers.answer", answer(), "", ""));

        assertThat(e).hasMessageStartingWith("TOLLGATE-0022").hasMessageContaining("tollgate.providers.vllm.model");
    }

    @Test
    void requestsInsideAnInvocation_goToItsCurrentAttemptTarget() throws Exception {
        Tollgate tollgate = twoProviders();
        ChatClient llm = tollgate.chatClient();
        CallPoint point = tollgate.callPoint("Answers.answer", answer(), "b", "model-b2");

        tollgate.capture().invoke(point, () -> {
            llm.chat("attempt target");
            llm.chat(ChatRequest.builder().user("model only").model("model-b3").build());
            llm.chat(ChatRequest.builder().user("other provider").provider("a").build());
            tollgate.contexts().current().target(new Target("a", "model-a2"));
            return llm.chat("after switching the attempt");
        });

        List<Target> targets = sink.single().exchanges().stream().map(Exchange::target).toList();
        assertThat(targets).containsExactly(
                new Target("b", "model-b2"),
                new Target("b", "model-b3"),
                new Target("a", "model-a"),
                new Target("a", "model-a2"));
    }

    @Test
    void requestsOutsideAnInvocation_goToTheDefaultProviderAndModel() {
        Tollgate tollgate = twoProviders();

        tollgate.chatClient().chat("hi");
        tollgate.chatClient().chat(ChatRequest.builder().user("hi").provider("b").build());

        assertThat(sink.records()).extracting(r -> r.exchanges().get(0).target())
                .containsExactly(new Target("a", "model-a"), new Target("b", "model-b"));
    }

    @Test
    void requestToAnUnconfiguredProvider_isAnInvalidRequest() {
        LlmException e = catchThrowableOfType(LlmException.class, () -> twoProviders().chatClient()
                .chat(ChatRequest.builder().user("hi").provider("mistral").build()));

        assertThat(e).isInstanceOf(PermanentLlmException.class);
        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("TOLLGATE-0200", "'mistral'");
    }

    @Test
    void requestWithoutProviderOrDefault_isAnInvalidRequest() {
        ChatClient llm = Tollgate.builder(TestConfig.of(
                "tollgate.providers.a.type", "simulated",
                "tollgate.providers.b.type", "simulated")).build().chatClient();

        LlmException e = catchThrowableOfType(LlmException.class, () -> llm.chat("hi"));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("TOLLGATE-0202");
    }
}
