package dev.tollgate.impl.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestLogs;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.config.TollgateConfigException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Options a provider cannot honour are refused before anything is sent, or dropped with one warning
 * where configured. The providers point at a closed port: a request that gets as far as the network
 * fails with {@code NETWORK}, one refused earlier with {@code INVALID_REQUEST}.
 */
class UnsupportedOptionsTest {
    private final TestRecordSink sink = new TestRecordSink();

    private ChatClient llm(String... extra) {
        List<String> props = new ArrayList<>(List.of(
                "tollgate.providers.claude.type", "anthropic",
                "tollgate.providers.claude.base-url", "http://127.0.0.1:9",
                "tollgate.providers.claude.api-key", "sk-test",
                "tollgate.providers.claude.model", "claude-test",
                "tollgate.providers.claude.timeout", "PT2S"));
        props.addAll(List.of(extra));
        return Tollgate.builder(TestConfig.of(props.toArray(String[]::new))).recordSink(sink).build().chatClient();
    }

    private static ChatRequest withSeed() {
        return ChatRequest.builder().provider("claude").user("Hi").seed(7L).build();
    }

    @Test
    void optionTheProviderCannotHonour_isRefusedBeforeSendingNamingItAndTheProvider() {
        LlmException e = catchThrowableOfType(LlmException.class, () -> llm().chat(withSeed()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("TOLLGATE-0206", "'claude'", "seed", "unsupported-options=drop");
        assertThat(sink.single().exchanges().get(0).usage().isKnown()).as("refused unsent: no tokens").isTrue();
    }

    @Test
    void extraTheProviderIsKnownToReject_isRefusedToo() {
        LlmException e = catchThrowableOfType(LlmException.class, () -> llm().chat(ChatRequest.builder()
                .provider("claude").user("Hi").extra("repeat_penalty", 1.1).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("extra.repeat_penalty");
    }

    @Test
    void droppingProvider_sendsTheRequestWithoutTheOptionAndWarnsOnce() {
        ChatClient llm = llm("tollgate.providers.claude.unsupported-options", "drop");

        try (TestLogs logs = TestLogs.of(UnsupportedOptions.class)) {
            for (int i = 0; i < 2; i++) {
                LlmException e = catchThrowableOfType(LlmException.class, () -> llm.chat(withSeed()));
                assertThat(e.category()).as("it got as far as the network").isEqualTo(ErrorCategory.NETWORK);
            }
            assertThat(logs.records()).singleElement().satisfies(r -> assertThat(r.getMessage())
                    .startsWith("TOLLGATE-0130").contains("'claude'", "seed"));
        }
    }

    @Test
    void unknownMode_isAConfigurationProblemNamingTheProperty() {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> llm("tollgate.providers.claude.unsupported-options", "ignore"));

        assertThat(e.problems()).singleElement().asString()
                .contains("'tollgate.providers.claude.unsupported-options'", "'ignore'");
    }

    @Test
    void openAiItself_refusesLocalServerParameters_butACompatibleServerTakesThem() {
        ChatClient llm = Tollgate.builder(TestConfig.of(
                        "tollgate.providers.openai.type", "openai",
                        "tollgate.providers.openai.api-key", "sk-test",
                        "tollgate.providers.openai.model", "gpt-test",
                        "tollgate.providers.vllm.type", "openai",
                        "tollgate.providers.vllm.base-url", "http://127.0.0.1:9/v1",
                        "tollgate.providers.vllm.model", "qwen",
                        "tollgate.providers.vllm.timeout", "PT2S",
                        "tollgate.provider", "openai"))
                .recordSink(sink).build().chatClient();

        LlmException openAi = catchThrowableOfType(LlmException.class, () -> llm.chat(ChatRequest.builder()
                .provider("openai").user("Hi").extra("top_k", 40).build()));
        LlmException vllm = catchThrowableOfType(LlmException.class, () -> llm.chat(ChatRequest.builder()
                .provider("vllm").user("Hi").extra("top_k", 40).build()));

        assertThat(openAi.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(vllm.category()).isEqualTo(ErrorCategory.NETWORK);
    }
}
