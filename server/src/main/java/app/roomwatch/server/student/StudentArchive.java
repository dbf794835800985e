package app.roomwatch.server.student;

import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import app.roomwatch.server.web.Words;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Archives a child who left (decision 10): the child leaves every list, its tag is freed for another child, its
 * pending scheduled check-outs are cancelled, and its history stays. Refused while the child is checked in.
 */
@Service
public class StudentArchive {

    /** A child's scheduled check-outs still to come, which the automation feature owns. */
    public interface PendingCheckouts {
        /** Cancels every pending scheduled check-out of the child; answers how many. */
        int cancelAllOf(long tenant, long studentId);
    }

    private static final Logger log = LoggerFactory.getLogger(StudentArchive.class);

    private final StudentArchiveQueries queries;
    private final PendingCheckouts checkouts;
    private final AuditLog audit;
    private final Clock clock;

    StudentArchive(StudentArchiveQueries queries, PendingCheckouts checkouts, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.checkouts = checkouts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void archive(StaffPrincipal actor, String id) {
        Words words = Words.forCaller(StudentImport.WORDS);
        long tenant = actor.tenantId();
        long studentId = Ids.canonical(id).orElse(0);
        // Locked first, as every check-in locks the child first: none can slip in between the check and the archive.
        String shortName = queries.lockLive(tenant, studentId)
                .orElseThrow(() -> ApiException.notFound(words.get("archive.unknown", id)));
        queries.roomCheckedInto(tenant, studentId).ifPresent(room -> {
            throw ApiException.conflict(words.get("archive.checkedIn", shortName, room));
        });
        int cancelled = checkouts.cancelAllOf(tenant, studentId);
        queries.archive(tenant, studentId, clock.instant());
        audit.record(
                actor,
                AuditAction.STUDENT_ARCHIVED,
                Ids.of(studentId),
                shortName,
                cancelled == 0 ? Map.of() : Map.of("scheduledCheckoutsCancelled", Integer.toString(cancelled)));
        log.info("Student {} of tenant {} archived; {} scheduled checkouts cancelled", studentId, tenant, cancelled);
    }
}
