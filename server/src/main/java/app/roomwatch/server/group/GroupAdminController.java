package app.roomwatch.server.group;

import app.roomwatch.model.api.admin.GroupLeadsRequest;
import app.roomwatch.model.api.admin.GroupRecord;
import app.roomwatch.model.api.admin.GroupRequest;
import app.roomwatch.server.auth.StaffPrincipal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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

    private final Groups groups;
    private final GroupLeads leads;
    private final GroupArchive archive;

    GroupAdminController(Groups groups, GroupLeads leads, GroupArchive archive) {
        this.groups = groups;
        this.leads = leads;
        this.archive = archive;
    }

    @GetMapping
    List<GroupRecord> list(Authentication authentication) {
        return groups.list(StaffPrincipal.of(authentication).tenantId());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    GroupRecord create(Authentication authentication, @RequestBody GroupRequest request) {
        return groups.create(StaffPrincipal.of(authentication), request);
    }

    @PutMapping("/{id}")
    GroupRecord update(Authentication authentication, @PathVariable String id, @RequestBody GroupRequest request) {
        return groups.update(StaffPrincipal.of(authentication), id, request);
    }

    /** Who leads the group now. */
    @GetMapping("/{id}/leads")
    GroupLeadsRequest leads(Authentication authentication, @PathVariable String id) {
        return new GroupLeadsRequest(leads.of(StaffPrincipal.of(authentication).tenantId(), id));
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
}
