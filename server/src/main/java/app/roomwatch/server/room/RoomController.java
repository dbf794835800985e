package app.roomwatch.server.room;

import app.roomwatch.model.api.Person;
import app.roomwatch.model.api.RoomChild;
import app.roomwatch.model.api.RoomView;
import app.roomwatch.model.event.VisitSource;
import app.roomwatch.server.activity.Supervision;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.visit.Visits;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Live rooms: every room of the tenant with its occupancy, the activity running in it and the children inside. */
@RestController
class RoomController {

    private static final String OPEN_VISITS = """
            SELECT g.room_id, s.id, s.first_name, s.last_name, s.school_class, v.entered_at, v.entry_source
            FROM visit v
            JOIN active_group g ON g.tenant_id = v.tenant_id AND g.id = v.active_group_id
            JOIN student s ON s.tenant_id = v.tenant_id AND s.id = v.student_id
            WHERE v.tenant_id = :tenant AND v.exited_at IS NULL
            """;

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
        Map<String, List<RoomChild>> children = new HashMap<>();
        jdbc.sql(OPEN_VISITS + " ORDER BY v.entered_at DESC, v.id DESC")
                .param("tenant", tenant)
                .query(rs -> {
                    children.computeIfAbsent(rs.getString(1), room -> new ArrayList<>())
                            .add(child(rs));
                });
        return jdbc.sql("""
                        SELECT r.id, r.name, r.capacity, g.id, g.name,
                               (SELECT count(*) FROM visit v
                                WHERE v.tenant_id = r.tenant_id AND v.active_group_id = g.id AND v.exited_at IS NULL)
                        FROM room r
                        LEFT JOIN active_group g ON g.tenant_id = r.tenant_id AND g.room_id = r.id AND g.ended_at IS NULL
                        WHERE r.tenant_id = :tenant AND r.archived_at IS NULL ORDER BY r.name, r.id
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
                    return new RoomView(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getInt(6),
                            activity,
                            children.getOrDefault(rs.getString(1), List.of()));
                })
                .list();
    }

    /** The children in one room now, newest arrival first. */
    @GetMapping("/api/rooms/{id}/children")
    List<RoomChild> children(Authentication authentication, @PathVariable String id) {
        long tenant = StaffPrincipal.of(authentication).tenantId();
        long roomId = Ids.parse(id, "room");
        boolean exists =
                jdbc.sql("SELECT count(*) FROM room WHERE tenant_id = :tenant AND id = :id AND archived_at IS NULL")
                                .param("tenant", tenant)
                                .param("id", roomId)
                                .query(Long.class)
                                .single()
                        > 0;
        if (!exists) {
            throw ApiException.notFound("There is no room " + id);
        }
        return jdbc.sql(OPEN_VISITS + " AND g.room_id = :room ORDER BY v.entered_at DESC, v.id DESC")
                .param("tenant", tenant)
                .param("room", roomId)
                .query((rs, n) -> child(rs))
                .list();
    }

    private static RoomChild child(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RoomChild(
                rs.getString(2),
                new Visits.Student(0, rs.getString(3), rs.getString(4), "").shortName(),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                VisitSource.fromWireName(rs.getString(7)));
    }
}
