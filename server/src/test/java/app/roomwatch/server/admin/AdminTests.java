package app.roomwatch.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.admin.GroupRequest;
import app.roomwatch.model.api.admin.RoomRequest;
import app.roomwatch.model.api.admin.StaffAccountRequest;
import app.roomwatch.model.api.admin.StudentRequest;
import app.roomwatch.server.auth.SessionControl;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestDatabase;
import app.roomwatch.server.testing.TestTenants;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AdminTests extends ServerTest {

    @Test
    void sensitiveStudentFieldsAreForAdminsOnly() {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        String group = admin.post("/api/admin/groups", new GroupRequest("Owls"))
                .json()
                .get("id")
                .asString();
        Api.Response created = admin.post(
                "/api/admin/students",
                new StudentRequest("Tom", "Lindner", "2a", "TAG-TOM", group, LocalDate.of(2018, 5, 4), "+49 30 1234"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(admin.get("/api/admin/students/" + id)
                        .json()
                        .get("guardianContact")
                        .asString())
                .isEqualTo("+49 30 1234");
        JsonNode listed = admin.get("/api/admin/students").json();
        assertThat(listed.toString()).contains("TAG-TOM").doesNotContain("2018-05-04", "+49 30 1234");

        Api sup1 = as(tenant, "sup1");
        assertThat(sup1.get("/api/admin/students/" + id).status()).isEqualTo(403);
        assertThat(sup1.get("/api/admin/students").status()).isEqualTo(403);
        Api.Response found = sup1.get("/api/students?query=tom%20lin");
        assertThat(found.json().size()).isEqualTo(1);
        assertThat(found.body()).contains("Tom").doesNotContain("2018", "+49", "TAG-TOM");

        Api.Response duplicateTag =
                admin.post("/api/admin/students", new StudentRequest("Tim", "L", "2a", "TAG-TOM", null, null, null));
        assertThat(duplicateTag.status()).isEqualTo(409);
    }

    @Test
    void adminsManageRoomsAndGroupsByName() {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        Api.Response room = admin.post("/api/admin/rooms", new RoomRequest("Garden", 30));
        assertThat(room.status()).isEqualTo(201);
        assertThat(admin.post("/api/admin/rooms", new RoomRequest("Garden", 3)).status())
                .isEqualTo(409);
        String id = room.json().get("id").asString();
        assertThat(admin.put("/api/admin/rooms/" + id, new RoomRequest("Garden", 12))
                        .json()
                        .get("capacity")
                        .asInt())
                .isEqualTo(12);
        assertThat(as(tenant, "sup1").get("/api/rooms").body()).contains("\"name\":\"Garden\",\"capacity\":12");
        assertThat(admin.post("/api/admin/rooms", "{\"name\":\"Negative\",\"capacity\":-1}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void disablingAnAccountEndsAllItsSessionsEverywhere() throws Exception {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        var tokens = login(tenant, "sup2");
        try (Connection listener = DriverManager.getConnection(TestDatabase.jdbcUrl());
                Statement listen = listener.createStatement()) {
            listen.execute("LISTEN " + SessionControl.CHANNEL);

            Api.Response disabled = admin.put(
                    "/api/admin/staff/" + tenant.sup2Id(),
                    new StaffAccountRequest("sup2", "Sue Super", StaffRole.SUPERVISOR, null, false));
            assertThat(disabled.status()).isEqualTo(200);

            PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(5_000);
            assertThat(notifications).hasSize(1);
            JsonNode message = JsonMapper.builder().build().readTree(notifications[0].getParameter());
            assertThat(message.get("staffId").asString()).isEqualTo(tenant.sup2Id());
            assertThat(message.get("sessionId").isNull()).isTrue();
            assertThat(message.get("reason").asString()).isEqualTo("account_disabled");
        }
        assertThat(api().post("/api/auth/refresh", new app.roomwatch.model.api.RefreshRequest(tokens.refreshToken()))
                        .status())
                .isEqualTo(401);
        assertThat(api().post("/api/auth/login", new LoginRequest(tenant.slug(), "sup2", TestTenants.PASSWORD))
                        .status())
                .isEqualTo(401);
        assertThat(api().bearer(tokens.accessToken()).get("/api/me").status()).isEqualTo(401);
        // An admin can not lock themselves out.
        assertThat(admin.put(
                                "/api/admin/staff/" + tenant.adminId(),
                                new StaffAccountRequest("admin", "Ada", StaffRole.ADMIN, null, false))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void newStaffCanSignInWithTheirPassword() {
        TestTenant tenant = tenants.create();
        Api.Response created = as(tenant, "admin")
                .post(
                        "/api/admin/staff",
                        new StaffAccountRequest("dora", "Dora Diaz", StaffRole.SUPERVISOR, "long-enough", null));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("long-enough", "password");
        assertThat(api().post("/api/auth/login", new LoginRequest(tenant.slug(), "dora", "long-enough"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void versionIsOpenToAnyoneAndHealthToAnyoneOnTheManagementPort() {
        Api.Response version = api().get("/api/version");
        assertThat(version.status()).isEqualTo(200);
        assertThat(version.json().get("serverVersion").asString()).isNotBlank();
        assertThat(management().get("/actuator/health").json().get("status").asString())
                .isEqualTo("UP");
        assertThat(management().get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }
}
