package app.roomwatch.server.student;

import app.roomwatch.model.api.StudentSummary;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.location.ChildLocations;
import app.roomwatch.server.web.ApiException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finding a child, and where it is now: display fields only, never the sensitive ones. */
@RestController
class StudentController {

    private final ChildLocations locations;

    StudentController(ChildLocations locations) {
        this.locations = locations;
    }

    /** Children whose first name, last name or class starts with each word of {@code query}. */
    @GetMapping("/api/students")
    List<StudentSummary> search(Authentication authentication, @RequestParam(defaultValue = "") String query) {
        long tenant = StaffPrincipal.of(authentication).tenantId();
        if (query.length() > 100) {
            throw ApiException.badRequest("'query' must be at most 100 characters");
        }
        return locations.search(tenant, query);
    }
}
