package dev.tollgate.impl.provider.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.PermanentLlmException;
import dev.tollgate.api.TransientLlmException;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedProviderTest {

    private static TestConfig simulated() {
        return TestConfig.properties().set("tollgate.providers.sim.type", "simulated");
    }

    private static ChatClient client(TestConfig config) {
        return Tollgate.builder(config.build()).build().chatClient();
    }

    @Test
    void defaultReply_echoesTheLastUserPrompt() {
        ChatResponse response = client(simulated()).chat(ChatRequest.builder()
                .user("first question")
                .assistant("first answer")
                .user("second question")
                .build());

        assertThat(response.text()).isEqualTo("Simulated answer to: second question");
        assertThat(response.provider()).isEqualTo("sim");
        assertThat(response.model()).isEqualTo("simulated-1");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).contains("stop");
        assertThat(response.responseId()).contains("sim-1");
        assertThat(response.requestId()).contains("sim-req-1");
    }

    @Test
    void configuredReply_fillsInPromptAndModel() {
        ChatClient client = client(simulated().set("tollgate.providers.sim.reply", "[{model}] You said: {prompt}"));

        ChatResponse response = client.chat(ChatRequest.builder().user("hello").model("sim-large").build());

        assertThat(response.text()).isEqualTo("[sim-large] You said: hello");
        assertThat(response.model()).isEqualTo("sim-large");
    }

    @Test
    void configuredModel_isTheDefaultModel() {
        ChatResponse response = client(simulated().set("tollgate.providers.sim.model", "gpt-4o-mini"))
                .chat(ChatRequest.of("hi"));

        assertThat(response.model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void tokens_areEstimatedAtFourCharactersEachPlusFramingPerMessage() {
        ChatResponse response = client(simulated()).chat(ChatRequest.builder()
                .system("You are terse.")
                .user("hello")
                .build());

        // input: (4 + ceil(14 / 4)) + (4 + ceil(5 / 4)) = 8 + 6; output: ceil(26 / 4) for "Simulated answer to: hello"
        assertThat(response.usage()).isEqualTo(Usage.of(14, 7));
    }

    @Test
    void fixedTokenCounts_replaceTheEstimate() {
        ChatClient client = client(simulated()
                .set("tollgate.providers.sim.input-tokens", "1000")
                .set("tollgate.providers.sim.output-tokens", "50")
                .set("tollgate.providers.sim.cached-input-tokens", "400")
                .set("tollgate.providers.sim.reasoning-tokens", "20"));

        assertThat(client.chat(ChatRequest.of("a prompt of any length")).usage()).isEqualTo(Usage.builder()
                .inputTokens(1000)
                .cachedInputTokens(400)
                .outputTokens(50)
                .reasoningTokens(20)
                .build());
    }

    @Test
    void cachedAndReasoningCounts_neverExceedTheirWholes() {
        ChatClient client = client(simulated()
                .set("tollgate.providers.sim.input-tokens", "10")
                .set("tollgate.providers.sim.output-tokens", "5")
                .set("tollgate.providers.sim.cached-input-tokens", "400")
                .set("tollgate.providers.sim.reasoning-tokens", "20"));

        Usage usage = client.chat(ChatRequest.of("hi")).usage();

        assertThat(usage.cachedInputTokens()).isEqualTo(10);
        assertThat(usage.reasoningTokens()).isEqualTo(5);
    }

    @Test
    void maxTokens_cutsTheReplyWithFinishLength() {
        ChatResponse response = client(simulated()).chat(ChatRequest.builder().user("hello").maxTokens(2).build());

        assertThat(response.text()).isEqualTo("Simulate");
        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(response.rawFinishReason()).contains("length");
        assertThat(response.usage().outputTokens()).isEqualTo(2);
    }

    @Test
    void maxTokensAboveTheReply_leavesItWhole() {
        ChatResponse response = client(simulated()).chat(ChatRequest.builder().user("hello").maxTokens(7).build());

        assertThat(response.text()).isEqualTo("Simulated answer to: hello");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void stopSequence_endsTheReplyBeforeIt() {
        ChatClient client = client(simulated().set("tollgate.providers.sim.reply", "alpha. beta. gamma."));

        ChatResponse response = client.chat(ChatRequest.builder().user("go").stop("gamma", " beta").build());

        assertThat(response.text()).isEqualTo("alpha.");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage().outputTokens()).isEqualTo(2);
    }

    @Test
    void sameSeed_failsInTheSameSequence() {
        TestConfig config = simulated()
                .set("tollgate.providers.sim.failure-rate", "0.5")
                .set("tollgate.providers.sim.seed", "7");

        List<Boolean> first = outcomes(client(config), 40);
        List<Boolean> second = outcomes(client(config), 40);

        assertThat(second).isEqualTo(first);
        assertThat(first).as("a rate of 0.5 gives both outcomes").contains(true, false);
    }

    @Test
    void otherSeed_failsInAnotherSequence() {
        List<Boolean> seven = outcomes(client(simulated()
                .set("tollgate.providers.sim.failure-rate", "0.5")
                .set("tollgate.providers.sim.seed", "7")), 40);
        List<Boolean> eight = outcomes(client(simulated()
                .set("tollgate.providers.sim.failure-rate", "0.5")
                .set("tollgate.providers.sim.seed", "8")), 40);

        assertThat(eight).isNotEqualTo(seven);
    }

    private static List<Boolean> outcomes(ChatClient client, int calls) {
        List<Boolean> succeeded = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            try {
                client.chat(ChatRequest.of("ping " + i));
                succeeded.add(true);
            } catch (LlmException e) {
                succeeded.add(false);
            }
        }
        return succeeded;
    }

    @Test
    void failureRateOne_alwaysFailsWithTheConfiguredCategory() {
        ChatClient client = client(simulated()
                .set("tollgate.providers.sim.failure-rate", "1")
                .set("tollgate.providers.sim.failure-category", "quota-exceeded"));

        for (int i = 1; i <= 5; i++) {
            LlmException e = catchThrowableOfType(LlmException.class, () -> client.chat(ChatRequest.of("hi")));
            assertThat(e).isInstanceOf(PermanentLlmException.class);
            assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
            assertThat(e.provider()).contains("sim");
            assertThat(e.model()).contains("simulated-1");
            assertThat(e.requestId()).contains("sim-req-" + i);
        }
    }

    @Test
    void failures_areServerErrorsByDefault() {
        ChatClient client = client(simulated().set("tollgate.providers.sim.failure-rate", "1.0"));

        LlmException e = catchThrowableOfType(LlmException.class, () -> client.chat(ChatRequest.of("hi")));

        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
    }

    @Test
    void failureRateZero_neverFails() {
        assertThat(outcomes(client(simulated().set("tollgate.providers.sim.failure-rate", "0")), 20))
                .containsOnly(true);
    }

    @Test
    void interruptedWhileWaiting_isCancelled() {
        ChatClient client = client(simulated().set("tollgate.providers.sim.latency", "10s"));

        Thread.currentThread().interrupt();
        LlmException e;
        try {
            e = catchThrowableOfType(LlmException.class, () -> client.chat(ChatRequest.of("hi")));
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt flag is restored").isTrue();
        }

        assertThat(e.category()).isEqualTo(ErrorCategory.CANCELLED);
        assertThat(e.provider()).contains("sim");
    }

    @Test
    void latency_isHonoured() {
        ChatResponse response = client(simulated().set("tollgate.providers.sim.latency", "30ms"))
                .chat(ChatRequest.of("hi"));

        assertThat(response.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }
}
