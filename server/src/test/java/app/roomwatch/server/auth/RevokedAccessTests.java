package app.roomwatch.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.CheckInRequest;
import app.roomwatch.model.api.RefreshRequest;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.TokenResponse;
import app.roomwatch.model.api.admin.StaffAccountRequest;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;

/** An access token stops working on every REST endpoint the moment its session or account ends, not at expiry. */
class RevokedAccessTests extends ServerTest {

    @Test
    void aDisabledAdminCanNoLongerCallTheAdminApi() {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        String secondId = createStaff(tenant, "admin2", StaffRole.ADMIN);
        Api second = as(tenant, "admin2");
        assertThat(second.get("/api/admin/staff").status()).isEqualTo(200);

        Api.Response disabled = admin.put(
                "/api/admin/staff/" + secondId,
                new StaffAccountRequest("admin2", "admin2", StaffRole.ADMIN, null, false));
        assertThat(disabled.status()).isEqualTo(200);

        Api.Response refused = second.get("/api/admin/staff");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("disabled");
        assertThat(second.post(
                                "/api/admin/staff",
                                new StaffAccountRequest("sneaky", "Sneaky", StaffRole.ADMIN, "password1", true))
                        .status())
                .isEqualTo(401);
        assertThat(admin.get("/api/admin/staff").status()).isEqualTo(200);
    }

    @Test
    void aDisabledSupervisorCanNoLongerCheckChildrenIn() {
        TestTenant tenant = tenants.create();
        String group = startActivity(tenant, "Lego", tenant.bigRoomId(), tenant.sup1Id());
        Api supervisor = as(tenant, "sup1");
        assertThat(supervisor
                        .post(
                                "/api/active/groups/" + group + "/visits",
                                new CheckInRequest(tenant.studentIds().get(0)))
                        .status())
                .isEqualTo(201);

        assertThat(as(tenant, "admin")
                        .put(
                                "/api/admin/staff/" + tenant.sup1Id(),
                                new StaffAccountRequest("sup1", "Sam Super", StaffRole.SUPERVISOR, null, false))
                        .status())
                .isEqualTo(200);

        Api.Response refused = supervisor.post(
                "/api/active/groups/" + group + "/visits",
                new CheckInRequest(tenant.studentIds().get(1)));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM visit WHERE tenant_id = :tenant")
                        .param("tenant", tenant.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aLoggedOutSessionsAccessTokenIsRefusedWhileAnotherSessionKeepsWorking() {
        TestTenant tenant = tenants.create();
        TokenResponse laptop = login(tenant, "sup1");
        TokenResponse tablet = login(tenant, "sup1");
        assertThat(api().bearer(laptop.accessToken()).get("/api/active/groups").status())
                .isEqualTo(200);

        assertThat(api().post("/api/auth/logout", new RefreshRequest(laptop.refreshToken()))
                        .status())
                .isEqualTo(204);

        Api.Response refused = api().bearer(laptop.accessToken()).get("/api/active/groups");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("session has ended");
        assertThat(api().bearer(laptop.accessToken()).get("/api/notifications").status())
                .isEqualTo(401);
        assertThat(api().bearer(tablet.accessToken()).get("/api/active/groups").status())
                .isEqualTo(200);
        assertThat(api().bearer(tablet.accessToken()).get("/api/notifications").status())
                .isEqualTo(200);
    }

    @Test
    void aDemotedAdminLosesAdminRightsAtOnceAndARenewedTokenCarriesTheNewRole() {
        TestTenant tenant = tenants.create();
        String secondId = createStaff(tenant, "admin2", StaffRole.ADMIN);
        TokenResponse second = login(tenant, "admin2");
        assertThat(api().bearer(second.accessToken()).get("/api/admin/staff").status())
                .isEqualTo(200);

        assertThat(changeRole(tenant, secondId, "admin2", StaffRole.SUPERVISOR).status())
                .isEqualTo(200);

        Api.Response refused = api().bearer(second.accessToken()).get("/api/admin/staff");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("role has changed");

        Api.Response renewed = api().post("/api/auth/refresh", new RefreshRequest(second.refreshToken()));
        assertThat(renewed.status()).isEqualTo(200);
        Api supervisor = api().bearer(renewed.json().get("accessToken").asString());
        assertThat(supervisor.get("/api/active/groups").status()).isEqualTo(200);
        assertThat(supervisor.get("/api/admin/staff").status()).isEqualTo(403);
    }
}
