package app.roomwatch.server.admin;

import app.roomwatch.model.api.admin.GroupLeadsRequest;
import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.model.api.admin.GroupRequest;
import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.group.GroupArchive;
import app.roomwatch.server.group.GroupLeads;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins manage after-school groups and who leads them. */
@RestController
@RequestMapping("/api/admin/groups")
class GroupAdminController {

    private final JdbcClient jdbc;
    private final GroupLeads leads;
    private final GroupArchive archive;
    private final AuditLog audit;

    GroupAdminController(JdbcClient jdbc, GroupLeads leads, GroupArchive archive, AuditLog audit) {
        this.jdbc = jdbc;
        this.leads = leads;
        this.archive = archive;
        this.audit = audit;
    }

    @GetMapping
    List<GroupRecord> list(Authentication authentication) {
        return jdbc.sql("SELECT id, name FROM student_group WHERE tenant_id = :tenant AND archived_at IS NULL"
                        + " ORDER BY name, id")
                .param("tenant", StaffPrincipal.of(authentication).tenantId())
                .query((rs, n) -> new GroupRecord(rs.getString(1), rs.getString(2)))
                .list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public GroupRecord create(Authentication authentication, @RequestBody GroupRequest request) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        long tenant = me.tenantId();
        requireFreeName(tenant, request.name(), 0);
        long id = jdbc.sql("INSERT INTO student_group (tenant_id, name) VALUES (:tenant, :name) RETURNING id")
                .param("tenant", tenant)
                .param("name", request.name().strip())
                .query(Long.class)
                .single();
        audit.record(me, AuditAction.GROUP_CREATED, Ids.of(id), request.name().strip(), Map.of());
        return new GroupRecord(Ids.of(id), request.name().strip());
    }

    @PutMapping("/{id}")
    @Transactional
    public GroupRecord update(
            Authentication authentication, @PathVariable String id, @RequestBody GroupRequest request) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        long tenant = me.tenantId();
        long groupId = Ids.parse(id, "group");
        requireFreeName(tenant, request.name(), groupId);
        String before = jdbc.sql("SELECT name FROM student_group WHERE tenant_id = :tenant AND id = :id"
                        + " AND archived_at IS NULL FOR UPDATE")
                .param("tenant", tenant)
                .param("id", groupId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> ApiException.notFound("There is no group " + id));
        jdbc.sql("UPDATE student_group SET name = :name WHERE tenant_id = :tenant AND id = :id")
                .param("name", request.name().strip())
                .param("tenant", tenant)
                .param("id", groupId)
                .update();
        audit.record(
                me,
                AuditAction.GROUP_UPDATED,
                Ids.of(groupId),
                request.name().strip(),
                before.equals(request.name().strip())
                        ? Map.of()
                        : Map.of("name", request.name().strip()));
        return new GroupRecord(Ids.of(groupId), request.name().strip());
    }

    /** Who leads the group from now on; answers their ids. */
    @PutMapping("/{id}/leads")
    GroupLeadsRequest leads(
            Authentication authentication, @PathVariable String id, @RequestBody GroupLeadsRequest request) {
        return new GroupLeadsRequest(leads.replace(StaffPrincipal.of(authentication), id, request.staffIds()));
    }

    /** Archives the group: its leads are removed, its children belong to no group, its history stays. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void archive(Authentication authentication, @PathVariable String id) {
        archive.archive(StaffPrincipal.of(authentication), id);
    }

    private void requireFreeName(long tenant, String name, long exceptId) {
        boolean taken = jdbc.sql("SELECT count(*) FROM student_group WHERE tenant_id = :tenant AND name = :name"
                                + " AND id <> :except AND archived_at IS NULL")
                        .param("tenant", tenant)
                        .param("name", name.strip())
                        .param("except", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
        if (taken) {
            throw ApiException.conflict("There is already a group named '" + name.strip() + "'");
        }
    }
}
