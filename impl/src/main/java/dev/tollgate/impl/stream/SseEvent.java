package dev.tollgate.impl.stream;

/**
 * One dispatched server-sent event.
 *
 * @param type the event type; {@code message} when the stream named none
 * @param data the data, lines joined with line feeds
 * @param lastEventId the last event id seen so far, empty if none
 */
public record SseEvent(String type, String data, String lastEventId) {
}
