package app.roomwatch.server.database;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the features' query classes ask of a statement alike. */
public final class Rows {

    private Rows() {}

    /** Whether a {@code SELECT count(*) …} counts any row. */
    public static boolean exist(JdbcClient.StatementSpec count) {
        return count.query(Long.class).single() > 0;
    }
}
