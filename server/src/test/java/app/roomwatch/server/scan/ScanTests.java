package app.roomwatch.server.scan;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.ScanAction;
import app.roomwatch.model.api.ScanRequest;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.LoggedEvent;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ScanTests extends ServerTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void togglesAChildInAndOutAndMovesItBetweenRoomsCheckoutFirst() {
        TestTenant tenant = tenants.create();
        String painting = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String reading = startActivity(tenant, "Reading", tenant.smallRoomId(), tenant.sup2Id());
        String bigDoor = registerDevice(tenant, tenant.bigRoomId());
        String smallDoor = registerDevice(tenant, tenant.smallRoomId());
        String mia = tenant.studentIds().getFirst();
        String tag = tenant.rfidTags().getFirst();

        Api.Response in = scan(bigDoor, tag);
        assertThat(in.status()).isEqualTo(200);
        assertThat(in.json().get("result").asString()).isEqualTo("checked_in");
        assertThat(in.json().get("studentId").asString()).isEqualTo(mia);
        assertThat(in.json().get("studentName").asString()).isEqualTo("Mia K.");
        assertThat(in.json().get("roomName").asString()).isEqualTo("Big");
        assertThat(in.json().get("activeGroupId").asString()).isEqualTo(painting);

        Api.Response moved = scan(smallDoor, tag);
        assertThat(moved.json().get("result").asString()).isEqualTo("moved");
        assertThat(moved.json().get("activeGroupId").asString()).isEqualTo(reading);

        Api.Response out = scan(smallDoor, tag);
        assertThat(out.json().get("result").asString()).isEqualTo("checked_out");

        List<LoggedEvent> visits = events(tenant.id()).stream()
                .filter(e -> e.type().startsWith("student_"))
                .toList();
        assertThat(visits)
                .extracting(LoggedEvent::type, LoggedEvent::topic)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("student_checkin", "active-group:" + painting),
                        org.assertj.core.groups.Tuple.tuple("student_checkout", "active-group:" + painting),
                        org.assertj.core.groups.Tuple.tuple("student_checkin", "active-group:" + reading),
                        org.assertj.core.groups.Tuple.tuple("student_checkout", "active-group:" + reading));
        assertThat(visits).allSatisfy(e -> {
            assertThat(e.field("source")).isEqualTo("rfid");
            assertThat(e.field("studentName")).isEqualTo("Mia K.");
            assertThat(e.data().has("birthday")).isFalse();
        });
        assertThat(events(tenant.id(), "room_occupancy")
                        .getLast()
                        .data()
                        .get("occupancy")
                        .asInt())
                .isZero();
    }

    @Test
    void aScannerCatchingUpKeepsTheTimeItReadTheTag() {
        TestTenant tenant = tenants.create();
        String id = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        java.time.Instant readAt = clock.instant().minusSeconds(120);
        java.time.Instant future = clock.instant().plusSeconds(3600);

        api().bearer(door)
                .header("Idempotency-Key", "late")
                .post("/api/iot/scans", new ScanRequest(tenant.rfidTags().get(0), null, readAt));
        api().bearer(door)
                .header("Idempotency-Key", "wrong-clock")
                .post("/api/iot/scans", new ScanRequest(tenant.rfidTags().get(1), null, future));

        var display = as(tenant, "sup1")
                .get("/api/active/groups/" + id + "/visits/display")
                .json();
        assertThat(display.findValuesAsString("checkedInAt"))
                .containsExactlyInAnyOrder(readAt.toString(), clock.instant().toString());
    }

    @Test
    void answers409WhenNoActivityRunsInTheScannersRoom() {
        TestTenant tenant = tenants.create();
        String door = registerDevice(tenant, tenant.smallRoomId());
        int before = events(tenant.id()).size();

        Api.Response response = scan(door, tenant.rfidTags().getFirst());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("No activity is running");
        assertThat(events(tenant.id())).hasSize(before);
    }

    @Test
    void unknownTagAnswers404AndTellsTheRoomsSupervisors() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());

        Api.Response response = scan(door, "no-such-tag");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("No child has this RFID tag");
        List<LoggedEvent> notifications = events(tenant.id(), "notification_new");
        assertThat(notifications).hasSize(1);
        assertThat(notifications.getFirst().topic()).isEqualTo("staff:" + tenant.sup1Id());
        assertThat(notifications.getFirst().field("priority")).isEqualTo("info");
        var listed = as(tenant, "sup1").get("/api/notifications").json();
        assertThat(listed.get(0).get("title").asString()).isEqualTo("Unknown tag at Big");
    }

    @Test
    void aScanNeedsAnIdempotencyKeyAndAValidDeviceKey() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        ScanRequest request = new ScanRequest(tenant.rfidTags().getFirst(), null, null);

        Api.Response noKey = api().bearer(door).post("/api/iot/scans", request);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("detail").asString()).contains("Idempotency-Key");

        Api.Response noAuth = api().header("Idempotency-Key", "k1").post("/api/iot/scans", request);
        assertThat(noAuth.status()).isEqualTo(401);
        Api.Response wrongSecret = api().bearer(door.substring(0, door.length() - 2) + "xx")
                .header("Idempotency-Key", "k1")
                .post("/api/iot/scans", request);
        assertThat(wrongSecret.status()).isEqualTo(401);
        Api.Response staffToken = api().bearer(login(tenant, "admin").accessToken())
                .header("Idempotency-Key", "k1")
                .post("/api/iot/scans", request);
        assertThat(staffToken.status()).isEqualTo(401);
        assertThat(events(tenant.id(), "student_checkin")).isEmpty();
    }

    @Test
    void rotatingAKeyRetiresTheOldOneAndRevokingStopsTheDevice() {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        var registered = admin.post(
                "/api/admin/devices", new app.roomwatch.model.api.DeviceRegistration("Door", tenant.bigRoomId()));
        String id = registered.json().get("id").asString();
        String oldKey = registered.json().get("apiKey").asString();
        assertThat(api().bearer(oldKey).post("/api/iot/heartbeat", null).status())
                .isEqualTo(204);

        String newKey = admin.post("/api/admin/devices/" + id + "/rotate", null)
                .json()
                .get("apiKey")
                .asString();
        assertThat(api().bearer(oldKey).post("/api/iot/heartbeat", null).status())
                .isEqualTo(401);
        assertThat(api().bearer(newKey).post("/api/iot/heartbeat", null).status())
                .isEqualTo(204);

        assertThat(admin.delete("/api/admin/devices/" + id).status()).isEqualTo(204);
        assertThat(api().bearer(newKey).post("/api/iot/heartbeat", null).status())
                .isEqualTo(401);
        assertThat(admin.get("/api/admin/devices").json().get(0).get("status").asString())
                .isEqualTo("revoked");
        assertThat(jdbc.sql("SELECT count(*) FROM device WHERE key_hash::text LIKE '%' || :key || '%'")
                        .param("key", newKey.substring(newKey.lastIndexOf('_') + 1))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRetryGetsTheFirstAnswerVerbatimAndRecordsNothingTwice() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        ScanRequest request = new ScanRequest(tenant.rfidTags().getFirst(), null, null);
        Api scanner = api().bearer(door).header("Idempotency-Key", "retry-1");

        Api.Response first = scanner.post("/api/iot/scans", request);
        Api.Response retry = scanner.post("/api/iot/scans", request);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(events(tenant.id(), "student_checkin")).hasSize(1);
        assertThat(events(tenant.id(), "student_checkout")).isEmpty();

        Api.Response otherBody =
                scanner.post("/api/iot/scans", new ScanRequest(tenant.rfidTags().get(1), null, null));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.header("Content-Type")).startsWith("application/problem+json");
        assertThat(events(tenant.id(), "student_checkin")).hasSize(1);
    }

    @Test
    void concurrentRetriesOfOneScanRecordItOnce() throws Exception {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        ScanRequest request = new ScanRequest(tenant.rfidTags().getFirst(), null, null);
        int retries = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(retries)) {
            for (int i = 0; i < retries; i++) {
                Callable<Api.Response> post = () -> {
                    start.await();
                    return api().bearer(door)
                            .header("Idempotency-Key", "same-scan")
                            .post("/api/iot/scans", request);
                };
                answers.add(pool.submit(post));
            }
            start.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get();
                assertThat(response.status()).isEqualTo(200);
                bodies.add(response.body());
            }
            assertThat(bodies).containsOnly(bodies.getFirst());
        }
        assertThat(events(tenant.id(), "student_checkin")).hasSize(1);
        assertThat(events(tenant.id(), "student_checkout")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM visit WHERE tenant_id = :tenant")
                        .param("tenant", tenant.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void scansAtTwoDoorsAtOnceStillPublishEveryRoomsTrueCount() throws Exception {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        startActivity(tenant, "Reading", tenant.smallRoomId(), tenant.sup2Id());
        String bigDoor = registerDevice(tenant, tenant.bigRoomId());
        String smallDoor = registerDevice(tenant, tenant.smallRoomId());
        List<String> tags = tenant.rfidTags();

        // All five children come in at once; then, at once, three move to the small room and two go home.
        assertThat(allAtOnce(tags.stream()
                        .map(tag -> scan(bigDoor, tag, ScanAction.CHECKIN))
                        .toList()))
                .containsOnly(200);
        List<Callable<Integer>> second = new ArrayList<>();
        tags.subList(0, 3).forEach(tag -> second.add(scan(smallDoor, tag, ScanAction.CHECKIN)));
        tags.subList(3, 5).forEach(tag -> second.add(scan(bigDoor, tag, ScanAction.CHECKOUT)));
        assertThat(allAtOnce(second)).containsOnly(200);

        // Each change counted under its room's lock: after the 0 each activity starts with, every count from 1 to 5
        // and back to 0 once in the big room, 1 to 3 once in the small one; the database holds the same.
        Map<String, List<Integer>> published = new HashMap<>();
        for (LoggedEvent e : events(tenant.id(), "room_occupancy")) {
            published
                    .computeIfAbsent(e.field("roomId"), room -> new ArrayList<>())
                    .add(e.data().get("occupancy").asInt());
        }
        assertThat(published.get(tenant.bigRoomId())).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 4, 3, 2, 1, 0);
        assertThat(published.get(tenant.smallRoomId())).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(openVisitsIn(tenant, tenant.bigRoomId())).isZero();
        assertThat(openVisitsIn(tenant, tenant.smallRoomId())).isEqualTo(3);
    }

    @Test
    void twoMovesInOppositeDirectionsLockBothActivitiesInTheSameOrder() throws Exception {
        TestTenant tenant = tenants.create();
        long big = Long.parseLong(startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id()));
        long small = Long.parseLong(startActivity(tenant, "Reading", tenant.smallRoomId(), tenant.sup2Id()));
        String bigDoor = registerDevice(tenant, tenant.bigRoomId());
        String smallDoor = registerDevice(tenant, tenant.smallRoomId());
        String inBig = tenant.rfidTags().get(0);
        String inSmall = tenant.rfidTags().get(1);
        assertThat(scan(bigDoor, inBig, ScanAction.CHECKIN).call()).isEqualTo(200);
        assertThat(scan(smallDoor, inSmall, ScanAction.CHECKIN).call()).isEqualTo(200);

        // Each move locks both activities. With the later one held here, both moves queue, the one to the small room
        // first. Had each locked its own door's activity first, the move to the big room would hold the big room's
        // activity while it waits behind the other, which once let go would wait for it in turn: a deadlock, and
        // PostgreSQL ends one of them. In id order they wait in line.
        long later = Math.max(big, small);
        try (Connection hold = dataSource.getConnection()) {
            hold.setAutoCommit(false);
            try (Statement lock = hold.createStatement()) {
                lock.execute("SELECT id FROM active_group WHERE id = " + later + " FOR UPDATE");
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<Integer> toSmall = pool.submit(scan(smallDoor, inBig, ScanAction.CHECKIN));
                waitUntilWaitingForLocks(1);
                Future<Integer> toBig = pool.submit(scan(bigDoor, inSmall, ScanAction.CHECKIN));
                waitUntilWaitingForLocks(2);
                hold.rollback();
                assertThat(toSmall.get()).isEqualTo(200);
                assertThat(toBig.get()).isEqualTo(200);
            }
        }
        assertThat(openVisitsIn(tenant, tenant.smallRoomId())).isEqualTo(1);
        assertThat(openVisitsIn(tenant, tenant.bigRoomId())).isEqualTo(1);
    }

    private Callable<Integer> scan(String door, String tag, ScanAction action) {
        return () -> api().bearer(door)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/iot/scans", new ScanRequest(tag, action, null))
                .status();
    }

    private static List<Integer> allAtOnce(List<Callable<Integer>> scans) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(scans.size())) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Callable<Integer> scan : scans) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return scan.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        }
    }

    private long openVisitsIn(TestTenant tenant, String roomId) {
        return jdbc.sql("""
                        SELECT count(*) FROM visit v JOIN active_group g ON g.id = v.active_group_id
                        WHERE v.tenant_id = :tenant AND g.room_id = :room AND v.exited_at IS NULL
                        """)
                .param("tenant", tenant.id())
                .param("room", Long.parseLong(roomId))
                .query(Long.class)
                .single();
    }

    @Test
    void aScanAndItsEventsCommitTogetherOrNotAtAll() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        int eventsBefore = events(tenant.id()).size();
        // Fails the scan's transaction after its visit and its student_checkin event were written.
        jdbc.sql("""
                        CREATE FUNCTION fail_occupancy_%1$d() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                          IF NEW.tenant_id = %1$d AND NEW.type = 'room_occupancy' THEN
                            RAISE EXCEPTION 'forced failure after the event insert';
                          END IF;
                          RETURN NEW;
                        END $$;
                        CREATE TRIGGER fail_occupancy_%1$d BEFORE INSERT ON event
                          FOR EACH ROW EXECUTE FUNCTION fail_occupancy_%1$d();
                        """.formatted(tenant.id())).update();
        try {
            Api.Response response = scan(door, tenant.rfidTags().getFirst());
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).contains("changed nothing");
        } finally {
            jdbc.sql("DROP TRIGGER fail_occupancy_%1$d ON event; DROP FUNCTION fail_occupancy_%1$d();"
                            .formatted(tenant.id()))
                    .update();
        }
        assertThat(events(tenant.id())).hasSize(eventsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM visit WHERE tenant_id = :tenant")
                        .param("tenant", tenant.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM scan_request WHERE tenant_id = :tenant")
                        .param("tenant", tenant.id())
                        .query(Long.class)
                        .single())
                .isZero();

        // The scanner's retry after the failure is recorded normally.
        assertThat(scan(door, tenant.rfidTags().getFirst()).status()).isEqualTo(200);
        assertThat(events(tenant.id(), "student_checkin")).hasSize(1);
    }

    @Test
    void aDeviceSendingTooMuchIsToldToWait() {
        TestTenant tenant = tenants.create();
        String door = registerDevice(tenant, tenant.bigRoomId());
        Api scanner = api().bearer(door);
        for (int i = 0; i < 600; i++) {
            assertThat(scanner.post("/api/iot/heartbeat", null).status()).isEqualTo(204);
        }
        Api.Response limited = scanner.post("/api/iot/heartbeat", null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");

        clock.advance(java.time.Duration.ofSeconds(61));
        assertThat(scanner.post("/api/iot/heartbeat", null).status()).isEqualTo(204);
    }
}
