package app.roomwatch.server.room;

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
 * Archives a room that closed (decision 10): it leaves every list and its scanners are revoked in the same
 * transaction; its history stays. Refused while an activity runs in it.
 */
@Service
public class RoomArchive {

    static final String WORDS = "app.roomwatch.server.room.words";

    /** The scanners placed in a room, which the device feature owns. */
    public interface Scanners {
        /** Revokes every scanner of the room, each publishing {@code device_status} revoked and audited. */
        void revokeAllIn(StaffPrincipal actor, long roomId);
    }

    private static final Logger log = LoggerFactory.getLogger(RoomArchive.class);

    private final RoomArchiveQueries queries;
    private final Scanners scanners;
    private final AuditLog audit;
    private final Clock clock;

    RoomArchive(RoomArchiveQueries queries, Scanners scanners, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.scanners = scanners;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void archive(StaffPrincipal actor, String id) {
        Words words = Words.forCaller(WORDS);
        long tenant = actor.tenantId();
        long roomId = Ids.canonical(id).orElse(0);
        // Locked as starting an activity locks it: no activity can start between the check and the archive.
        String name = queries.lockLive(tenant, roomId)
                .orElseThrow(() -> ApiException.notFound(words.get("archive.unknown", id)));
        queries.runningActivity(tenant, roomId).ifPresent(activity -> {
            throw ApiException.conflict(words.get("archive.inUse", name, activity));
        });
        queries.archive(tenant, roomId, clock.instant());
        scanners.revokeAllIn(actor, roomId);
        audit.record(actor, AuditAction.ROOM_ARCHIVED, Ids.of(roomId), name, Map.of());
        log.info("Room {} of tenant {} archived", roomId, tenant);
    }
}
