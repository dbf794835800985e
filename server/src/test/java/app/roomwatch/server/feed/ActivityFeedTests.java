package app.roomwatch.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.AnnouncementRequest;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ActivityFeedTests extends ServerTest {

    @Test
    void showsReadableLinesOfWhatTheCallerMaySeeNewestFirst() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        startActivity(tenant, "Reading", tenant.smallRoomId(), tenant.sup2Id());
        scan(registerDevice(tenant, tenant.bigRoomId()), tenant.rfidTags().get(0));
        scan(registerDevice(tenant, tenant.smallRoomId()), tenant.rfidTags().get(1));

        List<String> sup1 = texts(as(tenant, "sup1").get("/api/activity").json());
        assertThat(sup1.getFirst()).isEqualTo("Mia K. checked in to Painting (Big)");
        assertThat(sup1).contains("Painting started in Big", "Reading started in Small");
        assertThat(sup1).noneMatch(line -> line.contains("Noah"));

        List<String> admin = texts(as(tenant, "admin").get("/api/activity").json());
        assertThat(admin.getFirst()).isEqualTo("Noah B. checked in to Reading (Small)");
        assertThat(admin).contains("Mia K. checked in to Painting (Big)");
    }

    @Test
    void writesTheLinesInGermanForACallerWhoAsksForIt() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Malen", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        scan(door, tenant.rfidTags().get(0));
        scan(door, tenant.rfidTags().get(0));

        List<String> german = texts(as(tenant, "sup1")
                .header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5")
                .get("/api/activity")
                .json());
        assertThat(german)
                .startsWith("Mia K. ist aus Malen (Big) ausgecheckt", "Mia K. ist in Malen (Big) eingecheckt")
                .contains("Malen hat in Big begonnen");

        List<String> english = texts(as(tenant, "sup1")
                .header("Accept-Language", "fr")
                .get("/api/activity")
                .json());
        assertThat(english).contains("Malen started in Big");
    }

    @Test
    void anActivityOrRoomWhoseNameIsNotFoundIsSaidInTheLinesLanguage() {
        TestTenant tenant = tenants.create();
        // Events that name an activity and a room this school does not have, as an event from before a restore may.
        for (String event : List.of(
                "student_checkin|{\"studentName\":\"Mia K.\",\"activeGroupId\":\"999999999\",\"roomId\":\"999999999\"}",
                "activity_end|{\"activeGroupId\":\"999999999\",\"roomId\":\"999999999\"}")) {
            String[] parts = event.split("\\|");
            jdbc.sql("INSERT INTO event (tenant_id, topic, type, payload, emitted_at)"
                            + " VALUES (:tenant, 'tenant', :type, CAST(:payload AS jsonb), now())")
                    .param("tenant", tenant.id())
                    .param("type", parts[0])
                    .param("payload", parts[1])
                    .update();
        }

        List<String> english = texts(as(tenant, "sup1").get("/api/activity").json());
        List<String> german = texts(as(tenant, "sup1")
                .header("Accept-Language", "de")
                .get("/api/activity")
                .json());

        assertThat(english).startsWith("An activity in a room ended", "Mia K. checked in to an activity (a room)");
        assertThat(german)
                .startsWith(
                        "Eine Aktivit\u00e4t in einem Raum ist beendet",
                        "Mia K. ist in einer Aktivit\u00e4t (einem Raum) eingecheckt");
    }

    @Test
    void anAdminSeesEveryActiveGroupButOnlyTheirOwnStaffTopic() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        Api admin = as(tenant, "admin");
        assertThat(admin.post(
                                "/api/announcements",
                                new AnnouncementRequest("Bus is late", "Pickup at 4", NotificationPriority.INFO, null))
                        .status())
                .isEqualTo(204);
        // An unknown tag notifies the room's supervisors (sup1) on their own staff topic only.
        scan(registerDevice(tenant, tenant.bigRoomId()), "no-such-tag");
        scan(registerDevice(tenant, tenant.bigRoomId()), tenant.rfidTags().get(0));
        assertThat(events(tenant.id(), "notification_new")).hasSizeGreaterThanOrEqualTo(4);

        List<String> adminLines = texts(admin.get("/api/activity?limit=200").json());
        assertThat(adminLines)
                .filteredOn(line -> line.startsWith("Notification:"))
                .containsExactly("Notification: Bus is late");
        assertThat(adminLines).contains("Painting started in Big", "Mia K. checked in to Painting (Big)");

        List<String> sup1Lines =
                texts(as(tenant, "sup1").get("/api/activity?limit=200").json());
        assertThat(sup1Lines)
                .filteredOn(line -> line.startsWith("Notification:"))
                .hasSize(2)
                .contains("Notification: Bus is late");
    }

    @Test
    void theChildrenCheckedOutByEndingAnActivityStayInItsSupervisorsFeed() {
        TestTenant tenant = tenants.create();
        String painting = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        scan(registerDevice(tenant, tenant.bigRoomId()), tenant.rfidTags().get(0));

        assertThat(as(tenant, "sup1")
                        .post("/api/active/groups/" + painting + "/end", null)
                        .status())
                .isEqualTo(204);

        List<String> sup1 = texts(as(tenant, "sup1").get("/api/activity").json());
        assertThat(sup1)
                .containsSubsequence(
                        "Painting in Big ended",
                        "Mia K. checked out of Painting (Big) as the activity ended",
                        "Mia K. checked in to Painting (Big)");
    }

    @Test
    void pagesBackWithTheBeforeCursor() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        for (String tag : tenant.rfidTags()) {
            scan(door, tag);
        }
        Api admin = as(tenant, "admin");
        List<String> all = ids(admin.get("/api/activity?limit=200").json());
        List<String> paged = new ArrayList<>();
        String before = "";
        while (true) {
            JsonNode page = admin.get("/api/activity?limit=3" + (before.isEmpty() ? "" : "&before=" + before))
                    .json();
            if (page.isEmpty()) {
                break;
            }
            paged.addAll(ids(page));
            before = paged.getLast();
        }
        assertThat(paged).isEqualTo(all).doesNotHaveDuplicates();
        assertThat(admin.get("/api/activity?before=nonsense").status()).isEqualTo(400);
    }

    private static List<String> texts(JsonNode entries) {
        List<String> texts = new ArrayList<>();
        entries.forEach(entry -> texts.add(entry.get("text").asString()));
        return texts;
    }

    private static List<String> ids(JsonNode entries) {
        List<String> ids = new ArrayList<>();
        entries.forEach(entry -> ids.add(entry.get("id").asString()));
        return ids;
    }
}
