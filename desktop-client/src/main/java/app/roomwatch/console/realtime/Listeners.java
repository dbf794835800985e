package app.roomwatch.console.realtime;

import app.roomwatch.model.event.EventEnvelope;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Who listens to what, and the one delivery executor that calls them: events, reloads and state changes leave in
 * the order they were handed in, one at a time, so a listener never sees them overtake each other.
 */
final class Listeners {

    private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

    private final Executor delivery;
    private final Map<String, List<Consumer<EventEnvelope>>> events = new ConcurrentHashMap<>();
    private final List<Consumer<String>> reloads = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectionState>> states = new CopyOnWriteArrayList<>();

    /** @param delivery must run tasks one at a time in submission order */
    Listeners(Executor delivery) {
        this.delivery = delivery;
    }

    Subscription onEvent(String type, Consumer<EventEnvelope> listener) {
        var list = events.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>());
        return add(list, listener);
    }

    Subscription onReload(Consumer<String> listener) {
        return add(reloads, listener);
    }

    Subscription onState(Consumer<ConnectionState> listener, ConnectionState current) {
        var subscription = add(states, listener);
        delivery.execute(() -> call(listener, current));
        return subscription;
    }

    void event(EventEnvelope event) {
        delivery.execute(() -> events.getOrDefault(event.type(), List.of()).forEach(l -> call(l, event)));
    }

    void reload(String reason) {
        delivery.execute(() -> reloads.forEach(l -> call(l, reason)));
    }

    void state(ConnectionState state) {
        delivery.execute(() -> states.forEach(l -> call(l, state)));
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
