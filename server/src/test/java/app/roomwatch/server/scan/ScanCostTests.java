package app.roomwatch.server.scan;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * What a scan costs the database: its scanner's limit and every statement and commit its lane sent, counted at the
 * JDBC driver. Each is a round trip that both the server and PostgreSQL spend CPU on, and SPEC 8's 2,000 durable
 * scans a second leave little of it (docs/operations.md, "Performance notes").
 */
@Import(ScanCostTests.CountingStatements.class)
class ScanCostTests extends ServerTest {

    /** What was sent: by which thread, and the statement (or {@code COMMIT}). */
    record Sent(long thread, String sql) {
        /** What it does: its first word, or for {@code WITH x AS (…)} the first word inside. */
        String verb() {
            String statement = sql.strip().replaceFirst("(?is)^WITH\\s+\\w+\\s+AS\\s*\\(\\s*", "");
            return statement.split("\\s+")[0].toUpperCase(Locale.ROOT);
        }
    }

    static final ConcurrentLinkedQueue<Sent> SENT = new ConcurrentLinkedQueue<>();

    @Test
    void aScanAloneIsFiveStatementsAndACommitPlusOneForItsScannersLimit() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        String tag = tenant.rfidTags().getFirst();
        // The first scans read the key, mark the scanner seen and the activity active: none of that on every scan.
        assertThat(scan(door, tag).status()).isEqualTo(200);
        assertThat(scan(door, tag).status()).isEqualTo(200);

        for (String result : List.of("checked_in", "checked_out")) {
            SENT.clear();
            Api.Response answer = scan(door, tag);
            assertThat(answer.json().get("result").asString()).isEqualTo(result);
            // The request's thread takes the limit, and records the scan too: its lane had nothing else to do.
            long lane = SENT.stream()
                    .filter(sent -> sent.sql().contains("INSERT INTO scan_request"))
                    .findFirst()
                    .orElseThrow()
                    .thread();
            List<Sent> scan = SENT.stream()
                    .filter(sent -> sent.thread() == lane || sent.sql().contains("rate_limit"))
                    .toList();
            assertThat(scan)
                    .as("what the %s scan sent", result)
                    .extracting(Sent::verb)
                    .containsExactly(
                            // The scanner's limit: one statement, its own transaction.
                            "INSERT",
                            // The student's lock; the room's activity locked (with the child's, were it elsewhere)
                            // and the child's open visit read with it.
                            "SELECT",
                            "SELECT",
                            // The visit opened or closed, with the room's new count; its two events; the key.
                            result.equals("checked_in") ? "INSERT" : "UPDATE",
                            "INSERT",
                            "INSERT",
                            "COMMIT");
        }
    }

    @Test
    void scansRecordedTogetherCostElevenStatementsAndTwoCommitsHoweverManyTheyAre() throws Exception {
        TestTenant tenant = tenants.create();
        String activity = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        List<String> tags = tenant.rfidTags();
        assertThat(scan(door, tags.get(4)).status()).isEqualTo(200);
        assertThat(scan(door, tags.get(4)).status()).isEqualTo(200);
        // In the batch, this child checks out while two others check in.
        assertThat(scan(door, tags.get(3)).status()).isEqualTo(200);

        // One scan keeps the lane waiting for the activity; three queue behind it and are recorded together.
        SENT.clear();
        List<Api.Response> answers = scansQueuedBehind(activity, door, tags.subList(0, 4));
        assertThat(answers).extracting(Api.Response::status).containsOnly(200);

        // The lone scan went on its request's thread; the batch on the lane's, once that scan let go of the lane.
        List<Long> recordedBy = SENT.stream()
                .filter(sent -> sent.sql().contains("INSERT INTO scan_request"))
                .map(Sent::thread)
                .toList();
        assertThat(recordedBy).hasSize(2).doesNotHaveDuplicates();
        assertThat(SENT.stream().filter(sent -> sent.thread() == recordedBy.getLast()))
                .extracting(Sent::verb)
                .containsExactly(
                        // The scanners' limits, in a transaction of their own: their buckets created if new, locked,
                        // and written back, each in one statement.
                        "INSERT",
                        "SELECT",
                        "UPDATE",
                        "COMMIT",
                        // The keys used before, then every child's lock in one statement.
                        "SELECT",
                        "SELECT",
                        // The activities locked, then the children's open visits with the rooms' counts.
                        "SELECT",
                        "SELECT",
                        // Every visit ended in one statement, every visit begun in one, every event in one.
                        "UPDATE",
                        "INSERT",
                        "INSERT",
                        // Every key with its answer in one statement, and one commit.
                        "INSERT",
                        "COMMIT");
    }

    /** Counts every statement and commit the application's pool sends. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountingStatements {

        @Bean
        static BeanPostProcessor countStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource pool && name.equals("dataSource") ? new Counting(pool) : bean;
                }
            };
        }
    }

    private static final class Counting extends DelegatingDataSource {

        Counting(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(super.getConnection(), Connection.class);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(super.getConnection(username, password), Connection.class);
        }

        private static <T> T counted(T target, Class<T> type) {
            InvocationHandler handler = (proxy, method, args) -> {
                String name = method.getName();
                if (name.equals("commit")) {
                    sent("COMMIT");
                } else if (name.startsWith("execute")
                        && args != null
                        && args.length > 0
                        && args[0] instanceof String sql) {
                    sent(sql);
                }
                try {
                    Object result = method.invoke(target, args);
                    if (name.equals("prepareStatement") && args[0] instanceof String sql) {
                        return preparedCounted((java.sql.PreparedStatement) result, sql);
                    }
                    if (name.equals("createStatement")) {
                        return counted((Statement) result, Statement.class);
                    }
                    return result;
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return type.cast(Proxy.newProxyInstance(Counting.class.getClassLoader(), new Class<?>[] {type}, handler));
        }

        private static java.sql.PreparedStatement preparedCounted(java.sql.PreparedStatement target, String sql) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().startsWith("execute") && (args == null || args.length == 0)) {
                    sent(sql);
                }
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (java.sql.PreparedStatement) Proxy.newProxyInstance(
                    Counting.class.getClassLoader(), new Class<?>[] {java.sql.PreparedStatement.class}, handler);
        }

        private static void sent(String sql) {
            SENT.add(new Sent(Thread.currentThread().threadId(), sql));
        }
    }
}
