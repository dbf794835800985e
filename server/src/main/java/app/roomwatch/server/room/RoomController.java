package app.roomwatch.server.room;

import app.roomwatch.model.api.Person;
import app.roomwatch.model.api.RoomView;
import app.roomwatch.server.activity.Supervision;
import app.roomwatch.server.auth.StaffPrincipal;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Live rooms: every room of the tenant with its occupancy and the activity running in it. */
@RestController
class RoomController {

    private final JdbcClient jdbc;
    private final Supervision supervision;

    RoomController(JdbcClient jdbc, Supervision supervision) {
        this.jdbc = jdbc;
        this.supervision = supervision;
    }

    @GetMapping("/api/rooms")
    List<RoomView> rooms(Authentication authentication) {
        long tenant = StaffPrincipal.of(authentication).tenantId();
        Map<Long, List<Person>> supervisors = supervision.byGroup(tenant);
        return jdbc.sql("""
                        SELECT r.id, r.name, r.capacity, g.id, g.name,
                               (SELECT count(*) FROM visit v
                                WHERE v.tenant_id = r.tenant_id AND v.active_group_id = g.id AND v.exited_at IS NULL)
                        FROM room r
                        LEFT JOIN active_group g ON g.tenant_id = r.tenant_id AND g.room_id = r.id AND g.ended_at IS NULL
                        WHERE r.tenant_id = :tenant ORDER BY r.name, r.id
                        """)
                .param("tenant", tenant)
                .query((rs, n) -> {
                    long groupId = rs.getLong(4);
                    RoomView.Activity activity = rs.wasNull()
                            ? null
                            : new RoomView.Activity(
                                    Long.toString(groupId),
                                    rs.getString(5),
                                    supervisors.getOrDefault(groupId, List.of()));
                    return new RoomView(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(6), activity);
                })
                .list();
    }
}
