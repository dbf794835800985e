package app.roomwatch.server.event;

import app.roomwatch.model.event.EventEnvelope;
import app.roomwatch.model.event.EventPayload;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the events of SPEC section 5 into the durable log, inside the transaction of the change they report, so
 * that a change and its events commit together or not at all. Once such a transaction has committed, the
 * {@link LogCommitListener}s are told (once per transaction): they wake this instance's stream and the others'.
 *
 * <p>The writing transaction itself sends no {@code NOTIFY}: PostgreSQL lets only one notifying transaction commit
 * at a time (it holds a database-wide lock through the commit's WAL flush), which would queue every scan of every
 * room behind every other's flush.
 */
@Component
public class EventLog {

    /** The channel every instance LISTENs on; the payload names the instance whose writers appended. */
    public static final String CHANNEL = "roomwatch_events";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final List<LogCommitListener> listeners;

    EventLog(JdbcClient jdbc, JsonMapper json, Clock clock, List<LogCommitListener> listeners) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    /** One event to append: its topic and its payload. */
    public record Entry(String topic, EventPayload payload) {}

    /**
     * Appends one event in the current transaction.
     *
     * @param topic {@code tenant}, {@code staff:{id}} or {@code active-group:{id}}, built with
     *     {@link app.roomwatch.model.event.Topic}
     * @throws IllegalStateException when called outside a transaction: an event written on its own could survive a
     *     change that rolled back, or be lost with one that committed
     */
    public void append(long tenantId, String topic, EventPayload payload) {
        append(tenantId, List.of(new Entry(topic, payload)));
    }

    /**
     * Appends events in the current transaction, in this order, with one statement: a scan appends two while it
     * holds its room's activity locked, and every round trip saved is time other scans of that room do not wait.
     *
     * @throws IllegalStateException when called outside a transaction
     */
    public void append(long tenantId, List<Entry> entries) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("EventLog.append must run inside the transaction of the change it reports ("
                    + entries.stream().map(e -> e.payload().type()).toList() + ")");
        }
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder sql =
                new StringBuilder("INSERT INTO event (tenant_id, topic, type, version, payload, emitted_at) VALUES ");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        params.put("version", EventEnvelope.CURRENT_VERSION);
        params.put("emittedAt", Timestamp.from(clock.instant()));
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            sql.append(i == 0 ? "" : ", ")
                    .append("(:tenant, :topic%1$d, :type%1$d, :version, CAST(:payload%1$d AS jsonb), :emittedAt)"
                            .formatted(i));
            params.put("topic" + i, entry.topic());
            params.put("type" + i, entry.payload().type());
            params.put("payload" + i, json.writeValueAsString(entry.payload()));
        }
        jdbc.sql(sql.toString()).params(params).update();
        if (TransactionSynchronizationManager.getSynchronizations().stream().noneMatch(AfterCommit.class::isInstance)) {
            TransactionSynchronizationManager.registerSynchronization(new AfterCommit());
        }
    }

    /** Tells the listeners once the transaction committed; one per transaction, however many events it appended. */
    private final class AfterCommit implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            listeners.forEach(LogCommitListener::logCommitted);
        }
    }
}
