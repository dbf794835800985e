package app.roomwatch.server.group;

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
 * Archives a group that ended (decision 10): its leads are removed, its children belong to no group, it leaves every
 * list; activities that named it keep their history.
 */
@Service
public class GroupArchive {

    static final String WORDS = "app.roomwatch.server.group.words";

    /** The children of a group, which the student feature owns. */
    public interface Members {
        /** Takes every child out of the group; answers how many. */
        int leave(long tenant, long groupId);
    }

    private static final Logger log = LoggerFactory.getLogger(GroupArchive.class);

    private final GroupArchiveQueries queries;
    private final Members members;
    private final AuditLog audit;
    private final Clock clock;

    GroupArchive(GroupArchiveQueries queries, Members members, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void archive(StaffPrincipal actor, String id) {
        long tenant = actor.tenantId();
        long groupId = Ids.canonical(id).orElse(0);
        String name = queries.lockLive(tenant, groupId)
                .orElseThrow(() -> ApiException.notFound(Words.forCaller(WORDS).get("archive.unknown", id)));
        int leads = queries.removeLeads(tenant, groupId);
        int children = members.leave(tenant, groupId);
        queries.archive(tenant, groupId, clock.instant());
        audit.record(actor, AuditAction.GROUP_ARCHIVED, Ids.of(groupId), name, Map.of());
        log.info(
                "Group {} of tenant {} archived: {} leads removed, {} children left it",
                groupId,
                tenant,
                leads,
                children);
    }
}
