package app.roomwatch.server.automation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The scheduled check-outs still to come, as other features end them: a child archived has none left. */
@Service
public class PendingCheckouts {

    private final PendingCheckoutQueries queries;

    PendingCheckouts(PendingCheckoutQueries queries) {
        this.queries = queries;
    }

    /** Cancels every pending scheduled check-out of the child; answers how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelAllOf(long tenant, long studentId) {
        return queries.cancelAllOf(tenant, studentId);
    }
}
