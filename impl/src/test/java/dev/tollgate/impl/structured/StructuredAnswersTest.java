package dev.tollgate.impl.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.ResponseFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

public class StructuredAnswersTest {
    private final StructuredAnswers answers = new StructuredAnswers();

    public record Verdict(String label, double confidence, List<String> reasons, Integer note) {
    }

    private static ChatResponse answer(String text) {
        return ChatResponse.builder().text(text).provider("p").model("m").requestId("req-1").build();
    }

    @Test
    void request_carriesTheTypesSchemaAsItsResponseFormat() {
        ChatRequest request = answers.request(ChatRequest.of("Judge"), Verdict.class);

        assertThat(request.responseFormat().kind()).isEqualTo(ResponseFormat.Kind.JSON_SCHEMA);
        assertThat(request.responseFormat().name()).contains("Verdict");
        assertThat(request.responseFormat().schema()).contains(JsonSchemas.of(Verdict.class));
        assertThat(request.messages()).isEqualTo(ChatRequest.of("Judge").messages());
    }

    @Test
    void fittingAnswer_isBoundToTheRecord() {
        Verdict v = answers.read(answer("{\"label\":\"spam\",\"confidence\":0.93,\"reasons\":[\"links\"],\"note\":null}"),
                Verdict.class);

        assertThat(v).isEqualTo(new Verdict("spam", 0.93, List.of("links"), null));
    }

    @Test
    void answerMissingAProperty_isAnInvalidResponseCarryingTheRawText() {
        String raw = "{\"label\":\"spam\",\"reasons\":[],\"note\":null}";

        LlmException e = catchThrowableOfType(LlmException.class, () -> answers.read(answer(raw), Verdict.class));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(e.providerMessage()).contains(raw);
        assertThat(e.getMessage()).contains("'confidence' is missing");
        assertThat(e.requestId()).contains("req-1");
    }

    @Test
    void answerThatIsNotJson_isAnInvalidResponse() {
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> answers.read(answer("Sure! Here is the verdict: spam"), Verdict.class));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(e.getMessage()).contains("not a JSON object");
    }

    @Test
    void answerWithAWrongType_isAnInvalidResponse() {
        LlmException e = catchThrowableOfType(LlmException.class, () -> answers.read(
                answer("{\"label\":\"spam\",\"confidence\":\"high\",\"reasons\":[],\"note\":null}"), Verdict.class));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
    }

    @Test
    void nullForARequiredNonNullableProperty_isAnInvalidResponse() {
        LlmException e = catchThrowableOfType(LlmException.class, () -> answers.read(
                answer("{\"label\":null,\"confidence\":1,\"reasons\":[],\"note\":null}"), Verdict.class));

        assertThat(e.getMessage()).contains("'label' is null");
    }
}
