package app.roomwatch.loadtest;

import app.roomwatch.loadtest.measure.LatencyHistogram;
import app.roomwatch.loadtest.report.Report;
import app.roomwatch.loadtest.report.Step;
import app.roomwatch.loadtest.sse.SseClient;
import app.roomwatch.loadtest.sse.SseEvent;
import app.roomwatch.loadtest.sse.SseFrame;
import app.roomwatch.loadtest.sse.SseStream;
import app.roomwatch.loadtest.target.RoomwatchTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scan to screen: scans at a fixed rate while the fan-out streams stay open, and the active group's supervisor
 * holds one more stream; each scan is matched to the check-in or check-out it caused on that stream, by child, in
 * order. Latency runs from sending the scan to receiving its event, so it includes the scan's own request.
 */
final class ScanToScreen {

    private static final byte[] CHECKIN = "student_checkin".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECKOUT = "student_checkout".getBytes(StandardCharsets.US_ASCII);

    private final RoomwatchTarget target;
    private final FanOutLadder ladder;

    ScanToScreen(RoomwatchTarget target, FanOutLadder ladder) {
        this.target = target;
        this.ladder = ladder;
    }

    Report.ScanToScreen run(Fleet background, double scansPerSecond, Duration duration, Duration warmup)
            throws Exception {
        // Unmeasured, before the supervisor's stream opens: the scan path gets compiled first.
        new Publisher(target::publish, 512).run(scansPerSecond, warmup);
        Matcher matcher = new Matcher(target.activeGroupId());
        SseClient client = new SseClient(1, "screen-reader");
        SseStream screen = new SseStream(-1, client, target::screenRequest, "connected", new SseStream.Listener() {
            @Override
            public void frame(SseStream stream, SseEvent event, long receivedMicros) {
                if (event.eventIs(CHECKIN) || event.eventIs(CHECKOUT)) {
                    matcher.onFrame(event.toFrame(), receivedMicros);
                }
            }
        });
        try {
            if (screen.connect().get(30, TimeUnit.SECONDS) != 200) {
                throw new IllegalStateException("the supervisor's stream was refused: " + screen.lastStatus());
            }
            LatencyHistogram answers = new LatencyHistogram();
            AtomicInteger next = new AtomicInteger();
            // Scans are the fan-out's messages here too, so the background streams are measured at the same time.
            Step fanOut = ladder.step(
                    new ScanDriver(target, next, matcher, answers),
                    background,
                    background.streams().size(),
                    scansPerSecond,
                    Duration.ofSeconds(1),
                    duration,
                    null);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (matcher.unmatched() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            LatencyHistogram h = matcher.latency;
            LatencyHistogram accepted = matcher.afterAccepted;
            return new Report.ScanToScreen(
                    scansPerSecond,
                    background.streams().size(),
                    next.get(),
                    h.count(),
                    FanOutLadder.ms(h.percentileMicros(0.50)),
                    FanOutLadder.ms(h.percentileMicros(0.95)),
                    FanOutLadder.ms(h.percentileMicros(0.99)),
                    FanOutLadder.ms(h.maxMicros()),
                    FanOutLadder.ms(answers.percentileMicros(0.99)),
                    FanOutLadder.ms(accepted.percentileMicros(0.50)),
                    FanOutLadder.ms(accepted.percentileMicros(0.99)),
                    fanOut);
        } finally {
            screen.disconnect();
            client.close();
        }
    }

    /** Publishes scans for the fan-out step and hands each answered one to the matcher. */
    private static final class ScanDriver extends DelegatingTarget {
        private final RoomwatchTarget target;
        private final AtomicInteger next;
        private final Matcher matcher;
        private final LatencyHistogram answers;

        ScanDriver(RoomwatchTarget target, AtomicInteger next, Matcher matcher, LatencyHistogram answers) {
            super(target);
            this.target = target;
            this.next = next;
            this.matcher = matcher;
            this.answers = answers;
        }

        @Override
        public CompletableFuture<Integer> publish() {
            return target.scan(next.getAndIncrement()).thenApply(scan -> {
                if (scan.result() == null) {
                    return 0;
                }
                answers.record(scan.answeredMicros() - scan.sentMicros());
                matcher.onScan(scan.result().studentId(), scan.sentMicros(), scan.answeredMicros());
                return scan.result().result() == app.roomwatch.model.api.ScanResult.Outcome.MOVED ? 2 : 1;
            });
        }
    }

    /**
     * Pairs scans and events per child in order. The event may arrive before the scan's answer does, so both sides
     * wait for the other. Two latencies: from sending the scan (its own request included) and from its 2xx answer,
     * when the scan was accepted (zero when the event was there first).
     */
    static final class Matcher {
        private final String activeGroupId;
        /** Per child, scans waiting for their event: sent and answered, in micros. */
        private final Map<String, ArrayDeque<long[]>> scans = new HashMap<>();
        /** Per child, events waiting for their scan: received, in micros. */
        private final Map<String, ArrayDeque<Long>> events = new HashMap<>();

        final LatencyHistogram latency = new LatencyHistogram();
        final LatencyHistogram afterAccepted = new LatencyHistogram();

        Matcher(String activeGroupId) {
            this.activeGroupId = activeGroupId;
        }

        void onFrame(SseFrame frame, long receivedMicros) {
            if (!"student_checkin".equals(frame.event()) && !"student_checkout".equals(frame.event())) {
                return;
            }
            if (!activeGroupId.equals(field(frame.data(), "activeGroupId"))) {
                return;
            }
            String student = field(frame.data(), "studentId");
            if (student == null) {
                return;
            }
            synchronized (this) {
                ArrayDeque<long[]> waiting = scans.get(student);
                if (waiting != null && !waiting.isEmpty()) {
                    record(waiting.removeFirst(), receivedMicros);
                } else {
                    events.computeIfAbsent(student, s -> new ArrayDeque<>()).addLast(receivedMicros);
                }
            }
        }

        synchronized void onScan(String studentId, long sentMicros, long answeredMicros) {
            long[] scan = {sentMicros, answeredMicros};
            ArrayDeque<Long> waiting = events.get(studentId);
            if (waiting != null && !waiting.isEmpty()) {
                record(scan, waiting.removeFirst());
            } else {
                scans.computeIfAbsent(studentId, s -> new ArrayDeque<>()).addLast(scan);
            }
        }

        private void record(long[] scan, long receivedMicros) {
            latency.record(receivedMicros - scan[0]);
            afterAccepted.record(Math.max(0, receivedMicros - scan[1]));
        }

        synchronized int unmatched() {
            return scans.values().stream().mapToInt(ArrayDeque::size).sum();
        }

        /** A string field of the envelope's data, found by name: {@code "name":"value"}. */
        static String field(String json, String name) {
            String key = "\"" + name + "\":\"";
            int start = json.indexOf(key);
            if (start < 0) {
                return null;
            }
            start += key.length();
            int end = json.indexOf('"', start);
            return end < 0 ? null : json.substring(start, end);
        }
    }
}
