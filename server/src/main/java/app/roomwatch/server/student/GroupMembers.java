package app.roomwatch.server.student;

import app.roomwatch.server.group.GroupArchive;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A group's children, as the group's archive lets them go: they keep their history and belong to no group. */
@Component
class GroupMembers implements GroupArchive.Members {

    private final StudentArchiveQueries queries;

    GroupMembers(StudentArchiveQueries queries) {
        this.queries = queries;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int leave(long tenant, long groupId) {
        return queries.leaveGroup(tenant, groupId);
    }
}
