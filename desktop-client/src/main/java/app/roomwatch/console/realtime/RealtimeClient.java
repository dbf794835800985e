package app.roomwatch.console.realtime;

import app.roomwatch.model.event.EventEnvelope;
import java.util.function.Consumer;

/**
 * Live events from the server for the views, whatever carries them (an SSE stream today). Listeners are called
 * one at a time, in event order, each event once, by the client's own serial executor, so they must be quick;
 * views have them moved onto the UI thread, in one hop, by {@link FxRealtimeClient}.
 */
public interface RealtimeClient extends AutoCloseable {

    /** Starts receiving: opens the stream, resuming after the last cursor this console saw. Idempotent. */
    void connect();

    /** Stops receiving and goes {@link ConnectionState.Mode#OFFLINE}; {@link #connect()} resumes later. */
    void disconnect();

    /**
     * Calls {@code listener} with every event of {@code eventType}, a payload's {@code TYPE} such as
     * {@code StudentCheckedIn.TYPE}.
     */
    Subscription subscribe(String eventType, Consumer<EventEnvelope> listener);

    /** Calls {@code listener} with every event of every type: for whoever reacts to all of them. */
    Subscription subscribeAll(Consumer<EventEnvelope> listener);

    /**
     * Calls {@code listener} with a reason when events may have been missed for good (the server's {@code reset}):
     * whoever shows server data must reload all of it from the REST endpoints. Events after it continue normally.
     */
    Subscription onReload(Consumer<String> listener);

    /** Calls {@code listener} with the current state at once and then with every change. */
    Subscription onStateChange(Consumer<ConnectionState> listener);

    /** Stops one listener; the same as closing its subscription. */
    default void unsubscribe(Subscription subscription) {
        subscription.close();
    }

    ConnectionState state();

    /** Disconnects and releases the client's threads; it can not connect again. */
    @Override
    void close();
}
