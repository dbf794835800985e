package app.roomwatch.server.scan;

import app.roomwatch.model.api.ScanAction;
import app.roomwatch.model.api.ScanRequest;
import app.roomwatch.model.api.ScanResult;
import app.roomwatch.model.api.admin.DeviceMode;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.VisitSource;
import app.roomwatch.server.device.Devices;
import app.roomwatch.server.device.Devices.Device;
import app.roomwatch.server.notification.Notifications;
import app.roomwatch.server.visit.Visits;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import app.roomwatch.server.web.Problems;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a scanner's scan by the scan rule of SPEC section 3, exactly once per {@code Idempotency-Key}: the key is
 * inserted first, so a concurrent retry waits on it and then answers what the first one answered; the answer,
 * refusals included, is stored with the change and its events in one transaction.
 */
@Service
class ScanService {

    /** What to answer: a status and its JSON body (a {@link ScanResult} or a problem document). */
    record Answer(int status, String body) {}

    private static final Duration MAX_SCAN_AGE = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Devices devices;
    private final Visits visits;
    private final Notifications notifications;
    private final JsonMapper json;
    private final Clock clock;

    ScanService(
            JdbcClient jdbc,
            Devices devices,
            Visits visits,
            Notifications notifications,
            JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.devices = devices;
        this.visits = visits;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Answer record(Device device, String idempotencyKey, ScanRequest request, byte[] requestHash) {
        int inserted = jdbc.sql("""
                        INSERT INTO scan_request (tenant_id, device_id, idempotency_key, request_hash, created_at)
                        VALUES (:tenant, :device, :key, :hash, :now)
                        ON CONFLICT (device_id, idempotency_key) DO NOTHING
                        """)
                .param("tenant", device.tenantId())
                .param("device", device.id())
                .param("key", idempotencyKey)
                .param("hash", requestHash)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            return earlierAnswer(device, idempotencyKey, requestHash);
        }
        Answer answer = apply(device, request);
        jdbc.sql("""
                        UPDATE scan_request SET status = :status, response = :body
                        WHERE device_id = :device AND idempotency_key = :key
                        """)
                .param("status", answer.status())
                .param("body", answer.body())
                .param("device", device.id())
                .param("key", idempotencyKey)
                .update();
        return answer;
    }

    private Answer earlierAnswer(Device device, String idempotencyKey, byte[] requestHash) {
        record Earlier(byte[] hash, int status, String body) {}
        Earlier earlier = jdbc.sql("""
                        SELECT request_hash, status, response FROM scan_request
                        WHERE device_id = :device AND idempotency_key = :key
                        """)
                .param("device", device.id())
                .param("key", idempotencyKey)
                .query((rs, n) -> new Earlier(rs.getBytes(1), rs.getInt(2), rs.getString(3)))
                .single();
        if (!Arrays.equals(earlier.hash(), requestHash)) {
            throw ApiException.unprocessable("This Idempotency-Key was already used for a different scan;"
                    + " use a new key for every new scan");
        }
        return new Answer(earlier.status(), earlier.body());
    }

    private Answer apply(Device device, ScanRequest request) {
        long tenant = device.tenantId();
        Optional<Visits.Student> found = visits.lockStudentByTag(tenant, request.rfidTag());
        if (device.mode() == DeviceMode.ASSIGN) {
            return tagRead(device, request.rfidTag(), found);
        }
        if (found.isEmpty()) {
            return unknownTag(device);
        }
        Visits.Student student = found.get();
        Visits.Whereabouts before = visits.whereabouts(tenant, device.roomId(), student.id());
        if (before.roomGroupId().isEmpty()) {
            return problem(HttpStatus.CONFLICT, "No activity is running in this scanner's room; start one first");
        }
        long here = before.roomGroupId().get();
        Visits.Group group = visits.lockGroups(
                        tenant, here, before.studentGroupId().orElse(here))
                .get(here);
        // Under the locks: the activity may have ended meanwhile, and with it the child's visit.
        if (group == null) {
            return problem(HttpStatus.CONFLICT, "No activity is running in this scanner's room; start one first");
        }
        Optional<Visits.OpenVisit> open = visits.openVisitOf(tenant, student.id());
        Instant at = readAt(request.scannedAt());
        boolean inHere = open.isPresent() && open.get().activeGroupId() == group.id();
        ScanResult.Outcome outcome;
        if (inHere && request.action() != ScanAction.CHECKIN) {
            visits.checkOut(tenant, student, open.get(), VisitSource.RFID, at);
            outcome = ScanResult.Outcome.CHECKED_OUT;
        } else if (inHere) {
            outcome = ScanResult.Outcome.CHECKED_IN;
        } else if (request.action() == ScanAction.CHECKOUT) {
            return problem(HttpStatus.CONFLICT, "This child is not checked in to this room's activity");
        } else if (open.isPresent()) {
            visits.checkOut(tenant, student, open.get(), VisitSource.RFID, at);
            visits.checkIn(tenant, student, group, VisitSource.RFID, at);
            outcome = ScanResult.Outcome.MOVED;
        } else {
            visits.checkIn(tenant, student, group, VisitSource.RFID, at);
            outcome = ScanResult.Outcome.CHECKED_IN;
        }
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
    private Answer tagRead(Device device, String tag, Optional<Visits.Student> holder) {
        devices.tagRead(device, tag);
        ScanResult result = new ScanResult(
                ScanResult.Outcome.TAG_READ,
                holder.map(student -> Ids.of(student.id())).orElse(null),
                holder.map(Visits.Student::shortName).orElse(null),
                roomName(device),
                null);
        return new Answer(200, json.writeValueAsString(result));
    }

    private String roomName(Device device) {
        return jdbc.sql("SELECT name FROM room WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", device.tenantId())
                .param("id", device.roomId())
                .query(String.class)
                .single();
    }

    private Answer unknownTag(Device device) {
        String roomName = roomName(device);
        notifications.notify(
                device.tenantId(),
                notifications.responsibleForRoom(device.tenantId(), device.roomId()),
                NotificationPriority.INFO,
                "Unknown tag at " + roomName,
                "The scanner \"" + device.name() + "\" read a tag that belongs to no child. Register it in the"
                        + " admin area if a new child uses it.",
                "unknown-tag:room:" + device.roomId());
        return problem(HttpStatus.NOT_FOUND, "No child has this RFID tag; the room's supervisors were told");
    }

    private Answer problem(HttpStatus status, String detail) {
        var problem = Problems.of(status, detail);
        return new Answer(status.value(), json.writeValueAsString(problem));
    }
}
