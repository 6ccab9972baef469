package dev.tollgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatRequestTest {

    @Test
    void requestWithoutMessages_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().model("gpt-4o").build())
                .withMessageContaining("message");
    }

    @Test
    void blankProviderOrModel_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().user("hi").provider(" ").build());
        assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().user("hi").model("").build());
    }

    @Test
    void temperatureBelowZeroOrNaN_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().user("hi").temperature(-0.1).build());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ChatRequest.builder().user("hi").temperature(Double.NaN).build());
        assertThat(ChatRequest.builder().user("hi").temperature(0.0).build().temperature()).hasValue(0.0);
    }

    @Test
    void topPOutsideZeroToOne_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().user("hi").topP(0.0).build());
        assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().user("hi").topP(1.01).build());
        assertThat(ChatRequest.builder().user("hi").topP(1.0).build().topP()).hasValue(1.0);
    }

    @Test
    void maxTokensBelowOne_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ChatRequest.builder().user("hi").maxTokens(0).build());
        assertThat(ChatRequest.builder().user("hi").maxTokens(1).build().maxTokens()).hasValue(1);
    }

    @Test
    void unsetOptions_areEmpty() {
        ChatRequest request = ChatRequest.of("hi");

        assertThat(request.messages()).containsExactly(Message.user("hi"));
        assertThat(request.provider()).isEmpty();
        assertThat(request.model()).isEmpty();
        assertThat(request.temperature()).isEmpty();
        assertThat(request.topP()).isEmpty();
        assertThat(request.maxTokens()).isEmpty();
        assertThat(request.seed()).isEmpty();
        assertThat(request.stop()).isEmpty();
        assertThat(request.extra()).isEmpty();
    }

    @Test
    void request_isImmutable_andToBuilderCopiesEverything() {
        ChatRequest.Builder builder = ChatRequest.builder()
                .system("sys")
                .user("hi")
                .target(Target.parse("openrouter/meta-llama/llama-3.1-8b-instruct"))
                .temperature(0.5)
                .topP(0.8)
                .maxTokens(10)
                .stop("END")
                .seed(7L)
                .extra("user", "u-1");
        ChatRequest request = builder.build();
        builder.user("later").extra("late", true);

        assertThat(request.messages()).hasSize(2);
        assertThat(request.extra()).containsOnlyKeys("user");
        assertThatThrownBy(() -> request.extra().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.messages().add(Message.user("x")))
                .isInstanceOf(UnsupportedOperationException.class);

        ChatRequest copy = request.toBuilder().build();
        assertThat(copy.messages()).isEqualTo(request.messages());
        assertThat(copy.provider()).contains("openrouter");
        assertThat(copy.model()).contains("meta-llama/llama-3.1-8b-instruct");
        assertThat(copy.temperature()).hasValue(0.5);
        assertThat(copy.topP()).hasValue(0.8);
        assertThat(copy.maxTokens()).hasValue(10);
        assertThat(copy.stop()).isEqualTo(List.of("END"));
        assertThat(copy.seed()).hasValue(7L);
        assertThat(copy.extra()).isEqualTo(Map.of("user", "u-1"));
    }

    @Test
    void toString_showsNoMessageText() {
        assertThat(ChatRequest.of("my password is hunter2").toString()).doesNotContain("hunter2");
    }
}
