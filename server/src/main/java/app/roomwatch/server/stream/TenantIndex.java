package app.roomwatch.server.stream;

import app.roomwatch.model.event.Topic;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The open connections of one tenant, indexed by the topics they receive, so that an event reaches exactly its
 * audience without looking at anyone else's connection. Not thread-safe: the hub guards it with its lock.
 */
final class TenantIndex {

    private static final String STAFF_PREFIX = Topic.staff("");

    private final Set<StreamConnection> all = new LinkedHashSet<>();
    private final Set<StreamConnection> admins = new LinkedHashSet<>();
    private final Map<String, Set<StreamConnection>> byStaff = new HashMap<>();
    private final Map<String, Set<StreamConnection>> byGroup = new HashMap<>();

    void add(StreamConnection connection) {
        all.add(connection);
        Scope scope = connection.scope();
        byStaff.computeIfAbsent(scope.staffId(), id -> new LinkedHashSet<>()).add(connection);
        if (scope.admin()) {
            admins.add(connection);
        } else {
            scope.activeGroupIds().forEach(group -> addToGroup(group, connection));
        }
    }

    boolean remove(StreamConnection connection) {
        if (!all.remove(connection)) {
            return false;
        }
        Scope scope = connection.scope();
        removeFrom(byStaff, scope.staffId(), connection);
        admins.remove(connection);
        scope.activeGroupIds().forEach(group -> removeFrom(byGroup, group, connection));
        return true;
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    Set<StreamConnection> all() {
        return all;
    }

    Set<StreamConnection> ofStaff(String staffId) {
        return byStaff.getOrDefault(staffId, Set.of());
    }

    /**
     * Runs {@code action} for each connection an event on {@code topic} goes to, once each. The action must not add
     * or remove connections.
     */
    void forEachInAudience(String topic, Consumer<StreamConnection> action) {
        if (Topic.TENANT.equals(topic)) {
            all.forEach(action);
        } else if (topic.startsWith(STAFF_PREFIX)) {
            ofStaff(topic.substring(STAFF_PREFIX.length())).forEach(action);
        } else if (Topic.isActiveGroup(topic)) {
            admins.forEach(action);
            byGroup.getOrDefault(Topic.activeGroupId(topic), Set.of()).forEach(action);
        }
    }

    /** Moves a supervisor's connection to a new set of active groups (admins see every group anyway). */
    void rescope(StreamConnection connection, Set<String> activeGroupIds) {
        Scope old = connection.scope();
        if (old.admin() || !all.contains(connection)) {
            return;
        }
        old.activeGroupIds().forEach(group -> removeFrom(byGroup, group, connection));
        connection.rescope(old.withActiveGroups(activeGroupIds));
        activeGroupIds.forEach(group -> addToGroup(group, connection));
    }

    /** An active group ended: nobody supervises it any more. */
    void forgetGroup(String activeGroupId) {
        Set<StreamConnection> supervisors = byGroup.remove(activeGroupId);
        if (supervisors == null) {
            return;
        }
        for (StreamConnection connection : supervisors) {
            var groups = new LinkedHashSet<>(connection.scope().activeGroupIds());
            groups.remove(activeGroupId);
            connection.rescope(connection.scope().withActiveGroups(groups));
        }
    }

    private void addToGroup(String group, StreamConnection connection) {
        byGroup.computeIfAbsent(group, id -> new LinkedHashSet<>()).add(connection);
    }

    private static void removeFrom(Map<String, Set<StreamConnection>> index, String key, StreamConnection connection) {
        Set<StreamConnection> connections = index.get(key);
        if (connections != null) {
            connections.remove(connection);
            if (connections.isEmpty()) {
                index.remove(key);
            }
        }
    }
}
