package dev.tollgate.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.StructuredChatCompletion;
import com.openai.models.chat.completions.StructuredChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.models.Model;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway driven by the official OpenAI Java client, as any OpenAI application would. */
class OpenAiClientIT {
    private static OpenAIClient client;

    @BeforeAll
    static void connect() throws Exception {
        SampleServer.Key key = SampleServer.createKey("openai-client-it", new BigDecimal("5.00"), 1000);
        client = OpenAIOkHttpClient.builder().baseUrl(SampleServer.BASE + "/v1").apiKey(key.secret()).maxRetries(0).build();
    }

    @Test
    void aPlainCompletion_answersWithTheAliasAndItsUsage() {
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addSystemMessage("Be brief.")
                .addUserMessage("What is a tollgate?")
                .temperature(0.2)
                .maxCompletionTokens(200)
                .build());

        assertEquals("gpt-4o-mini", completion.model());
        assertTrue(completion.id().startsWith("chatcmpl-"), completion.id());
        ChatCompletion.Choice choice = completion.choices().get(0);
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, choice.finishReason());
        assertTrue(choice.message().content().orElseThrow().contains("What is a tollgate?"), choice.toString());
        CompletionUsage usage = completion.usage().orElseThrow();
        assertTrue(usage.promptTokens() > 0 && usage.completionTokens() > 0, usage.toString());
        assertEquals(usage.promptTokens() + usage.completionTokens(), usage.totalTokens());
    }

    @Test
    void aStreamWithIncludeUsage_deliversTheAnswerInChunksThenTheUsage() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("Stream this, please.")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunks::add);
        }

        String text = chunks.stream()
                .flatMap(c -> c.choices().stream())
                .map(c -> c.delta().content().orElse(""))
                .collect(Collectors.joining());
        assertTrue(text.contains("Stream this, please."), text);
        assertTrue(chunks.size() > 4, "word by word: " + chunks.size());
        assertTrue(chunks.stream().flatMap(c -> c.choices().stream())
                .anyMatch(c -> c.finishReason().filter(ChatCompletionChunk.Choice.FinishReason.STOP::equals).isPresent()));
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertTrue(last.choices().isEmpty(), last.toString());
        CompletionUsage usage = last.usage().orElseThrow();
        assertTrue(usage.promptTokens() > 0 && usage.completionTokens() > 0, usage.toString());
        assertTrue(chunks.subList(0, chunks.size() - 1).stream().allMatch(c -> c.usage().isEmpty()));
    }

    /** The answer the structured-output test asks for. */
    public static class Verdict {
        public String summary;
        public long score;
    }

    @Test
    void structuredOutput_isParsedByTheClientIntoTheRequestedClass() {
        StructuredChatCompletionCreateParams<Verdict> params = ChatCompletionCreateParams.builder()
                .model("resilient")
                .addUserMessage("Judge this sample.")
                .responseFormat(Verdict.class)
                .build();

        StructuredChatCompletion<Verdict> completion = client.chat().completions().create(params);

        Verdict verdict = completion.choices().get(0).message().content().orElseThrow();
        assertFalse(verdict.summary.isEmpty());
        assertEquals(1, verdict.score);
    }

    @Test
    void theModelsList_namesEveryAlias() {
        List<String> ids = client.models().list().data().stream().map(Model::id).toList();

        assertEquals(List.of("gpt-4o-mini", "resilient"), ids);
    }

    @Test
    void anUnknownModel_isNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> client.chat().completions().create(
                ChatCompletionCreateParams.builder().model("gpt-5-imaginary").addUserMessage("Hi").build()));

        assertEquals(404, e.statusCode());
        assertTrue(e.getMessage().contains("gpt-5-imaginary"), e.getMessage());
    }
}
