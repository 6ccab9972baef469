package dev.tollgate.impl.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.config.TollgateConfigException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the adapter reads its configuration: which host is OpenAI itself, and what that changes. */
class OpenAiAdapterTest {

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    /**
     * Builds the engine while the JVM's default proxy selector sends every request to WireMock, so
     * that a provider configured with OpenAI's own host name talks to the stub. The HTTP client
     * takes the default selector when it is built; the previous selector is restored at once.
     */
    private ChatClient clientThroughProxy(TestConfig config) {
        ProxySelector previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("localhost", proxy.getPort())));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
        try {
            return Tollgate.builder(config.build()).build().chatClient();
        } finally {
            ProxySelector.setDefault(previous);
        }
    }

    @Test
    void openAiItself_getsMaxCompletionTokensByDefault() {
        proxy.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiFixtures.read("chat-completion.json"))));
        ChatClient client = clientThroughProxy(TestConfig.properties()
                .set("tollgate.providers.openai.type", "openai")
                .set("tollgate.providers.openai.base-url", "http://api.openai.com/v1")
                .set("tollgate.providers.openai.api-key", OpenAiFixtures.API_KEY)
                .set("tollgate.providers.openai.model", "gpt-5-mini"));

        client.chat(ChatRequest.builder().user("hi").maxTokens(256).build());

        proxy.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Host", equalTo("api.openai.com"))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-5-mini", "messages": [{"role": "user", "content": "hi"}],
                         "max_completion_tokens": 256}
                        """)));
    }

    @Test
    void openAiItselfConfiguredForMaxTokens_getsMaxTokens() {
        proxy.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiFixtures.read("chat-completion.json"))));
        ChatClient client = clientThroughProxy(TestConfig.properties()
                .set("tollgate.providers.openai.type", "openai")
                .set("tollgate.providers.openai.base-url", "http://api.openai.com/v1")
                .set("tollgate.providers.openai.api-key", OpenAiFixtures.API_KEY)
                .set("tollgate.providers.openai.model", "gpt-3.5-turbo")
                .set("tollgate.providers.openai.max-tokens-field", "max_tokens"));

        client.chat(ChatRequest.builder().user("hi").maxTokens(256).build());

        proxy.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-3.5-turbo", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 256}
                        """)));
    }

    @Test
    void openAiItselfWithoutApiKey_isAProblemNamingTheProperty() {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> Tollgate.builder(TestConfig.of("tollgate.providers.openai.type", "openai")).build());

        assertThat(e.problems()).singleElement().asString()
                .contains("'tollgate.providers.openai.api-key'")
                .startsWith("TOLLGATE-0005");
    }

    @Test
    void compatibleServerWithoutApiKey_isValid() {
        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                "tollgate.providers.vllm.type", "openai",
                "tollgate.providers.vllm.base-url", "http://vllm.internal:8000/v1",
                "tollgate.providers.vllm.model", "Qwen/Qwen2.5-7B-Instruct")).build();

        assertThat(tollgate.providers().ids()).containsExactly("vllm");
        assertThat(tollgate.providers().defaultId()).contains("vllm");
    }

    @Test
    void unknownMaxTokensField_isAProblemNamingTheProperty() {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> Tollgate.builder(TestConfig.of(
                        "tollgate.providers.vllm.type", "openai",
                        "tollgate.providers.vllm.base-url", "http://vllm.internal:8000/v1",
                        "tollgate.providers.vllm.max-tokens-field", "maxTokens")).build());

        assertThat(e.problems()).singleElement().asString()
                .contains("'tollgate.providers.vllm.max-tokens-field'", "'maxTokens'", "max_completion_tokens");
    }

    @Test
    void extraRepeatingATypedOption_isRefusedBeforeSending() {
        ChatClient client = Tollgate.builder(TestConfig.of(
                "tollgate.providers.vllm.type", "openai",
                "tollgate.providers.vllm.base-url", proxy.baseUrl() + "/v1",
                "tollgate.providers.vllm.model", "local")).build().chatClient();

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client.chat(ChatRequest.builder().user("hi").extra("max_tokens", 5).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("max_tokens");
        assertThat(proxy.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @Test
    void extraOfAnUnsupportedType_isRefusedBeforeSending() {
        ChatClient client = Tollgate.builder(TestConfig.of(
                "tollgate.providers.vllm.type", "openai",
                "tollgate.providers.vllm.base-url", proxy.baseUrl() + "/v1",
                "tollgate.providers.vllm.model", "local")).build().chatClient();

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client.chat(ChatRequest.builder().user("hi").extra("when", Instant.EPOCH).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(proxy.getAllServeEvents()).as("nothing was sent").isEmpty();
    }
}
