package app.roomwatch.server.student;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the CSV import on the {@code student} table. */
@Component
class StudentImportQueries {

    /** A child as the import compares it. */
    record Existing(long id, String firstName, String lastName, String schoolClass, String rfidTag, Long groupId) {}

    private final JdbcClient jdbc;

    StudentImportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises imports of one school, so that two at once cannot both add the same child. Held to the end of the
     * transaction.
     */
    void lockImports(long tenant) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('student-import'), CAST(:tenant AS int))")
                .param("tenant", tenant)
                .query((rs, n) -> 0)
                .list();
    }

    /** Every child of the school that is not archived. */
    List<Existing> children(long tenant) {
        return jdbc.sql("""
                        SELECT id, first_name, last_name, school_class, rfid_tag, group_id FROM student
                        WHERE tenant_id = :tenant AND archived_at IS NULL ORDER BY id
                        """)
                .param("tenant", tenant)
                .query((rs, n) -> new Existing(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, Long.class)))
                .list();
    }

    /** Adds a child and answers its id. */
    long insert(long tenant, String firstName, String lastName, String schoolClass, String rfidTag, Long groupId) {
        return jdbc.sql("""
                        INSERT INTO student (tenant_id, first_name, last_name, school_class, rfid_tag, group_id)
                        VALUES (:tenant, :first, :last, :class, :tag, :group) RETURNING id
                        """)
                .param("tenant", tenant)
                .param("first", firstName)
                .param("last", lastName)
                .param("class", schoolClass)
                .param("tag", rfidTag)
                .param("group", groupId)
                .query(Long.class)
                .single();
    }

    void update(
            long tenant, long id, String firstName, String lastName, String schoolClass, String rfidTag, Long groupId) {
        jdbc.sql("""
                        UPDATE student SET first_name = :first, last_name = :last, school_class = :class,
                               rfid_tag = :tag, group_id = :group
                        WHERE tenant_id = :tenant AND id = :id
                        """)
                .param("first", firstName)
                .param("last", lastName)
                .param("class", schoolClass)
                .param("tag", rfidTag)
                .param("group", groupId)
                .param("tenant", tenant)
                .param("id", id)
                .update();
    }
}
