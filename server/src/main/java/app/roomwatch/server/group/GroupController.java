package app.roomwatch.server.group;

import app.roomwatch.model.api.LedGroup;
import app.roomwatch.model.api.RosterChild;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.location.ChildLocations;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** My group roster: the groups a member of staff leads, and every child of one with where it is now. */
@RestController
class GroupController {

    private final GroupLeads leads;
    private final ChildLocations locations;

    GroupController(GroupLeads leads, ChildLocations locations) {
        this.leads = leads;
        this.locations = locations;
    }

    @GetMapping("/api/groups/mine")
    List<LedGroup> mine(Authentication authentication) {
        return leads.ledBy(StaffPrincipal.of(authentication));
    }

    @GetMapping("/api/groups/{id}/roster")
    List<RosterChild> roster(Authentication authentication, @PathVariable String id) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        return locations.roster(me.tenantId(), leads.requireLeadOrAdmin(me, id));
    }
}
