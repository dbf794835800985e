package app.roomwatch.server.location;

import app.roomwatch.model.api.RosterChild;
import app.roomwatch.model.api.StudentSummary;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Where children are now, each list in one query: a child's open visit puts it in a room; otherwise its last visit
 * that ended today says it left a room (scanner, end of activity) or went home (scheduled or by hand); no visit
 * today means not seen today. "Today" is the server's local day.
 */
@Service
public class ChildLocations {

    private final LocationQueries queries;

    ChildLocations(LocationQueries queries) {
        this.queries = queries;
    }

    /** Children whose first name, last name or class starts with each word of {@code query}, with their location. */
    public List<StudentSummary> search(long tenant, String query) {
        return queries.search(tenant, query);
    }

    /** Every child of an after-school group with its location, by name. */
    public List<RosterChild> roster(long tenant, long studentGroupId) {
        return queries.roster(tenant, studentGroupId);
    }
}
