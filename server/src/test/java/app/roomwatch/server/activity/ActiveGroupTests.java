package app.roomwatch.server.activity;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.CheckInRequest;
import app.roomwatch.model.api.StartActivityRequest;
import app.roomwatch.model.api.SupervisorsRequest;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.LoggedEvent;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ActiveGroupTests extends ServerTest {

    @Test
    void startingAnActivityAnnouncesItAndTellsItsSupervisors() {
        TestTenant tenant = tenants.create();
        Api sup1 = as(tenant, "sup1");

        Api.Response started = sup1.post(
                "/api/active/groups",
                new StartActivityRequest(
                        "Painting", tenant.bigRoomId(), null, List.of(tenant.sup1Id(), tenant.sup2Id())));

        assertThat(started.status()).isEqualTo(201);
        String id = started.json().get("id").asString();
        assertThat(started.json().get("roomName").asString()).isEqualTo("Big");
        assertThat(started.json().get("supervisedByMe").asBoolean()).isTrue();
        LoggedEvent start = events(tenant.id(), "activity_start").getFirst();
        assertThat(start.topic()).isEqualTo("tenant");
        assertThat(start.field("name")).isEqualTo("Painting");
        assertThat(start.data().get("supervisorIds").toString()).contains(tenant.sup1Id(), tenant.sup2Id());
        assertThat(events(tenant.id(), "supervision_changed"))
                .extracting(LoggedEvent::topic)
                .containsExactly("staff:" + tenant.sup1Id(), "staff:" + tenant.sup2Id());
        assertThat(sup1.get("/api/me")
                        .json()
                        .get("supervisedActiveGroupIds")
                        .get(0)
                        .asString())
                .isEqualTo(id);
        JsonNode rooms = sup1.get("/api/rooms").json();
        JsonNode big = rooms.get(0);
        assertThat(big.get("name").asString()).isEqualTo("Big");
        assertThat(big.get("activeGroup").get("id").asString()).isEqualTo(id);
        assertThat(big.get("activeGroup").get("supervisors").size()).isEqualTo(2);
        assertThat(rooms.get(1).get("activeGroup").isNull()).isTrue();
    }

    @Test
    void aRoomRunsOneActivityAtATime() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        Api.Response second = as(tenant, "sup2")
                .post("/api/active/groups", new StartActivityRequest("Chess", tenant.bigRoomId(), null, List.of()));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("already has a running activity");
    }

    @Test
    void changingSupervisorsTellsEveryoneWhoseSetChanged() {
        TestTenant tenant = tenants.create();
        String id = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        int before = events(tenant.id(), "supervision_changed").size();

        Api.Response changed = as(tenant, "sup1")
                .put("/api/active/groups/" + id + "/supervisors", new SupervisorsRequest(List.of(tenant.sup2Id())));

        assertThat(changed.status()).isEqualTo(200);
        List<LoggedEvent> news = events(tenant.id(), "supervision_changed").subList(before, before + 2);
        assertThat(news)
                .extracting(LoggedEvent::topic)
                .containsExactly("staff:" + tenant.sup1Id(), "staff:" + tenant.sup2Id());
        assertThat(news.get(0).data().get("activeGroupIds").isEmpty()).isTrue();
        assertThat(news.get(1).data().get("activeGroupIds").get(0).asString()).isEqualTo(id);
        // sup1 no longer supervises it, so may no longer change it.
        assertThat(as(tenant, "sup1")
                        .put(
                                "/api/active/groups/" + id + "/supervisors",
                                new SupervisorsRequest(List.of(tenant.sup1Id())))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void supervisorsCheckChildrenInAndOutByHandAndSeeThemInOneList() {
        TestTenant tenant = tenants.create();
        String id = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        Api sup1 = as(tenant, "sup1");

        Api.Response in = sup1.post(
                "/api/active/groups/" + id + "/visits",
                new CheckInRequest(tenant.studentIds().get(1)));
        assertThat(in.status()).isEqualTo(201);
        assertThat(in.json().get("studentName").asString()).isEqualTo("Noah B.");
        assertThat(in.json().get("source").asString()).isEqualTo("manual");
        assertThat(sup1.post(
                                "/api/active/groups/" + id + "/visits",
                                new CheckInRequest(tenant.studentIds().get(1)))
                        .status())
                .isEqualTo(409);

        JsonNode display =
                sup1.get("/api/active/groups/" + id + "/visits/display").json();
        assertThat(display.size()).isEqualTo(1);
        assertThat(display.get(0).get("schoolClass").asString()).isEqualTo("3b");
        assertThat(display.get(0).has("birthday")).isFalse();

        String visitId = in.json().get("visitId").asString();
        assertThat(as(tenant, "sup2")
                        .post("/api/visits/" + visitId + "/end", null)
                        .status())
                .isEqualTo(403);
        assertThat(sup1.post("/api/visits/" + visitId + "/end", null).status()).isEqualTo(204);
        assertThat(sup1.post("/api/visits/" + visitId + "/end", null).status()).isEqualTo(404);
        assertThat(sup1.get("/api/active/groups/" + id + "/visits/display")
                        .json()
                        .size())
                .isZero();
        assertThat(events(tenant.id(), "student_checkout").getFirst().field("source"))
                .isEqualTo("manual");
    }

    @Test
    void onlyItsSupervisorsOrAnAdminMayEndAnActivityAndItsChildrenLeaveWithIt() {
        TestTenant tenant = tenants.create();
        String id = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        scan(door, tenant.rfidTags().get(0));
        scan(door, tenant.rfidTags().get(1));

        assertThat(as(tenant, "sup2")
                        .post("/api/active/groups/" + id + "/end", null)
                        .status())
                .isEqualTo(403);
        assertThat(as(tenant, "sup2")
                        .get("/api/active/groups/" + id + "/visits/display")
                        .status())
                .isEqualTo(403);
        assertThat(as(tenant, "sup1")
                        .post("/api/active/groups/" + id + "/end", null)
                        .status())
                .isEqualTo(204);

        List<LoggedEvent> log = events(tenant.id());
        List<String> tail = log.subList(log.size() - 5, log.size()).stream()
                .map(LoggedEvent::type)
                .toList();
        assertThat(tail)
                .containsExactly(
                        "student_checkout",
                        "student_checkout",
                        "activity_end",
                        "room_occupancy",
                        "supervision_changed");
        assertThat(events(tenant.id(), "student_checkout"))
                .allSatisfy(e -> assertThat(e.field("source")).isEqualTo("session_end"));
        assertThat(as(tenant, "sup1").get("/api/active/groups").json().size()).isZero();
        assertThat(scan(door, tenant.rfidTags().get(0)).status()).isEqualTo(409);
    }
}
