package app.roomwatch.server.audit;

import app.roomwatch.model.api.admin.AuditEntry;
import app.roomwatch.server.auth.StaffPrincipal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log: every admin change is recorded here, in the transaction of the change, so the log has an entry for
 * a change exactly when the change happened. Callers pass only non-sensitive details: never a tag value, birthday,
 * guardian contact or password.
 */
@Service
@Import(AuditQueries.class) // not scanned: the admin commands' small context builds this class too
public class AuditLog {

    private final AuditQueries queries;
    private final Clock clock;

    AuditLog(AuditQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** Records a change made by the signed-in admin {@code actor}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            StaffPrincipal actor, AuditAction action, String targetId, String targetName, Map<String, String> details) {
        queries.insert(actor.tenantId(), clock.instant(), actor.staffId(), action, targetId, targetName, details);
    }

    /** Records a change made at the server's command line, where nobody is signed in. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordCommand(
            long tenant, AuditAction action, String targetId, String targetName, Map<String, String> details) {
        queries.insert(tenant, clock.instant(), null, action, targetId, targetName, details);
    }

    /**
     * The tenant's entries, newest first.
     *
     * @param before an entry id: only older entries, for the next page; {@code null} for the newest
     */
    public List<AuditEntry> page(long tenant, int limit, Long before) {
        return queries.page(tenant, limit, before);
    }
}
