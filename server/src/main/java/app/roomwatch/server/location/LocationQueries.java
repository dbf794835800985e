package app.roomwatch.server.location;

import app.roomwatch.model.api.ChildLocation;
import app.roomwatch.model.api.LocationState;
import app.roomwatch.model.api.RosterChild;
import app.roomwatch.model.api.StudentSummary;
import app.roomwatch.server.visit.Visits;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where children are now, each list in one query. A read model that owns no table: it reads {@code student},
 * {@code visit}, {@code active_group} and {@code room}.
 */
@Component
class LocationQueries {

    private static final int MAX_SEARCH_RESULTS = 50;

    /** The latest visit of each child that is open or ended today, with its activity and room. */
    private static final String LOCATION_JOIN = """
            LEFT JOIN LATERAL (
                SELECT v.active_group_id, v.entered_at, v.exited_at, v.exit_source FROM visit v
                WHERE v.tenant_id = s.tenant_id AND v.student_id = s.id
                  AND (v.exited_at IS NULL OR v.exited_at >= :dayStart)
                ORDER BY v.exited_at DESC NULLS FIRST, v.entered_at DESC
                LIMIT 1) last ON true
            LEFT JOIN active_group g ON g.tenant_id = s.tenant_id AND g.id = last.active_group_id
            LEFT JOIN room r ON r.tenant_id = g.tenant_id AND r.id = g.room_id
            """;

    private static final String LOCATION_COLUMNS =
            "last.entered_at, last.exited_at, last.exit_source, g.id, g.name, r.id, r.name";

    private final JdbcClient jdbc;
    private final Clock clock;

    LocationQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Children whose first name, last name or class starts with each word of {@code query}, with their location. */
    List<StudentSummary> search(long tenant, String query) {
        String[] words = query.strip().isEmpty() ? new String[0] : query.strip().split("\\s+");
        StringBuilder sql = new StringBuilder("SELECT s.id, s.first_name, s.last_name, s.school_class, ")
                .append(LOCATION_COLUMNS)
                .append(" FROM student s ")
                .append(LOCATION_JOIN)
                .append(" WHERE s.tenant_id = :tenant AND s.archived_at IS NULL");
        for (int i = 0; i < words.length && i < 5; i++) {
            sql.append(" AND (s.first_name ILIKE :w")
                    .append(i)
                    .append(" OR s.last_name ILIKE :w")
                    .append(i)
                    .append(" OR s.school_class ILIKE :w")
                    .append(i)
                    .append(')');
        }
        sql.append(" ORDER BY s.last_name, s.first_name, s.id LIMIT ").append(MAX_SEARCH_RESULTS);
        var statement = jdbc.sql(sql.toString()).param("tenant", tenant).param("dayStart", Timestamp.from(dayStart()));
        for (int i = 0; i < words.length && i < 5; i++) {
            statement = statement.param("w" + i, escapeLike(words[i]) + "%");
        }
        return statement
                .query((rs, n) -> new StudentSummary(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), location(rs, 5)))
                .list();
    }

    /** Every child of an after-school group with its location, by name. */
    List<RosterChild> roster(long tenant, long studentGroupId) {
        return jdbc.sql("SELECT s.id, s.first_name, s.last_name, s.school_class, " + LOCATION_COLUMNS
                        + " FROM student s " + LOCATION_JOIN
                        + " WHERE s.tenant_id = :tenant AND s.group_id = :group AND s.archived_at IS NULL"
                        + " ORDER BY s.first_name, s.last_name, s.id")
                .param("tenant", tenant)
                .param("group", studentGroupId)
                .param("dayStart", Timestamp.from(dayStart()))
                .query((rs, n) -> new RosterChild(
                        rs.getString(1),
                        new Visits.Student(0, rs.getString(2), rs.getString(3), "").shortName(),
                        rs.getString(4),
                        location(rs, 5)))
                .list();
    }

    private Instant dayStart() {
        ZoneId zone = ZoneId.systemDefault();
        return clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    private static ChildLocation location(ResultSet rs, int from) throws SQLException {
        Timestamp entered = rs.getTimestamp(from);
        if (entered == null) {
            return ChildLocation.notSeenToday();
        }
        Timestamp exited = rs.getTimestamp(from + 1);
        String roomId = rs.getString(from + 5);
        String roomName = rs.getString(from + 6);
        String groupId = rs.getString(from + 3);
        String groupName = rs.getString(from + 4);
        if (exited == null) {
            return new ChildLocation(LocationState.IN_ROOM, roomId, roomName, groupId, groupName, entered.toInstant());
        }
        String source = rs.getString(from + 2);
        if ("scheduled".equals(source) || "manual".equals(source)) {
            return new ChildLocation(LocationState.GONE_HOME, null, null, null, null, exited.toInstant());
        }
        return new ChildLocation(LocationState.LEFT_ROOM, roomId, roomName, groupId, groupName, exited.toInstant());
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
