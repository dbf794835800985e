package app.roomwatch.server.activity;

import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.CheckInRequest;
import app.roomwatch.model.api.StartActivityRequest;
import app.roomwatch.model.api.SupervisorsRequest;
import app.roomwatch.model.api.VisitDisplay;
import app.roomwatch.server.auth.StaffPrincipal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Running activities and the children in them (SPEC section 4). */
@RestController
class ActiveGroupController {

    private final ActiveGroups activeGroups;
    private final ManualVisits visits;

    ActiveGroupController(ActiveGroups activeGroups, ManualVisits visits) {
        this.activeGroups = activeGroups;
        this.visits = visits;
    }

    @GetMapping("/api/active/groups")
    List<ActiveGroupView> running(Authentication authentication) {
        return activeGroups.running(StaffPrincipal.of(authentication));
    }

    @PostMapping("/api/active/groups")
    @ResponseStatus(HttpStatus.CREATED)
    ActiveGroupView start(Authentication authentication, @RequestBody StartActivityRequest request) {
        return activeGroups.start(StaffPrincipal.of(authentication), request);
    }

    @PostMapping("/api/active/groups/{id}/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void end(Authentication authentication, @PathVariable String id) {
        activeGroups.end(StaffPrincipal.of(authentication), id);
    }

    @PutMapping("/api/active/groups/{id}/supervisors")
    ActiveGroupView supervisors(
            Authentication authentication, @PathVariable String id, @RequestBody SupervisorsRequest request) {
        return activeGroups.changeSupervisors(StaffPrincipal.of(authentication), id, request.supervisorIds());
    }

    @GetMapping("/api/active/groups/{id}/visits/display")
    List<VisitDisplay> display(Authentication authentication, @PathVariable String id) {
        return visits.display(StaffPrincipal.of(authentication), id);
    }

    @PostMapping("/api/active/groups/{id}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    VisitDisplay checkIn(Authentication authentication, @PathVariable String id, @RequestBody CheckInRequest request) {
        return visits.checkIn(StaffPrincipal.of(authentication), id, request.studentId());
    }

    @PostMapping("/api/visits/{id}/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void checkOut(Authentication authentication, @PathVariable String id) {
        visits.checkOut(StaffPrincipal.of(authentication), id);
    }
}
