package app.roomwatch.console.realtime;

import app.roomwatch.console.fx.UiThread;
import app.roomwatch.model.event.EventEnvelope;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A {@link RealtimeClient} for views: every listener is called on the UI thread, and the state is a read-only
 * JavaFX property for the status light. The client underneath knows nothing of JavaFX; this is the only adapter.
 */
public final class FxRealtimeClient implements RealtimeClient {

    private final RealtimeClient client;
    private final UiThread ui;
    private final ReadOnlyObjectWrapper<ConnectionState> state;
    private final Subscription stateSubscription;

    public FxRealtimeClient(RealtimeClient client, UiThread ui) {
        this.client = client;
        this.ui = ui;
        this.state = new ReadOnlyObjectWrapper<>(this, "state", client.state());
        this.stateSubscription = client.onStateChange(ui.deliver(state::set));
    }

    /** The connection's state, updated on the UI thread; never null. */
    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    @Override
    public void connect() {
        client.connect();
    }

    @Override
    public void disconnect() {
        client.disconnect();
    }

    @Override
    public Subscription subscribe(String eventType, Consumer<EventEnvelope> listener) {
        return client.subscribe(eventType, ui.deliver(listener));
    }

    @Override
    public Subscription subscribeAll(Consumer<EventEnvelope> listener) {
        return client.subscribeAll(ui.deliver(listener));
    }

    @Override
    public Subscription onReload(Consumer<String> listener) {
        return client.onReload(ui.deliver(listener));
    }

    @Override
    public Subscription onStateChange(Consumer<ConnectionState> listener) {
        return client.onStateChange(ui.deliver(listener));
    }

    /** The latest state the UI thread has seen (the property's value). */
    @Override
    public ConnectionState state() {
        return state.get();
    }

    @Override
    public void close() {
        stateSubscription.close();
        client.close();
    }
}
