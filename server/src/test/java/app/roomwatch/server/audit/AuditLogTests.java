package app.roomwatch.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.DeviceRegistration;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.admin.DeviceMode;
import app.roomwatch.model.api.admin.DeviceUpdate;
import app.roomwatch.model.api.admin.GroupLeadsRequest;
import app.roomwatch.model.api.admin.GroupRequest;
import app.roomwatch.model.api.admin.RoomRequest;
import app.roomwatch.model.api.admin.ScheduledCheckoutRequest;
import app.roomwatch.model.api.admin.StaffAccountRequest;
import app.roomwatch.model.api.admin.StudentRequest;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every kind of admin change leaves one entry in the audit log: who, what, when, never a sensitive value. */
class AuditLogTests extends ServerTest {

    @Test
    void everyKindOfAdminChangeIsAuditedWithoutSensitiveValues() throws Exception {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        List<String> expected = new ArrayList<>();

        String kim = created(admin.post(
                "/api/admin/staff",
                new StaffAccountRequest("kim", "Kim Keller", StaffRole.SUPERVISOR, "kims-first-pass", true)));
        expected.add("staff.created staff " + kim + " Kim Keller {role=SUPERVISOR}");
        ok(admin.put(
                "/api/admin/staff/" + kim, new StaffAccountRequest("kim", "Kim Keller", StaffRole.ADMIN, null, true)));
        expected.add("staff.updated staff " + kim + " Kim Keller {role=ADMIN}");
        ok(admin.put(
                "/api/admin/staff/" + kim,
                new StaffAccountRequest("kim", "Kim Keller", StaffRole.ADMIN, "kims-second-pass", true)));
        expected.add("staff.password_reset staff " + kim + " Kim Keller");
        ok(admin.put(
                "/api/admin/staff/" + kim, new StaffAccountRequest("kim", "Kim Keller", StaffRole.ADMIN, null, false)));
        expected.add("staff.disabled staff " + kim + " Kim Keller");
        ok(admin.put(
                "/api/admin/staff/" + kim, new StaffAccountRequest("kim", "Kim Keller", StaffRole.ADMIN, null, true)));
        expected.add("staff.enabled staff " + kim + " Kim Keller");

        String group = created(admin.post("/api/admin/groups", new GroupRequest("Owls")));
        expected.add("group.created group " + group + " Owls");
        ok(admin.put("/api/admin/groups/" + group, new GroupRequest("Night Owls")));
        expected.add("group.updated group " + group + " Night Owls {name=Night Owls}");
        ok(admin.put("/api/admin/groups/" + group + "/leads", new GroupLeadsRequest(List.of(tenant.sup1Id()))));
        expected.add("group.leads_changed group " + group + " Night Owls {leads=1}");

        String tom = created(admin.post(
                "/api/admin/students",
                new StudentRequest(
                        "Tom", "Lindner", "2a", "SECRET-TAG-1", group, LocalDate.of(2018, 5, 4), "+49 30 999")));
        expected.add("student.created student " + tom + " Tom L.");
        ok(admin.put(
                "/api/admin/students/" + tom,
                new StudentRequest("Tom", "Lindner", "2b", "SECRET-TAG-2", group, LocalDate.of(2018, 5, 5), "x")));
        expected.add("student.updated student " + tom
                + " Tom L. {birthday=changed, guardianContact=changed, rfidTag=changed, schoolClass=changed}");
        assertThat(importCsv(tenant, "first name,last name,tag\nUdo,Fink,SECRET-TAG-3\n"))
                .isEqualTo(200);
        expected.add("students.imported student null null {added=1, changed=0, refused=0}");
        noContent(admin.delete("/api/admin/students/" + tom));
        expected.add("student.archived student " + tom + " Tom L.");

        String room = created(admin.post("/api/admin/rooms", new RoomRequest("Attic", 8)));
        expected.add("room.created room " + room + " Attic");
        ok(admin.put("/api/admin/rooms/" + room, new RoomRequest("Attic", 9)));
        expected.add("room.updated room " + room + " Attic {capacity=9}");

        Api.Response registered = admin.post("/api/admin/devices", new DeviceRegistration("Attic door", room));
        String device = created(registered);
        String apiKey = registered.json().get("apiKey").asString();
        expected.add("device.registered device " + device + " Attic door {roomId=" + room + "}");
        ok(admin.put("/api/admin/devices/" + device, new DeviceUpdate("Attic door", room, DeviceMode.ASSIGN)));
        expected.add("device.updated device " + device + " Attic door {mode=assign}");
        String rotatedKey = ok(admin.post("/api/admin/devices/" + device + "/rotate", null))
                .get("apiKey")
                .asString();
        expected.add("device.rotated device " + device + " Attic door");
        noContent(admin.delete("/api/admin/devices/" + device));
        expected.add("device.revoked device " + device + " Attic door");

        String checkout = created(admin.post(
                "/api/admin/scheduled-checkouts",
                new ScheduledCheckoutRequest(
                        tenant.studentIds().get(1), clock.instant().plus(Duration.ofHours(1)))));
        expected.add("scheduled_checkout.planned scheduled_checkout " + checkout + " Noah B.");
        noContent(admin.delete("/api/admin/scheduled-checkouts/" + checkout));
        expected.add("scheduled_checkout.cancelled scheduled_checkout " + checkout + " Noah B.");

        noContent(admin.delete("/api/admin/rooms/" + room));
        expected.add("room.archived room " + room + " Attic");
        noContent(admin.delete("/api/admin/groups/" + group));
        expected.add("group.archived group " + group + " Night Owls");

        Api.Response audit = admin.get("/api/admin/audit");
        assertThat(audit.status()).isEqualTo(200);
        List<String> actual = new ArrayList<>();
        for (JsonNode entry : audit.json()) {
            assertThat(entry.get("actorId").asString()).isEqualTo(tenant.adminId());
            assertThat(entry.get("actorName").asString()).isEqualTo("Ada Admin");
            assertThat(entry.get("at").isNull()).isFalse();
            actual.addFirst(describe(entry));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(audit.body())
                .doesNotContain("SECRET-TAG", "2018-05", "+49 30 999", "kims-first-pass", "kims-second-pass")
                .doesNotContain(apiKey, rotatedKey, "$2a$");

        // Pages: newest first, the next page before the last id seen.
        JsonNode first = admin.get("/api/admin/audit?limit=3").json();
        assertThat(first).hasSize(3);
        JsonNode next = admin.get("/api/admin/audit?limit=3&before="
                        + first.get(2).get("id").asString())
                .json();
        assertThat(next.get(0).get("action").asString())
                .isEqualTo(audit.json().get(3).get("action").asString());
        assertThat(as(tenant, "sup1").get("/api/admin/audit").status()).isEqualTo(403);
        assertThat(as(tenants.create(), "admin").get("/api/admin/audit").json())
                .as("another school's log")
                .isEmpty();
    }

    @Test
    void aRefusedChangeLeavesNoEntry() {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        assertThat(admin.post("/api/admin/rooms", new RoomRequest("Small", 3)).status())
                .isEqualTo(409);
        assertThat(admin.post(
                                "/api/admin/students",
                                new StudentRequest(
                                        "A", "B", "1a", tenant.rfidTags().getFirst(), null, null, null))
                        .status())
                .isEqualTo(409);
        assertThat(admin.get("/api/admin/audit").json()).isEmpty();
    }

    private static String describe(JsonNode entry) {
        StringBuilder text = new StringBuilder()
                .append(entry.get("action").asString())
                .append(' ')
                .append(entry.get("targetType").asString())
                .append(' ')
                .append(
                        entry.get("targetId").isNull()
                                ? "null"
                                : entry.get("targetId").asString())
                .append(' ')
                .append(
                        entry.get("targetName").isNull()
                                ? "null"
                                : entry.get("targetName").asString());
        if (!entry.get("details").isEmpty()) {
            List<String> details = new ArrayList<>();
            entry.get("details")
                    .properties()
                    .forEach(d -> details.add(d.getKey() + "=" + d.getValue().asString()));
            details.sort(null);
            text.append(" {").append(String.join(", ", details)).append('}');
        }
        return text.toString();
    }

    private int importCsv(TestTenant tenant, String csv) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/admin/students/import?dryRun=false"))
                .header("Authorization", "Bearer " + login(tenant, "admin").accessToken())
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response::toString).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response::toString).isEqualTo(200);
        return response.json();
    }

    private static void noContent(Api.Response response) {
        assertThat(response.status()).as(response::toString).isEqualTo(204);
    }
}
