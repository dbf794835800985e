package app.roomwatch.server.notification;

import app.roomwatch.model.api.AnnouncementRequest;
import app.roomwatch.model.api.NotificationView;
import app.roomwatch.model.event.NotificationCreated;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.NotificationsRead;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.staff.StaffAccounts;
import app.roomwatch.server.staff.StaffLanguages;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import app.roomwatch.server.web.Language;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifies staff members: one stored notification each, and a {@code notification_new} event on their own topic,
 * in the caller's transaction; and a staff member's own notifications, read or not.
 */
@Component
public class Notifications {

    private final NotificationQueries queries;
    private final StaffAccounts staff;
    private final EventLog events;
    private final Clock clock;
    private final StaffLanguages languages;

    Notifications(
            NotificationQueries queries, StaffAccounts staff, EventLog events, Clock clock, StaffLanguages languages) {
        this.queries = queries;
        this.staff = staff;
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

    /**
     * Notifies every staff member of the tenant, or only one active group's supervisors. Anyone may send an info
     * announcement anywhere; an urgent one interrupts people, so a supervisor may send it only to the tenant or to
     * an activity they supervise, and an admin to anyone. Each notification records who sent it.
     */
    @Transactional
    public void announce(StaffPrincipal me, AnnouncementRequest request) {
        List<Long> recipients;
        String groupKey;
        if (request.activeGroupId() == null) {
            recipients = staff.enabledIds(me.tenantId());
            groupKey = "announcement:tenant";
        } else {
            long groupId = Ids.parse(request.activeGroupId(), "active group");
            if (!queries.running(me.tenantId(), groupId)) {
                throw ApiException.notFound("There is no running active group " + request.activeGroupId());
            }
            recipients = supervisorsOf(me.tenantId(), groupId);
            if (request.priority() == NotificationPriority.URGENT
                    && !me.isAdmin()
                    && !recipients.contains(me.staffId())) {
                throw ApiException.forbidden("Only an admin or a supervisor of activity " + request.activeGroupId()
                        + " may send it an urgent announcement; send it as info, or ask an admin");
            }
            groupKey = "announcement:active-group:" + groupId;
        }
        String senderName = staff.displayName(me.tenantId(), me.staffId());
        store(
                me.tenantId(),
                recipients,
                request.priority(),
                request.title(),
                request.body(),
                groupKey,
                me.staffId(),
                senderName);
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
            long id = queries.insert(tenantId, staffId, priority, title, body, groupKey, clock.instant(), senderId);
            events.append(
                    tenantId,
                    Topic.staff(Long.toString(staffId)),
                    new NotificationCreated(Long.toString(id), priority, title, body, groupKey, senderName));
        }
    }

    /** A staff member's own notifications, newest first. */
    List<NotificationView> of(StaffPrincipal me, boolean unreadOnly, int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("'limit' must be between 1 and 500");
        }
        return queries.of(me.tenantId(), me.staffId(), unreadOnly, limit);
    }

    /** Marks one of the caller's notifications read; 404 if it is not theirs. */
    @Transactional
    void read(StaffPrincipal me, String id) {
        long notificationId = Ids.parse(id, "notification");
        boolean wasRead = queries.lockRead(me.tenantId(), me.staffId(), notificationId)
                .orElseThrow(() -> ApiException.notFound("There is no notification " + id + " of yours"));
        if (!wasRead) {
            markRead(me, List.of(notificationId));
        }
    }

    @Transactional
    void readAll(StaffPrincipal me) {
        List<Long> unread = queries.lockUnread(me.tenantId(), me.staffId());
        if (!unread.isEmpty()) {
            markRead(me, unread);
        }
    }

    private void markRead(StaffPrincipal me, List<Long> ids) {
        queries.markRead(me.tenantId(), ids, clock.instant());
        events.append(
                me.tenantId(),
                Topic.staff(me.staffKey()),
                new NotificationsRead(ids.stream().map(String::valueOf).toList()));
    }

    /**
     * Who hears about a room: the supervisors of the activity running in it, or the tenant's admins when none runs
     * (someone has to hear about a silent scanner or an unknown tag).
     */
    public List<Long> responsibleForRoom(long tenantId, long roomId) {
        List<Long> supervisors = queries.supervisorsInRoom(tenantId, roomId);
        return supervisors.isEmpty() ? staff.adminIds(tenantId) : supervisors;
    }

    /** The supervisors of one active group. */
    public List<Long> supervisorsOf(long tenantId, long activeGroupId) {
        return queries.supervisorsOf(tenantId, activeGroupId);
    }
}
