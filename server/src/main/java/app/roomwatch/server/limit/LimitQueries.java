package app.roomwatch.server.limit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the {@code rate_limit} table: one token bucket per row, changed by one statement each, in a transaction
 * of its own that commits without waiting for the disk ({@code synchronous_commit} off for that transaction alone).
 * Times are microseconds on the instances' clocks; a bucket refills {@code perMicro} tokens a microsecond up to its
 * {@code capacity}.
 */
@Component
class LimitQueries {

    /**
     * What {@link #take} saw: whether a token was taken, and the tokens the bucket held before (as of the statement's
     * start, refilled to {@code now}), from which the wait of a refused one follows.
     */
    record Taken(boolean taken, double available) {}

    private final JdbcClient jdbc;

    LimitQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes one token from bucket {@code id} if it holds one, atomically on every instance: the insert or the update
     * holds the row's lock only while the statement runs. An absent bucket is a full one. A bucket without a token is
     * left as it was.
     */
    Taken take(String id, long capacity, double perMicro, long now) {
        return jdbc.sql("""
                        WITH taken AS (
                            INSERT INTO rate_limit AS b (id, tokens, refilled_at, full_at)
                            VALUES (:id, CAST(:capacity AS double precision) - 1, :now,
                                    :now + CAST(ceil(1 / CAST(:perMicro AS double precision)) AS bigint))
                            ON CONFLICT (id) DO UPDATE SET
                                tokens = least(:capacity, b.tokens + greatest(0, :now - b.refilled_at) * :perMicro) - 1,
                                refilled_at = greatest(b.refilled_at, :now),
                                full_at = greatest(b.refilled_at, :now) + CAST(ceil((:capacity
                                    - (least(:capacity, b.tokens + greatest(0, :now - b.refilled_at) * :perMicro) - 1))
                                    / :perMicro) AS bigint)
                            WHERE least(:capacity, b.tokens + greatest(0, :now - b.refilled_at) * :perMicro) >= 1
                            RETURNING 1)
                        SELECT set_config('synchronous_commit', 'off', true),
                               EXISTS (SELECT FROM taken),
                               (SELECT least(:capacity, b.tokens + greatest(0, :now - b.refilled_at) * :perMicro)
                                FROM rate_limit b WHERE b.id = :id)
                        """)
                .param("id", id)
                .param("capacity", capacity)
                .param("perMicro", perMicro)
                .param("now", now)
                .query((rs, n) -> new Taken(rs.getBoolean(2), rs.getObject(3) == null ? capacity : rs.getDouble(3)))
                .single();
    }

    /** Puts one token back into bucket {@code id}, no more than its capacity; an absent bucket is full already. */
    void giveBack(String id, long capacity, double perMicro, long now) {
        jdbc.sql("""
                        WITH given AS (
                            UPDATE rate_limit b SET
                                tokens = least(:capacity, b.tokens + greatest(0, :now - b.refilled_at) * :perMicro + 1),
                                refilled_at = greatest(b.refilled_at, :now),
                                full_at = greatest(b.refilled_at, :now) + CAST(ceil(greatest(0, :capacity
                                    - (b.tokens + greatest(0, :now - b.refilled_at) * :perMicro + 1)) / :perMicro)
                                    AS bigint)
                            WHERE b.id = :id
                            RETURNING 1)
                        SELECT set_config('synchronous_commit', 'off', true), (SELECT count(*) FROM given)
                        """)
                .param("id", id)
                .param("capacity", capacity)
                .param("perMicro", perMicro)
                .param("now", now)
                .query((rs, n) -> rs.getLong(2))
                .single();
    }

    /** Deletes up to {@code batch} buckets that were full again before {@code before}: no different from absent. */
    int removeFull(long before, int batch) {
        return jdbc.sql("""
                        DELETE FROM rate_limit WHERE id IN (
                            SELECT id FROM rate_limit WHERE full_at < :before LIMIT :batch)
                          AND full_at < :before
                        """).param("before", before).param("batch", batch).update();
    }
}
