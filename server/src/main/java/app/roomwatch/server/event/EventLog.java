package app.roomwatch.server.event;

import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.EventPayload;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the events of SPEC section 5 into the durable log, inside the transaction of the change they report, so
 * that a change and its events commit together or not at all. PostgreSQL then wakes every instance's stream with a
 * {@code NOTIFY roomwatch_events '<tenantId>'}, which it delivers on commit only and collapses per transaction.
 */
@Component
public class EventLog {

    /** The channel every instance LISTENs on; the payload is the tenant id whose log grew. */
    public static final String CHANNEL = "roomwatch_events";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    EventLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Appends one event in the current transaction.
     *
     * @param topic {@code tenant}, {@code staff:{id}} or {@code active-group:{id}}, built with
     *     {@link app.roomwatch.model.event.Topic}
     * @throws IllegalStateException when called outside a transaction: an event written on its own could survive a
     *     change that rolled back, or be lost with one that committed
     */
    public void append(long tenantId, String topic, EventPayload payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("EventLog.append must run inside the transaction of the change it reports ("
                    + payload.type() + ")");
        }
        // One statement, one round trip: a scan appends two events while it holds its active group's row lock,
        // so every round trip saved here is time other scans of that room do not wait.
        jdbc.sql("""
                        WITH appended AS (
                            INSERT INTO event (tenant_id, topic, type, version, payload, emitted_at)
                            VALUES (:tenant, :topic, :type, :version, CAST(:payload AS jsonb), :emittedAt)
                            RETURNING tenant_id)
                        SELECT pg_notify(:channel, tenant_id::text) FROM appended
                        """)
                .param("tenant", tenantId)
                .param("topic", topic)
                .param("type", payload.type())
                .param("version", EventEnvelope.CURRENT_VERSION)
                .param("payload", json.writeValueAsString(payload))
                .param("emittedAt", Timestamp.from(clock.instant()))
                .param("channel", CHANNEL)
                .query((rs, n) -> 1)
                .single();
    }
}
