package dev.tollgate.impl.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tollgate.impl.provider.gemini.GeminiFixtures.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.ResponseFormat;
import jakarta.json.Json;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON answers of the Gemini API: the response MIME type and the JSON schema, over HTTP. */
public class GeminiStructuredTest {
    /**
     * An answer type whose schema has a nullable property, as JSON-B maps it.
     *
     * @param number the invoice number
     * @param total the amount due
     * @param dueDate when it is due
     * @param disputeReason why the customer disputes it, if they do
     */
    public record Invoice(String number, double total, LocalDate dueDate, Optional<String> disputeReason) {
    }

    @RegisterExtension
    static WireMockExtension google = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final GeminiStub stub = new GeminiStub(google);

    @Test
    void jsonFormat_asksForApplicationJson() {
        stub.answerWith("generate-content-json.json");

        String text = stub.client().chat(ChatRequest.builder().user("Invoice INV-2024-0042 as JSON")
                .responseFormat(ResponseFormat.json()).build()).text();

        assertThat(text).startsWith("{\"number\": \"INV-2024-0042\"");
        google.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"contents": [{"role": "user", "parts": [{"text": "Invoice INV-2024-0042 as JSON"}]}],
                 "generationConfig": {"responseMimeType": "application/json"}}
                """)));
    }

    @Test
    void typedChat_sendsTheDerivedJsonSchemaAsItIs_titledWithItsName_andBindsTheAnswer() {
        stub.answerWith("generate-content-json.json");

        Invoice invoice = stub.client().chat(ChatRequest.builder().user("Invoice INV-2024-0042").temperature(0.0).build(),
                Invoice.class);

        assertThat(invoice).isEqualTo(new Invoice("INV-2024-0042", 1249.5, LocalDate.of(2025, 10, 1),
                Optional.empty()));
        google.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"contents": [{"role": "user", "parts": [{"text": "Invoice INV-2024-0042"}]}],
                 "generationConfig": {
                   "temperature": 0.0,
                   "responseMimeType": "application/json",
                   "responseJsonSchema": {
                     "type": "object",
                     "properties": {
                       "number": {"type": "string"},
                       "total": {"type": "number"},
                       "dueDate": {"type": "string", "format": "date"},
                       "disputeReason": {"type": ["string", "null"]}
                     },
                     "required": ["number", "total", "dueDate", "disputeReason"],
                     "additionalProperties": false,
                     "title": "Invoice"
                   }
                 }}
                """)));
    }

    @Test
    void schemaWithItsOwnTitle_keepsIt() {
        stub.answerWith("generate-content-json.json");
        var schema = Json.createObjectBuilder().add("title", "Invoice summary").add("type", "object").build();

        stub.client().chat(ChatRequest.builder().user("Invoice INV-2024-0042")
                .responseFormat(ResponseFormat.jsonSchema("invoice", schema)).build());

        google.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"contents": [{"role": "user", "parts": [{"text": "Invoice INV-2024-0042"}]}],
                 "generationConfig": {"responseMimeType": "application/json",
                   "responseJsonSchema": {"title": "Invoice summary", "type": "object"}}}
                """)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"responseMimeType", "response_mime_type", "responseSchema", "response_schema",
        "responseJsonSchema", "response_json_schema"})
    void extraResponseFieldsBesideAResponseFormat_areRefusedBeforeSending(String field) {
        LlmException e = stub.refusedBeforeSending(ChatRequest.builder().user("hi").responseFormat(ResponseFormat.json())
                .extra("generationConfig", Map.of(field, "text/x.enum")).build());

        assertThat(e.getMessage()).contains("generationConfig." + field);
    }

    @Test
    void extraResponseMimeTypeWithoutAResponseFormat_isSentAsItIs() {
        stub.answerWith("generate-content.json");

        stub.client().chat(ChatRequest.builder().user("Pick one")
                .extra("generationConfig", Map.of("responseMimeType", "text/x.enum")).build());

        google.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"contents": [{"role": "user", "parts": [{"text": "Pick one"}]}],
                 "generationConfig": {"responseMimeType": "text/x.enum"}}
                """)));
    }
}
