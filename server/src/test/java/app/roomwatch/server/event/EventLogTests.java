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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class EventLogTests extends ServerTest {

    @Autowired
    EventLog eventLog;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void refusesToAppendOutsideATransaction() {
        long tenant = tenants.create().id();
        assertThatThrownBy(() -> eventLog.append(tenant, Topic.TENANT, new ActivityEnded("1", "2")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void writesTheEventWithTheClocksTimeAndNotifiesOnCommitOnly() throws Exception {
        long tenant = tenants.create().id();
        clock.advance(Duration.ofMinutes(1));
        Instant now = clock.instant();
        try (Connection listener = DriverManager.getConnection(TestDatabase.jdbcUrl());
                Statement listen = listener.createStatement()) {
            listen.execute("LISTEN " + EventLog.CHANNEL);
            PGConnection pg = listener.unwrap(PGConnection.class);

            transactions.executeWithoutResult(status -> {
                eventLog.append(tenant, Topic.TENANT, new ActivityEnded("41", "7"));
                status.setRollbackOnly();
            });
            transactions.executeWithoutResult(
                    status -> eventLog.append(tenant, Topic.activeGroup("42"), new ActivityEnded("42", "7")));

            List<String> woken = Arrays.stream(pg.getNotifications(5_000))
                    .map(PGNotification::getParameter)
                    .toList();
            assertThat(woken).containsExactly(Long.toString(tenant));
        }
        var rows = jdbc.sql("SELECT topic, type, version, payload::text, emitted_at, tx_id::text FROM event"
                        + " WHERE tenant_id = :tenant")
                .param("tenant", tenant)
                .query((rs, n) -> List.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant().toString(),
                        rs.getString(6)))
                .list();
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().subList(0, 3)).containsExactly("active-group:42", "activity_end", "1");
        assertThat(rows.getFirst().get(3)).contains("\"activeGroupId\": \"42\"", "\"roomId\": \"7\"");
        assertThat(rows.getFirst().get(4)).isEqualTo(now.toString());
        assertThat(rows.getFirst().get(5)).isNotBlank();
    }
}
