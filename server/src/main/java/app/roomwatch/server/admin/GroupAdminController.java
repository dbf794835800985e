package app.roomwatch.server.admin;

import app.roomwatch.model.api.admin.GroupLeadsRequest;
import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.model.api.admin.GroupRequest;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.group.GroupLeads;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
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

    GroupAdminController(JdbcClient jdbc, GroupLeads leads) {
        this.jdbc = jdbc;
        this.leads = leads;
    }

    @GetMapping
    List<GroupRecord> list(Authentication authentication) {
        return jdbc.sql("SELECT id, name FROM student_group WHERE tenant_id = :tenant ORDER BY name, id")
                .param("tenant", StaffPrincipal.of(authentication).tenantId())
                .query((rs, n) -> new GroupRecord(rs.getString(1), rs.getString(2)))
                .list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public GroupRecord create(Authentication authentication, @RequestBody GroupRequest request) {
        long tenant = StaffPrincipal.of(authentication).tenantId();
        requireFreeName(tenant, request.name(), 0);
        long id = jdbc.sql("INSERT INTO student_group (tenant_id, name) VALUES (:tenant, :name) RETURNING id")
                .param("tenant", tenant)
                .param("name", request.name().strip())
                .query(Long.class)
                .single();
        return new GroupRecord(Ids.of(id), request.name().strip());
    }

    @PutMapping("/{id}")
    @Transactional
    public GroupRecord update(
            Authentication authentication, @PathVariable String id, @RequestBody GroupRequest request) {
        long tenant = StaffPrincipal.of(authentication).tenantId();
        long groupId = Ids.parse(id, "group");
        requireFreeName(tenant, request.name(), groupId);
        int updated = jdbc.sql("UPDATE student_group SET name = :name WHERE tenant_id = :tenant AND id = :id")
                .param("name", request.name().strip())
                .param("tenant", tenant)
                .param("id", groupId)
                .update();
        if (updated == 0) {
            throw ApiException.notFound("There is no group " + id);
        }
        return new GroupRecord(Ids.of(groupId), request.name().strip());
    }

    /** Who leads the group from now on; answers their ids. */
    @PutMapping("/{id}/leads")
    GroupLeadsRequest leads(
            Authentication authentication, @PathVariable String id, @RequestBody GroupLeadsRequest request) {
        long tenant = StaffPrincipal.of(authentication).tenantId();
        return new GroupLeadsRequest(leads.replace(tenant, id, request.staffIds()));
    }

    private void requireFreeName(long tenant, String name, long exceptId) {
        boolean taken = jdbc.sql("SELECT count(*) FROM student_group WHERE tenant_id = :tenant AND name = :name"
                                + " AND id <> :except")
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
