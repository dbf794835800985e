package app.roomwatch.server.staff;

import java.util.List;

/**
 * What {@code /api/me} needs of the activity feature, which owns who supervises what (and depends on this package
 * for its staff checks, so this one names the need and the activity feature answers it).
 */
public interface SupervisedActivities {

    /** The ids of the running activities a staff member supervises, in id order. */
    List<String> supervisedBy(long tenantId, long staffId);
}
