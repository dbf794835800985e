package app.roomwatch.server.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.AnnouncementRequest;
import app.roomwatch.model.api.CheckInRequest;
import app.roomwatch.model.api.DeviceRegistration;
import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.StartActivityRequest;
import app.roomwatch.model.api.SupervisorsRequest;
import app.roomwatch.model.api.admin.GroupRequest;
import app.roomwatch.model.api.admin.RoomRequest;
import app.roomwatch.model.api.admin.ScheduledCheckoutRequest;
import app.roomwatch.model.api.admin.StaffAccountRequest;
import app.roomwatch.model.api.admin.StudentRequest;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.demo.DemoData;
import app.roomwatch.server.device.Devices;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The two demo tenants side by side: neither ever reaches or lists the other's rows. */
class TenantIsolationTests extends ServerTest {

    @Autowired
    DemoData demo;

    @Autowired
    Devices devices;

    long demo2;
    String room2;
    String student2;
    String group2;
    String activeGroup2;
    String visit2;
    String notification2;
    String device2Key;
    String device2;
    String clara;
    String scheduled2;
    String demoActiveGroup;
    String demoStudent;
    String demoVisit;
    String demoNotification;

    @BeforeEach
    void bothDemoTenants() {
        demo.seedDemo();
        demo.seedDemo2();
        demo2 = id("SELECT id FROM tenant WHERE slug = 'demo2'");
        room2 = text("SELECT min(id)::text FROM room WHERE tenant_id = " + demo2);
        student2 = text("SELECT min(id)::text FROM student WHERE tenant_id = " + demo2);
        clara = text("SELECT id::text FROM staff WHERE tenant_id = " + demo2 + " AND username = 'clara'");
        group2 = text("INSERT INTO student_group (tenant_id, name) VALUES (" + demo2 + ", 'g-' || gen_random_uuid())"
                + " RETURNING id::text");
        Api claraApi = as("demo2", "clara");
        var running = claraApi.get("/api/active/groups").json();
        activeGroup2 = running.isEmpty()
                ? claraApi.post("/api/active/groups", new StartActivityRequest("Crafts", room2, null, List.of(clara)))
                        .json()
                        .get("id")
                        .asString()
                : running.get(0).get("id").asString();
        var in = claraApi.post("/api/active/groups/" + activeGroup2 + "/visits", new CheckInRequest(student2));
        visit2 = in.status() == 201
                ? in.json().get("visitId").asString()
                : claraApi.get("/api/active/groups/" + activeGroup2 + "/visits/display")
                        .json()
                        .get(0)
                        .get("visitId")
                        .asString();
        claraApi.post("/api/announcements", new AnnouncementRequest("Hello", "", NotificationPriority.INFO, null));
        notification2 =
                claraApi.get("/api/notifications").json().get(0).get("id").asString();
        // demo2 has no admin account; the registration is recorded as clara's.
        var key = devices.register(
                new StaffPrincipal(
                        Long.parseLong(clara),
                        demo2,
                        StaffRole.ADMIN,
                        "setup",
                        Instant.now().plusSeconds(60)),
                "Clubroom door",
                room2);
        device2 = key.id();
        device2Key = key.apiKey();
        scheduled2 = text("INSERT INTO scheduled_checkout (tenant_id, student_id, due_at, status) VALUES (" + demo2
                + ", " + student2 + ", now() + interval '1 day', 'pending') RETURNING id::text");

        Api admin = as("demo", "admin");
        demoActiveGroup =
                admin.get("/api/active/groups").json().get(0).get("id").asString();
        var display = admin.get("/api/active/groups/" + demoActiveGroup + "/visits/display")
                .json();
        demoVisit = display.get(0).get("visitId").asString();
        demoStudent = display.get(0).get("studentId").asString();
        admin.post("/api/announcements", new AnnouncementRequest("Hi", "", NotificationPriority.INFO, null));
        demoNotification = as("demo", "anna")
                .get("/api/notifications")
                .json()
                .get(0)
                .get("id")
                .asString();
    }

    @Test
    void anAdminGets404ForEveryIdOfTheOtherTenant() {
        Api admin = as("demo", "admin");
        List<Function<Api, Api.Response>> calls = List.of(
                a -> a.post("/api/active/groups/" + activeGroup2 + "/end", null),
                a -> a.put(
                        "/api/active/groups/" + activeGroup2 + "/supervisors", new SupervisorsRequest(List.of(clara))),
                a -> a.get("/api/active/groups/" + activeGroup2 + "/visits/display"),
                a -> a.post("/api/active/groups/" + activeGroup2 + "/visits", new CheckInRequest(student2)),
                a -> a.post("/api/active/groups/" + demoActiveGroup + "/visits", new CheckInRequest(student2)),
                a -> a.post("/api/visits/" + visit2 + "/end", null),
                a -> a.post("/api/notifications/" + notification2 + "/read", null),
                a -> a.post("/api/active/groups", new StartActivityRequest("X", room2, null, List.of())),
                a -> a.post("/api/active/groups", new StartActivityRequest("X", room2, group2, List.of(clara))),
                a -> a.post(
                        "/api/announcements",
                        new AnnouncementRequest("X", "", NotificationPriority.INFO, activeGroup2)),
                a -> a.post("/api/admin/devices", new DeviceRegistration("X", room2)),
                a -> a.post("/api/admin/devices/" + device2 + "/rotate", null),
                a -> a.delete("/api/admin/devices/" + device2),
                a -> a.put("/api/admin/rooms/" + room2, new RoomRequest("X", 3)),
                a -> a.put("/api/admin/groups/" + group2, new GroupRequest("X")),
                a -> a.get("/api/admin/students/" + student2),
                a -> a.put(
                        "/api/admin/students/" + student2,
                        new StudentRequest("X", "Y", "1a", "TAG-X", null, null, null)),
                a -> a.post("/api/admin/students", new StudentRequest("X", "Y", "1a", "TAG-Y", group2, null, null)),
                a -> a.put(
                        "/api/admin/staff/" + clara,
                        new StaffAccountRequest("clara", "Clara", StaffRole.SUPERVISOR, null, false)),
                a -> a.post(
                        "/api/admin/scheduled-checkouts",
                        new ScheduledCheckoutRequest(student2, clock.instant().plusSeconds(60))),
                a -> a.delete("/api/admin/scheduled-checkouts/" + scheduled2));
        long before = id("SELECT count(*) FROM event WHERE tenant_id = " + demo2);
        for (int i = 0; i < calls.size(); i++) {
            Api.Response response = calls.get(i).apply(admin);
            assertThat(response.status()).as("call %d: %s", i, response).isEqualTo(404);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(id("SELECT count(*) FROM event WHERE tenant_id = " + demo2)).isEqualTo(before);
        assertThat(api().bearer(device2Key).post("/api/iot/heartbeat", null).status())
                .isEqualTo(204);
        assertThat(text("SELECT status FROM scheduled_checkout WHERE id = " + scheduled2))
                .isEqualTo("pending");
    }

    @Test
    void aSupervisorGets404ForEveryIdOfTheOtherTenant() {
        Api claraApi = as("demo2", "clara");
        List<Function<Api, Api.Response>> calls = List.of(
                a -> a.post("/api/active/groups/" + demoActiveGroup + "/end", null),
                a -> a.get("/api/active/groups/" + demoActiveGroup + "/visits/display"),
                a -> a.post("/api/active/groups/" + demoActiveGroup + "/visits", new CheckInRequest(student2)),
                a -> a.post("/api/active/groups/" + activeGroup2 + "/visits", new CheckInRequest(demoStudent)),
                a -> a.post("/api/visits/" + demoVisit + "/end", null),
                a -> a.post("/api/notifications/" + demoNotification + "/read", null));
        for (int i = 0; i < calls.size(); i++) {
            Api.Response response = calls.get(i).apply(claraApi);
            assertThat(response.status()).as("call %d: %s", i, response).isEqualTo(404);
        }
    }

    @Test
    void listsNeverShowTheOtherTenantsRows() {
        Api admin = as("demo", "admin");
        for (String path : List.of(
                "/api/rooms",
                "/api/active/groups",
                "/api/students?query=",
                "/api/notifications",
                "/api/activity?limit=200",
                "/api/admin/students",
                "/api/admin/staff",
                "/api/admin/rooms",
                "/api/admin/groups",
                "/api/admin/devices",
                "/api/admin/scheduled-checkouts")) {
            Api.Response response = admin.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("Clubroom", "Clara Vogel", "DEMO2-", "Crafts");
        }
        List<String> otherStudents = jdbc.sql("SELECT id::text FROM student WHERE tenant_id = " + demo2)
                .query(String.class)
                .list();
        for (String path : List.of("/api/students?query=", "/api/admin/students")) {
            assertThat(admin.get(path).json().findValuesAsString("id"))
                    .as(path)
                    .doesNotContainAnyElementsOf(otherStudents);
        }
        Api claraApi = as("demo2", "clara");
        for (String path : List.of("/api/rooms", "/api/active/groups", "/api/students?query=", "/api/activity")) {
            assertThat(claraApi.get(path).body()).as(path).doesNotContain("Painting", "Art room", "Anna", "DEMO-");
        }
        // A scanner of one tenant does not know the other's children.
        var scan = api().bearer(device2Key)
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .post("/api/iot/scans", new app.roomwatch.model.api.ScanRequest("DEMO-0001", null, null));
        assertThat(scan.status()).isEqualTo(404);
    }

    @Test
    void compositeForeignKeysRefuseCrossTenantReferencesInTheDatabaseItself() {
        long demoTenant = id("SELECT id FROM tenant WHERE slug = 'demo'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                                "INSERT INTO visit (tenant_id, student_id, active_group_id, entered_at, entry_source)"
                                        + " VALUES (:tenant, :student, :group, now(), 'manual')")
                        .param("tenant", demoTenant)
                        .param("student", Long.parseLong(student2))
                        .param("group", Long.parseLong(demoActiveGroup))
                        .update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    private Api as(String tenant, String username) {
        Api.Response response = api().post("/api/auth/login", new LoginRequest(tenant, username, "demo"));
        assertThat(response.status()).isEqualTo(200);
        return api().bearer(response.json().get("accessToken").asString());
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String text(String sql) {
        return jdbc.sql(sql).query(String.class).single();
    }
}
