package app.roomwatch.server.scan;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.ScanRequest;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Group commit (decision 0019): scans that queue while their lane is busy are recorded in one transaction, each as
 * if alone. Every test holds the room's activity locked from here, so that a first scan keeps its lane waiting while
 * the others queue behind it, then lets go.
 */
class ScanLanesTests extends ServerTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private MeterRegistry meterRegistry;

    @Test
    void scansThatQueueWhileTheirLaneIsBusyCommitTogetherEachCountedInTurn() throws Exception {
        TestTenant tenant = tenants.create();
        String activity = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        List<String> tags = tenant.rfidTags();

        try (ExecutorService pool = Executors.newCachedThreadPool();
                Connection hold = holdActivity(activity)) {
            Future<Api.Response> first =
                    pool.submit(() -> scan(door, UUID.randomUUID().toString(), tags.get(0)));
            waitUntilWaitingForLocks(1);
            List<Future<Api.Response>> queued = tags.subList(1, 5).stream()
                    .map(tag -> pool.submit(() -> scan(door, UUID.randomUUID().toString(), tag)))
                    .toList();
            waitUntilQueued(4);
            hold.rollback();

            assertThat(first.get().json().get("result").asString()).isEqualTo("checked_in");
            for (Future<Api.Response> answer : queued) {
                assertThat(answer.get().status()).isEqualTo(200);
                assertThat(answer.get().json().get("result").asString()).isEqualTo("checked_in");
            }
        }
        // Five visits in two transactions: the first scan's, and the four that queued behind it.
        assertThat(jdbc.sql("SELECT count(DISTINCT xmin::text) FROM visit WHERE tenant_id = :tenant")
                        .param("tenant", tenant.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        // Each counted in turn under the room's lock, as if recorded alone.
        assertThat(events(tenant.id(), "room_occupancy").stream()
                        .map(e -> e.data().get("occupancy").asInt()))
                .containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aBatchAnswersRetriesAndReusedKeysAsScansRecordedAloneWould() throws Exception {
        TestTenant tenant = tenants.create();
        String activity = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        List<String> tags = tenant.rfidTags();
        Api.Response committed = scan(door, "first", tags.get(0));
        assertThat(committed.status()).isEqualTo(200);

        try (ExecutorService pool = Executors.newCachedThreadPool();
                Connection hold = holdActivity(activity)) {
            Future<Api.Response> lone = pool.submit(() -> scan(door, "lone", tags.get(4)));
            waitUntilWaitingForLocks(1);
            // A retry of a committed scan, that key reused for another child, and one new scan sent twice at once.
            Future<Api.Response> retry = pool.submit(() -> scan(door, "first", tags.get(0)));
            Future<Api.Response> reused = pool.submit(() -> scan(door, "first", tags.get(1)));
            Future<Api.Response> twice = pool.submit(() -> scan(door, "twice", tags.get(2)));
            Future<Api.Response> twiceAgain = pool.submit(() -> scan(door, "twice", tags.get(2)));
            Future<Api.Response> other = pool.submit(() -> scan(door, "other", tags.get(3)));
            waitUntilQueued(5);
            hold.rollback();

            assertThat(lone.get().status()).isEqualTo(200);
            assertThat(retry.get().body()).isEqualTo(committed.body());
            assertThat(reused.get().status()).isEqualTo(422);
            assertThat(twice.get().status()).isEqualTo(200);
            assertThat(twiceAgain.get().body()).isEqualTo(twice.get().body());
            assertThat(other.get().status()).isEqualTo(200);
        }
        // Every child checked in once: the retry did not check the first child out, the repeat did not toggle back.
        assertThat(events(tenant.id(), "student_checkin").stream().map(e -> e.field("studentId")))
                .containsExactlyInAnyOrder(
                        tenant.studentIds().get(0),
                        tenant.studentIds().get(4),
                        tenant.studentIds().get(2),
                        tenant.studentIds().get(3));
        assertThat(events(tenant.id(), "student_checkout")).isEmpty();
    }

    @Test
    void aScanThatFailsInABatchFailsAloneAndTheOthersAreRecorded() throws Exception {
        TestTenant tenant = tenants.create();
        String activity = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        List<String> tags = tenant.rfidTags();
        String failing = tenant.studentIds().get(2);
        jdbc.sql("""
                        CREATE FUNCTION fail_visit_%1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                          IF NEW.student_id = %1$s THEN
                            RAISE EXCEPTION 'forced failure of one scan';
                          END IF;
                          RETURN NEW;
                        END $$;
                        CREATE TRIGGER fail_visit_%1$s BEFORE INSERT ON visit
                          FOR EACH ROW EXECUTE FUNCTION fail_visit_%1$s();
                        """.formatted(failing)).update();
        double split = split();
        try (ExecutorService pool = Executors.newCachedThreadPool();
                Connection hold = holdActivity(activity)) {
            Future<Api.Response> lone =
                    pool.submit(() -> scan(door, UUID.randomUUID().toString(), tags.get(0)));
            waitUntilWaitingForLocks(1);
            List<Future<Api.Response>> queued = tags.subList(1, 4).stream()
                    .map(tag -> pool.submit(() -> scan(door, UUID.randomUUID().toString(), tag)))
                    .toList();
            waitUntilQueued(3);
            hold.rollback();

            assertThat(lone.get().status()).isEqualTo(200);
            assertThat(queued.get(0).get().status()).isEqualTo(200);
            assertThat(queued.get(1).get().status()).isEqualTo(500);
            assertThat(queued.get(1).get().json().get("detail").asString()).contains("changed nothing");
            assertThat(queued.get(2).get().status()).isEqualTo(200);
        } finally {
            jdbc.sql("DROP TRIGGER fail_visit_%1$s ON visit; DROP FUNCTION fail_visit_%1$s();".formatted(failing))
                    .update();
        }
        assertThat(split()).isEqualTo(split + 1);
        assertThat(events(tenant.id(), "student_checkin").stream().map(e -> e.field("studentId")))
                .containsExactlyInAnyOrder(
                        tenant.studentIds().get(0),
                        tenant.studentIds().get(1),
                        tenant.studentIds().get(3));
        assertThat(events(tenant.id(), "room_occupancy").stream()
                        .map(e -> e.data().get("occupancy").asInt()))
                .containsExactly(0, 1, 2, 3);
    }

    @Test
    void aKeyThatAnotherTransactionRecordsMeanwhileSendsTheBatchBackScanByScan() throws Exception {
        TestTenant tenant = tenants.create();
        String activity = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        List<String> tags = tenant.rfidTags();
        long device = jdbc.sql("SELECT id FROM device WHERE tenant_id = :tenant")
                .param("tenant", tenant.id())
                .query(Long.class)
                .single();
        double split = split();
        try (ExecutorService pool = Executors.newCachedThreadPool();
                Connection hold = holdActivity(activity);
                Connection other = dataSource.getConnection()) {
            Future<Api.Response> lone =
                    pool.submit(() -> scan(door, UUID.randomUUID().toString(), tags.get(0)));
            waitUntilWaitingForLocks(1);
            Future<Api.Response> before =
                    pool.submit(() -> scan(door, UUID.randomUUID().toString(), tags.get(1)));
            Future<Api.Response> taken = pool.submit(() -> scan(door, "taken", tags.get(2)));
            Future<Api.Response> after =
                    pool.submit(() -> scan(door, UUID.randomUUID().toString(), tags.get(3)));
            waitUntilQueued(3);
            // Another transaction records the key "taken", for some other scan, and commits only once the batch,
            // which did not see it when it looked, waits to record the same key.
            other.setAutoCommit(false);
            try (Statement insert = other.createStatement()) {
                insert.execute("""
                        INSERT INTO scan_request
                            (tenant_id, device_id, idempotency_key, request_hash, status, response, created_at)
                        VALUES (%d, %d, 'taken', '\\x00', 200, '{}', now())
                        """.formatted(tenant.id(), device));
            }
            hold.rollback();
            assertThat(lone.get().status()).isEqualTo(200);
            waitUntilWaitingForLocks(1);
            other.commit();

            assertThat(before.get().status()).isEqualTo(200);
            assertThat(taken.get().status()).isEqualTo(422);
            assertThat(after.get().status()).isEqualTo(200);
        }
        assertThat(split()).isEqualTo(split + 1);
        assertThat(events(tenant.id(), "student_checkin").stream().map(e -> e.field("studentId")))
                .containsExactlyInAnyOrder(
                        tenant.studentIds().get(0),
                        tenant.studentIds().get(1),
                        tenant.studentIds().get(3));
        assertThat(events(tenant.id(), "room_occupancy").stream()
                        .map(e -> e.data().get("occupancy").asInt()))
                .containsExactly(0, 1, 2, 3);
    }

    private Api.Response scan(String door, String idempotencyKey, String tag) {
        return api().bearer(door)
                .header("Idempotency-Key", idempotencyKey)
                .post("/api/iot/scans", new ScanRequest(tag, null, null));
    }

    private double split() {
        return meterRegistry.get("roomwatch.scan.batches.split").counter().count();
    }
}
