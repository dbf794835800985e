package app.roomwatch.server.group;

import app.roomwatch.model.api.LedGroup;
import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.server.database.Rows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the {@code student_group} and {@code student_group_lead} tables. */
@Component
class GroupQueries {

    private final JdbcClient jdbc;

    GroupQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<GroupRecord> list(long tenant) {
        return jdbc.sql("SELECT id, name FROM student_group WHERE tenant_id = :tenant AND archived_at IS NULL"
                        + " ORDER BY name, id")
                .param("tenant", tenant)
                .query((rs, n) -> new GroupRecord(rs.getString(1), rs.getString(2)))
                .list();
    }

    boolean exists(long tenant, long id) {
        return Rows.exist(jdbc.sql("SELECT count(*) FROM student_group WHERE tenant_id = :tenant AND id = :id"
                        + " AND archived_at IS NULL")
                .param("tenant", tenant)
                .param("id", id));
    }

    /** The group's name, unless it is archived. */
    Optional<String> name(long tenant, long id) {
        return jdbc.sql("SELECT name FROM student_group WHERE tenant_id = :tenant AND id = :id AND archived_at IS NULL")
                .param("tenant", tenant)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /** Each group's id by its name as {@code key} spells it; the oldest wins a clash. */
    Map<String, Long> idsByName(long tenant, Function<String, String> key) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT id, name FROM student_group WHERE tenant_id = :tenant AND archived_at IS NULL ORDER BY id")
                .param("tenant", tenant)
                .query((rs, n) -> ids.putIfAbsent(key.apply(rs.getString(2)), rs.getLong(1)))
                .list();
        return ids;
    }

    boolean nameTaken(long tenant, String name, long exceptId) {
        return Rows.exist(jdbc.sql("SELECT count(*) FROM student_group WHERE tenant_id = :tenant AND name = :name"
                        + " AND id <> :except AND archived_at IS NULL")
                .param("tenant", tenant)
                .param("name", name)
                .param("except", exceptId));
    }

    long insert(long tenant, String name) {
        return jdbc.sql("INSERT INTO student_group (tenant_id, name) VALUES (:tenant, :name) RETURNING id")
                .param("tenant", tenant)
                .param("name", name)
                .query(Long.class)
                .single();
    }

    boolean rename(long tenant, long id, String name) {
        return jdbc.sql("UPDATE student_group SET name = :name WHERE tenant_id = :tenant AND id = :id"
                                + " AND archived_at IS NULL")
                        .param("name", name)
                        .param("tenant", tenant)
                        .param("id", id)
                        .update()
                > 0;
    }

    void replaceLeads(long tenant, long group, Iterable<Long> staffIds) {
        jdbc.sql("DELETE FROM student_group_lead WHERE tenant_id = :tenant AND student_group_id = :group")
                .param("tenant", tenant)
                .param("group", group)
                .update();
        for (long staffId : staffIds) {
            jdbc.sql("""
                            INSERT INTO student_group_lead (tenant_id, student_group_id, staff_id)
                            VALUES (:tenant, :group, :staff)
                            """)
                    .param("tenant", tenant)
                    .param("group", group)
                    .param("staff", staffId)
                    .update();
        }
    }

    /** The staff ids that lead the group, oldest account first. */
    List<Long> leadsOf(long tenant, long group) {
        return jdbc.sql("""
                        SELECT staff_id FROM student_group_lead
                        WHERE tenant_id = :tenant AND student_group_id = :group
                        ORDER BY staff_id
                        """)
                .param("tenant", tenant)
                .param("group", group)
                .query(Long.class)
                .list();
    }

    /** The groups a staff member leads, or (for {@code null}) all of the tenant's. */
    List<LedGroup> ledBy(long tenant, Long staffId) {
        String sql = staffId == null
                ? "SELECT g.id, g.name FROM student_group g WHERE g.tenant_id = :tenant AND g.archived_at IS NULL"
                        + " ORDER BY g.name, g.id"
                : """
                  SELECT g.id, g.name FROM student_group g
                  JOIN student_group_lead l ON l.tenant_id = g.tenant_id AND l.student_group_id = g.id
                  WHERE g.tenant_id = :tenant AND l.staff_id = :staff AND g.archived_at IS NULL
                  ORDER BY g.name, g.id
                  """;
        var statement = jdbc.sql(sql).param("tenant", tenant);
        if (staffId != null) {
            statement = statement.param("staff", staffId);
        }
        return statement
                .query((rs, n) -> new LedGroup(rs.getString(1), rs.getString(2)))
                .list();
    }

    boolean leads(long tenant, long group, long staffId) {
        return Rows.exist(
                jdbc.sql("""
                                SELECT count(*) FROM student_group_lead
                                WHERE tenant_id = :tenant AND student_group_id = :group AND staff_id = :staff
                                """).param("tenant", tenant).param("group", group).param("staff", staffId));
    }
}
