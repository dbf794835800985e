package app.roomwatch.server.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roomwatch.model.event.ActivityEnded;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

class EventLogTests extends ServerTest {

    @Autowired
    EventLog eventLog;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JsonMapper json;

    @Test
    void refusesToAppendOutsideATransaction() {
        long tenant = tenants.create().id();
        assertThatThrownBy(() -> eventLog.append(tenant, Topic.TENANT, new ActivityEnded("1", "2")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void writesTheEventWithTheClocksTimeAndTellsTheListenersOncePerCommittedTransaction() {
        long tenant = tenants.create().id();
        clock.advance(Duration.ofMinutes(1));
        Instant now = clock.instant();
        AtomicInteger told = new AtomicInteger();
        EventLog log = new EventLog(jdbc, json, clock, List.of(told::incrementAndGet));

        transactions.executeWithoutResult(status -> {
            log.append(tenant, Topic.TENANT, new ActivityEnded("41", "7"));
            status.setRollbackOnly();
        });
        assertThat(told).hasValue(0);
        transactions.executeWithoutResult(status -> {
            log.append(tenant, Topic.activeGroup("42"), new ActivityEnded("42", "7"));
            assertThat(told).as("not before the commit").hasValue(0);
            log.append(tenant, Topic.activeGroup("43"), new ActivityEnded("43", "7"));
        });
        assertThat(told).as("once for a transaction with two events").hasValue(1);

        var rows = jdbc.sql("SELECT topic, type, version, payload::text, emitted_at, tx_id::text FROM event"
                        + " WHERE tenant_id = :tenant ORDER BY id")
                .param("tenant", tenant)
                .query((rs, n) -> List.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant().toString(),
                        rs.getString(6)))
                .list();
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst().subList(0, 3)).containsExactly("active-group:42", "activity_end", "1");
        assertThat(rows.getFirst().get(3)).contains("\"activeGroupId\": \"42\"", "\"roomId\": \"7\"");
        assertThat(rows.getFirst().get(4)).isEqualTo(now.toString());
        assertThat(rows.getFirst().get(5)).isNotBlank().isEqualTo(rows.get(1).get(5));
    }

    @Test
    void theServersOwnListenersNotifyOtherInstancesAfterTheCommit() throws Exception {
        long tenant = tenants.create().id();
        try (Connection listener = DriverManager.getConnection(TestDatabase.jdbcUrl());
                Statement listen = listener.createStatement()) {
            listen.execute("LISTEN " + EventLog.CHANNEL);
            PGConnection pg = listener.unwrap(PGConnection.class);

            transactions.executeWithoutResult(
                    status -> eventLog.append(tenant, Topic.activeGroup("42"), new ActivityEnded("42", "7")));

            PGNotification[] woken = pg.getNotifications(5_000);
            assertThat(woken).isNotNull().isNotEmpty();
            assertThat(woken[0].getParameter()).isNotBlank();
        }
    }
}
