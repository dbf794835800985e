package app.roomwatch.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.CheckInRequest;
import app.roomwatch.model.api.admin.GroupLeadsRequest;
import app.roomwatch.model.api.admin.GroupRequest;
import app.roomwatch.model.api.admin.RoomRequest;
import app.roomwatch.model.api.admin.ScheduledCheckoutRequest;
import app.roomwatch.model.api.admin.StudentRequest;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.LoggedEvent;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Archiving a child, a room or a group (SPEC: DELETE archives): gone from every list, its history kept, refused with a
 * sentence in the caller's language while something runs.
 */
class ArchiveTests extends ServerTest {

    @Test
    void anArchivedChildLeavesEveryListKeepsItsHistoryAndFreesItsTag() {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        Api sup1 = as(tenant, "sup1");
        String mia = tenant.studentIds().getFirst();
        String miasTag = tenant.rfidTags().getFirst();
        String group = admin.post("/api/admin/groups", new GroupRequest("Owls"))
                .json()
                .get("id")
                .asString();
        admin.put("/api/admin/groups/" + group + "/leads", new GroupLeadsRequest(List.of(tenant.sup1Id())));
        admin.put("/api/admin/students/" + mia, new StudentRequest("Mia", "Klein", "3b", miasTag, group, null, null));
        String activity = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        assertThat(scan(door, miasTag).json().get("result").asString()).isEqualTo("checked_in");
        String checkout = admin.post(
                        "/api/admin/scheduled-checkouts",
                        new ScheduledCheckoutRequest(mia, clock.instant().plus(Duration.ofHours(2))))
                .json()
                .get("id")
                .asString();

        Api.Response refused = admin.delete("/api/admin/students/" + mia);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("Mia K. is checked in to Big. Check the child out first.");
        Api.Response german = api().bearer(login(tenant, "admin").accessToken())
                .header("Accept-Language", "de")
                .delete("/api/admin/students/" + mia);
        assertThat(german.json().get("detail").asString())
                .isEqualTo("Mia K. ist in Big eingecheckt. Checken Sie das Kind zuerst aus.");

        assertThat(scan(door, miasTag).json().get("result").asString()).isEqualTo("checked_out");
        assertThat(admin.delete("/api/admin/students/" + mia).status()).isEqualTo(204);

        // Gone from every list and every look-up by id.
        assertThat(admin.get("/api/admin/students").body()).doesNotContain("\"id\":\"" + mia + "\"");
        assertThat(admin.get("/api/admin/students/" + mia).status()).isEqualTo(404);
        assertThat(admin.put(
                                "/api/admin/students/" + mia,
                                new StudentRequest("Mia", "Klein", "3b", null, null, null, null))
                        .status())
                .isEqualTo(404);
        assertThat(sup1.get("/api/students?query=mia").json()).isEmpty();
        assertThat(sup1.get("/api/students").body()).doesNotContain("\"id\":\"" + mia + "\"");
        assertThat(sup1.get("/api/groups/" + group + "/roster").json()).isEmpty();
        assertThat(sup1.post("/api/active/groups/" + activity + "/visits", new CheckInRequest(mia))
                        .status())
                .as("a manual check-in")
                .isEqualTo(404);
        assertThat(admin.post(
                                "/api/admin/scheduled-checkouts",
                                new ScheduledCheckoutRequest(
                                        mia, clock.instant().plus(Duration.ofHours(3))))
                        .status())
                .isEqualTo(404);
        Api.Response again = admin.delete("/api/admin/students/" + mia);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("detail").asString()).isEqualTo("There is no child " + mia + ".");

        // Its scheduled check-out is cancelled; its visits and events stay.
        assertThat(admin.get("/api/admin/scheduled-checkouts").body())
                .contains("\"id\":\"" + checkout + "\",\"studentId\":\"" + mia + "\"")
                .contains("\"status\":\"cancelled\"");
        assertThat(jdbc.sql("SELECT count(*) FROM visit WHERE student_id = " + mia)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(events(tenant.id(), "student_checkin")).hasSize(1);

        // The tag is free: another child gets it, and a scan checks that child in.
        String noah = tenant.studentIds().get(1);
        assertThat(admin.put(
                                "/api/admin/students/" + noah,
                                new StudentRequest("Noah", "Berg", "3b", miasTag, null, null, null))
                        .status())
                .isEqualTo(200);
        Api.Response noahIn = scan(door, miasTag);
        assertThat(noahIn.json().get("result").asString()).isEqualTo("checked_in");
        assertThat(noahIn.json().get("studentId").asString()).isEqualTo(noah);
        assertThat(noahIn.json().get("studentName").asString()).isEqualTo("Noah B.");
    }

    @Test
    void anArchivedRoomRevokesItsScannersAndLeavesEveryList() {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        String key = registerDevice(tenant, tenant.smallRoomId());
        String activity = startActivity(tenant, "Reading", tenant.smallRoomId(), tenant.sup1Id());

        Api.Response refused = admin.delete("/api/admin/rooms/" + tenant.smallRoomId());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("The activity \"Reading\" is running in Small. End it first.");
        assertThat(api().bearer(login(tenant, "admin").accessToken())
                        .header("Accept-Language", "de-AT")
                        .delete("/api/admin/rooms/" + tenant.smallRoomId())
                        .json()
                        .get("detail")
                        .asString())
                .isEqualTo("In Small l\u00e4uft die Aktivit\u00e4t \u201eReading\u201c. Beenden Sie sie zuerst.");

        assertThat(admin.post("/api/active/groups/" + activity + "/end", null).status())
                .isEqualTo(204);
        int revokedBefore = events(tenant.id(), "device_status").size();
        assertThat(admin.delete("/api/admin/rooms/" + tenant.smallRoomId()).status())
                .isEqualTo(204);

        assertThat(scan(key, tenant.rfidTags().getFirst()).status())
                .as("its scanner is revoked")
                .isEqualTo(401);
        List<LoggedEvent> revoked = events(tenant.id(), "device_status");
        assertThat(revoked).hasSize(revokedBefore + 1);
        assertThat(revoked.getLast().field("status")).isEqualTo("revoked");
        assertThat(admin.get("/api/admin/devices").body()).contains("\"status\":\"revoked\"");
        assertThat(admin.get("/api/admin/rooms").body()).doesNotContain("\"Small\"");
        assertThat(as(tenant, "sup1").get("/api/rooms").body()).doesNotContain("\"Small\"");
        assertThat(as(tenant, "sup1")
                        .get("/api/rooms/" + tenant.smallRoomId() + "/children")
                        .status())
                .isEqualTo(404);
        assertThat(startActivityStatus(tenant, tenant.smallRoomId())).isEqualTo(404);
        assertThat(admin.post("/api/admin/devices", "{\"name\":\"D\",\"roomId\":\"" + tenant.smallRoomId() + "\"}")
                        .status())
                .isEqualTo(404);
        assertThat(admin.put("/api/admin/rooms/" + tenant.smallRoomId(), new RoomRequest("Small", 3))
                        .status())
                .isEqualTo(404);
        assertThat(admin.delete("/api/admin/rooms/" + tenant.smallRoomId()).status())
                .isEqualTo(404);
        assertThat(admin.post("/api/admin/rooms", new RoomRequest("Small", 4)).status())
                .as("a new room may take the archived room's name")
                .isEqualTo(201);
        // The history of the activity stays readable.
        assertThat(jdbc.sql("SELECT count(*) FROM active_group WHERE id = " + activity)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anArchivedGroupLosesItsLeadsAndChildrenAndLeavesEveryList() {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        Api sup1 = as(tenant, "sup1");
        String group = admin.post("/api/admin/groups", new GroupRequest("Owls"))
                .json()
                .get("id")
                .asString();
        admin.put("/api/admin/groups/" + group + "/leads", new GroupLeadsRequest(List.of(tenant.sup1Id())));
        String noah = tenant.studentIds().get(1);
        admin.put(
                "/api/admin/students/" + noah,
                new StudentRequest("Noah", "Berg", "3b", tenant.rfidTags().get(1), group, null, null));
        assertThat(sup1.get("/api/groups/mine").json()).hasSize(1);

        assertThat(admin.delete("/api/admin/groups/" + group).status()).isEqualTo(204);

        assertThat(sup1.get("/api/groups/mine").json()).isEmpty();
        assertThat(admin.get("/api/groups/mine").body()).doesNotContain("Owls");
        assertThat(admin.get("/api/admin/groups").body()).doesNotContain("Owls");
        assertThat(admin.get("/api/groups/" + group + "/roster").status()).isEqualTo(404);
        assertThat(admin.get("/api/admin/students/" + noah)
                        .json()
                        .get("groupId")
                        .isNull())
                .isTrue();
        assertThat(admin.put("/api/admin/groups/" + group + "/leads", new GroupLeadsRequest(List.of()))
                        .status())
                .isEqualTo(404);
        assertThat(admin.put(
                                "/api/admin/students/" + noah,
                                new StudentRequest("Noah", "Berg", "3b", null, group, null, null))
                        .status())
                .as("a child can not join an archived group")
                .isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM student_group_lead WHERE student_group_id = " + group)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(admin.delete("/api/admin/groups/" + group).status()).isEqualTo(404);
        assertThat(admin.post("/api/admin/groups", new GroupRequest("Owls")).status())
                .isEqualTo(201);
    }

    @Test
    void onlyAdminsArchiveAndOnlyInTheirSchool() {
        TestTenant tenant = tenants.create();
        TestTenant other = tenants.create();
        for (String path : List.of(
                "/api/admin/students/" + tenant.studentIds().getFirst(), "/api/admin/rooms/" + tenant.bigRoomId())) {
            assertThat(as(tenant, "sup1").delete(path).status()).isEqualTo(403);
            assertThat(as(other, "admin").delete(path).status()).isEqualTo(404);
        }
        assertThat(as(tenant, "admin").get("/api/admin/students").json()).hasSize(5);
        assertThat(as(tenant, "admin").get("/api/admin/rooms").json()).hasSize(2);
    }

    private int startActivityStatus(TestTenant tenant, String roomId) {
        return as(tenant, "admin")
                .post("/api/active/groups", "{\"name\":\"X\",\"roomId\":\"" + roomId + "\",\"supervisorIds\":[]}")
                .status();
    }
}
