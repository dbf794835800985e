package app.roomwatch.server.stream;

import app.roomwatch.model.event.Ping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one hub of this instance: a single dispatcher reads the log of every tenant after its position and hands each
 * event to the connections whose scope covers its topic: it writes the event's frame itself to a connection that is
 * caught up, and queues it for one that is not (see {@link StreamConnection}); it never waits for a client. Connections join at the hub's position
 * under its lock, so an event is either in the joining connection's replay (at or before that position) or
 * delivered to it live (after it), never both and never neither.
 */
@Component
class StreamHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

    /** How often scope changes are forgotten; a connect that takes longer than this reads its scope once more. */
    private static final Duration FORGET_SCOPE_CHANGES = Duration.ofMinutes(1);

    /** The first wait before reading the log again after a read failed; it doubles up to the listener's backoff. */
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);

    private final EventLogReader reader;
    private final StreamMetrics metrics;
    private final StreamSettings settings;
    private final Clock clock;
    private final Frames frames;

    private final ReentrantLock lock = new ReentrantLock();
    private final Semaphore wake = new Semaphore(0);
    /** Guarded by {@link #lock}. */
    private final Map<Long, TenantIndex> tenants = new HashMap<>();
    /** Guarded by {@link #lock}. */
    private final ScopeChanges scopeChanges = new ScopeChanges();

    private volatile Cursor position = Cursor.START;
    private volatile boolean running;
    private Thread dispatcher;
    private Thread housekeeper;

    StreamHub(EventLogReader reader, StreamMetrics metrics, StreamSettings settings, Clock clock, Frames frames) {
        this.reader = reader;
        this.frames = frames;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    /** The last position the hub has handed to its connections. */
    Cursor position() {
        return position;
    }

    /** Something may have been appended to the log: read it now rather than at the next poll. */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /**
     * Adds a connection, unless its staff member already holds the most streams allowed.
     *
     * @param scopeSeenAt the hub position read before the connection's scope was read from the database: when the
     *     staff member's scope changed in the log after it, that scope may be stale and the caller reads it again
     * @return the position it joined at, or empty when it must read its scope again
     * @throws StreamLimitException when the staff member has too many streams open
     */
    Optional<Cursor> join(StreamConnection connection, Cursor scopeSeenAt) {
        Scope scope = connection.scope();
        lock.lock();
        try {
            if (scopeChanges.changedAfter(scope.tenantId(), scope.staffId(), scopeSeenAt)) {
                return Optional.empty();
            }
            TenantIndex index = tenants.computeIfAbsent(scope.tenantId(), id -> new TenantIndex());
            if (index.ofStaff(scope.staffId()).size() >= settings.maxStreamsPerStaff()) {
                throw new StreamLimitException(
                        "At most " + settings.maxStreamsPerStaff() + " streams may be open per staff member",
                        settings.pingInterval());
            }
            index.add(connection);
            connection.nextPingAt = clock.instant().plus(settings.pingInterval());
            metrics.opened();
            return Optional.of(position);
        } finally {
            lock.unlock();
        }
    }

    /** The streams a staff member has open on this instance. */
    int openStreams(long tenantId, String staffId) {
        lock.lock();
        try {
            TenantIndex index = tenants.get(tenantId);
            return index == null ? 0 : index.ofStaff(staffId).size();
        } finally {
            lock.unlock();
        }
    }

    /** Removes a connection that has ended; harmless when already removed. */
    void leave(StreamConnection connection) {
        lock.lock();
        try {
            remove(connection);
        } finally {
            lock.unlock();
        }
    }

    /** Ends a staff member's streams: those of one session (logout) or, with no session, all of them (disable). */
    int endSessions(long tenantId, String staffId, String sessionId, String reason) {
        lock.lock();
        try {
            TenantIndex index = tenants.get(tenantId);
            if (index == null) {
                return 0;
            }
            var ending = new ArrayList<StreamConnection>();
            for (StreamConnection connection : index.ofStaff(staffId)) {
                if (sessionId == null || sessionId.equals(connection.sessionId())) {
                    ending.add(connection);
                }
            }
            ending.forEach(connection -> {
                connection.close(reason);
                remove(connection);
            });
            return ending.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        position = reader.head();
        running = true;
        dispatcher = Thread.ofPlatform().name("stream-hub").daemon().start(this::dispatch);
        housekeeper = Thread.ofPlatform().name("stream-housekeeping").daemon().start(this::keepHouse);
        log.info("Stream hub started at {}", position);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        housekeeper.interrupt();
        lock.lock();
        try {
            for (TenantIndex index : List.copyOf(tenants.values())) {
                for (StreamConnection connection : List.copyOf(index.all())) {
                    connection.close("shutdown");
                    remove(connection);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void dispatch() {
        Duration retry = null; // how long the last failed read waited, null after a read that worked
        while (running) {
            try {
                if (retry == null) {
                    wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
                wake.drainPermits();
                catchUp();
                retry = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database is away (restarting, say): nothing is lost, the log is read again from the same
                // position soon, without waiting for a wake-up that may have come and gone while it was away.
                retry = retry == null ? FIRST_RETRY : min(retry.multipliedBy(2), settings.listenerMaxBackoff());
                log.warn("Stream hub could not read the event log, retrying in {}: {}", retry, e.toString());
                sleepQuietly(retry);
            }
        }
    }

    private void catchUp() {
        while (running) {
            List<StoredEvent> batch = reader.readAll(position, settings.readBatch());
            if (batch.isEmpty()) {
                return;
            }
            lock.lock();
            try {
                deliver(batch);
                position = batch.getLast().cursor();
            } finally {
                lock.unlock();
            }
            metrics.read(batch.size());
            if (batch.size() < settings.readBatch()) {
                return;
            }
        }
    }

    /**
     * Under the lock: hands what was read from the log to its audiences, each connection's share of it in one offer,
     * so that events committed while the hub was busy go out to each client in one write.
     */
    private void deliver(List<StoredEvent> batch) {
        var reached = new ArrayList<StreamConnection>();
        var fallenBehind = new ArrayList<StreamConnection>();
        try {
            gather(batch, reached);
            // Connections that get the same events share one joined frame, as they share a lone event's frame.
            Map<List<StoredEvent>, byte[]> joined = new HashMap<>();
            for (StreamConnection connection : reached) {
                List<StoredEvent> events = connection.share;
                connection.share = null;
                byte[] frames = events.size() == 1
                        ? events.getFirst().frame()
                        : joined.computeIfAbsent(events, StoredEvent::joinedFrames);
                if (!connection.offer(events, frames)) {
                    fallenBehind.add(connection);
                }
            }
        } finally {
            // Should anything fail, the read is delivered again from the same position, with nothing left over.
            reached.forEach(connection -> connection.share = null);
        }
        for (StreamConnection connection : fallenBehind) {
            if (!connection.isClosed()) {
                connection.close("overflow");
                metrics.overflowed();
                log.info("Stream {} fell behind and was closed", connection.number());
            }
            remove(connection);
        }
    }

    /**
     * Under the lock: each connection's share of a read, in log order, into {@link StreamConnection#share}, and the
     * connections that got any into {@code reached}. An event's audience is taken at its own place in the log, after
     * the scope changes before it.
     */
    private void gather(List<StoredEvent> batch, List<StreamConnection> reached) {
        for (StoredEvent event : batch) {
            if (!event.isReadable()) {
                continue;
            }
            TenantIndex index = tenants.get(event.tenantId());
            if (index != null) {
                List<StoredEvent> alone = List.of(event);
                index.forEachInAudience(event.topic(), connection -> {
                    if (connection.share == null) {
                        // Most reads carry one event for a connection: the event's own list, shared by all of them.
                        connection.share = alone;
                        reached.add(connection);
                    } else {
                        if (connection.share.size() == 1) {
                            connection.share = new ArrayList<>(connection.share);
                        }
                        connection.share.add(event);
                    }
                });
            }
            scopeChanges.follow(event, index);
        }
    }

    private void keepHouse() {
        Instant forgetAt = clock.instant().plus(FORGET_SCOPE_CHANGES);
        Cursor forgetUpTo = position;
        while (running) {
            try {
                // A ping interval shorter than the housekeeping tick (tests, benchmarks) is still kept.
                Thread.sleep(min(settings.housekeepingInterval(), settings.pingInterval()));
            } catch (InterruptedException e) {
                return;
            }
            Instant now = clock.instant();
            long nowNanos = System.nanoTime();
            List<StreamConnection> all = new ArrayList<>();
            lock.lock();
            try {
                if (!now.isBefore(forgetAt)) {
                    // Forgets what the hub had read a minute ago, not now: joins in flight read their scope since.
                    scopeChanges.forgetUpTo(forgetUpTo);
                    forgetUpTo = position;
                    forgetAt = now.plus(FORGET_SCOPE_CHANGES);
                }
                tenants.values().forEach(index -> all.addAll(index.all()));
            } finally {
                lock.unlock();
            }
            // Off the hub's lock: a tick that pings thousands of streams must not hold up the events meanwhile (each
            // connection's own lock keeps a ping and an event from writing at once).
            List<StreamConnection> ended = new ArrayList<>();
            byte[] ping = null;
            for (StreamConnection connection : all) {
                if (!now.isBefore(connection.expiresAt())) {
                    connection.close("expired");
                    ended.add(connection);
                } else if (connection.writeStalled(nowNanos, settings.writeTimeout())) {
                    // A write has waited this long: the client stopped reading and the socket's buffers are full.
                    // Dropping the connection fails that write; the client resumes from its cursor.
                    connection.abort("stalled");
                    ended.add(connection);
                    metrics.stalled();
                    log.info("Stream {} stopped taking writes and was closed", connection.number());
                } else if (!now.isBefore(connection.nextPingAt)) {
                    // One frame for every stream pinged in this tick.
                    ping = ping == null ? frames.control(new Ping(now)) : ping;
                    connection.ping(ping);
                    connection.nextPingAt = now.plus(settings.pingInterval());
                }
            }
            if (!ended.isEmpty()) {
                lock.lock();
                try {
                    ended.forEach(this::remove);
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Under the lock. */
    private void remove(StreamConnection connection) {
        long tenant = connection.scope().tenantId();
        TenantIndex index = tenants.get(tenant);
        if (index != null && index.remove(connection)) {
            metrics.closed();
            if (index.isEmpty()) {
                tenants.remove(tenant);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
