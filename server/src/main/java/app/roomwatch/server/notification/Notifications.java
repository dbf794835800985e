package app.roomwatch.server.notification;

import app.roomwatch.model.event.NotificationCreated;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.staff.StaffLanguages;
import app.roomwatch.server.web.Language;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifies staff members: one stored notification each, and a {@code notification_new} event on their own topic,
 * in the caller's transaction.
 */
@Component
public class Notifications {

    private final JdbcClient jdbc;
    private final EventLog events;
    private final Clock clock;
    private final StaffLanguages languages;

    Notifications(JdbcClient jdbc, EventLog events, Clock clock, StaffLanguages languages) {
        this.jdbc = jdbc;
        this.events = events;
        this.languages = languages;
        this.clock = clock;
    }

    /**
     * Notifications the server raises itself (capacity, scanners, schedules): they have no sender, and each recipient's
     * is written in the language their console last signed in with.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notify(
            long tenantId, Collection<Long> staffIds, NotificationPriority priority, Notice notice, String groupKey) {
        Map<Long, Language> spoken = languages.of(tenantId, staffIds);
        Map<Language, NoticeWords> written = new EnumMap<>(Language.class);
        for (long staffId : staffIds) {
            NoticeWords words = written.computeIfAbsent(
                    spoken.getOrDefault(staffId, Language.ENGLISH), language -> NoticeWords.of(notice, language));
            store(tenantId, List.of(staffId), priority, words.title(), words.body(), groupKey, null, null);
        }
    }

    /** A staff member's announcement: each notification records who sent it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void announce(
            long tenantId,
            Collection<Long> staffIds,
            NotificationPriority priority,
            String title,
            String body,
            String groupKey,
            long senderId) {
        String senderName = jdbc.sql("SELECT display_name FROM staff WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenantId)
                .param("id", senderId)
                .query(String.class)
                .single();
        store(tenantId, staffIds, priority, title, body, groupKey, senderId, senderName);
    }

    private void store(
            long tenantId,
            Collection<Long> staffIds,
            NotificationPriority priority,
            String title,
            String body,
            String groupKey,
            Long senderId,
            String senderName) {
        for (long staffId : staffIds) {
            long id = jdbc.sql("""
                            INSERT INTO notification
                                (tenant_id, staff_id, priority, title, body, group_key, created_at, sender_id)
                            VALUES (:tenant, :staff, :priority, :title, :body, :groupKey, :now, :sender) RETURNING id
                            """)
                    .param("tenant", tenantId)
                    .param("staff", staffId)
                    .param("priority", priority.wireName())
                    .param("title", title)
                    .param("body", body)
                    .param("groupKey", groupKey)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("sender", senderId, Types.BIGINT)
                    .query(Long.class)
                    .single();
            events.append(
                    tenantId,
                    Topic.staff(Long.toString(staffId)),
                    new NotificationCreated(Long.toString(id), priority, title, body, groupKey, senderName));
        }
    }

    /**
     * Who hears about a room: the supervisors of the activity running in it, or the tenant's admins when none runs
     * (someone has to hear about a silent scanner or an unknown tag).
     */
    public List<Long> responsibleForRoom(long tenantId, long roomId) {
        List<Long> supervisors = jdbc.sql("""
                        SELECT s.staff_id FROM active_group g
                        JOIN active_group_supervisor s ON s.active_group_id = g.id
                        JOIN staff st ON st.id = s.staff_id AND st.enabled
                        WHERE g.tenant_id = :tenant AND g.room_id = :room AND g.ended_at IS NULL
                        ORDER BY s.staff_id
                        """)
                .param("tenant", tenantId)
                .param("room", roomId)
                .query(Long.class)
                .list();
        return supervisors.isEmpty() ? admins(tenantId) : supervisors;
    }

    /** The supervisors of one active group. */
    public List<Long> supervisorsOf(long tenantId, long activeGroupId) {
        return jdbc.sql("""
                        SELECT s.staff_id FROM active_group_supervisor s JOIN staff st ON st.id = s.staff_id
                        WHERE s.tenant_id = :tenant AND s.active_group_id = :group AND st.enabled
                        ORDER BY s.staff_id
                        """)
                .param("tenant", tenantId)
                .param("group", activeGroupId)
                .query(Long.class)
                .list();
    }

    private List<Long> admins(long tenantId) {
        return jdbc.sql("SELECT id FROM staff WHERE tenant_id = :tenant AND role = 'ADMIN' AND enabled ORDER BY id")
                .param("tenant", tenantId)
                .query(Long.class)
                .list();
    }
}
