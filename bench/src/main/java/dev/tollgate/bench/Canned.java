package dev.tollgate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers of the benchmark's upstream, byte for byte those of {@code bench/mock/mock.c}: two
 * canned chat completions and the events of a chat completion stream.
 */
public final class Canned {
    /** The small chat completion, about 0.4 KB. */
    public static final byte[] SMALL = resource("responses/small.json");
    /** The large chat completion, about 10 KB. */
    public static final byte[] LARGE = resource("responses/large.json");

    /** The request every contender sends, as a raw client would write it. */
    public static final byte[] REQUEST = ("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Say hello\"}]}").getBytes(StandardCharsets.UTF_8);
    /** The same request, streamed, asking for usage at the end. */
    public static final byte[] STREAM_REQUEST = ("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Say hello\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}")
            .getBytes(StandardCharsets.UTF_8);

    private static final String PREFIX = "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1741569952,\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_06737a9306\","
            + "\"choices\":[";

    private Canned() {
    }

    /**
     * The events of a stream of {@code count} deltas, each as the upstream sends it.
     *
     * @param count the deltas of content
     * @return the events, finish, usage and {@code [DONE]} included
     */
    public static List<byte[]> events(int count) {
        List<byte[]> events = new ArrayList<>(count + 3);
        for (int i = 0; i < count; i++) {
            String role = i == 0 ? "\"role\":\"assistant\"," : "";
            events.add(utf8(PREFIX + "{\"index\":0,\"delta\":{" + role + "\"content\":\"tok" + i + " \"},"
                    + "\"logprobs\":null,\"finish_reason\":null}]}\n\n"));
        }
        events.add(utf8(PREFIX + "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n"));
        events.add(utf8(PREFIX + "],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":" + count
                + ",\"total_tokens\":" + (count + 19) + "}}\n\n"));
        events.add(utf8("data: [DONE]\n\n"));
        return List.copyOf(events);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Canned.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
