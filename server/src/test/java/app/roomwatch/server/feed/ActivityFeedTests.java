package app.roomwatch.server.feed;

import static org.assertj.core.api.Assertions.assertThat;

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
