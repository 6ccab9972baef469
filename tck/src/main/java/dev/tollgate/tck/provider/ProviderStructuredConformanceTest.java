package dev.tollgate.tck.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.Tool;
import dev.tollgate.api.ToolCall;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Structured output and tools for every {@link ProviderKit}; see the TCK's README, "Streams,
 * structured output and tools".
 */
@ExtendWith(ArquillianExtension.class)
public class ProviderStructuredConformanceTest {
    static final Tool WEATHER = Tool.of("weather", "Current weather of a city", Json.createObjectBuilder()
            .add("type", "object")
            .add("properties", Json.createObjectBuilder().add("city", Json.createObjectBuilder().add("type", "string")))
            .add("required", Json.createArrayBuilder().add("city"))
            .add("additionalProperties", false)
            .build());

    @Deployment
    public static WebArchive deployment() {
        return KitChecks.deployment("provider-structured-conformance", ProviderStructuredConformanceTest.class,
                TckVerdict.class);
    }

    @Inject
    ChatClient llm;

    private static ChatRequest.Builder request(String provider, String model, String user) {
        return ChatRequest.builder().provider(provider).model(model).user(user);
    }

    @Test
    public void typedChat_usesTheNativeModeAndBindsTheAnswer() {
        KitChecks.eachKit("tck-structured", kit -> assertEquals(new TckVerdict("spam", 0.9),
                llm.chat(request(kit.name(), "tck-structured", "Judge").build(), TckVerdict.class)));
    }

    @Test
    public void answerThatDoesNotFitTheType_isAnInvalidResponseWithTheRawAnswer() {
        KitChecks.eachKit("tck-structured-misfit", kit -> {
            LlmException failure = assertThrows(LlmException.class,
                    () -> llm.chat(request(kit.name(), "tck-structured-misfit", "Judge").build(), TckVerdict.class));

            assertEquals(ErrorCategory.INVALID_RESPONSE, failure.category());
            assertEquals("{\"label\":\"spam\"}", failure.providerMessage().orElse("").replaceAll("\\s", ""));
        });
    }

    @Test
    public void toolRequest_isAnsweredWithACall() {
        KitChecks.eachKit("tck-tools", kit -> {
            ChatResponse response = llm.chat(request(kit.name(), "tck-tools", "Weather in Oslo?").tool(WEATHER).build());

            assertEquals(FinishReason.TOOL_CALLS, response.finishReason());
            assertEquals(1, response.toolCalls().size(), () -> "calls: " + response.toolCalls());
            ToolCall call = response.toolCalls().get(0);
            assertEquals("weather", call.name());
            assertEquals("{\"city\":\"Oslo\"}", call.arguments().replaceAll("\\s", ""));
            assertEquals(kit.expected("tck-tools.call-id").orElseThrow(), call.id());
        });
    }

    @Test
    public void toolResult_isSentBackAndAnswered() {
        KitChecks.eachKit("tck-tool-result", kit -> {
            ToolCall call = new ToolCall("call_tck_1", "weather", "{\"city\":\"Oslo\"}");
            ChatResponse response = llm.chat(request(kit.name(), "tck-tool-result", "Weather in Oslo?").tool(WEATHER)
                    .message(Message.assistant("", java.util.List.of(call)))
                    .message(Message.toolResult("call_tck_1", "{\"celsius\":3}"))
                    .build());

            assertEquals("It is 3 degrees in Oslo.", response.text());
        });
    }
}
