package app.roomwatch.server.group;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The names of a school's groups (not archived), for features that refer to a group by name: the CSV import. */
@Component
public class GroupNames {

    private final JdbcClient jdbc;

    GroupNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each group's id by its name, the name's case ignored. */
    public Map<String, Long> idsByName(long tenant) {
        Map<String, Long> ids = new TreeMap<>();
        jdbc.sql("SELECT id, name FROM student_group WHERE tenant_id = :tenant AND archived_at IS NULL ORDER BY id")
                .param("tenant", tenant)
                .query((rs, n) -> ids.putIfAbsent(key(rs.getString(2)), rs.getLong(1)))
                .list();
        return ids;
    }

    /** How {@link #idsByName} compares names. */
    public static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
