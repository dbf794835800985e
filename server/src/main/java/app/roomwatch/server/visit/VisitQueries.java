package app.roomwatch.server.visit;

import app.roomwatch.model.api.RoomChild;
import app.roomwatch.model.api.VisitDisplay;
import app.roomwatch.model.event.VisitSource;
import app.roomwatch.server.visit.Visits.Group;
import app.roomwatch.server.visit.Visits.OpenVisit;
import app.roomwatch.server.visit.Visits.Student;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the {@code visit} table, and the row locks {@link Visits} takes on the student and active group rows a
 * change involves. Only {@link Visits} calls it, and it alone decides the order of the locks.
 */
@Component
class VisitQueries {

    private static final String OPEN_VISIT = """
            SELECT v.id, v.student_id, v.active_group_id, g.room_id FROM visit v
            JOIN active_group g ON g.tenant_id = v.tenant_id AND g.id = v.active_group_id
            WHERE v.tenant_id = :tenant AND v.exited_at IS NULL AND %s
            """;

    private static final String OPEN_VISITS_WITH_CHILD = """
            SELECT g.room_id, s.id, s.first_name, s.last_name, s.school_class, v.entered_at, v.entry_source, v.id
            FROM visit v
            JOIN active_group g ON g.tenant_id = v.tenant_id AND g.id = v.active_group_id
            JOIN student s ON s.tenant_id = v.tenant_id AND s.id = v.student_id
            WHERE v.tenant_id = :tenant AND v.exited_at IS NULL AND %s
            ORDER BY %s
            """;

    private final JdbcClient jdbc;

    VisitQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Student> lockStudent(long tenantId, boolean byTag, Object key) {
        String condition = byTag ? "rfid_tag = :key" : "id = :key";
        return jdbc.sql("""
                        SELECT id, first_name, last_name, school_class FROM student
                        WHERE tenant_id = :tenant AND %s AND archived_at IS NULL FOR UPDATE
                        """.formatted(condition))
                .param("tenant", tenantId)
                .param("key", key)
                .query((rs, n) -> new Student(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Locks the children with these tags, in id order, as {@link #lockStudent} locks one; answers them by tag. */
    Map<String, Student> lockStudentsByTag(long tenantId, List<String> rfidTags) {
        Map<String, Student> locked = new HashMap<>();
        jdbc.sql("""
                        SELECT rfid_tag, id, first_name, last_name, school_class FROM student
                        WHERE tenant_id = :tenant AND rfid_tag = ANY(:tags) AND archived_at IS NULL
                        ORDER BY id FOR UPDATE
                        """)
                .param("tenant", tenantId)
                .param("tags", rfidTags.toArray(String[]::new), Types.ARRAY)
                .query(rs -> {
                    locked.put(
                            rs.getString(1),
                            new Student(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                });
        return locked;
    }

    Optional<Student> student(long tenantId, long studentId) {
        return jdbc.sql("""
                        SELECT id, first_name, last_name, school_class FROM student
                        WHERE tenant_id = :tenant AND id = :id
                        """)
                .param("tenant", tenantId)
                .param("id", studentId)
                .query((rs, n) -> new Student(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    Optional<Group> runningGroup(String condition, long tenantId, long id) {
        return jdbc.sql("""
                        SELECT g.id, g.name, r.id, r.name, r.capacity FROM active_group g
                        JOIN room r ON r.tenant_id = g.tenant_id AND r.id = g.room_id
                        WHERE g.tenant_id = :tenant AND g.ended_at IS NULL AND %s
                        """.formatted(condition))
                .param("tenant", tenantId)
                .param("id", id)
                .query((rs, n) ->
                        new Group(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5)))
                .optional();
    }

    /**
     * A running group as its lock returned it: current, whatever changed while the lock was waited for. With it, whether
     * its over-capacity warning has gone out (under the lock, so current too).
     */
    record Locked(Group group, boolean overCapacityNotified) {}

    /**
     * What {@link #lock} locked: the running groups, by id; which of them is the place's ({@code placeGroupId}, 0 when
     * none); and the open visit of the student asked about, only if its group is among those running.
     */
    record Locks(long placeGroupId, Map<Long, Locked> running, Optional<OpenVisit> studentVisit) {
        /** The place's running group once locked, or null when no activity runs there (any more). */
        Locked here() {
            return running.get(placeGroupId);
        }
    }

    /**
     * In one round trip: finds the running group at {@code place} and the open visit of student {@code studentId} (0
     * for none), and locks ({@code FOR NO KEY UPDATE}) that group and the visit's, <b>in id order</b>: PostgreSQL
     * locks the rows one by one after the {@code ORDER BY}, so {@link Visits}' lock order holds (without it, two moves
     * in opposite directions could deadlock). Nothing is locked when no group runs at the place
     * (docs/decisions/0017-activity-locks-in-one-ordered-statement.md).
     *
     * <p>The place and the visit are read in the statement's snapshot, taken before the locks were granted. The caller
     * must hold the student's lock already, so that only an activity ending meanwhile can have changed the visit: it
     * closes its visits and ends its group in one transaction, so a group that ended while this waited for its lock is
     * left out (PostgreSQL checks {@code ended_at} again on the row it locked), and a visit whose group is not running
     * once locked is closed and left out too. An activity that started at the place meanwhile is not seen: the change
     * finds nothing running there, as it would had it come a moment earlier.
     */
    Locks lock(long tenantId, Visits.Place place, long studentId) {
        String placeGroup = switch (place.kind()) {
            case ROOM ->
                "SELECT g.id FROM active_group g WHERE g.tenant_id = :tenant AND g.room_id = :place"
                        + " AND g.ended_at IS NULL";
            case GROUP ->
                "SELECT g.id FROM active_group g WHERE g.tenant_id = :tenant AND g.id = :place"
                        + " AND g.ended_at IS NULL";
            case VISIT ->
                "SELECT v.active_group_id FROM visit v WHERE v.tenant_id = :tenant AND v.id = :place"
                        + " AND v.exited_at IS NULL";
            case WHEREVER ->
                "SELECT v.active_group_id FROM visit v WHERE v.tenant_id = :tenant"
                        + " AND v.student_id = :student AND v.exited_at IS NULL";
        };
        List<LockedRow> rows = jdbc.sql("""
                        WITH here AS (
                            SELECT (%s) AS place_group, v.id AS visit_id, v.active_group_id AS visit_group,
                                   vg.room_id AS visit_room
                            FROM (VALUES (1)) AS one (x)
                            LEFT JOIN visit v ON v.tenant_id = :tenant AND v.student_id = :student
                                AND v.exited_at IS NULL
                            LEFT JOIN active_group vg ON vg.tenant_id = v.tenant_id AND vg.id = v.active_group_id)
                        SELECT h.place_group, g.id, g.name, r.id, r.name, r.capacity, g.over_capacity_notified,
                               h.visit_id, h.visit_group, h.visit_room
                        FROM here h
                        JOIN active_group g ON g.tenant_id = :tenant AND g.ended_at IS NULL
                            AND g.id IN (h.place_group, h.visit_group)
                        JOIN room r ON r.tenant_id = g.tenant_id AND r.id = g.room_id
                        WHERE h.place_group IS NOT NULL
                        ORDER BY g.id
                        FOR NO KEY UPDATE OF g
                        """.formatted(placeGroup))
                .param("tenant", tenantId)
                .param("place", place.id())
                .param("student", studentId)
                .query((rs, n) -> new LockedRow(
                        rs.getLong(1),
                        new Locked(
                                new Group(rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getInt(6)),
                                rs.getBoolean(7)),
                        rs.getObject(8) == null
                                ? Optional.empty()
                                : Optional.of(new OpenVisit(rs.getLong(8), studentId, rs.getLong(9), rs.getLong(10)))))
                .list();
        Map<Long, Locked> running = new HashMap<>();
        rows.forEach(row -> running.put(row.locked().group().id(), row.locked()));
        if (rows.isEmpty()) {
            return new Locks(0, running, Optional.empty());
        }
        LockedRow first = rows.getFirst();
        return new Locks(
                first.placeGroupId(),
                running,
                first.studentVisit().filter(open -> running.containsKey(open.activeGroupId())));
    }

    /** One group {@link #lock} locked; every row carries the place's group and the student's visit. */
    private record LockedRow(long placeGroupId, Locked locked, Optional<OpenVisit> studentVisit) {}

    /**
     * Locks ({@code FOR NO KEY UPDATE}), <b>in id order</b> and in one statement, the running groups in these rooms
     * and those of these students' open visits: {@link #lock} for many changes at once, under the same conditions (the
     * caller holds the students' locks, and reads their visits again once this has returned). By group id.
     */
    Map<Long, Locked> lockRunning(long tenantId, List<Long> roomIds, List<Long> studentIds) {
        Map<Long, Locked> running = new HashMap<>();
        jdbc.sql("""
                        WITH wanted AS (
                            SELECT id FROM active_group
                            WHERE tenant_id = :tenant AND room_id = ANY(:rooms) AND ended_at IS NULL
                            UNION
                            SELECT active_group_id FROM visit
                            WHERE tenant_id = :tenant AND student_id = ANY(:students) AND exited_at IS NULL)
                        SELECT g.id, g.name, r.id, r.name, r.capacity, g.over_capacity_notified
                        FROM active_group g
                        JOIN room r ON r.tenant_id = g.tenant_id AND r.id = g.room_id
                        WHERE g.tenant_id = :tenant AND g.ended_at IS NULL AND g.id IN (SELECT id FROM wanted)
                        ORDER BY g.id
                        FOR NO KEY UPDATE OF g
                        """)
                .param("tenant", tenantId)
                .param("rooms", roomIds.toArray(Long[]::new), Types.ARRAY)
                .param("students", studentIds.toArray(Long[]::new), Types.ARRAY)
                .query(rs -> {
                    Group group =
                            new Group(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5));
                    running.put(group.id(), new Locked(group, rs.getBoolean(6)));
                });
        return running;
    }

    /** The open visits of some students, by student, and how many visits are open in some groups, by group. */
    record Present(Map<Long, OpenVisit> openVisits, Map<Long, Integer> occupancy) {}

    /**
     * In one statement: the open visits of these students whose groups are {@code running} (locked by
     * {@link #lockRunning}), and the occupancy of those groups. Read after the locks were granted, so current.
     */
    Present present(long tenantId, List<Long> studentIds, Map<Long, Locked> running) {
        Map<Long, OpenVisit> openVisits = new HashMap<>();
        Map<Long, Integer> occupancy = new HashMap<>();
        running.keySet().forEach(group -> occupancy.put(group, 0));
        jdbc.sql("""
                        SELECT true, v.student_id, v.id, v.active_group_id FROM visit v
                        WHERE v.tenant_id = :tenant AND v.student_id = ANY(:students) AND v.exited_at IS NULL
                        UNION ALL
                        SELECT false, count(*), 0, v.active_group_id FROM visit v
                        WHERE v.tenant_id = :tenant AND v.active_group_id = ANY(:groups) AND v.exited_at IS NULL
                        GROUP BY v.active_group_id
                        """)
                .param("tenant", tenantId)
                .param("students", studentIds.toArray(Long[]::new), Types.ARRAY)
                .param("groups", running.keySet().toArray(Long[]::new), Types.ARRAY)
                .query(rs -> {
                    long group = rs.getLong(4);
                    if (!rs.getBoolean(1)) {
                        occupancy.put(group, rs.getInt(2));
                    } else if (running.containsKey(group)) {
                        long student = rs.getLong(2);
                        long room = running.get(group).group().roomId();
                        openVisits.put(student, new OpenVisit(rs.getLong(3), student, group, room));
                    }
                });
        return new Present(openVisits, occupancy);
    }

    /** A visit to end, and when. */
    record Closing(long visitId, Instant at) {}

    /** A visit to begin: whose, in which group, and when. */
    record Opening(long studentId, long activeGroupId, Instant at) {}

    /**
     * Ends these open visits in one statement. Under their groups' locks nobody else ends them meanwhile: should one
     * have ended all the same, this throws, and the caller's transaction rolls back rather than count it wrong.
     */
    void closeAll(long tenantId, List<Closing> closings, VisitSource source) {
        if (closings.isEmpty()) {
            return;
        }
        int closed = jdbc.sql("""
                        UPDATE visit v SET exited_at = greatest(v.entered_at, u.at), exit_source = :source
                        FROM unnest(:ids, CAST(:ats AS timestamptz[])) AS u (id, at)
                        WHERE v.tenant_id = :tenant AND v.id = u.id AND v.exited_at IS NULL
                        """)
                .param("source", source.wireName())
                .param("ids", closings.stream().map(Closing::visitId).toArray(Long[]::new), Types.ARRAY)
                .param("ats", closings.stream().map(c -> c.at().toString()).toArray(String[]::new), Types.ARRAY)
                .param("tenant", tenantId)
                .update();
        if (closed != closings.size()) {
            throw new IllegalStateException(
                    "Ended " + closed + " of " + closings.size() + " visits that were open under their groups' locks");
        }
    }

    /** Begins these visits in one statement; answers each new visit's id by its student (one visit each). */
    Map<Long, Long> insertAll(long tenantId, List<Opening> openings, VisitSource source) {
        Map<Long, Long> ids = new HashMap<>();
        if (openings.isEmpty()) {
            return ids;
        }
        jdbc.sql("""
                        INSERT INTO visit (tenant_id, student_id, active_group_id, entered_at, entry_source)
                        SELECT :tenant, u.student, u.grp, u.at, :source
                        FROM unnest(:students, :groups, CAST(:ats AS timestamptz[])) WITH ORDINALITY
                            AS u (student, grp, at, n)
                        ORDER BY u.n
                        RETURNING student_id, id
                        """)
                .param("tenant", tenantId)
                .param("source", source.wireName())
                .param("students", openings.stream().map(Opening::studentId).toArray(Long[]::new), Types.ARRAY)
                .param("groups", openings.stream().map(Opening::activeGroupId).toArray(Long[]::new), Types.ARRAY)
                .param("ats", openings.stream().map(o -> o.at().toString()).toArray(String[]::new), Types.ARRAY)
                .query(rs -> {
                    ids.put(rs.getLong(1), rs.getLong(2));
                });
        return ids;
    }

    Optional<OpenVisit> openVisit(long tenantId, String condition, long key) {
        return jdbc.sql(OPEN_VISIT.formatted(condition))
                .param("tenant", tenantId)
                .param("key", key)
                .query((rs, n) -> new OpenVisit(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .optional();
    }

    List<OpenVisit> openVisitsIn(long tenantId, long activeGroupId) {
        return jdbc.sql(OPEN_VISIT.formatted("v.active_group_id = :key") + " ORDER BY v.id")
                .param("tenant", tenantId)
                .param("key", activeGroupId)
                .query((rs, n) -> new OpenVisit(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    record Inserted(long visitId, int occupancy) {}

    /**
     * The count reads the visits as they were before this statement (its snapshot), so the new one adds 1; under the
     * group's lock nobody else changes them meanwhile.
     */
    Inserted insert(long tenantId, long studentId, long activeGroupId, VisitSource source, Instant at) {
        return jdbc.sql("""
                        WITH inserted AS (
                            INSERT INTO visit (tenant_id, student_id, active_group_id, entered_at, entry_source)
                            VALUES (:tenant, :student, :group, :at, :source) RETURNING id)
                        SELECT id, (SELECT count(*) FROM visit
                                    WHERE tenant_id = :tenant AND active_group_id = :group AND exited_at IS NULL) + 1
                        FROM inserted
                        """)
                .param("tenant", tenantId)
                .param("student", studentId)
                .param("group", activeGroupId)
                .param("at", Timestamp.from(at))
                .param("source", source.wireName())
                .query((rs, n) -> new Inserted(rs.getLong(1), rs.getInt(2)))
                .single();
    }

    /**
     * Ends a visit and answers its group's occupancy after. As at check-in: the count sees the visit still open (the
     * statement's snapshot), so the closed one is taken off; under the group's lock nobody else changes its visits.
     */
    int close(long tenantId, OpenVisit visit, VisitSource source, Instant at) {
        return jdbc.sql("""
                        WITH closed AS (
                            UPDATE visit SET exited_at = greatest(entered_at, :at), exit_source = :source
                            WHERE tenant_id = :tenant AND id = :id AND exited_at IS NULL RETURNING id)
                        SELECT (SELECT count(*) FROM visit
                                WHERE tenant_id = :tenant AND active_group_id = :group AND exited_at IS NULL)
                               - (SELECT count(*) FROM closed)
                        """)
                .param("at", Timestamp.from(at))
                .param("source", source.wireName())
                .param("tenant", tenantId)
                .param("id", visit.id())
                .param("group", visit.activeGroupId())
                .query(Integer.class)
                .single();
    }

    int occupancy(long tenantId, long activeGroupId) {
        return jdbc.sql("""
                        SELECT count(*) FROM visit
                        WHERE tenant_id = :tenant AND active_group_id = :group AND exited_at IS NULL
                        """)
                .param("tenant", tenantId)
                .param("group", activeGroupId)
                .query(Integer.class)
                .single();
    }

    /** A room's open visits with the child of each, as My groups and Rooms show them. */
    List<Row> openVisitsWithChild(long tenantId, String condition, long key, String order) {
        return jdbc.sql(OPEN_VISITS_WITH_CHILD.formatted(condition, order))
                .param("tenant", tenantId)
                .param("key", key)
                .query((rs, n) -> row(rs))
                .list();
    }

    /** One open visit with what the screens show of its child. */
    record Row(long roomId, long visitId, RoomChild child) {
        VisitDisplay display() {
            return new VisitDisplay(
                    Long.toString(visitId),
                    child.studentId(),
                    child.studentName(),
                    child.schoolClass(),
                    child.checkedInAt(),
                    child.source());
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getLong(1),
                rs.getLong(8),
                new RoomChild(
                        rs.getString(2),
                        new Student(0, rs.getString(3), rs.getString(4), "").shortName(),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        VisitSource.fromWireName(rs.getString(7))));
    }
}
