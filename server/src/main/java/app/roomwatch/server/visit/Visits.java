package app.roomwatch.server.visit;

import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.StudentCheckedIn;
import app.roomwatch.model.event.StudentCheckedOut;
import app.roomwatch.model.event.Topic;
import app.roomwatch.model.event.VisitSource;
import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.notification.Notifications;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checking children in and out of active groups, whoever asks (a scanner, a supervisor, the schedule, an ending
 * session): the visit row, its event, the room's new occupancy and a capacity warning, all in the caller's
 * transaction. Callers lock the student first, then the active groups involved in id order ({@link #lockGroups}),
 * so that concurrent changes neither deadlock nor count occupancy wrong.
 */
@Component
public class Visits {

    /** A child as events and supervisors see them. */
    public record Student(long id, String firstName, String lastName, String schoolClass) {
        /** "Mia K.": what supervisors see on screen and events carry. */
        public String shortName() {
            return lastName.isEmpty() ? firstName : firstName + " " + lastName.charAt(0) + ".";
        }
    }

    /** A running active group and its room. */
    public record Group(long id, String name, long roomId, String roomName, int capacity) {}

    /** A child's open visit. */
    public record OpenVisit(long id, long studentId, long activeGroupId, long roomId) {}

    /** How stale the last-activity mark may get before a check-in or -out refreshes it. */
    static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(5);

    private static final int MAX_REMEMBERED_TOUCHES = 10_000;

    /** The last-activity mark this instance last wrote, by active group (forgotten wholesale when it grows large). */
    private final Map<Long, Instant> touched = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final EventLog events;
    private final Notifications notifications;

    Visits(JdbcClient jdbc, EventLog events, Notifications notifications) {
        this.jdbc = jdbc;
        this.events = events;
        this.notifications = notifications;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Student> lockStudent(long tenantId, long studentId) {
        return lockStudentWhere("id = :key", tenantId, studentId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Student> lockStudentByTag(long tenantId, String rfidTag) {
        return lockStudentWhere("rfid_tag = :key", tenantId, rfidTag);
    }

    private Optional<Student> lockStudentWhere(String condition, long tenantId, Object key) {
        return jdbc.sql("""
                        SELECT id, first_name, last_name, school_class FROM student
                        WHERE tenant_id = :tenant AND %s AND archived_at IS NULL FOR UPDATE
                        """.formatted(condition))
                .param("tenant", tenantId)
                .param("key", key)
                .query((rs, n) -> new Student(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /**
     * Locks active groups in id order and returns those still running once locked, by id; ids that are not running
     * are skipped. What it returns is current: a group ended while this waited for its lock is not in it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, Group> lockGroups(long tenantId, long... activeGroupIds) {
        long[] ordered = Arrays.stream(activeGroupIds).distinct().sorted().toArray();
        Map<Long, Group> running = new HashMap<>();
        for (long id : ordered) {
            runningGroupWhere("g.id = :id", "FOR NO KEY UPDATE OF g", tenantId, id)
                    .ifPresent(group -> running.put(id, group));
        }
        return running;
    }

    /** Locks one active group; empty when it is not running (any more). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Group> lockRunningGroup(long tenantId, long activeGroupId) {
        return Optional.ofNullable(lockGroups(tenantId, activeGroupId).get(activeGroupId));
    }

    public Optional<Group> runningGroup(long tenantId, long activeGroupId) {
        return runningGroupWhere("g.id = :id", "", tenantId, activeGroupId);
    }

    public Optional<Group> runningGroupInRoom(long tenantId, long roomId) {
        return runningGroupWhere("g.room_id = :id", "", tenantId, roomId);
    }

    private Optional<Group> runningGroupWhere(String condition, String locking, long tenantId, long id) {
        return jdbc.sql("""
                        SELECT g.id, g.name, r.id, r.name, r.capacity FROM active_group g
                        JOIN room r ON r.tenant_id = g.tenant_id AND r.id = g.room_id
                        WHERE g.tenant_id = :tenant AND g.ended_at IS NULL AND %s %s
                        """.formatted(condition, locking))
                .param("tenant", tenantId)
                .param("id", id)
                .query((rs, n) ->
                        new Group(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5)))
                .optional();
    }

    /**
     * Before a scan takes its locks: the running activity in a room and the activity a child is checked in to, if
     * any, in one round trip. Neither is current once read; the caller locks both groups and reads again.
     */
    public record Whereabouts(Optional<Long> roomGroupId, Optional<Long> studentGroupId) {}

    public Whereabouts whereabouts(long tenantId, long roomId, long studentId) {
        return jdbc.sql("""
                        SELECT (SELECT g.id FROM active_group g
                                WHERE g.tenant_id = :tenant AND g.room_id = :room AND g.ended_at IS NULL),
                               (SELECT v.active_group_id FROM visit v
                                WHERE v.tenant_id = :tenant AND v.student_id = :student AND v.exited_at IS NULL)
                        """)
                .param("tenant", tenantId)
                .param("room", roomId)
                .param("student", studentId)
                .query((rs, n) -> new Whereabouts(
                        Optional.ofNullable(rs.getObject(1, Long.class)),
                        Optional.ofNullable(rs.getObject(2, Long.class))))
                .single();
    }

    public Optional<OpenVisit> openVisitOf(long tenantId, long studentId) {
        return jdbc.sql("""
                        SELECT v.id, v.student_id, v.active_group_id, g.room_id FROM visit v
                        JOIN active_group g ON g.tenant_id = v.tenant_id AND g.id = v.active_group_id
                        WHERE v.tenant_id = :tenant AND v.student_id = :student AND v.exited_at IS NULL
                        """)
                .param("tenant", tenantId)
                .param("student", studentId)
                .query((rs, n) -> new OpenVisit(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .optional();
    }

    public Optional<OpenVisit> openVisit(long tenantId, long visitId) {
        return jdbc.sql("""
                        SELECT v.id, v.student_id, v.active_group_id, g.room_id FROM visit v
                        JOIN active_group g ON g.tenant_id = v.tenant_id AND g.id = v.active_group_id
                        WHERE v.tenant_id = :tenant AND v.id = :id AND v.exited_at IS NULL
                        """)
                .param("tenant", tenantId)
                .param("id", visitId)
                .query((rs, n) -> new OpenVisit(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .optional();
    }

    /** Checks a child with no open visit in; the group must be locked. Returns the visit id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long checkIn(long tenantId, Student student, Group group, VisitSource source, Instant at) {
        // The count reads the visits as they were before this statement (its snapshot), so the new one adds 1; under
        // the group's lock nobody else changes them meanwhile.
        record Inserted(long visitId, int occupancy) {}
        Inserted inserted = jdbc.sql("""
                        WITH inserted AS (
                            INSERT INTO visit (tenant_id, student_id, active_group_id, entered_at, entry_source)
                            VALUES (:tenant, :student, :group, :at, :source) RETURNING id)
                        SELECT id, (SELECT count(*) FROM visit
                                    WHERE tenant_id = :tenant AND active_group_id = :group AND exited_at IS NULL) + 1
                        FROM inserted
                        """)
                .param("tenant", tenantId)
                .param("student", student.id())
                .param("group", group.id())
                .param("at", Timestamp.from(at))
                .param("source", source.wireName())
                .query((rs, n) -> new Inserted(rs.getLong(1), rs.getInt(2)))
                .single();
        long visitId = inserted.visitId();
        int occupancy = inserted.occupancy();
        touch(tenantId, group.id(), at);
        events.append(
                tenantId,
                List.of(
                        new EventLog.Entry(
                                Topic.activeGroup(Long.toString(group.id())),
                                new StudentCheckedIn(
                                        Long.toString(student.id()),
                                        student.shortName(),
                                        Long.toString(group.id()),
                                        Long.toString(group.roomId()),
                                        source)),
                        occupancyChanged(group.id(), group.roomId(), occupancy)));
        warnIfOverCapacity(tenantId, group, occupancy);
        return visitId;
    }

    /** Ends an open visit; its group must be locked. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void checkOut(long tenantId, Student student, OpenVisit visit, VisitSource source, Instant at) {
        // As at check-in: the count sees the visit still open (the statement's snapshot), so the closed one is taken
        // off; under the group's lock nobody else changes its visits meanwhile.
        int occupancy = jdbc.sql("""
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
        var checkedOut = new EventLog.Entry(
                Topic.activeGroup(Long.toString(visit.activeGroupId())),
                new StudentCheckedOut(
                        Long.toString(student.id()),
                        student.shortName(),
                        Long.toString(visit.activeGroupId()),
                        Long.toString(visit.roomId()),
                        source));
        if (source == VisitSource.SESSION_END) {
            // The activity is ending: it publishes the room's occupancy once, at the end.
            events.append(tenantId, List.of(checkedOut));
        } else {
            touch(tenantId, visit.activeGroupId(), at);
            events.append(
                    tenantId, List.of(checkedOut, occupancyChanged(visit.activeGroupId(), visit.roomId(), occupancy)));
            jdbc.sql("""
                            UPDATE active_group g SET over_capacity_notified = false FROM room r
                            WHERE g.tenant_id = :tenant AND g.id = :id AND r.tenant_id = g.tenant_id
                              AND r.id = g.room_id AND :occupancy <= r.capacity AND g.over_capacity_notified
                            """)
                    .param("tenant", tenantId)
                    .param("id", visit.activeGroupId())
                    .param("occupancy", occupancy)
                    .update();
        }
    }

    public int occupancy(long tenantId, long activeGroupId) {
        return jdbc.sql("""
                        SELECT count(*) FROM visit
                        WHERE tenant_id = :tenant AND active_group_id = :group AND exited_at IS NULL
                        """)
                .param("tenant", tenantId)
                .param("group", activeGroupId)
                .query(Integer.class)
                .single();
    }

    private static EventLog.Entry occupancyChanged(long activeGroupId, long roomId, int occupancy) {
        return new EventLog.Entry(
                Topic.TENANT, new RoomOccupancyChanged(Long.toString(roomId), Long.toString(activeGroupId), occupancy));
    }

    /** An urgent notification the first time a room goes over capacity; it re-arms once it is back within. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void warnIfOverCapacity(long tenantId, Group group, int occupancy) {
        if (occupancy <= group.capacity()) {
            return;
        }
        int armed =
                jdbc.sql("""
                        UPDATE active_group SET over_capacity_notified = true
                        WHERE tenant_id = :tenant AND id = :id AND NOT over_capacity_notified
                        """).param("tenant", tenantId).param("id", group.id()).update();
        if (armed > 0) {
            notifications.notify(
                    tenantId,
                    notifications.supervisorsOf(tenantId, group.id()),
                    NotificationPriority.URGENT,
                    group.roomName() + " is over capacity",
                    occupancy + " children are in " + group.roomName() + ", which holds " + group.capacity() + ".",
                    "over-capacity:room:" + group.roomId());
        }
    }

    /**
     * Marks the group active. Skipped while the mark is less than {@link #TOUCH_GRANULARITY} old: the inactivity
     * timeout is hours, and a busy room's scans would otherwise each write a new version of the group's row. This
     * instance remembers what it last wrote, so a busy room does not even ask the database.
     */
    private void touch(long tenantId, long activeGroupId, Instant at) {
        Instant written = touched.get(activeGroupId);
        if (written != null && at.isBefore(written.plus(TOUCH_GRANULARITY))) {
            return;
        }
        jdbc.sql("""
                        UPDATE active_group SET last_activity_at = :at
                        WHERE tenant_id = :tenant AND id = :id
                          AND last_activity_at < CAST(:at AS timestamptz) - CAST(:granularity AS interval)
                        """)
                .param("granularity", TOUCH_GRANULARITY.toSeconds() + " seconds")
                .param("at", Timestamp.from(at))
                .param("tenant", tenantId)
                .param("id", activeGroupId)
                .update();
        if (touched.size() >= MAX_REMEMBERED_TOUCHES) {
            touched.clear();
        }
        touched.put(activeGroupId, at);
    }
}
