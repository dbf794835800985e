package app.roomwatch.server.student;

import app.roomwatch.model.api.admin.StudentDetails;
import app.roomwatch.model.api.admin.StudentRecord;
import app.roomwatch.server.database.Rows;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the {@code student} table as the admin area reads and writes it (a change of visit locks the row, in
 * the visit feature; where children are is a read model in the location feature).
 */
@Component
class StudentQueries {

    /** A child's fields as an admin sets them; {@code groupId} and the sensitive ones may be {@code null}. */
    record Fields(
            String firstName,
            String lastName,
            String schoolClass,
            String rfidTag,
            Long groupId,
            LocalDate birthday,
            String guardianContact) {}

    private final JdbcClient jdbc;

    StudentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StudentRecord> list(long tenant) {
        return jdbc.sql("""
                        SELECT id, first_name, last_name, school_class, rfid_tag FROM student
                        WHERE tenant_id = :tenant AND archived_at IS NULL ORDER BY last_name, first_name, id
                        """)
                .param("tenant", tenant)
                .query((rs, n) -> new StudentRecord(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    Optional<StudentDetails> details(long tenant, long id) {
        return jdbc.sql("""
                        SELECT id, first_name, last_name, school_class, rfid_tag, group_id, birthday, guardian_contact
                        FROM student WHERE tenant_id = :tenant AND id = :id AND archived_at IS NULL
                        """)
                .param("tenant", tenant)
                .param("id", id)
                .query((rs, n) -> new StudentDetails(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
                        rs.getString(8)))
                .optional();
    }

    /** The id, first and last name of the child (not archived) who has the tag. */
    Optional<String[]> byTag(long tenant, String tag) {
        return jdbc.sql("""
                        SELECT id, first_name, last_name FROM student
                        WHERE tenant_id = :tenant AND rfid_tag = :tag AND archived_at IS NULL
                        """)
                .param("tenant", tenant)
                .param("tag", tag)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .optional();
    }

    /** The child's first and last name, archived or not. */
    Optional<String[]> names(long tenant, long id) {
        return jdbc.sql("SELECT first_name, last_name FROM student WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant)
                .param("id", id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
    }

    boolean exists(long tenant, long id) {
        return Rows.exist(jdbc.sql("SELECT count(*) FROM student WHERE tenant_id = :tenant AND id = :id"
                        + " AND archived_at IS NULL")
                .param("tenant", tenant)
                .param("id", id));
    }

    boolean tagTaken(long tenant, String tag, long exceptId) {
        return Rows.exist(jdbc.sql("SELECT count(*) FROM student WHERE tenant_id = :tenant AND rfid_tag = :tag"
                        + " AND id <> :except")
                .param("tenant", tenant)
                .param("tag", tag)
                .param("except", exceptId));
    }

    long insert(long tenant, Fields fields) {
        return withFields(jdbc.sql("""
                                INSERT INTO student (tenant_id, first_name, last_name, school_class, rfid_tag,
                                                     group_id, birthday, guardian_contact)
                                VALUES (:tenant, :first, :last, :class, :tag, :group, :birthday, :guardian)
                                RETURNING id
                                """), fields)
                .param("tenant", tenant)
                .query(Long.class)
                .single();
    }

    void update(long tenant, long id, Fields fields) {
        withFields(jdbc.sql("""
                                UPDATE student SET first_name = :first, last_name = :last, school_class = :class,
                                       rfid_tag = :tag, group_id = :group, birthday = :birthday,
                                       guardian_contact = :guardian
                                WHERE tenant_id = :tenant AND id = :id
                                """), fields)
                .param("tenant", tenant)
                .param("id", id)
                .update();
    }

    private static JdbcClient.StatementSpec withFields(JdbcClient.StatementSpec statement, Fields fields) {
        return statement
                .param("first", fields.firstName())
                .param("last", fields.lastName())
                .param("class", fields.schoolClass())
                .param("tag", fields.rfidTag())
                .param("group", fields.groupId())
                .param("birthday", fields.birthday() == null ? null : Date.valueOf(fields.birthday()))
                .param("guardian", fields.guardianContact());
    }
}
