package app.roomwatch.console.realtime;

/** A registered listener; closing it stops the deliveries. Closing twice does nothing. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
