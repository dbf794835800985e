package app.roomwatch.server.visit;

import app.roomwatch.model.api.RoomChild;
import app.roomwatch.model.api.VisitDisplay;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.RoomOccupancyChanged;
import app.roomwatch.model.event.StudentCheckedIn;
import app.roomwatch.model.event.StudentCheckedOut;
import app.roomwatch.model.event.Topic;
import app.roomwatch.model.event.VisitSource;
import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.notification.Notice;
import app.roomwatch.server.notification.Notifications;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checking children in and out of active groups, whoever asks (a scanner, a supervisor, the schedule, an ending
 * activity): the visit row, its event, the room's new occupancy and a capacity warning, all in the caller's
 * transaction.
 *
 * <p>Every change takes its own row locks, always in one order: <b>the student first, then the active groups
 * involved in id order</b>. Ending an activity locks only its group. So concurrent changes neither deadlock nor
 * count occupancy wrong, and no caller has to know the order.
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

    /** Which child a change is about: by id (a supervisor, the schedule) or by RFID tag (a scanner). */
    public record Child(boolean byTag, Object key) {
        public static Child id(long studentId) {
            return new Child(false, studentId);
        }

        public static Child tag(String rfidTag) {
            return new Child(true, rfidTag);
        }
    }

    /**
     * Where a change happens: the activity running in a room, one activity, the activity of one open visit, or
     * wherever the child is checked in now.
     */
    public record Place(Kind kind, long id) {
        public enum Kind {
            ROOM,
            GROUP,
            VISIT,
            WHEREVER
        }

        public static Place room(long roomId) {
            return new Place(Kind.ROOM, roomId);
        }

        public static Place group(long activeGroupId) {
            return new Place(Kind.GROUP, activeGroupId);
        }

        public static Place visit(long visitId) {
            return new Place(Kind.VISIT, visitId);
        }

        public static Place whereverTheChildIs() {
            return new Place(Kind.WHEREVER, 0);
        }

        /** Whether the place is wherever the child is (so no activity there means the child is not in). */
        boolean followsTheChild() {
            return kind == Kind.VISIT || kind == Kind.WHEREVER;
        }

        boolean holds(OpenVisit visit, long activeGroupId) {
            return kind == Kind.VISIT ? visit.id() == id : visit.activeGroupId() == activeGroupId;
        }
    }

    /** What a change did. */
    public enum Outcome {
        CHECKED_IN,
        CHECKED_OUT,
        /** Checked out of another activity, then in here. */
        MOVED,
        /** Asked to check in where the child already is: nothing changed. */
        ALREADY_IN,
        /** Asked to check out where the child is not: nothing changed. */
        NOT_IN,
        NO_SUCH_CHILD,
        /** No activity runs at the place (any more): nothing changed. */
        NOT_RUNNING
    }

    /**
     * The result of a change: the child and group, once found, and the visit begun (check-in, move) or ended
     * (check-out).
     */
    public record Change(Outcome outcome, Student student, Group group, OpenVisit visit) {
        static Change none(Outcome outcome, Student student) {
            return new Change(outcome, student, null, null);
        }
    }

    /** How stale the last-activity mark may get before a check-in or -out refreshes it. */
    static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(5);

    private static final int MAX_REMEMBERED_TOUCHES = 10_000;

    private enum Intent {
        IN,
        OUT,
        IN_OR_OUT
    }

    /** Binds the children locked by {@link #lockChildren} to the transaction. */
    private final Object lockedChildrenKey = new Object();

    /** The last-activity mark this instance last wrote, by active group (forgotten wholesale when it grows large). */
    private final Map<Long, Instant> touched = new ConcurrentHashMap<>();

    private final VisitQueries queries;
    private final ActivityMarks marks;
    private final EventLog events;
    private final Notifications notifications;

    Visits(VisitQueries queries, ActivityMarks marks, EventLog events, Notifications notifications) {
        this.queries = queries;
        this.marks = marks;
        this.events = events;
        this.notifications = notifications;
    }

    /** Checks a child in at the place; a child checked in elsewhere moves here (checked out there first). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Change checkIn(long tenantId, Child child, Place place, VisitSource source, Instant at) {
        return change(tenantId, child, place, Intent.IN, source, at);
    }

    /** Checks a child out of the place; {@link Outcome#NOT_IN} if it is not checked in there. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Change checkOut(long tenantId, Child child, Place place, VisitSource source, Instant at) {
        return change(tenantId, child, place, Intent.OUT, source, at);
    }

    /** A scan's default: out if the child is in at the place, else in (moving it from elsewhere). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Change checkInOrOut(long tenantId, Child child, Place place, VisitSource source, Instant at) {
        return change(tenantId, child, place, Intent.IN_OR_OUT, source, at);
    }

    /**
     * Locks the children with these RFID tags, in id order, for the changes that follow in this transaction: a batch
     * of scans takes its children's locks first, in one round trip, and each change then finds its child locked
     * already. The lock order holds (every child before any activity), and across batches too, since each takes its
     * children in id order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockChildren(long tenantId, Collection<String> rfidTags) {
        Map<String, Optional<Student>> locked =
                lockedInThisTransaction().computeIfAbsent(tenantId, tenant -> new HashMap<>());
        List<String> tags = rfidTags.stream()
                .distinct()
                .filter(tag -> !locked.containsKey(tag))
                .toList();
        if (tags.isEmpty()) {
            return;
        }
        Map<String, Student> found = queries.lockStudentsByTag(tenantId, tags);
        tags.forEach(tag -> locked.put(tag, Optional.ofNullable(found.get(tag))));
    }

    /** The children {@link #lockChildren} locked in this transaction, by tenant and tag (empty if none is known). */
    private Map<Long, Map<String, Optional<Student>>> lockedInThisTransaction() {
        @SuppressWarnings("unchecked")
        var locked = (Map<Long, Map<String, Optional<Student>>>)
                TransactionSynchronizationManager.getResource(lockedChildrenKey);
        if (locked == null) {
            locked = new HashMap<>();
            TransactionSynchronizationManager.bindResource(lockedChildrenKey, locked);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(lockedChildrenKey);
                }
            });
        }
        return locked;
    }

    private Optional<Student> lockStudent(long tenantId, Child who) {
        if (who.byTag() && TransactionSynchronizationManager.hasResource(lockedChildrenKey)) {
            Optional<Student> known =
                    lockedInThisTransaction().getOrDefault(tenantId, Map.of()).get(who.key());
            if (known != null) {
                return known;
            }
        }
        return queries.lockStudent(tenantId, who.byTag(), who.key());
    }

    private Change change(long tenantId, Child who, Place place, Intent intent, VisitSource source, Instant at) {
        Optional<Student> found = lockStudent(tenantId, who);
        if (found.isEmpty()) {
            return Change.none(Outcome.NO_SUCH_CHILD, null);
        }
        Student student = found.get();
        Outcome nothingThere = place.followsTheChild() ? Outcome.NOT_IN : Outcome.NOT_RUNNING;
        // The place's activity and the child's, locked in id order, with the child's open visit, in one round trip.
        VisitQueries.Locks locks = queries.lock(tenantId, place, student.id());
        // Under the locks: the activity may have ended meanwhile, and with it the child's visit.
        VisitQueries.Locked locked = locks.here();
        if (locked == null) {
            return Change.none(nothingThere, student);
        }
        long here = locked.group().id();
        Group group = locked.group();
        Optional<OpenVisit> open = locks.studentVisit();
        boolean inHere = open.isPresent() && place.holds(open.get(), here);
        if (inHere && intent != Intent.IN) {
            close(tenantId, student, open.get(), source, at, locked.overCapacityNotified());
            return new Change(Outcome.CHECKED_OUT, student, group, open.get());
        }
        if (inHere) {
            return new Change(Outcome.ALREADY_IN, student, group, open.get());
        }
        if (intent == Intent.OUT) {
            return new Change(Outcome.NOT_IN, student, group, null);
        }
        open.ifPresent(visit -> close(
                tenantId,
                student,
                visit,
                source,
                at,
                locks.running().get(visit.activeGroupId()).overCapacityNotified()));
        OpenVisit visit = open(tenantId, student, group, source, at);
        return new Change(open.isPresent() ? Outcome.MOVED : Outcome.CHECKED_IN, student, group, visit);
    }

    /**
     * Ends every open visit of a running group (source {@code session_end}) when, once the group is locked,
     * {@code stillToEnd} holds; the caller then ends the activity. Locks only the group: no student lock is taken
     * after it, so the lock order holds. Empty when the group is not running or {@code stillToEnd} said no.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Ended> endAll(long tenantId, long activeGroupId, Instant at, Predicate<Group> stillToEnd) {
        Optional<Group> locked = lockRunningGroup(tenantId, activeGroupId).filter(stillToEnd);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        List<OpenVisit> open = queries.openVisitsIn(tenantId, activeGroupId);
        for (OpenVisit visit : open) {
            Student student = queries.student(tenantId, visit.studentId()).orElseThrow();
            close(tenantId, student, visit, VisitSource.SESSION_END, at, false);
        }
        return Optional.of(new Ended(locked.get(), open.size()));
    }

    /** A group whose visits {@link #endAll} ended, and how many. */
    public record Ended(Group group, int visitsClosed) {}

    /**
     * Locks one running group alone (to serialize changes to it that involve no child); empty when it is not
     * running. Never call it before a change to a child in the same transaction: that would reverse the order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Group> lockRunningGroup(long tenantId, long activeGroupId) {
        return Optional.ofNullable(
                        queries.lock(tenantId, Place.group(activeGroupId), 0).here())
                .map(VisitQueries.Locked::group);
    }

    public Optional<Group> runningGroup(long tenantId, long activeGroupId) {
        return queries.runningGroup("g.id = :id", tenantId, activeGroupId);
    }

    public Optional<Group> runningGroupInRoom(long tenantId, long roomId) {
        return queries.runningGroup("g.room_id = :id", tenantId, roomId);
    }

    public Optional<OpenVisit> openVisit(long tenantId, long visitId) {
        return queries.openVisit(tenantId, "v.id = :key", visitId);
    }

    /** The open visits of an active group with what My groups shows of each child. */
    public List<VisitDisplay> display(long tenantId, long activeGroupId) {
        return queries
                .openVisitsWithChild(
                        tenantId, "v.active_group_id = :key", activeGroupId, "s.last_name, s.first_name, s.id")
                .stream()
                .map(VisitQueries.Row::display)
                .toList();
    }

    /** The children in every room now, newest arrival first, by room id. */
    public Map<Long, List<RoomChild>> childrenByRoom(long tenantId) {
        Map<Long, List<RoomChild>> children = new HashMap<>();
        for (VisitQueries.Row row :
                queries.openVisitsWithChild(tenantId, "0 = :key", 0, "v.entered_at DESC, v.id DESC")) {
            children.computeIfAbsent(row.roomId(), room -> new ArrayList<>()).add(row.child());
        }
        return children;
    }

    /** The children in one room now, newest arrival first. */
    public List<RoomChild> childrenIn(long tenantId, long roomId) {
        return queries
                .openVisitsWithChild(tenantId, "g.room_id = :key", roomId, "v.entered_at DESC, v.id DESC")
                .stream()
                .map(VisitQueries.Row::child)
                .toList();
    }

    private OpenVisit open(long tenantId, Student student, Group group, VisitSource source, Instant at) {
        VisitQueries.Inserted inserted = queries.insert(tenantId, student.id(), group.id(), source, at);
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
        return new OpenVisit(inserted.visitId(), student.id(), group.id(), group.roomId());
    }

    /**
     * Ends a visit and publishes it. {@code overCapacityNotified}: whether its group's over-capacity warning had gone
     * out, as read under the group's lock; only then can the visit's end re-arm it.
     */
    private void close(
            long tenantId,
            Student student,
            OpenVisit visit,
            VisitSource source,
            Instant at,
            boolean overCapacityNotified) {
        int occupancy = queries.close(tenantId, visit, source, at);
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
            if (overCapacityNotified) {
                marks.rearmCapacityWarning(tenantId, visit.activeGroupId(), occupancy);
            }
        }
    }

    private static EventLog.Entry occupancyChanged(long activeGroupId, long roomId, int occupancy) {
        return new EventLog.Entry(
                Topic.TENANT, new RoomOccupancyChanged(Long.toString(roomId), Long.toString(activeGroupId), occupancy));
    }

    /**
     * Locks a running group and warns its supervisors if it is over capacity and has not warned yet (a room whose
     * capacity an admin lowered, say); false when the group is not running.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean warnIfOverCapacity(long tenantId, long activeGroupId) {
        Optional<Group> group = lockRunningGroup(tenantId, activeGroupId);
        group.ifPresent(running -> warnIfOverCapacity(tenantId, running, queries.occupancy(tenantId, running.id())));
        return group.isPresent();
    }

    /** An urgent notification the first time a room goes over capacity; it re-arms once it is back within. */
    private void warnIfOverCapacity(long tenantId, Group group, int occupancy) {
        if (occupancy <= group.capacity()) {
            return;
        }
        if (marks.armCapacityWarning(tenantId, group.id())) {
            notifications.notify(
                    tenantId,
                    notifications.supervisorsOf(tenantId, group.id()),
                    NotificationPriority.URGENT,
                    Notice.of("over-capacity", group.roomName(), occupancy, group.capacity()),
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
        marks.touch(tenantId, activeGroupId, at, TOUCH_GRANULARITY);
        if (touched.size() >= MAX_REMEMBERED_TOUCHES) {
            touched.clear();
        }
        touched.put(activeGroupId, at);
    }
}
