package app.roomwatch.server.stream;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The open streams of each staff member over every instance: each stream holds a row in {@code stream_slot} from
 * before it joins the hub until it ends, and a connect finds at most {@code max-streams-per-staff} rows of
 * live instances. An instance marks itself alive in {@code stream_instance} every few seconds; the rows of one that
 * stopped doing so (it crashed) no longer count after {@link #STALE}, and are deleted later.
 */
@Component
class StreamSlots implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamSlots.class);

    /** How often this instance says it is alive. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    /** An instance silent this long is taken for gone: its streams no longer count. */
    static final Duration STALE = Duration.ofSeconds(45);

    /** Rows of an instance silent this long are deleted. */
    private static final Duration FORGET = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final StreamSettings settings;
    private final UUID instance = UUID.randomUUID();
    private volatile boolean running;
    private Thread heartbeat;

    StreamSlots(JdbcClient jdbc, TransactionTemplate transactions, StreamSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
    }

    /**
     * Takes a slot for stream {@code number} of a staff member.
     *
     * @throws StreamLimitException when the staff member holds the most streams allowed on all instances together
     */
    void claim(long tenantId, String staffId, long number) {
        Boolean taken = transactions.execute(status -> {
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
            // One staff member's connects queue here, on any instance; others pass by.
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('stream-slot:' || :tenant || ':' || :staff, 0))")
                    .param("tenant", tenantId)
                    .param("staff", staffId)
                    .query((rs, n) -> 1)
                    .list();
            long open = jdbc.sql("""
                            SELECT count(*) FROM stream_slot s JOIN stream_instance i ON i.id = s.instance
                            WHERE s.tenant_id = :tenant AND s.staff_id = :staff
                              AND i.seen_at > now() - make_interval(secs => :stale)
                            """)
                    .param("tenant", tenantId)
                    .param("staff", Long.parseLong(staffId))
                    .param("stale", STALE.toSeconds())
                    .query(Long.class)
                    .single();
            if (open >= settings.maxStreamsPerStaff()) {
                return false;
            }
            jdbc.sql("""
                            INSERT INTO stream_slot (instance, connection, tenant_id, staff_id)
                            VALUES (:instance, :number, :tenant, :staff)
                            """)
                    .param("instance", instance)
                    .param("number", number)
                    .param("tenant", tenantId)
                    .param("staff", Long.parseLong(staffId))
                    .update();
            return true;
        });
        if (!Boolean.TRUE.equals(taken)) {
            throw new StreamLimitException(
                    "At most " + settings.maxStreamsPerStaff() + " streams may be open per staff member",
                    settings.pingInterval());
        }
    }

    /** Gives stream {@code number}'s slot back; harmless when it holds none. */
    void release(long number) {
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("SET LOCAL synchronous_commit = off").update();
                jdbc.sql("DELETE FROM stream_slot WHERE instance = :instance AND connection = :number")
                        .param("instance", instance)
                        .param("number", number)
                        .update();
            });
        } catch (RuntimeException e) {
            // The row stays until this instance stops or is taken for gone; meanwhile it counts one stream too many.
            log.warn("Could not release the slot of stream {}: {}", number, e.toString());
        }
    }

    @Override
    public void start() {
        beat();
        running = true;
        heartbeat = Thread.ofPlatform().name("stream-slots").daemon().start(() -> {
            while (running) {
                try {
                    Thread.sleep(HEARTBEAT);
                    beat();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("Could not mark this instance's streams alive: {}", e.toString());
                }
            }
        });
    }

    private void beat() {
        jdbc.sql("""
                        INSERT INTO stream_instance (id, seen_at) VALUES (:instance, now())
                        ON CONFLICT (id) DO UPDATE SET seen_at = now()
                        """).param("instance", instance).update();
        jdbc.sql("DELETE FROM stream_instance WHERE seen_at < now() - make_interval(secs => :forget)")
                .param("forget", FORGET.toSeconds())
                .update();
        jdbc.sql("""
                        DELETE FROM stream_slot s
                        WHERE NOT EXISTS (SELECT 1 FROM stream_instance i WHERE i.id = s.instance)
                        """).update();
    }

    @Override
    public void stop() {
        running = false;
        heartbeat.interrupt();
        try {
            jdbc.sql("DELETE FROM stream_slot WHERE instance = :instance")
                    .param("instance", instance)
                    .update();
            jdbc.sql("DELETE FROM stream_instance WHERE id = :instance")
                    .param("instance", instance)
                    .update();
        } catch (RuntimeException e) {
            log.info("Could not remove this instance's stream slots; other instances ignore them after {}", STALE);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the hub, which ends the streams first. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }
}
