package app.roomwatch.server.notification;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.AnnouncementRequest;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.LoggedEvent;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NotificationTests extends ServerTest {

    @Test
    void anAnnouncementToTheTenantReachesEveryStaffMember() {
        TestTenant tenant = tenants.create();
        Api.Response sent = as(tenant, "sup1")
                .post(
                        "/api/announcements",
                        new AnnouncementRequest("Fire drill", "At 15:00 today", NotificationPriority.URGENT, null));

        assertThat(sent.status()).isEqualTo(204);
        assertThat(events(tenant.id(), "notification_new"))
                .extracting(LoggedEvent::topic)
                .containsExactlyInAnyOrder(
                        "staff:" + tenant.adminId(), "staff:" + tenant.sup1Id(), "staff:" + tenant.sup2Id());
        JsonNode mine = as(tenant, "sup2").get("/api/notifications").json();
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("title").asString()).isEqualTo("Fire drill");
        assertThat(mine.get(0).get("priority").asString()).isEqualTo("urgent");
        assertThat(mine.get(0).get("read").asBoolean()).isFalse();
    }

    @Test
    void anAnnouncementToAnActiveGroupReachesOnlyItsSupervisors() {
        TestTenant tenant = tenants.create();
        String id = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup2Id());
        as(tenant, "sup1")
                .post(
                        "/api/announcements",
                        new AnnouncementRequest("Pick-up", "Mia's dad is late", NotificationPriority.INFO, id));
        assertThat(events(tenant.id(), "notification_new"))
                .extracting(LoggedEvent::topic)
                .containsExactly("staff:" + tenant.sup2Id());
    }

    @Test
    void markingReadIsToldToTheStaffMembersOtherConsoles() {
        TestTenant tenant = tenants.create();
        for (String title : List.of("One", "Two", "Three")) {
            as(tenant, "admin")
                    .post("/api/announcements", new AnnouncementRequest(title, "", NotificationPriority.INFO, null));
        }
        Api sup1 = as(tenant, "sup1");
        JsonNode listed = sup1.get("/api/notifications").json();
        assertThat(listed).extracting(n -> n.get("title").asString()).containsExactly("Three", "Two", "One");
        String first = listed.get(2).get("id").asString();

        assertThat(sup1.post("/api/notifications/" + first + "/read", null).status())
                .isEqualTo(204);
        assertThat(sup1.get("/api/notifications?unreadOnly=true").json().size()).isEqualTo(2);
        assertThat(sup1.post("/api/notifications/read-all", null).status()).isEqualTo(204);
        assertThat(sup1.get("/api/notifications?unreadOnly=true").json().size()).isZero();
        assertThat(sup1.get("/api/notifications?limit=1").json().size()).isEqualTo(1);

        List<LoggedEvent> reads = events(tenant.id(), "notification_read");
        assertThat(reads).allSatisfy(e -> assertThat(e.topic()).isEqualTo("staff:" + tenant.sup1Id()));
        assertThat(reads).hasSize(2);
        assertThat(reads.get(0).data().get("ids").get(0).asString()).isEqualTo(first);
        assertThat(reads.get(1).data().get("ids").size()).isEqualTo(2);

        // Someone else's notification is not there for them.
        String adminsOwn = as(tenant, "admin")
                .get("/api/notifications")
                .json()
                .get(0)
                .get("id")
                .asString();
        assertThat(sup1.post("/api/notifications/" + adminsOwn + "/read", null).status())
                .isEqualTo(404);
    }

    @Test
    void anAnnouncementShowsWhoSentItAndASystemNotificationHasNoSender() {
        TestTenant tenant = tenants.create();
        as(tenant, "sup1")
                .post(
                        "/api/announcements",
                        new AnnouncementRequest("Bus late", "Line 12", NotificationPriority.INFO, null));

        JsonNode mine = as(tenant, "sup2").get("/api/notifications").json();
        assertThat(mine.get(0).get("sender").asString()).isEqualTo("Sam Super");
        assertThat(events(tenant.id(), "notification_new"))
                .allSatisfy(e -> assertThat(e.data().get("sender").asString()).isEqualTo("Sam Super"));
    }

    @Test
    void aSupervisorMaySendAnUrgentAnnouncementOnlyToTheTenantOrAnActivityTheySupervise() {
        TestTenant tenant = tenants.create();
        String sup2s = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup2Id());
        String sup1s = startActivity(tenant, "Chess", tenant.smallRoomId(), tenant.sup1Id());

        Api.Response refused = as(tenant, "sup1")
                .post("/api/announcements", new AnnouncementRequest("Now", "", NotificationPriority.URGENT, sup2s));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(events(tenant.id(), "notification_new")).isEmpty();

        assertThat(as(tenant, "sup1")
                        .post(
                                "/api/announcements",
                                new AnnouncementRequest("FYI", "", NotificationPriority.INFO, sup2s))
                        .status())
                .isEqualTo(204);
        assertThat(as(tenant, "sup1")
                        .post(
                                "/api/announcements",
                                new AnnouncementRequest("Now", "", NotificationPriority.URGENT, sup1s))
                        .status())
                .isEqualTo(204);
        assertThat(as(tenant, "sup1")
                        .post(
                                "/api/announcements",
                                new AnnouncementRequest("All", "", NotificationPriority.URGENT, null))
                        .status())
                .isEqualTo(204);
        assertThat(as(tenant, "admin")
                        .post(
                                "/api/announcements",
                                new AnnouncementRequest("Now", "", NotificationPriority.URGENT, sup2s))
                        .status())
                .isEqualTo(204);
    }
}
