package app.roomwatch.server.location;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChildLocationTests extends ServerTest {

    @Test
    void theSearchSaysWhereEveryChildIsNow() {
        TestTenant tenant = tenants.create();
        String painting = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String key = registerDevice(tenant, tenant.bigRoomId());
        Api sup1 = as(tenant, "sup1");
        // Mia: in the room. Noah: scanned in and out again. Lea: checked in, then out by hand (gone home).
        sup1.post(
                "/api/active/groups/" + painting + "/visits",
                Map.of("studentId", tenant.studentIds().get(0)));
        scan(key, tenant.rfidTags().get(1));
        scan(key, tenant.rfidTags().get(1));
        String leaVisit = sup1.post(
                        "/api/active/groups/" + painting + "/visits",
                        Map.of("studentId", tenant.studentIds().get(2)))
                .json()
                .get("visitId")
                .asString();
        assertThat(sup1.post("/api/visits/" + leaVisit + "/end", null).status()).isEqualTo(204);

        Api.Response found = sup1.get("/api/students?query=");

        assertThat(found.status()).isEqualTo(200);
        Map<String, JsonNode> byId = new HashMap<>();
        found.json().forEach(child -> byId.put(child.get("id").asString(), child.get("location")));
        JsonNode mia = byId.get(tenant.studentIds().get(0));
        assertThat(mia.get("state").asString()).isEqualTo("in_room");
        assertThat(mia.get("roomId").asString()).isEqualTo(tenant.bigRoomId());
        assertThat(mia.get("roomName").asString()).isEqualTo("Big");
        assertThat(mia.get("activeGroupId").asString()).isEqualTo(painting);
        assertThat(mia.get("activeGroupName").asString()).isEqualTo("Painting");
        assertThat(mia.get("since").isNull()).isFalse();
        JsonNode noah = byId.get(tenant.studentIds().get(1));
        assertThat(noah.get("state").asString()).isEqualTo("left_room");
        assertThat(noah.get("roomName").asString()).isEqualTo("Big");
        assertThat(noah.get("since").isNull()).isFalse();
        JsonNode lea = byId.get(tenant.studentIds().get(2));
        assertThat(lea.get("state").asString()).isEqualTo("gone_home");
        assertThat(lea.get("roomId").isNull()).isTrue();
        assertThat(lea.get("since").isNull()).isFalse();
        JsonNode ben = byId.get(tenant.studentIds().get(3));
        assertThat(ben.get("state").asString()).isEqualTo("not_seen_today");
        assertThat(ben.get("roomId").isNull()).isTrue();
        assertThat(ben.get("since").isNull()).isTrue();
    }

    @Test
    void aRoomListsTheChildrenInsideNewestFirstByShortName() {
        TestTenant tenant = tenants.create();
        String painting = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        Api sup1 = as(tenant, "sup1");
        sup1.post(
                "/api/active/groups/" + painting + "/visits",
                Map.of("studentId", tenant.studentIds().get(0)));
        clock.advance(java.time.Duration.ofSeconds(5));
        sup1.post(
                "/api/active/groups/" + painting + "/visits",
                Map.of("studentId", tenant.studentIds().get(1)));

        Api sup2 = as(tenant, "sup2");
        JsonNode children =
                sup2.get("/api/rooms/" + tenant.bigRoomId() + "/children").json();

        assertThat(children.size()).isEqualTo(2);
        assertThat(children.get(0).get("studentName").asString()).isEqualTo("Noah B.");
        assertThat(children.get(0).get("studentId").asString())
                .isEqualTo(tenant.studentIds().get(1));
        assertThat(children.get(0).get("source").asString()).isEqualTo("manual");
        assertThat(children.get(0).get("checkedInAt").isNull()).isFalse();
        assertThat(children.get(1).get("studentName").asString()).isEqualTo("Mia K.");
        assertThat(children.toString()).doesNotContain("Klein", "2017");
        assertThat(sup2.get("/api/rooms/" + tenant.smallRoomId() + "/children")
                        .json()
                        .isEmpty())
                .isTrue();
        JsonNode big = sup2.get("/api/rooms").json().get(0);
        assertThat(big.get("children").get(0).get("studentName").asString()).isEqualTo("Noah B.");
        assertThat(big.get("children").size()).isEqualTo(big.get("occupancy").asInt());
        // Another school's room is not there for this tenant.
        TestTenant other = tenants.create();
        assertThat(as(other, "sup1")
                        .get("/api/rooms/" + tenant.bigRoomId() + "/children")
                        .status())
                .isEqualTo(404);
    }
}
