package app.roomwatch.server.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the real-time stream, under {@code roomwatch.stream.*}.
 *
 * @param retry what the {@code retry:} field tells clients to wait before reconnecting
 * @param pingInterval how often an open stream gets a {@code ping} frame
 * @param queueCapacity events a connection may have waiting before it is closed as too slow
 * @param pollInterval how often the hub reads the log even when no notification arrived (a lost NOTIFY or a lost
 *     listening connection only delays events by this much)
 * @param housekeepingInterval how often expiry and pings are checked against the clock
 * @param retention how long events stay in the log; older cursors get a {@code reset}
 * @param pruneInterval how often old events are deleted
 * @param pruneBatch events deleted per transaction, kept small so that the read fence never waits long
 * @param maxStreamsPerStaff open streams one staff member may hold at once
 * @param connectsPerMinute stream connection attempts one staff member may make a minute
 * @param readBatch events read from the log per query, by the hub and by replays
 * @param maxPageSize the largest {@code limit} of {@code GET /api/events}
 * @param listenerMaxBackoff the longest wait between attempts to re-open the listening connection
 * @param writeTimeout how long one write to a client may wait for the client to take it before the stream is
 *     closed as stalled (a client that stopped reading: a frozen tab, a laptop gone to sleep); the ping interval
 *     when not set, so that such a client is closed within two ping intervals of its first write that waits
 * @param sendBuffer the kernel's send buffer of a stream's socket: what a client that stopped reading can hold up
 *     before a write waits (left to the kernel when zero)
 * @param framesToConnection whether an HTTP/1 stream on Jetty writes its frames straight to its connection (the
 *     default), rather than through the servlet's non-blocking output, which costs more per write
 */
@ConfigurationProperties("roomwatch.stream")
record StreamSettings(
        @DefaultValue("2s") Duration retry,
        @DefaultValue("30s") Duration pingInterval,
        @DefaultValue("1024") int queueCapacity,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("1s") Duration housekeepingInterval,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("10m") Duration pruneInterval,
        @DefaultValue("500") int pruneBatch,
        @DefaultValue("5") int maxStreamsPerStaff,
        @DefaultValue("10") int connectsPerMinute,
        @DefaultValue("500") int readBatch,
        @DefaultValue("500") int maxPageSize,
        @DefaultValue("30s") Duration listenerMaxBackoff,
        Duration writeTimeout,
        @DefaultValue("64KB") DataSize sendBuffer,
        @DefaultValue("true") boolean framesToConnection) {

    StreamSettings {
        if (writeTimeout == null) {
            writeTimeout = pingInterval;
        }
    }
}
