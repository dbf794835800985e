package app.roomwatch.model.event;

/** The topics an event can be addressed to; a staff member's stream carries a subset of them (SPEC section 5). */
public final class Topic {

    /** Everyone of the tenant. */
    public static final String TENANT = "tenant";

    private static final String STAFF_PREFIX = "staff:";
    private static final String ACTIVE_GROUP_PREFIX = "active-group:";

    private Topic() {}

    /** The personal topic of one staff member. */
    public static String staff(String staffId) {
        return STAFF_PREFIX + staffId;
    }

    /** The topic of one running active group, seen by its supervisors (and admins). */
    public static String activeGroup(String activeGroupId) {
        return ACTIVE_GROUP_PREFIX + activeGroupId;
    }

    public static boolean isActiveGroup(String topic) {
        return topic.startsWith(ACTIVE_GROUP_PREFIX);
    }

    /** The active group id of an {@code active-group:{id}} topic. */
    public static String activeGroupId(String topic) {
        if (!isActiveGroup(topic)) {
            throw new IllegalArgumentException("not an active-group topic: " + topic);
        }
        return topic.substring(ACTIVE_GROUP_PREFIX.length());
    }
}
