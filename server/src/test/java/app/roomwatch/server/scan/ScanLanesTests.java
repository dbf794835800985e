package app.roomwatch.server.scan;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.ScanAction;
import app.roomwatch.model.api.ScanRequest;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
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

        List<Api.Response> answers = scansQueuedBehind(activity, door, tags.subList(0, 5));

        assertThat(answers)
                .extracting(answer -> answer.json().get("result").asString())
                .containsOnly("checked_in");
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
    void aBatchChangesEveryChildAsTheSameScansRecordedOneByOneWould() throws Exception {
        // The same scans in two schools: one by one in one, all but the first together in one batch in the other.
        TestTenant alone = tenants.create();
        TestTenant together = tenants.create();
        List<String> aloneAnswers = scanAtTheSmallRoom(alone, null);
        List<String> togetherAnswers = scanAtTheSmallRoom(together, this::queuedBehind);

        assertThat(togetherAnswers)
                .containsExactly(
                        "200 checked_in",
                        "200 checked_in",
                        // From the big room into the small one, now over its capacity of 2.
                        "200 moved",
                        "409",
                        "404",
                        "200 checked_out",
                        // Over capacity again, so warned again: the checkout before re-armed the warning.
                        "200 checked_in",
                        // A double read at the door: the second read checks out what the first checked in.
                        "200 checked_out",
                        // And over capacity once more.
                        "200 checked_in")
                .isEqualTo(aloneAnswers);
        assertThat(visitEvents(together)).isEqualTo(visitEvents(alone));
        assertThat(notices(together))
                .containsExactlyInAnyOrderElementsOf(notices(alone))
                .contains("unknown-tag")
                .filteredOn("over-capacity"::equals)
                .hasSize(3);
        // Each child's visits as they ended up: who is where, and who left.
        assertThat(visits(together)).isEqualTo(visits(alone));
    }

    /** How {@link #scanAtTheSmallRoom} sends its scans after the first: one by one, or queued behind the first. */
    private interface Sending {
        List<Api.Response> send(String activity, Callable<Api.Response> first, List<Callable<Api.Response>> rest)
                throws Exception;
    }

    /**
     * A morning at the small room's door (capacity 2), the last child starting in the big room: every kind of answer
     * a scan gets, a move, a double read, and the capacity warning going out, re-armed and going out again.
     */
    private List<String> scanAtTheSmallRoom(TestTenant tenant, Sending together) throws Exception {
        String small = startActivity(tenant, "Painting", tenant.smallRoomId(), tenant.sup1Id());
        startActivity(tenant, "Football", tenant.bigRoomId(), tenant.sup2Id());
        String door = registerDevice(tenant, tenant.smallRoomId());
        List<String> tags = tenant.rfidTags();
        assertThat(scan(registerDevice(tenant, tenant.bigRoomId()), tags.get(4)).status())
                .isEqualTo(200);
        Callable<Api.Response> first = () -> scan(door, tags.get(0));
        List<Callable<Api.Response>> rest = List.of(
                () -> scan(door, tags.get(1)),
                () -> scan(door, tags.get(4)),
                () -> scan(door, tags.get(2), ScanAction.CHECKOUT),
                () -> scan(door, tenant.slug() + "-no-such-tag"),
                () -> scan(door, tags.get(0)),
                () -> scan(door, tags.get(3)),
                () -> scan(door, tags.get(3)),
                () -> scan(door, tags.get(2), ScanAction.CHECKIN));
        List<Api.Response> answers = new ArrayList<>();
        if (together == null) {
            answers.add(first.call());
            for (Callable<Api.Response> scan : rest) {
                answers.add(scan.call());
            }
        } else {
            answers.addAll(together.send(small, first, rest));
        }
        return answers.stream()
                .map(answer -> answer.status() == 200
                        ? "200 " + answer.json().get("result").asString()
                        : Integer.toString(answer.status()))
                .toList();
    }

    /** The visits' events in stream order, with students by their place in the tenant's list and rooms by name. */
    private List<String> visitEvents(TestTenant tenant) {
        return events(tenant.id()).stream()
                .filter(e -> !e.type().equals("notification_new"))
                .map(e -> e.type()
                        + " " + tenant.studentIds().indexOf(e.field("studentId"))
                        + " " + (e.field("roomId").equals(tenant.smallRoomId()) ? "small" : "big")
                        + " " + e.data().path("occupancy").asString())
                .toList();
    }

    /** The notifications' kinds (their group keys without the room). */
    private List<String> notices(TestTenant tenant) {
        return events(tenant.id(), "notification_new").stream()
                .map(e -> e.field("groupKey").replaceFirst(":room:.*", ""))
                .toList();
    }

    /** Every visit: student (by place), room, and whether it is open, in the order they began. */
    private List<String> visits(TestTenant tenant) {
        return jdbc.sql("""
                        SELECT v.student_id, g.room_id, v.exited_at IS NULL, v.entry_source, v.exit_source
                        FROM visit v JOIN active_group g ON g.id = v.active_group_id
                        WHERE v.tenant_id = :tenant ORDER BY v.id
                        """)
                .param("tenant", tenant.id())
                .query((rs, n) -> tenant.studentIds().indexOf(rs.getString(1)) + " "
                        + (rs.getString(2).equals(tenant.smallRoomId()) ? "small" : "big") + " "
                        + (rs.getBoolean(3) ? "open" : "ended") + " " + rs.getString(4) + " " + rs.getString(5))
                .list();
    }

    @Test
    void aBatchAnswersRetriesAndReusedKeysAsScansRecordedAloneWould() throws Exception {
        TestTenant tenant = tenants.create();
        String activity = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        List<String> tags = tenant.rfidTags();
        Api.Response committed = scan(door, "first", tags.get(0));
        assertThat(committed.status()).isEqualTo(200);

        // A retry of a committed scan, that key reused for another child, and one new scan sent twice.
        List<Api.Response> answers = queuedBehind(
                activity,
                () -> scan(door, "lone", tags.get(4)),
                List.of(
                        () -> scan(door, "first", tags.get(0)),
                        () -> scan(door, "first", tags.get(1)),
                        () -> scan(door, "twice", tags.get(2)),
                        () -> scan(door, "twice", tags.get(2)),
                        () -> scan(door, "other", tags.get(3))));

        assertThat(answers.get(0).status()).isEqualTo(200);
        assertThat(answers.get(1).body()).isEqualTo(committed.body());
        assertThat(answers.get(2).status()).isEqualTo(422);
        assertThat(answers.get(3).status()).isEqualTo(200);
        assertThat(answers.get(4).body()).isEqualTo(answers.get(3).body());
        assertThat(answers.get(5).status()).isEqualTo(200);
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
    void aBatchTakesItsScannersLimitsAtOnceAndAnswersTheScansOverIt429() throws Exception {
        TestTenant tenant = tenants.create();
        String activity = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        List<String> tags = tenant.rfidTags();
        // 600 a minute, and the clock stands still: two requests left.
        for (int i = 0; i < 598; i++) {
            assertThat(api().bearer(door).post("/api/iot/heartbeat", null).status())
                    .isEqualTo(204);
        }

        List<Api.Response> answers = scansQueuedBehind(activity, door, tags.subList(0, 4));

        // The lone scan took one; of the three queued behind it the first got the last, in their order.
        assertThat(answers).extracting(Api.Response::status).containsExactly(200, 200, 429, 429);
        for (Api.Response refused : answers.subList(2, 4)) {
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(events(tenant.id(), "student_checkin").stream().map(e -> e.field("studentId")))
                .containsExactly(tenant.studentIds().get(0), tenant.studentIds().get(1));
        // A scan refused is not recorded: sent again with its key once the scanner may, it is applied then.
        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(scan(door, tags.get(2)).status()).isEqualTo(200);
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
        try {
            List<Api.Response> answers = scansQueuedBehind(activity, door, tags.subList(0, 4));

            assertThat(answers.get(0).status()).isEqualTo(200);
            assertThat(answers.get(1).status()).isEqualTo(200);
            assertThat(answers.get(2).status()).isEqualTo(500);
            assertThat(answers.get(2).json().get("detail").asString()).contains("changed nothing");
            assertThat(answers.get(3).status()).isEqualTo(200);
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

    private Api.Response scan(String door, String tag, ScanAction action) {
        return api().bearer(door)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/iot/scans", new ScanRequest(tag, action, null));
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
