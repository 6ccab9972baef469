package dev.tollgate.api;

import java.util.Objects;

/**
 * One piece of a streamed answer, in the order the provider produced it.
 *
 * <p>Instances are immutable. The whole answer, with its usage and cost, is the
 * {@linkplain ChatStream#response() response} of the stream.
 */
public final class ChatChunk {
    private final String text;

    private ChatChunk(String text) {
        this.text = text;
    }

    /**
     * @param text the text the chunk adds to the answer
     * @return the chunk
     */
    public static ChatChunk of(String text) {
        return new ChatChunk(Objects.requireNonNull(text, "text"));
    }

    /** @return the text this chunk adds to the answer; never empty */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatChunk c && text.equals(c.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "ChatChunk[" + text + "]";
    }
}
