package app.roomwatch.server.group;

import app.roomwatch.model.api.LedGroup;
import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.staff.StaffAccounts;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who leads which after-school group: the staff who look after its children wherever they are. */
@Service
public class GroupLeads {

    private final GroupQueries queries;
    private final StaffAccounts staff;
    private final AuditLog audit;

    GroupLeads(GroupQueries queries, StaffAccounts staff, AuditLog audit) {
        this.queries = queries;
        this.staff = staff;
        this.audit = audit;
    }

    /** Makes {@code staffIds} (enabled staff of the tenant) the group's leads, replacing the ones before. */
    @Transactional
    public List<String> replace(StaffPrincipal actor, String groupId, Collection<String> staffIds) {
        long tenant = actor.tenantId();
        long group = requireGroup(tenant, groupId);
        Set<Long> leads = staff.enabled(tenant, staffIds, "staffIds");
        queries.replaceLeads(tenant, group, leads);
        audit.record(
                actor,
                AuditAction.GROUP_LEADS_CHANGED,
                Ids.of(group),
                queries.name(tenant, group).orElse(null),
                Map.of("leads", Integer.toString(leads.size())));
        return leads.stream().map(Ids::of).toList();
    }

    /** The ids of the staff who lead the group (404 for an unknown or archived group). */
    public List<String> of(long tenant, String groupId) {
        return queries.leadsOf(tenant, requireGroup(tenant, groupId)).stream()
                .map(Ids::of)
                .toList();
    }

    /** The groups {@code me} leads; an admin's are all of the tenant's. */
    public List<LedGroup> ledBy(StaffPrincipal me) {
        return queries.ledBy(me.tenantId(), me.isAdmin() ? null : me.staffId());
    }

    /** The group's id, if it exists and {@code me} leads it (or is an admin); otherwise 404 or 403. */
    public long requireLeadOrAdmin(StaffPrincipal me, String groupId) {
        long group = requireGroup(me.tenantId(), groupId);
        if (!me.isAdmin() && !queries.leads(me.tenantId(), group, me.staffId())) {
            throw ApiException.forbidden("Only the leads of this group and admins may see its roster");
        }
        return group;
    }

    private long requireGroup(long tenant, String groupId) {
        long group = Ids.parse(groupId, "group");
        if (!queries.exists(tenant, group)) {
            throw ApiException.notFound("There is no group " + groupId);
        }
        return group;
    }
}
