package app.roomwatch.server.staff;

import app.roomwatch.model.api.Me;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.web.ApiException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who is signed in and which running activities they supervise. */
@RestController
class MeController {

    private final JdbcClient jdbc;

    MeController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/me")
    Me me(Authentication authentication) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        record Row(String displayName, StaffRole role, String tenant) {}
        Row row = jdbc.sql("""
                        SELECT s.display_name, s.role, t.slug FROM staff s JOIN tenant t ON t.id = s.tenant_id
                        WHERE s.tenant_id = :tenant AND s.id = :id AND s.enabled
                        """)
                .param("tenant", me.tenantId())
                .param("id", me.staffId())
                .query((rs, n) -> new Row(rs.getString(1), StaffRole.valueOf(rs.getString(2)), rs.getString(3)))
                .optional()
                .orElseThrow(() -> ApiException.unauthorized("This account no longer exists or is disabled"));
        List<String> supervised = jdbc.sql("""
                        SELECT g.id::text FROM active_group_supervisor s JOIN active_group g ON g.id = s.active_group_id
                        WHERE s.tenant_id = :tenant AND s.staff_id = :id AND g.ended_at IS NULL ORDER BY g.id
                        """)
                .param("tenant", me.tenantId())
                .param("id", me.staffId())
                .query(String.class)
                .list();
        return new Me(me.staffKey(), row.displayName(), row.role(), row.tenant(), supervised);
    }
}
