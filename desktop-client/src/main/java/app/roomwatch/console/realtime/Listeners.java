package app.roomwatch.console.realtime;

import app.roomwatch.model.event.EventEnvelope;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who listens to what. Called only by the client's actor, so events, reloads and state changes reach every listener
 * one at a time, in the order they happened; listeners are added and removed from any thread.
 */
final class Listeners {

    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

    private final Map<String, List<Consumer<EventEnvelope>>> events = new ConcurrentHashMap<>();
    private final List<Consumer<EventEnvelope>> everyEvent = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> reloads = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectionState>> states = new CopyOnWriteArrayList<>();

    Subscription onEvent(String type, Consumer<EventEnvelope> listener) {
        var list = events.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>());
        return add(list, listener);
    }

    Subscription onEveryEvent(Consumer<EventEnvelope> listener) {
        return add(everyEvent, listener);
    }

    Subscription onReload(Consumer<String> listener) {
        return add(reloads, listener);
    }

    /** Adds a state listener and calls it with {@code current}; the actor calls this, so no change slips between. */
    Subscription onState(Consumer<ConnectionState> listener, ConnectionState current) {
        var subscription = add(states, listener);
        call(listener, current);
        return subscription;
    }

    void event(EventEnvelope event) {
        events.getOrDefault(event.type(), List.of()).forEach(l -> call(l, event));
        everyEvent.forEach(l -> call(l, event));
    }

    void reload(String reason) {
        reloads.forEach(l -> call(l, reason));
    }

    void state(ConnectionState state) {
        states.forEach(l -> call(l, state));
    }

    private static <T> Subscription add(List<Consumer<T>> list, Consumer<T> listener) {
        // A wrapper per subscription, so subscribing the same listener twice is closed one at a time.
        Consumer<T> entry = listener::accept;
        list.add(entry);
        return () -> list.remove(entry);
    }

    private static <T> void call(Consumer<T> listener, T value) {
        try {
            listener.accept(value);
        } catch (RuntimeException e) {
            // One broken view must not stop the others from hearing about later events.
            LOG.log(Level.ERROR, "A realtime listener failed", e);
        }
    }
}
