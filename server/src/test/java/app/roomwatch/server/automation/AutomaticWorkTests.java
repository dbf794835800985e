package app.roomwatch.server.automation;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.admin.ScheduledCheckoutRequest;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.LoggedEvent;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AutomaticWorkTests extends ServerTest {

    @Autowired
    AutomaticWork work;

    @Test
    void executesDueScheduledCheckoutsAndNotifiesTheSupervisors() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        scan(door, tenant.rfidTags().getFirst());
        Api admin = as(tenant, "admin");
        Api.Response planned = admin.post(
                "/api/admin/scheduled-checkouts",
                new ScheduledCheckoutRequest(
                        tenant.studentIds().getFirst(), clock.instant().plusSeconds(600)));
        assertThat(planned.status()).isEqualTo(201);

        work.runOnce();
        assertThat(events(tenant.id(), "student_checkout")).isEmpty();

        clock.advance(Duration.ofMinutes(11));
        work.runOnce();
        List<LoggedEvent> checkouts = events(tenant.id(), "student_checkout");
        assertThat(checkouts).hasSize(1);
        assertThat(checkouts.getFirst().field("source")).isEqualTo("scheduled");
        assertThat(admin.get("/api/admin/scheduled-checkouts")
                        .json()
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("executed");
        assertThat(events(tenant.id(), "notification_new").getLast().topic()).isEqualTo("staff:" + tenant.sup1Id());
        work.runOnce();
        assertThat(events(tenant.id(), "student_checkout")).hasSize(1);
    }

    @Test
    void endsAnActivityIdlePastItsTimeoutWithItsVisits() {
        TestTenant tenant = tenants.create();
        String id = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        scan(door, tenant.rfidTags().getFirst());
        // A short timeout of its own, so that moving the shared clock does not end other tests' activities.
        jdbc.sql("UPDATE active_group SET inactivity_timeout_secs = 600 WHERE id = " + id)
                .update();

        clock.advance(Duration.ofMinutes(9));
        work.runOnce();
        assertThat(events(tenant.id(), "activity_end")).isEmpty();

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        work.runOnce();
        assertThat(events(tenant.id(), "student_checkout").getFirst().field("source"))
                .isEqualTo("session_end");
        assertThat(events(tenant.id(), "activity_end").getFirst().field("activeGroupId"))
                .isEqualTo(id);
        List<String> order = events(tenant.id()).stream().map(LoggedEvent::type).toList();
        assertThat(order.indexOf("activity_end")).isGreaterThan(order.lastIndexOf("student_checkout"));
    }

    @Test
    void warnsTheSupervisorsOnceWhenARoomGoesOverCapacity() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Reading", tenant.smallRoomId(), tenant.sup2Id());
        String door = registerDevice(tenant, tenant.smallRoomId());
        scan(door, tenant.rfidTags().get(0));
        scan(door, tenant.rfidTags().get(1));
        assertThat(urgent(tenant)).isEmpty();

        scan(door, tenant.rfidTags().get(2));
        scan(door, tenant.rfidTags().get(3));
        work.runOnce();

        List<LoggedEvent> urgent = urgent(tenant);
        assertThat(urgent).hasSize(1);
        assertThat(urgent.getFirst().topic()).isEqualTo("staff:" + tenant.sup2Id());
        assertThat(urgent.getFirst().field("title")).isEqualTo("Small is over capacity");
    }

    @Test
    void reportsAScannerSilentForFiveMinutesAndWelcomesItBack() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String door = registerDevice(tenant, tenant.bigRoomId());
        api().bearer(door).post("/api/iot/heartbeat", null);

        clock.advance(Duration.ofMinutes(4));
        work.runOnce();
        assertThat(events(tenant.id(), "device_status")).isEmpty();

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        work.runOnce();
        work.runOnce();
        assertThat(events(tenant.id(), "device_status"))
                .singleElement()
                .satisfies(e -> assertThat(e.field("status")).isEqualTo("silent"));
        assertThat(events(tenant.id(), "notification_new").getLast().field("title"))
                .isEqualTo("Scanner silent in Big");

        api().bearer(door).post("/api/iot/heartbeat", null);
        assertThat(events(tenant.id(), "device_status").getLast().field("status"))
                .isEqualTo("online");
    }

    private List<LoggedEvent> urgent(TestTenant tenant) {
        return events(tenant.id(), "notification_new").stream()
                .filter(e -> e.field("priority").equals("urgent"))
                .toList();
    }
}
