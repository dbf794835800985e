package app.roomwatch.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class DemoDataTests extends ServerTest {

    @Autowired
    DemoData demo;

    @Test
    void seedsBothDemoTenantsOnceAndHarmlesslyAgain() {
        demo.seedDemo();
        demo.seedDemo2();
        demo.seedDemo();
        demo.seedDemo2();

        Api anna = api().bearer(token("demo", "anna"));
        JsonNode rooms = anna.get("/api/rooms").json();
        assertThat(rooms.size()).isEqualTo(4);
        JsonNode groups = anna.get("/api/active/groups").json();
        assertThat(groups.size()).isEqualTo(2);
        assertThat(groups.findValuesAsString("name")).contains("Painting", "Football");
        assertThat(anna.get("/api/groups/mine").json().findValuesAsString("name"))
                .containsExactly("Classes 1–2");
        assertThat(api().bearer(token("demo", "ben"))
                        .get("/api/groups/mine")
                        .json()
                        .findValuesAsString("name"))
                .containsExactly("Classes 3–4");
        assertThat(anna.get("/api/me").json().get("supervisedActiveGroupIds").size())
                .isEqualTo(1);
        assertThat(api().bearer(token("demo", "ben"))
                        .get("/api/me")
                        .json()
                        .get("supervisedActiveGroupIds")
                        .size())
                .isEqualTo(1);
        int inside = 0;
        for (JsonNode room : rooms) {
            inside += room.get("occupancy").asInt();
        }
        assertThat(inside).isBetween(3, 20);
        Api admin = api().bearer(token("demo", "admin"));
        JsonNode students = admin.get("/api/admin/students").json();
        assertThat(students.size()).isBetween(55, 65);
        java.util.Set<String> names = new java.util.HashSet<>();
        students.forEach(s -> names.add(
                s.get("firstName").asString() + " " + s.get("lastName").asString()));
        assertThat(names).hasSize(students.size());

        Api clara = api().bearer(token("demo2", "clara"));
        assertThat(clara.get("/api/rooms").json().size()).isEqualTo(1);
    }

    private String token(String tenant, String username) {
        Api.Response response = api().post("/api/auth/login", new LoginRequest(tenant, username, "demo"));
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("accessToken").asString();
    }
}
