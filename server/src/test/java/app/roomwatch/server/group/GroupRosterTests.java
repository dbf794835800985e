package app.roomwatch.server.group;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.admin.GroupLeadsRequest;
import app.roomwatch.model.api.admin.GroupRequest;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GroupRosterTests extends ServerTest {

    @Test
    void aLeadSeesEveryChildOfHerGroupWithItsLocation() {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        String group = admin.post("/api/admin/groups", new GroupRequest("Classes 3–4"))
                .json()
                .get("id")
                .asString();
        for (String student : tenant.studentIds().subList(0, 3)) {
            jdbc.sql("UPDATE student SET group_id = :group WHERE id = :id")
                    .param("group", Long.parseLong(group))
                    .param("id", Long.parseLong(student))
                    .update();
        }
        Api.Response assigned =
                admin.put("/api/admin/groups/" + group + "/leads", new GroupLeadsRequest(List.of(tenant.sup1Id())));
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.json().get("staffIds").get(0).asString()).isEqualTo(tenant.sup1Id());
        String painting = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup2Id());
        as(tenant, "sup2")
                .post(
                        "/api/active/groups/" + painting + "/visits",
                        Map.of("studentId", tenant.studentIds().get(1)));

        Api sup1 = as(tenant, "sup1");
        JsonNode mine = sup1.get("/api/groups/mine").json();
        JsonNode roster = sup1.get("/api/groups/" + group + "/roster").json();

        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("id").asString()).isEqualTo(group);
        assertThat(mine.get(0).get("name").asString()).isEqualTo("Classes 3–4");
        assertThat(roster.size()).isEqualTo(3);
        assertThat(roster.findValuesAsString("studentName")).containsExactly("Lea W.", "Mia K.", "Noah B.");
        JsonNode noah = roster.get(2);
        assertThat(noah.get("studentId").asString())
                .isEqualTo(tenant.studentIds().get(1));
        assertThat(noah.get("location").get("state").asString()).isEqualTo("in_room");
        assertThat(noah.get("location").get("roomName").asString()).isEqualTo("Big");
        assertThat(roster.get(0).get("location").get("state").asString()).isEqualTo("not_seen_today");
        assertThat(roster.toString()).doesNotContain("Klein", "2017");
    }

    @Test
    void onlyLeadsAndAdminsSeeARoster() {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        String group = admin.post("/api/admin/groups", new GroupRequest("Classes 1–2"))
                .json()
                .get("id")
                .asString();
        admin.put("/api/admin/groups/" + group + "/leads", new GroupLeadsRequest(List.of(tenant.sup1Id())));

        assertThat(as(tenant, "sup2").get("/api/groups/mine").json().isEmpty()).isTrue();
        Api.Response refused = as(tenant, "sup2").get("/api/groups/" + group + "/roster");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(admin.get("/api/groups/mine").json().size()).isEqualTo(1);
        assertThat(admin.get("/api/groups/" + group + "/roster").status()).isEqualTo(200);
        // Leads can be taken away, and only admins assign them.
        assertThat(as(tenant, "sup1")
                        .put("/api/admin/groups/" + group + "/leads", new GroupLeadsRequest(List.of(tenant.sup1Id())))
                        .status())
                .isEqualTo(403);
        admin.put("/api/admin/groups/" + group + "/leads", new GroupLeadsRequest(List.of()));
        assertThat(as(tenant, "sup1").get("/api/groups/" + group + "/roster").status())
                .isEqualTo(403);
    }

    @Test
    void adminsReadWhoLeadsAGroupUntilItIsArchived() {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        String group = admin.post("/api/admin/groups", new GroupRequest("Classes 1–2"))
                .json()
                .get("id")
                .asString();
        assertThat(admin.get("/api/admin/groups/" + group + "/leads")
                        .json()
                        .get("staffIds")
                        .isEmpty())
                .isTrue();

        admin.put(
                "/api/admin/groups/" + group + "/leads",
                new GroupLeadsRequest(List.of(tenant.sup2Id(), tenant.sup1Id())));
        Api.Response leads = admin.get("/api/admin/groups/" + group + "/leads");

        assertThat(leads.status()).isEqualTo(200);
        assertThat(leads.json().get("staffIds").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(tenant.sup1Id(), tenant.sup2Id());
        assertThat(as(tenant, "sup1")
                        .get("/api/admin/groups/" + group + "/leads")
                        .status())
                .isEqualTo(403);
        assertThat(as(tenants.create(), "admin")
                        .get("/api/admin/groups/" + group + "/leads")
                        .status())
                .isEqualTo(404);
        admin.delete("/api/admin/groups/" + group);
        Api.Response archived = admin.get("/api/admin/groups/" + group + "/leads");
        assertThat(archived.status()).isEqualTo(404);
        assertThat(archived.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void groupsAndLeadsStayInsideTheirSchool() {
        TestTenant tenant = tenants.create();
        TestTenant other = tenants.create();
        String group = as(tenant, "admin")
                .post("/api/admin/groups", new GroupRequest("Classes 1–2"))
                .json()
                .get("id")
                .asString();

        assertThat(as(other, "admin").get("/api/groups/" + group + "/roster").status())
                .isEqualTo(404);
        assertThat(as(other, "admin")
                        .put("/api/admin/groups/" + group + "/leads", new GroupLeadsRequest(List.of(other.sup1Id())))
                        .status())
                .isEqualTo(404);
        assertThat(as(tenant, "admin")
                        .put("/api/admin/groups/" + group + "/leads", new GroupLeadsRequest(List.of(other.sup1Id())))
                        .status())
                .isEqualTo(404);
        assertThat(as(other, "admin").get("/api/groups/mine").json().toString()).doesNotContain(group);
    }
}
