package app.roomwatch.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The simulator against the real server over HTTP, in a tenant of its own so the demo tenants stay as seeded. */
class ScannerSimulatorTests extends ServerTest {

    @Test
    void postsScansThatBecomeVisitsAndEventsVisibleThroughTheApi() throws InterruptedException {
        TestTenant tenant = tenants.create();
        String group = startActivity(tenant, "Lego", tenant.bigRoomId(), tenant.sup1Id());
        var simulator = new ScannerSimulator(
                "http://localhost:" + port,
                50,
                new ScannerSimulator.Account(tenant.slug(), "admin", TestTenants.PASSWORD),
                20);

        Thread thread = Thread.ofPlatform().name("simulator-under-test").start(simulator);
        thread.join(60_000);
        assertThat(thread.isAlive())
                .as("the simulator stops after its 20 scans")
                .isFalse();

        Api admin = as(tenant, "admin");
        JsonNode devices = admin.get("/api/admin/devices").json();
        assertThat(devices.findValuesAsString("name")).contains("Simulated scanner – Big", "Simulated scanner – Small");

        // With one running activity every scan checks a child in or (when inside) out: 20 scans, 20 such lines.
        List<String> lines = new ArrayList<>();
        admin.get("/api/activity?limit=200")
                .json()
                .forEach(entry -> lines.add(entry.get("text").asString()));
        List<String> checkIns = lines.stream()
                .filter(line -> line.endsWith("checked in to Lego (Big)"))
                .toList();
        List<String> checkOuts = lines.stream()
                .filter(line -> line.endsWith("checked out of Lego (Big)"))
                .toList();
        assertThat(checkIns.size() + checkOuts.size()).isEqualTo(20);
        assertThat(checkIns.size()).isGreaterThanOrEqualTo(10);
        assertThat(events(tenant.id(), "student_checkin")).hasSize(checkIns.size());

        int inside = admin.get("/api/active/groups/" + group + "/visits/display")
                .json()
                .size();
        assertThat(inside).isEqualTo(checkIns.size() - checkOuts.size());
    }
}
