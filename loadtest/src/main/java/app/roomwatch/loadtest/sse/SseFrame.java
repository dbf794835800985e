package app.roomwatch.loadtest.sse;

/**
 * One Server-Sent Events frame as a client sees it.
 *
 * @param id the {@code id:} field, or {@code null} for frames without one (control frames)
 * @param event the {@code event:} field, {@code "message"} when absent, as EventSource does
 * @param data the {@code data:} lines joined with newlines
 */
public record SseFrame(String id, String event, String data) {}
