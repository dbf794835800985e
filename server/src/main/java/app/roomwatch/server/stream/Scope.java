package app.roomwatch.server.stream;

import app.roomwatch.model.event.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one staff member may see: their tenant's {@code tenant} topic, their own {@code staff:{id}} topic and the
 * {@code active-group:{id}} topics of the active groups they supervise; an admin sees every active group of the
 * tenant. The set of supervised groups changes while a stream is open, so it is a snapshot here.
 *
 * @param activeGroupIds the supervised active groups (ignored for admins)
 */
record Scope(long tenantId, String staffId, boolean admin, Set<String> activeGroupIds) {

    /** Written in {@code connected} frames in place of every active-group topic, for admins. */
    static final String EVERY_ACTIVE_GROUP = "active-group:*";

    Scope {
        activeGroupIds = Set.copyOf(activeGroupIds);
    }

    Scope withActiveGroups(Set<String> groups) {
        return new Scope(tenantId, staffId, admin, groups);
    }

    String staffTopic() {
        return Topic.staff(staffId);
    }

    boolean includes(String topic) {
        if (Topic.TENANT.equals(topic) || staffTopic().equals(topic)) {
            return true;
        }
        if (!Topic.isActiveGroup(topic)) {
            return false;
        }
        return admin || activeGroupIds.contains(Topic.activeGroupId(topic));
    }

    /** The exact topics this scope covers (for admins, without the active groups, which they all see). */
    List<String> topics() {
        var topics = new ArrayList<String>();
        topics.add(Topic.TENANT);
        topics.add(staffTopic());
        if (!admin) {
            new TreeSet<>(activeGroupIds).forEach(id -> topics.add(Topic.activeGroup(id)));
        }
        return topics;
    }

    /** The topics as a {@code connected} frame names them. */
    List<String> describedTopics() {
        var topics = topics();
        if (admin) {
            topics.add(EVERY_ACTIVE_GROUP);
        }
        return List.copyOf(topics);
    }
}
