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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** What a change asks for: in, out, or whichever the child is not (a scan's default). */
    public enum Intent {
        IN,
        OUT,
        IN_OR_OUT
    }

    /** A child's tag read at a room's door: a scanner's change, source {@code rfid}. */
    public record DoorScan(String rfidTag, long roomId, Intent intent, Instant at) {}

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

    /** A scan at a room's door, alone: as {@link #checkIn} or {@link #checkOut}, or out if in there, else in. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Change atDoor(long tenantId, DoorScan scan) {
        return change(
                tenantId,
                Child.tag(scan.rfidTag()),
                Place.room(scan.roomId()),
                scan.intent(),
                VisitSource.RFID,
                scan.at());
    }

    /**
     * Scans that came together, applied in their order, each exactly as {@link #atDoor} would apply it alone (its
     * occupancy counted after the ones before it), in a few statements for all of them rather than a few for each:
     * the children locked in one, then, for each run of scans in which no child comes twice, the rooms' activities
     * (and those the children are in) locked in id order in one, the children's open visits and the activities'
     * occupancy read in one, the visits closed in one and opened in one, and their events appended in one
     * (docs/decisions/0020-scans-applied-set-wise.md). The lock order holds: every child first, then activities in
     * id order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Change> atDoors(long tenantId, List<DoorScan> scans) {
        lockChildren(tenantId, scans.stream().map(DoorScan::rfidTag).toList());
        Map<String, Optional<Student>> children = lockedInThisTransaction().get(tenantId);
        List<Change> changes = new ArrayList<>(scans.size());
        int from = 0;
        while (from < scans.size()) {
            // A child scanned twice (a double read at the door) starts a new run, which sees the first scan's change.
            Set<String> tags = new HashSet<>();
            int to = from;
            while (to < scans.size() && tags.add(scans.get(to).rfidTag())) {
                to++;
            }
            changes.addAll(new DoorRun(tenantId, children).apply(scans.subList(from, to)));
            from = to;
        }
        return changes;
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
                List.of(checkedIn(student, group, source), occupancyChanged(group.id(), group.roomId(), occupancy)));
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
        EventLog.Entry checkedOut = checkedOut(student, visit, source);
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

    private static EventLog.Entry checkedIn(Student student, Group group, VisitSource source) {
        return new EventLog.Entry(
                Topic.activeGroup(Long.toString(group.id())),
                new StudentCheckedIn(
                        Long.toString(student.id()),
                        student.shortName(),
                        Long.toString(group.id()),
                        Long.toString(group.roomId()),
                        source));
    }

    private static EventLog.Entry checkedOut(Student student, OpenVisit visit, VisitSource source) {
        return new EventLog.Entry(
                Topic.activeGroup(Long.toString(visit.activeGroupId())),
                new StudentCheckedOut(
                        Long.toString(student.id()),
                        student.shortName(),
                        Long.toString(visit.activeGroupId()),
                        Long.toString(visit.roomId()),
                        source));
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

    /**
     * One run of {@link #atDoors}: scans of distinct children, decided one after the other in memory under the
     * locks, then written together. What a change does besides its visit and events (the capacity warning and its
     * re-arming) runs after them, in the scans' order, as it would scan by scan.
     */
    private final class DoorRun {

        private final long tenantId;
        private final Map<String, Optional<Student>> children;
        private final List<VisitQueries.Closing> closings = new ArrayList<>();
        private final List<VisitQueries.Opening> openings = new ArrayList<>();
        private final List<EventLog.Entry> entries = new ArrayList<>();
        private final List<Runnable> afterwards = new ArrayList<>();
        private final Map<Long, Integer> occupancy = new HashMap<>();
        private final Map<Long, Boolean> overCapacityNotified = new HashMap<>();
        private final Map<Long, Group> groups = new HashMap<>();

        DoorRun(long tenantId, Map<String, Optional<Student>> children) {
            this.tenantId = tenantId;
            this.children = children;
        }

        List<Change> apply(List<DoorScan> scans) {
            List<Long> studentIds = scans.stream()
                    .flatMap(scan -> children.get(scan.rfidTag()).stream())
                    .map(Student::id)
                    .toList();
            Map<Long, VisitQueries.Locked> running = queries.lockRunning(
                    tenantId, scans.stream().map(DoorScan::roomId).distinct().toList(), studentIds);
            Map<Long, Group> inRoom = new HashMap<>();
            running.values().forEach(locked -> {
                groups.put(locked.group().id(), locked.group());
                inRoom.put(locked.group().roomId(), locked.group());
                overCapacityNotified.put(locked.group().id(), locked.overCapacityNotified());
            });
            // Read once the activities are locked: nobody else changes their visits, nor these children's, now.
            VisitQueries.Present present = queries.present(tenantId, studentIds, running);
            occupancy.putAll(present.occupancy());
            List<Change> changes = new ArrayList<>(scans.size());
            for (DoorScan scan : scans) {
                changes.add(decide(scan, inRoom, present.openVisits()));
            }
            queries.closeAll(tenantId, closings, VisitSource.RFID);
            Map<Long, Long> opened = queries.insertAll(tenantId, openings, VisitSource.RFID);
            events.append(tenantId, entries);
            afterwards.forEach(Runnable::run);
            return changes.stream()
                    .map(change -> switch (change.outcome()) {
                        case CHECKED_IN, MOVED -> {
                            Student student = change.student();
                            Group group = change.group();
                            OpenVisit visit =
                                    new OpenVisit(opened.get(student.id()), student.id(), group.id(), group.roomId());
                            yield new Change(change.outcome(), student, group, visit);
                        }
                        default -> change;
                    })
                    .toList();
        }

        /** What {@link #change} decides, for a door. */
        private Change decide(DoorScan scan, Map<Long, Group> inRoom, Map<Long, OpenVisit> openVisits) {
            Optional<Student> found = children.get(scan.rfidTag());
            if (found.isEmpty()) {
                return Change.none(Outcome.NO_SUCH_CHILD, null);
            }
            Student student = found.get();
            Group group = inRoom.get(scan.roomId());
            if (group == null) {
                return Change.none(Outcome.NOT_RUNNING, student);
            }
            OpenVisit current = openVisits.get(student.id());
            boolean inHere = current != null && current.activeGroupId() == group.id();
            if (inHere && scan.intent() != Intent.IN) {
                close(student, current, scan.at());
                return new Change(Outcome.CHECKED_OUT, student, group, current);
            }
            if (inHere) {
                return new Change(Outcome.ALREADY_IN, student, group, current);
            }
            if (scan.intent() == Intent.OUT) {
                return new Change(Outcome.NOT_IN, student, group, null);
            }
            if (current != null) {
                close(student, current, scan.at());
            }
            open(student, group, scan.at());
            // The new visit's id is known once it is written.
            return new Change(current != null ? Outcome.MOVED : Outcome.CHECKED_IN, student, group, null);
        }

        private void close(Student student, OpenVisit visit, Instant at) {
            long groupId = visit.activeGroupId();
            int now = occupancy.merge(groupId, -1, Integer::sum);
            closings.add(new VisitQueries.Closing(visit.id(), at));
            entries.add(checkedOut(student, visit, VisitSource.RFID));
            entries.add(occupancyChanged(groupId, visit.roomId(), now));
            touch(tenantId, groupId, at);
            if (overCapacityNotified.get(groupId)) {
                afterwards.add(() -> marks.rearmCapacityWarning(tenantId, groupId, now));
                overCapacityNotified.put(groupId, now > groups.get(groupId).capacity());
            }
        }

        private void open(Student student, Group group, Instant at) {
            int now = occupancy.merge(group.id(), 1, Integer::sum);
            openings.add(new VisitQueries.Opening(student.id(), group.id(), at));
            entries.add(checkedIn(student, group, VisitSource.RFID));
            entries.add(occupancyChanged(group.id(), group.roomId(), now));
            touch(tenantId, group.id(), at);
            // Once warned, a room is not warned again until it is back within capacity: no statement for that.
            if (now > group.capacity() && !overCapacityNotified.get(group.id())) {
                afterwards.add(() -> warnIfOverCapacity(tenantId, group, now));
                overCapacityNotified.put(group.id(), true);
            }
        }
    }
}
