package app.roomwatch.server.group;

import app.roomwatch.model.api.LedGroup;
import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who leads which after-school group: the staff who look after its children wherever they are. */
@Service
public class GroupLeads {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    GroupLeads(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Makes {@code staffIds} (enabled staff of the tenant) the group's leads, replacing the ones before. */
    @Transactional
    public List<String> replace(StaffPrincipal actor, String groupId, Collection<String> staffIds) {
        long tenant = actor.tenantId();
        long group = requireGroup(tenant, groupId);
        Set<Long> leads = new TreeSet<>();
        for (String id : new LinkedHashSet<>(staffIds)) {
            long staffId = Ids.parseField(id, "staffIds");
            boolean exists = jdbc.sql("SELECT count(*) FROM staff WHERE tenant_id = :tenant AND id = :id AND enabled")
                            .param("tenant", tenant)
                            .param("id", staffId)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!exists) {
                throw ApiException.notFound("There is no staff member " + id);
            }
            leads.add(staffId);
        }
        jdbc.sql("DELETE FROM student_group_lead WHERE tenant_id = :tenant AND student_group_id = :group")
                .param("tenant", tenant)
                .param("group", group)
                .update();
        for (long staffId : leads) {
            jdbc.sql("""
                            INSERT INTO student_group_lead (tenant_id, student_group_id, staff_id)
                            VALUES (:tenant, :group, :staff)
                            """)
                    .param("tenant", tenant)
                    .param("group", group)
                    .param("staff", staffId)
                    .update();
        }
        String name = jdbc.sql("SELECT name FROM student_group WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant)
                .param("id", group)
                .query(String.class)
                .single();
        audit.record(
                actor,
                AuditAction.GROUP_LEADS_CHANGED,
                Ids.of(group),
                name,
                Map.of("leads", Integer.toString(leads.size())));
        return leads.stream().map(Ids::of).toList();
    }

    /** The groups {@code me} leads; an admin's are all of the tenant's. */
    public List<LedGroup> ledBy(StaffPrincipal me) {
        String sql = me.isAdmin()
                ? "SELECT g.id, g.name FROM student_group g WHERE g.tenant_id = :tenant AND g.archived_at IS NULL"
                        + " ORDER BY g.name, g.id"
                : """
                  SELECT g.id, g.name FROM student_group g
                  JOIN student_group_lead l ON l.tenant_id = g.tenant_id AND l.student_group_id = g.id
                  WHERE g.tenant_id = :tenant AND l.staff_id = :staff AND g.archived_at IS NULL
                  ORDER BY g.name, g.id
                  """;
        var statement = jdbc.sql(sql).param("tenant", me.tenantId());
        if (!me.isAdmin()) {
            statement = statement.param("staff", me.staffId());
        }
        return statement
                .query((rs, n) -> new LedGroup(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** The group's id, if it exists and {@code me} leads it (or is an admin); otherwise 404 or 403. */
    public long requireLeadOrAdmin(StaffPrincipal me, String groupId) {
        long group = requireGroup(me.tenantId(), groupId);
        if (me.isAdmin()) {
            return group;
        }
        boolean lead = jdbc.sql("""
                                SELECT count(*) FROM student_group_lead
                                WHERE tenant_id = :tenant AND student_group_id = :group AND staff_id = :staff
                                """)
                        .param("tenant", me.tenantId())
                        .param("group", group)
                        .param("staff", me.staffId())
                        .query(Long.class)
                        .single()
                > 0;
        if (!lead) {
            throw ApiException.forbidden("Only the leads of this group and admins may see its roster");
        }
        return group;
    }

    private long requireGroup(long tenant, String groupId) {
        long group = Ids.parse(groupId, "group");
        boolean exists = jdbc.sql("SELECT count(*) FROM student_group WHERE tenant_id = :tenant AND id = :id"
                                + " AND archived_at IS NULL")
                        .param("tenant", tenant)
                        .param("id", group)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            throw ApiException.notFound("There is no group " + groupId);
        }
        return group;
    }
}
