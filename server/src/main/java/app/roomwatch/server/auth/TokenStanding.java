package app.roomwatch.server.auth;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Whether a valid access token still speaks for its account: an access token outlives a logout, a disabled account
 * or a changed role by up to its lifetime. REST requests ({@link LiveSessions}) ask on every call, the stream when it
 * connects; one query on the staff primary key and the refresh-token family index.
 */
@Component
public class TokenStanding {

    /** Why a token no longer stands, in the order they are checked. */
    public enum Lapse {
        DISABLED,
        SESSION_ENDED,
        ROLE_CHANGED
    }

    private final AuthQueries queries;

    TokenStanding(AuthQueries queries) {
        this.queries = queries;
    }

    /**
     * @param session the token's session (its refresh-token family); empty to check the account only
     * @return why the token no longer stands, or empty while it does
     */
    public Optional<Lapse> lapse(StaffPrincipal staff, Optional<UUID> session) {
        AuthQueries.Standing state = queries.standing(staff.tenantId(), staff.staffId(), session.orElse(null))
                .orElse(new AuthQueries.Standing(false, false, ""));
        if (!state.enabled()) {
            return Optional.of(Lapse.DISABLED);
        }
        if (!state.sessionLive()) {
            return Optional.of(Lapse.SESSION_ENDED);
        }
        if (!state.role().equals(staff.role().name())) {
            return Optional.of(Lapse.ROLE_CHANGED);
        }
        return Optional.empty();
    }
}
