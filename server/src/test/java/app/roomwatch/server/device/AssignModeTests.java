package app.roomwatch.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.admin.DeviceMode;
import app.roomwatch.model.api.admin.DeviceUpdate;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A scanner in assign mode only reads tags, for an admin to give them to children. */
class AssignModeTests extends ServerTest {

    @Test
    void aScanInAssignModeRecordsTheTagAndChecksNobodyIn() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String key = registerDevice(tenant, tenant.bigRoomId());
        String device = deviceId(tenant);
        Api admin = as(tenant, "admin");

        Api.Response switched = admin.put(
                "/api/admin/devices/" + device, new DeviceUpdate("Desk reader", tenant.bigRoomId(), DeviceMode.ASSIGN));
        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.json().get("mode").asString()).isEqualTo("assign");
        assertThat(switched.json().get("name").asString()).isEqualTo("Desk reader");
        int statusEventsBefore = events(tenant.id(), "device_status").size();

        Api.Response known = scan(key, tenant.rfidTags().getFirst());
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.json().get("result").asString()).isEqualTo("tag_read");
        assertThat(known.json().get("studentId").asString())
                .isEqualTo(tenant.studentIds().getFirst());
        assertThat(known.json().get("studentName").asString()).isEqualTo("Mia K.");
        assertThat(known.json().get("roomName").asString()).isEqualTo("Big");
        assertThat(known.json().get("activeGroupId").isNull()).isTrue();

        Api.Response unknown = scan(key, "NEW-CARD-7");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().get("result").asString()).isEqualTo("tag_read");
        assertThat(unknown.json().get("studentId").isNull()).isTrue();

        JsonNode listed = deviceRecord(admin, device);
        assertThat(listed.get("lastTag").asString()).isEqualTo("NEW-CARD-7");
        assertThat(listed.get("lastTagAt").isNull()).isFalse();
        assertThat(listed.get("mode").asString()).isEqualTo("assign");
        assertThat(events(tenant.id(), "device_status")).hasSize(statusEventsBefore + 2);
        assertThat(events(tenant.id(), "student_checkin")).isEmpty();
        assertThat(count("SELECT count(*) FROM visit WHERE tenant_id = " + tenant.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM notification WHERE tenant_id = " + tenant.id()))
                .as("an unknown tag in assign mode notifies nobody")
                .isZero();

        Api.Response back = admin.put(
                "/api/admin/devices/" + device, new DeviceUpdate("Desk reader", tenant.bigRoomId(), DeviceMode.SCAN));
        assertThat(back.json().get("lastTag").isNull()).isTrue();
        assertThat(scan(key, tenant.rfidTags().getFirst()).json().get("result").asString())
                .isEqualTo("checked_in");
    }

    @Test
    void aDeviceMovesToAnotherRoomAndBadUpdatesAreRefused() {
        TestTenant tenant = tenants.create();
        registerDevice(tenant, tenant.bigRoomId());
        String device = deviceId(tenant);
        Api admin = as(tenant, "admin");

        Api.Response moved = admin.put(
                "/api/admin/devices/" + device, "{\"name\":\"Door\",\"roomId\":\"" + tenant.smallRoomId() + "\"}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("roomId").asString()).isEqualTo(tenant.smallRoomId());
        assertThat(moved.json().get("mode").asString()).as("scan by default").isEqualTo("scan");

        String before = deviceRecord(admin, device).toString();
        assertThat(admin.put(
                                "/api/admin/devices/" + device,
                                "{\"name\":\"Door\",\"roomId\":\"" + tenant.smallRoomId() + "\",\"mode\":\"borrow\"}")
                        .status())
                .isEqualTo(400);
        assertThat(admin.put("/api/admin/devices/" + device, "{\"name\":\"Door\",\"roomId\":\"999999\"}")
                        .status())
                .isEqualTo(404);
        assertThat(admin.put(
                                "/api/admin/devices/" + device,
                                "{\"name\":\"\",\"roomId\":\"" + tenant.smallRoomId() + "\"}")
                        .status())
                .isEqualTo(400);
        assertThat(as(tenant, "sup1")
                        .put(
                                "/api/admin/devices/" + device,
                                new DeviceUpdate("Door", tenant.bigRoomId(), DeviceMode.ASSIGN))
                        .status())
                .isEqualTo(403);
        assertThat(deviceRecord(admin, device).toString()).isEqualTo(before);
    }

    private String deviceId(TestTenant tenant) {
        return jdbc.sql("SELECT max(id)::text FROM device WHERE tenant_id = " + tenant.id())
                .query(String.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static JsonNode deviceRecord(Api admin, String id) {
        for (JsonNode device : admin.get("/api/admin/devices").json()) {
            if (device.get("id").asString().equals(id)) {
                return device;
            }
        }
        throw new AssertionError("no device " + id);
    }
}
