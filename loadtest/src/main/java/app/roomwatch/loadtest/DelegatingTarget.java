package app.roomwatch.loadtest;

import app.roomwatch.loadtest.target.Target;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/** A target that behaves like another one, for scenarios that change only how messages are published. */
abstract class DelegatingTarget implements Target {

    private final Target delegate;

    DelegatingTarget(Target delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void prepare(int streams) throws Exception {
        delegate.prepare(streams);
    }

    @Override
    public HttpRequest streamRequest(int index, String lastEventId) {
        return delegate.streamRequest(index, lastEventId);
    }

    @Override
    public String readyEvent() {
        return delegate.readyEvent();
    }

    @Override
    public String deliveryEvent() {
        return delegate.deliveryEvent();
    }

    @Override
    public CompletableFuture<Integer> publish() {
        return delegate.publish();
    }

    @Override
    public List<Long> pids() {
        return delegate.pids();
    }

    @Override
    public LongSupplier heapBytes() {
        return delegate.heapBytes();
    }
}
