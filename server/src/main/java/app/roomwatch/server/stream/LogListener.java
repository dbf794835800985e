package app.roomwatch.server.stream;

import app.roomwatch.server.auth.SessionControl;
import app.roomwatch.server.event.ControlChannel;
import app.roomwatch.server.event.EventLog;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on PostgreSQL's {@code roomwatch_events} and {@code roomwatch_control} channels on a connection of its own,
 * outside the pool. A notification only wakes the hub early; the hub's periodic read is what guarantees delivery, so
 * a lost notification or a lost connection (re-opened with backoff) only delays events.
 */
@Component
class LogListener implements SmartLifecycle {

    static final String APPLICATION_NAME = "roomwatch-stream-listener";

    private static final Logger log = LoggerFactory.getLogger(LogListener.class);

    private final DataSource dataSource;
    private final StreamHub hub;
    private final StreamSettings settings;
    private final JsonMapper json;
    private final LogNotifier notifier;
    private final ApplicationEventPublisher publisher;

    private volatile boolean running;
    private volatile int backendPid;
    private volatile Connection connection;
    private Thread thread;

    LogListener(
            DataSource dataSource,
            StreamHub hub,
            StreamSettings settings,
            JsonMapper json,
            LogNotifier notifier,
            ApplicationEventPublisher publisher) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.hub = hub;
        this.settings = settings;
        this.json = json;
        this.notifier = notifier;
    }

    /** The PostgreSQL backend of the listening connection, 0 while there is none. */
    int backendPid() {
        return backendPid;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("stream-listener").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                // Closing anyway.
            }
        }
        thread.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the hub (which stops first, at the same phase, being started later) and before the pool. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try (Connection listening = open();
                    Statement statement = listening.createStatement()) {
                connection = listening;
                statement.execute("LISTEN " + EventLog.CHANNEL);
                statement.execute("LISTEN " + SessionControl.CHANNEL);
                try (var pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                    pid.next();
                    backendPid = pid.getInt(1);
                }
                // Whatever was appended while no one listened is in the log: read it now.
                hub.wake();
                // Control notices sent while no one listened are lost: whatever was kept on their word is forgotten.
                publisher.publishEvent(new ControlChannel.Hearing(true));
                backoff = Duration.ofMillis(100);
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications =
                            pg.getNotifications((int) settings.pollInterval().toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            try {
                                on(notification);
                            } catch (RuntimeException e) {
                                // A malformed control message must not cost the listening connection.
                                log.warn("Ignored a notification on {}: {}", notification.getName(), e.toString());
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                backendPid = 0;
                if (!running) {
                    return;
                }
                publisher.publishEvent(new ControlChannel.Hearing(false));
                log.warn("Lost the connection listening for events, reconnecting in {}: {}", backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(settings.listenerMaxBackoff()) > 0
                        ? settings.listenerMaxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void on(PGNotification notification) {
        if (EventLog.CHANNEL.equals(notification.getName())) {
            // This instance's own commits woke its hub already.
            if (!notifier.instance().equals(notification.getParameter())) {
                hub.wake();
            }
        } else if (SessionControl.CHANNEL.equals(notification.getName())) {
            JsonNode message = json.readTree(notification.getParameter());
            if (!"sessions_ended".equals(message.path("type").asString())) {
                publisher.publishEvent(new ControlChannel.Notice(message));
            } else {
                JsonNode session = message.path("sessionId");
                int ended = hub.endSessions(
                        Long.parseLong(message.path("tenantId").asString()),
                        message.path("staffId").asString(),
                        session.isNull() || session.isMissingNode() ? null : session.asString(),
                        message.path("reason").asString("sessions_ended"));
                log.info(
                        "Sessions of staff {} ended ({}): {} streams closed",
                        message.path("staffId").asString(),
                        message.path("reason").asString(),
                        ended);
            }
        }
    }

    /**
     * A connection of its own, so that it neither holds a pooled connection forever nor dies with the pool's
     * maintenance; with a pool other than Hikari, one borrowed for good.
     */
    private Connection open() throws SQLException {
        HikariDataSource hikari =
                dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        if (hikari == null || hikari.getJdbcUrl() == null) {
            return dataSource.getConnection();
        }
        var properties = new Properties();
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
    }
}
