package app.roomwatch.server.limit;

import java.sql.Types;
import java.util.List;
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

    /** A bucket as locked: its tokens as of {@code refilledAt} (microseconds). */
    record Bucket(String id, double tokens, long refilledAt) {}

    /** A bucket's new state, to {@link #store}. */
    record Stored(String id, double tokens, long refilledAt, long fullAt) {}

    /**
     * Creates those of these buckets that are absent, full, in id order, so that {@link #lock} finds every one; a
     * bucket another transaction is creating is waited for.
     */
    void create(List<String> ids, long capacity, long now) {
        jdbc.sql("""
                        INSERT INTO rate_limit (id, tokens, refilled_at, full_at)
                        SELECT u.id, :capacity, :now, :now FROM unnest(:ids) AS u (id) ORDER BY u.id
                        ON CONFLICT (id) DO NOTHING
                        """)
                .param("ids", ids.toArray(String[]::new), Types.ARRAY)
                .param("capacity", capacity)
                .param("now", now)
                .update();
    }

    /**
     * Locks these buckets, in id order (so that two such locks never wait for each other in a circle); the caller's
     * transaction then commits without waiting for the disk.
     */
    List<Bucket> lock(List<String> ids) {
        return jdbc.sql("""
                        SELECT id, tokens, refilled_at, set_config('synchronous_commit', 'off', true) FROM rate_limit
                        WHERE id = ANY(:ids) ORDER BY id FOR UPDATE
                        """)
                .param("ids", ids.toArray(String[]::new), Types.ARRAY)
                .query((rs, n) -> new Bucket(rs.getString(1), rs.getDouble(2), rs.getLong(3)))
                .list();
    }

    /** Writes locked buckets' new states in one statement. */
    void store(List<Stored> buckets) {
        jdbc.sql("""
                        UPDATE rate_limit b SET tokens = u.tokens, refilled_at = u.refilled_at, full_at = u.full_at
                        FROM unnest(:ids, :tokens, :refilled, :full) AS u (id, tokens, refilled_at, full_at)
                        WHERE b.id = u.id
                        """)
                .param("ids", buckets.stream().map(Stored::id).toArray(String[]::new), Types.ARRAY)
                .param("tokens", buckets.stream().map(Stored::tokens).toArray(Double[]::new), Types.ARRAY)
                .param("refilled", buckets.stream().map(Stored::refilledAt).toArray(Long[]::new), Types.ARRAY)
                .param("full", buckets.stream().map(Stored::fullAt).toArray(Long[]::new), Types.ARRAY)
                .update();
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
