package app.roomwatch.server.stream;

import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.EventPage;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.auth.TokenStanding;
import app.roomwatch.server.web.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;

/**
 * Opens a staff member's stream (replay from their cursor, then live) and answers the polling fallback with the
 * same events, scope and cursors.
 */
@Service
class EventStream {

    /** Attempts at joining before taking the scope as read (each retry means the scope changed meanwhile). */
    private static final int JOIN_ATTEMPTS = 5;

    static final String RESET_UNKNOWN = "unknown_cursor";
    static final String RESET_EXPIRED = "cursor_expired";

    private final StreamHub hub;
    private final EventLogReader log;
    private final SupervisedGroups supervision;
    private final TokenStanding standing;
    private final StreamLimits limits;
    private final StreamSlots slots;
    private final StreamSettings settings;
    private final StreamConnection.Writing writing;
    private final AtomicLong numbers = new AtomicLong();

    EventStream(
            StreamHub hub,
            EventLogReader log,
            SupervisedGroups supervision,
            TokenStanding standing,
            StreamLimits limits,
            StreamSlots slots,
            StreamSettings settings,
            Frames frames,
            StreamMetrics metrics,
            Clock clock) {
        this.hub = hub;
        this.log = log;
        this.supervision = supervision;
        this.standing = standing;
        this.limits = limits;
        this.slots = slots;
        this.settings = settings;
        this.writing = new StreamConnection.Writing(
                frames, log, metrics, clock, settings.retry(), settings.readBatch(), this::ended);
    }

    /**
     * Opens a stream into {@code sink}: after {@code lastEventId} when given and resumable, else from now on with a
     * {@code reset} frame when a cursor was given but can not be resumed.
     *
     * @throws StreamLimitException when the staff member connects too often or has too many streams open
     */
    StreamConnection open(StaffPrincipal staff, Optional<String> lastEventId, FrameSink sink) {
        limits.attempt(staff.tenantId() + ":" + staff.staffKey());
        Optional<Cursor> resumeAfter = Optional.empty();
        Optional<String> reset = Optional.empty();
        if (lastEventId.isPresent()) {
            Optional<Cursor> cursor = Cursor.parse(lastEventId.get());
            if (cursor.isEmpty()) {
                reset = Optional.of(RESET_UNKNOWN);
            } else if (!log.canResume(staff.tenantId(), cursor.get())) {
                reset = Optional.of(RESET_EXPIRED);
            } else {
                resumeAfter = cursor;
            }
        }
        // Without a resumable cursor the stream starts at the end of the log as of now, read from the database:
        // the hub may not have dispatched the latest commits yet, and they happened before this connect.
        Cursor startAfter = resumeAfter.orElseGet(() -> log.head(staff.tenantId()));
        long number = numbers.incrementAndGet();
        // Counted over every instance; the hub's own count below holds the same for this instance alone.
        slots.claim(staff.tenantId(), staff.staffKey(), number);
        try {
            for (int attempt = 1; ; attempt++) {
                Cursor seen = hub.position();
                var connection = new StreamConnection(
                        number, scopeOf(staff), staff.sessionId(), staff.expiresAt(), settings.queueCapacity(), sink);
                Optional<Cursor> joinedAt = hub.join(connection, attempt < JOIN_ATTEMPTS ? seen : Cursor.END);
                if (joinedAt.isPresent()) {
                    refuseEndedSessions(staff, connection);
                    connection.start(new StreamConnection.Opening(startAfter, joinedAt.get(), reset), writing);
                    return connection;
                }
            }
        } catch (RuntimeException e) {
            slots.release(number);
            throw e;
        }
    }

    /**
     * A stream has ended: it leaves the hub and gives its slot back. Not on the caller's thread: a stream ends on
     * Jetty's threads (its client went, a write failed) and on the hub's own, none of which may wait for the hub's
     * lock or the database.
     */
    private void ended(StreamConnection connection) {
        long number = connection.number();
        Thread.ofVirtual().name("stream-end-" + number).start(() -> {
            hub.leave(connection);
            if (hub.isRunning()) {
                slots.release(number);
            }
            // Shutting down: StreamSlots drops all of this instance's slots at once when it stops.
        });
    }

    /**
     * An access token outlives a logout, a disabled account or a changed role by up to its lifetime. Checked after joining the hub:
     * the notice that closes a session's streams is sent in the transaction that ends it, so either this check sees
     * that transaction, or the notice arrives after the join and closes this connection like the others.
     */
    private void refuseEndedSessions(StaffPrincipal staff, StreamConnection joined) {
        Optional<TokenStanding.Lapse> lapse = standing.lapse(staff, session(staff.sessionId()));
        if (lapse.isPresent()) {
            hub.leave(joined);
            throw switch (lapse.get()) {
                case DISABLED -> ApiException.forbidden("This account is disabled");
                case SESSION_ENDED -> ApiException.unauthorized("This session has ended; sign in again");
                case ROLE_CHANGED ->
                    ApiException.unauthorized("This account's role has changed; renew the token or sign in again");
            };
        }
    }

    /** The token's session, when it names one; a token without one is checked by its account only. */
    private static Optional<UUID> session(String sessionId) {
        try {
            return Optional.ofNullable(sessionId).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The polling fallback: up to {@code limit} events of the caller's scope after {@code after}. */
    EventPage page(StaffPrincipal staff, Optional<String> after, int limit) {
        if (after.isEmpty()) {
            return new EventPage(List.of(), log.head(staff.tenantId()).toString(), false);
        }
        Optional<Cursor> cursor = Cursor.parse(after.get());
        if (cursor.isEmpty() || !log.canResume(staff.tenantId(), cursor.get())) {
            return new EventPage(List.of(), log.head(staff.tenantId()).toString(), true);
        }
        List<StoredEvent> read = log.readScope(scopeOf(staff), cursor.get(), Optional.empty(), limit);
        List<EventEnvelope> events = read.stream()
                .filter(StoredEvent::isReadable)
                .map(StoredEvent::envelope)
                .toList();
        String next = read.isEmpty()
                ? cursor.get().toString()
                : read.getLast().cursor().toString();
        return new EventPage(events, next, false);
    }

    private Scope scopeOf(StaffPrincipal staff) {
        Set<String> groups = staff.isAdmin() ? Set.of() : supervision.of(staff.tenantId(), staff.staffId());
        return new Scope(staff.tenantId(), staff.staffKey(), staff.isAdmin(), groups);
    }
}
