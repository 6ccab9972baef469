package dev.tollgate.sample.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.Message;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.api.Role;
import dev.tollgate.api.ToolCall;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompletionRequestReaderTest {

    @Test
    void messagesOfEveryRole_becomeTheConversation() {
        CompletionRequest request = read("""
                {"model": "fast", "messages": [
                  {"role": "system", "content": "Be brief."},
                  {"role": "developer", "content": "Use metric units."},
                  {"role": "user", "content": [{"type": "text", "text": "Weather "}, {"type": "text", "text": "in Paris?"}]},
                  {"role": "assistant", "content": null, "tool_calls": [
                    {"id": "call_1", "type": "function", "function": {"name": "weather", "arguments": "{\\"city\\":\\"Paris\\"}"}}]},
                  {"role": "tool", "tool_call_id": "call_1", "content": "{\\"celsius\\": 21}"},
                  {"role": "assistant", "content": "It is 21 °C."}
                ]}""");

        List<Message> messages = request.chat().messages();
        assertEquals("fast", request.model());
        assertEquals(List.of(Role.SYSTEM, Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT),
                messages.stream().map(Message::role).toList());
        assertEquals("Weather in Paris?", messages.get(2).content());
        assertEquals(List.of(new ToolCall("call_1", "weather", "{\"city\":\"Paris\"}")), messages.get(3).toolCalls());
        assertEquals("", messages.get(3).content());
        assertEquals("call_1", messages.get(4).toolCallId().orElseThrow());
        assertEquals("It is 21 °C.", messages.get(5).content());
    }

    @Test
    void samplingOptions_areMapped_andMaxCompletionTokensWinsOverMaxTokens() {
        ChatRequest chat = read("""
                {"model": "fast", "messages": [{"role": "user", "content": "Hi"}],
                 "temperature": 0.3, "top_p": 0.9, "max_tokens": 50, "max_completion_tokens": 80,
                 "stop": ["END", "STOP"], "seed": 7}""").chat();

        assertEquals(0.3, chat.temperature().getAsDouble());
        assertEquals(0.9, chat.topP().getAsDouble());
        assertEquals(80, chat.maxTokens().getAsInt());
        assertEquals(List.of("END", "STOP"), chat.stop());
        assertEquals(7, chat.seed().getAsLong());
        assertTrue(chat.provider().isEmpty() && chat.model().isEmpty(), "the route picks the target");
    }

    @Test
    void maxTokensAndAStopString_areReadToo() {
        ChatRequest chat = read("""
                {"model": "fast", "messages": [{"role": "user", "content": "Hi"}], "max_tokens": 50, "stop": "END"}""")
                .chat();

        assertEquals(50, chat.maxTokens().getAsInt());
        assertEquals(List.of("END"), chat.stop());
    }

    @Test
    void aJsonSchemaResponseFormat_carriesItsNameAndSchema() {
        ChatRequest chat = read("""
                {"model": "fast", "messages": [{"role": "user", "content": "Hi"}],
                 "response_format": {"type": "json_schema", "json_schema": {"name": "verdict", "strict": true,
                   "schema": {"type": "object", "properties": {"score": {"type": "integer"}}}}}}""").chat();

        assertEquals(ResponseFormat.Kind.JSON_SCHEMA, chat.responseFormat().kind());
        assertEquals("verdict", chat.responseFormat().name().orElseThrow());
        assertEquals("integer", chat.responseFormat().schema().orElseThrow()
                .getJsonObject("properties").getJsonObject("score").getString("type"));
    }

    @Test
    void jsonObjectAndText_areTheirResponseFormats() {
        assertEquals(ResponseFormat.json(), read("""
                {"model": "m", "messages": [{"role": "user", "content": "Hi"}], "response_format": {"type": "json_object"}}""")
                .chat().responseFormat());
        assertEquals(ResponseFormat.text(), read("""
                {"model": "m", "messages": [{"role": "user", "content": "Hi"}], "response_format": {"type": "text"}}""")
                .chat().responseFormat());
    }

    @Test
    void functionTools_areOffered_unlessToolChoiceIsNone() {
        String tools = """
                "tools": [{"type": "function", "function": {"name": "weather", "description": "Today's weather",
                  "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}]""";

        ChatRequest offered = read("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], "
                + tools + ", \"tool_choice\": \"auto\"}").chat();
        ChatRequest withheld = read("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], "
                + tools + ", \"tool_choice\": \"none\"}").chat();

        assertEquals("weather", offered.tools().get(0).name());
        assertEquals("Today's weather", offered.tools().get(0).description());
        assertTrue(withheld.tools().isEmpty());
    }

    @Test
    void streamAndIncludeUsage_areRead() {
        CompletionRequest request = read("""
                {"model": "m", "messages": [{"role": "user", "content": "Hi"}], "stream": true,
                 "stream_options": {"include_usage": true}}""");

        assertTrue(request.stream());
        assertTrue(request.includeUsage());
        assertFalse(read("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}").stream());
    }

    @Test
    void fieldsThatDoNotChangeTheAnswer_areIgnored() {
        ChatRequest chat = read("""
                {"model": "m", "messages": [{"role": "user", "content": "Hi", "name": "ann"}], "user": "u-1",
                 "metadata": {"team": "a"}, "store": false, "parallel_tool_calls": true, "service_tier": "auto",
                 "n": 1, "logprobs": false, "frequency_penalty": 0, "modalities": ["text"], "something_new": 1}""").chat();

        assertTrue(chat.extra().isEmpty(), chat.extra().toString());
    }

    @Test
    void penaltiesThatChangeTheAnswer_goToTheProviderAsGiven() {
        ChatRequest chat = read("""
                {"model": "m", "messages": [{"role": "user", "content": "Hi"}], "presence_penalty": 0.5,
                 "reasoning_effort": "low"}""").chat();

        assertEquals(Map.of("presence_penalty", new BigDecimal("0.5"), "reasoning_effort", "low"), chat.extra());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}                                 | model",
        "{\"model\": \"m\", \"messages\": []}                                                       | messages",
        "{\"model\": \"m\", \"messages\": \"Hi\"}                                                     | messages",
        "{\"model\": \"m\", \"messages\": [\"Hi\"]}                                                   | messages[0]",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"tools\": [\"f\"]}       | tools[0]",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"response_format\": \"json\"} | response_format",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"robot\", \"content\": \"Hi\"}]}               | messages[0].role",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"user\"}]}                                     | messages[0].content",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"tool\", \"content\": \"1\"}]}                 | messages[0].tool_call_id",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\"}]}]} | messages[0].content[0]",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"temperature\": \"hot\"} | temperature",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"max_tokens\": 1.5}    | max_tokens",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"n\": 2}              | n",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"logprobs\": true}     | logprobs",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"tool_choice\": \"required\"} | tool_choice",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"response_format\": {\"type\": \"xml\"}} | response_format.type",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"stop\": [1]}          | stop",
        "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"stream\": \"yes\"}   | stream",
    })
    void aRequestTheGatewayCannotHonour_isRefusedNamingTheField(String body, String param) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> read(body));

        assertEquals(400, e.error().status());
        assertEquals("invalid_request_error", e.error().type());
        assertEquals(param, e.error().param());
    }

    @Test
    void anOptionOutOfRange_isRefused() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> read("""
                {"model": "m", "messages": [{"role": "user", "content": "Hi"}], "temperature": -1}"""));

        assertTrue(e.getMessage().contains("temperature"), e.getMessage());
    }

    private static CompletionRequest read(String json) {
        JsonObject body = Json.createReader(new StringReader(json)).readObject();
        return CompletionRequestReader.read(body);
    }
}
