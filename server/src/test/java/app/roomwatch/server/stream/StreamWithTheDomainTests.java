package app.roomwatch.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.CheckInRequest;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.StartActivityRequest;
import app.roomwatch.model.api.SupervisorsRequest;
import app.roomwatch.model.api.admin.StaffAccountRequest;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream driven by the real REST API of the domain, as consoles and scanners drive it. */
class StreamWithTheDomainTests extends StreamTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void streamsFollowAnActivityFromStartThroughASupervisorChangeToItsEnd() {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        Api sup1 = as(tenant, "sup1");
        Api sup2 = as(tenant, "sup2");
        try (SseClient first = live(token(tenant, "sup1"));
                SseClient second = live(token(tenant, "sup2"))) {
            Api.Response started = admin.post(
                    "/api/active/groups",
                    new StartActivityRequest("Chess", tenant.bigRoomId(), null, List.of(tenant.sup1Id())));
            assertThat(started.status()).isEqualTo(201);
            String group = started.json().get("id").asString();

            assertThat(sup1.post(
                                    "/api/active/groups/" + group + "/visits",
                                    new CheckInRequest(tenant.studentIds().get(0)))
                            .status())
                    .isEqualTo(201);
            assertThat(admin.put(
                                    "/api/active/groups/" + group + "/supervisors",
                                    new SupervisorsRequest(List.of(tenant.sup2Id())))
                            .status())
                    .isEqualTo(200);
            assertThat(sup2.post(
                                    "/api/active/groups/" + group + "/visits",
                                    new CheckInRequest(tenant.studentIds().get(1)))
                            .status())
                    .isEqualTo(201);
            assertThat(admin.post("/api/active/groups/" + group + "/end", null).status())
                    .isBetween(200, 204);

            List<String> firstSaw = untilActivityEnd(first);
            List<String> secondSaw = untilActivityEnd(second);
            String s0 = tenant.studentIds().get(0);
            String s1 = tenant.studentIds().get(1);
            assertThat(firstSaw)
                    .startsWith("activity_start")
                    .contains("student_checkin " + s0)
                    .doesNotContain("student_checkin " + s1, "student_checkout " + s0, "student_checkout " + s1);
            assertThat(secondSaw)
                    .contains("student_checkin " + s1, "student_checkout " + s0, "student_checkout " + s1)
                    .doesNotContain("student_checkin " + s0);
            // The supervisor change reaches the new supervisor before the first event it entitles them to.
            assertThat(secondSaw.indexOf("supervision_changed")).isLessThan(secondSaw.indexOf("student_checkin " + s1));
        }
    }

    @Test
    void disablingAnAccountThroughTheAdminApiEndsItsStreams() {
        TestTenant tenant = tenants.create();
        try (SseClient stream = live(token(tenant, "sup1"))) {
            Api.Response disabled = as(tenant, "admin")
                    .put(
                            "/api/admin/staff/" + tenant.sup1Id(),
                            new StaffAccountRequest("sup1", "Sam Super", StaffRole.SUPERVISOR, null, false));
            assertThat(disabled.status()).isEqualTo(200);
            stream.awaitEnd(WAIT);
        }
    }

    /** Event types (with the student for visits) up to and including {@code activity_end}. */
    private static List<String> untilActivityEnd(SseClient client) {
        var seen = new ArrayList<String>();
        client.until(
                frame -> {
                    if (frame.id() != null) {
                        var data = frame.json().get("data");
                        seen.add(
                                data.has("studentId")
                                        ? frame.event() + " "
                                                + data.get("studentId").asString()
                                        : frame.event());
                    }
                    return frame.event().equals("activity_end");
                },
                WAIT);
        return seen;
    }
}
