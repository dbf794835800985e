package app.roomwatch.server.limit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's pool, for transactions that need not wait for their commit to reach the disk: each transaction
 * begun on these connections sets {@code synchronous_commit = off} for itself alone ({@code SET LOCAL}), so the
 * connection goes back to the pool as durable as it came.
 */
final class UnsyncedCommits extends DelegatingDataSource {

    UnsyncedCommits(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return unsynced(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return unsynced(super.getConnection(username, password));
    }

    private static Connection unsynced(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                Object result = method.invoke(connection, args);
                if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET LOCAL synchronous_commit = off");
                    }
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(
                UnsyncedCommits.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }
}
