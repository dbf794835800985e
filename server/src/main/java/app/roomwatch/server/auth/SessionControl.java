package app.roomwatch.server.auth;

import java.time.Clock;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells every server instance that sessions of a staff member ended, so that their open streams close. It sends, in
 * the caller's transaction (delivered on commit only), a {@code NOTIFY} on {@value #CHANNEL} with the JSON
 * {@code {"type":"sessions_ended","tenantId":"1","staffId":"5","sessionId":"<sid>"|null,"reason":"logout"}}:
 * {@code sessionId} names the one session that ended (logout, a reused refresh token revoking its family), or is
 * {@code null} when all of the staff member's sessions ended (account disabled).
 */
@Component
@Import(AuthQueries.class) // not scanned: the admin commands' small context builds this class too
public class SessionControl {

    /** The channel every instance LISTENs on for control messages. */
    public static final String CHANNEL = "roomwatch_control";

    private final AuthQueries queries;
    private final JsonMapper json;
    private final Clock clock;

    SessionControl(AuthQueries queries, JsonMapper json, Clock clock) {
        this.queries = queries;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Ends every session of an account: its refresh tokens are revoked (so its access tokens are refused from the
     * next call on) and its open streams on every server instance close, once the caller's transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void endAllSessions(long tenantId, long staffId, String reason) {
        queries.revokeAll(tenantId, staffId, clock.instant());
        sessionsEnded(tenantId, staffId, null, reason);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void sessionsEnded(long tenantId, long staffId, String sessionId, String reason) {
        ObjectNode message = json.createObjectNode()
                .put("type", "sessions_ended")
                .put("tenantId", Long.toString(tenantId))
                .put("staffId", Long.toString(staffId))
                .put("sessionId", sessionId)
                .put("reason", reason);
        queries.notify(CHANNEL, json.writeValueAsString(message));
    }
}
