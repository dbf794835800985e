package app.roomwatch.server.staff;

import app.roomwatch.model.api.Me;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.tenant.Tenants;
import app.roomwatch.server.web.ApiException;
import org.springframework.stereotype.Service;

/** Who is signed in, as {@code /api/me} shows it. */
@Service
class StaffProfiles {

    private final StaffQueries queries;
    private final Tenants tenants;
    private final SupervisedActivities supervised;

    StaffProfiles(StaffQueries queries, Tenants tenants, SupervisedActivities supervised) {
        this.queries = queries;
        this.tenants = tenants;
        this.supervised = supervised;
    }

    /** Who is signed in and which running activities they supervise; 401 once the account is gone or disabled. */
    Me me(StaffPrincipal me) {
        StaffQueries.Profile profile = queries.profile(me.tenantId(), me.staffId())
                .orElseThrow(() -> ApiException.unauthorized("This account no longer exists or is disabled"));
        return new Me(
                me.staffKey(),
                profile.displayName(),
                profile.role(),
                tenants.shortName(me.tenantId()),
                supervised.supervisedBy(me.tenantId(), me.staffId()));
    }
}
