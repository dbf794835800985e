package app.roomwatch.loadtest.sse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that read event streams: each one a selector over plain non-blocking sockets, with one reused buffer.
 * Ten thousand streams need no thread each, and a delivery costs a read, a byte search and the listener's call;
 * no HTTP client, no line strings, no frame objects. Streams are spread over the threads in turn.
 */
public final class SseClient implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final List<Loop> loops = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    /** @param threads selector threads; the tool's available processors is a good number */
    public SseClient(int threads, String name) throws IOException {
        for (int i = 0; i < Math.max(1, threads); i++) {
            Loop loop = new Loop(Selector.open());
            loops.add(loop);
            Thread.ofPlatform().daemon().name(name + "-" + i).start(loop);
        }
    }

    /** The tool's available processors: as many selector threads as it may run at once. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The reader thread a new connection goes to: each in turn. */
    Loop assign() {
        return loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
    }

    @Override
    public void close() {
        for (Loop loop : loops) {
            loop.stop();
        }
    }

    /** One selector thread: runs the tasks given to it, then serves its ready sockets. */
    static final class Loop implements Runnable {
        private final Selector selector;
        private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        private volatile boolean stopped;

        Loop(Selector selector) {
            this.selector = selector;
        }

        Selector selector() {
            return selector;
        }

        ByteBuffer buffer() {
            return buffer;
        }

        void execute(Runnable task) {
            tasks.add(task);
            selector.wakeup();
        }

        void stop() {
            stopped = true;
            selector.wakeup();
        }

        @Override
        public void run() {
            try {
                while (!stopped) {
                    selector.select(1_000);
                    for (Runnable task; (task = tasks.poll()) != null; ) {
                        task.run();
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        SseStream.Connection connection = (SseStream.Connection) key.attachment();
                        try {
                            connection.ready(key);
                        } catch (CancelledKeyException e) {
                            // closed meanwhile
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException | ClosedSelectorException e) {
                // the selector broke: the streams on it end below
            } finally {
                for (SelectionKey key : selector.keys()) {
                    if (key.attachment() instanceof SseStream.Connection connection) {
                        connection.fail();
                    }
                }
                try {
                    selector.close();
                } catch (IOException e) {
                    // nothing left to do
                }
            }
        }
    }
}
