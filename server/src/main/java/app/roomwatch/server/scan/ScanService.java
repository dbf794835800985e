package app.roomwatch.server.scan;

import app.roomwatch.model.api.ScanRequest;
import app.roomwatch.model.api.ScanResult;
import app.roomwatch.model.api.admin.DeviceMode;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.server.device.Devices;
import app.roomwatch.server.device.Devices.Device;
import app.roomwatch.server.notification.Notice;
import app.roomwatch.server.notification.Notifications;
import app.roomwatch.server.room.Rooms;
import app.roomwatch.server.student.Students;
import app.roomwatch.server.visit.Visits;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import app.roomwatch.server.web.Problems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a scanner's scan by the scan rule of SPEC section 3, exactly once per {@code Idempotency-Key}: the key is
 * written with its answer (refusals included) last, in the transaction of the change and its events; a retry that
 * finds the key taken rolls back whatever it did and answers what the first one answered.
 */
@Service
class ScanService {

    /** What to answer: a status and its JSON body (a {@link ScanResult} or a problem document). */
    record Answer(int status, String body) {}

    /** A scan as a scanner sent it: who, under which Idempotency-Key, what, and the hash of what. */
    record Scan(Device device, String idempotencyKey, ScanRequest request, byte[] requestHash) {
        ScanRequestQueries.Key key() {
            return new ScanRequestQueries.Key(device.id(), idempotencyKey);
        }
    }

    private static final Duration MAX_SCAN_AGE = Duration.ofHours(1);

    private final ScanRequestQueries requests;
    private final Rooms rooms;
    private final Visits visits;
    private final Notifications notifications;
    private final JsonMapper json;
    private final Devices devices;
    private final Students students;
    private final Clock clock;

    ScanService(
            ScanRequestQueries requests,
            Rooms rooms,
            Visits visits,
            Notifications notifications,
            JsonMapper json,
            Devices devices,
            Students students,
            Clock clock) {
        this.devices = devices;
        this.students = students;
        this.requests = requests;
        this.rooms = rooms;
        this.visits = visits;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    /** Records one scan in a transaction of its own. */
    @Transactional
    public Answer record(Scan scan) {
        Answer answer = apply(scan.device(), scan.request());
        // The key and its answer in one write, after the change: a concurrent retry has done the same work meanwhile,
        // waits here for this transaction and, finding the key taken, rolls its work back and answers the same.
        if (requests.record(List.of(recorded(scan, answer)), clock.instant()) == 0) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return earlierAnswer(scan, requests.earlier(List.of(scan.key())).get(scan.key()));
        }
        return answer;
    }

    /**
     * Records scans that arrived together in one transaction, in their order, each as if it had been recorded alone:
     * their visits in a few statements for all of them ({@link Visits#atDoors}), their keys in one, and one commit
     * (one WAL flush). A scan whose key was recorded before is answered what it was answered then and not applied
     * again. An answer is {@code null} where the scan must be {@linkplain #record recorded alone} once this
     * transaction has committed: its key came earlier in the batch, or was used before for a different scan. Empty,
     * with everything rolled back, when another transaction recorded one of the keys meanwhile (a concurrent retry):
     * then every scan must be recorded alone.
     */
    @Transactional
    public Optional<List<Answer>> record(List<Scan> scans) {
        Map<ScanRequestQueries.Key, ScanRequestQueries.Earlier> earlier =
                requests.earlier(scans.stream().map(Scan::key).toList());
        Answer[] answers = new Answer[scans.size()];
        List<Integer> toApply = new ArrayList<>(scans.size());
        Set<ScanRequestQueries.Key> applied = new HashSet<>();
        for (int i = 0; i < scans.size(); i++) {
            Scan scan = scans.get(i);
            ScanRequestQueries.Earlier before = earlier.get(scan.key());
            if (before != null) {
                answers[i] = Arrays.equals(before.hash(), scan.requestHash()) ? before.answer() : null;
            } else if (applied.add(scan.key())) {
                toApply.add(i);
            }
        }
        // Each tenant's door scans together, in their order; a tenant's scans change nothing of another's.
        Map<Long, List<Integer>> atDoors = new LinkedHashMap<>();
        for (int i : toApply) {
            Device device = scans.get(i).device();
            if (device.mode() == DeviceMode.ASSIGN) {
                answers[i] = tagRead(device, scans.get(i).request().rfidTag());
            } else {
                atDoors.computeIfAbsent(device.tenantId(), tenant -> new ArrayList<>())
                        .add(i);
            }
        }
        atDoors.forEach((tenant, indices) -> {
            List<Visits.Change> changes = visits.atDoors(
                    tenant,
                    indices.stream()
                            .map(i -> atDoor(scans.get(i).device(), scans.get(i).request()))
                            .toList());
            for (int j = 0; j < indices.size(); j++) {
                int i = indices.get(j);
                answers[i] = answer(scans.get(i).device(), changes.get(j));
            }
        });
        List<ScanRequestQueries.Recorded> recorded =
                toApply.stream().map(i -> recorded(scans.get(i), answers[i])).toList();
        if (requests.record(recorded, clock.instant()) < recorded.size()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Optional.empty();
        }
        return Optional.of(Arrays.asList(answers));
    }

    private static ScanRequestQueries.Recorded recorded(Scan scan, Answer answer) {
        return new ScanRequestQueries.Recorded(scan.device().tenantId(), scan.key(), scan.requestHash(), answer);
    }

    private static Answer earlierAnswer(Scan scan, ScanRequestQueries.Earlier earlier) {
        if (!Arrays.equals(earlier.hash(), scan.requestHash())) {
            throw ApiException.unprocessable("This Idempotency-Key was already used for a different scan;"
                    + " use a new key for every new scan");
        }
        return earlier.answer();
    }

    private Answer apply(Device device, ScanRequest request) {
        if (device.mode() == DeviceMode.ASSIGN) {
            return tagRead(device, request.rfidTag());
        }
        return answer(device, visits.atDoor(device.tenantId(), atDoor(device, request)));
    }

    private Visits.DoorScan atDoor(Device device, ScanRequest request) {
        Visits.Intent intent = switch (request.action()) {
            case CHECKIN -> Visits.Intent.IN;
            case CHECKOUT -> Visits.Intent.OUT;
            case TOGGLE -> Visits.Intent.IN_OR_OUT;
        };
        return new Visits.DoorScan(request.rfidTag(), device.roomId(), intent, readAt(request.scannedAt()));
    }

    private Answer answer(Device device, Visits.Change change) {
        return switch (change.outcome()) {
            case NO_SUCH_CHILD -> unknownTag(device);
            case NOT_RUNNING ->
                problem(HttpStatus.CONFLICT, "No activity is running in this scanner's room; start one first");
            case NOT_IN -> problem(HttpStatus.CONFLICT, "This child is not checked in to this room's activity");
            case CHECKED_IN, ALREADY_IN -> done(change, ScanResult.Outcome.CHECKED_IN);
            case CHECKED_OUT -> done(change, ScanResult.Outcome.CHECKED_OUT);
            case MOVED -> done(change, ScanResult.Outcome.MOVED);
        };
    }

    private Answer done(Visits.Change change, ScanResult.Outcome outcome) {
        Visits.Student student = change.student();
        Visits.Group group = change.group();
        ScanResult result = new ScanResult(
                outcome, Ids.of(student.id()), student.shortName(), group.roomName(), Ids.of(group.id()));
        return new Answer(200, json.writeValueAsString(result));
    }

    /**
     * When the tag was read: the scanner's own time if it sent one from the last hour (a scanner catching up after
     * a network outage), else now. Times from the future or long ago are the scanner's clock being wrong.
     */
    private Instant readAt(Instant scannedAt) {
        Instant now = clock.instant();
        if (scannedAt == null || scannedAt.isAfter(now) || scannedAt.isBefore(now.minus(MAX_SCAN_AGE))) {
            return now;
        }
        return scannedAt;
    }

    /**
     * A scanner in assign mode only reads the tag, for an admin to give it to a child: nobody is checked in or out,
     * and an unknown tag is what it is for, not a 404.
     */
    private Answer tagRead(Device device, String tag) {
        devices.tagRead(device, tag);
        Optional<Students.Holder> holder = students.holderOf(device.tenantId(), tag);
        ScanResult result = new ScanResult(
                ScanResult.Outcome.TAG_READ,
                holder.map(Students.Holder::id).orElse(null),
                holder.map(Students.Holder::shortName).orElse(null),
                rooms.name(device.tenantId(), device.roomId()),
                null);
        return new Answer(200, json.writeValueAsString(result));
    }

    private Answer unknownTag(Device device) {
        String roomName = rooms.name(device.tenantId(), device.roomId());
        notifications.notify(
                device.tenantId(),
                notifications.responsibleForRoom(device.tenantId(), device.roomId()),
                NotificationPriority.INFO,
                Notice.of("unknown-tag", roomName, device.name()),
                "unknown-tag:room:" + device.roomId());
        return problem(HttpStatus.NOT_FOUND, "No child has this RFID tag; the room's supervisors were told");
    }

    private Answer problem(HttpStatus status, String detail) {
        var problem = Problems.of(status, detail);
        return new Answer(status.value(), json.writeValueAsString(problem));
    }
}
