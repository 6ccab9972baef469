package dev.tollgate.impl.provider.simulated;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.spi.ProviderStream;

/** Streams a simulated answer word by word; the usage is reported with the last word. */
final class SimulatedStream implements ProviderStream {
    private final ChatResponse answer;
    private final String text;
    private int position;
    private volatile boolean closed;

    SimulatedStream(ChatResponse answer) {
        this.answer = answer;
        this.text = answer.text();
    }

    @Override
    public synchronized String next() {
        if (closed || position >= text.length()) {
            return null;
        }
        int end = text.indexOf(' ', position + 1);
        end = end < 0 ? text.length() : end;
        String piece = text.substring(position, end);
        position = end;
        return piece;
    }

    @Override
    public ChatResponse summary() {
        return answer.toBuilder().text("").build();
    }

    @Override
    public void close() {
        closed = true;
    }
}
