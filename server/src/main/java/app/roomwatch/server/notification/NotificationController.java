package app.roomwatch.server.notification;

import app.roomwatch.model.api.AnnouncementRequest;
import app.roomwatch.model.api.NotificationView;
import app.roomwatch.model.event.NotificationPriority;
import app.roomwatch.model.event.NotificationsRead;
import app.roomwatch.model.event.Topic;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.event.EventLog;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A staff member's own notifications, marking them read, and announcements to the tenant or one active group. */
@RestController
class NotificationController {

    private final JdbcClient jdbc;
    private final EventLog events;
    private final Notifications notifications;
    private final Clock clock;

    NotificationController(JdbcClient jdbc, EventLog events, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.notifications = notifications;
        this.clock = clock;
    }

    @GetMapping("/api/notifications")
    List<NotificationView> list(
            Authentication authentication,
            @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "50") int limit) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("'limit' must be between 1 and 500");
        }
        return jdbc.sql("""
                        SELECT n.id, n.priority, n.title, n.body, n.group_key, n.created_at, n.read_at IS NOT NULL,
                               sender.display_name
                        FROM notification n
                        LEFT JOIN staff sender ON sender.tenant_id = n.tenant_id AND sender.id = n.sender_id
                        WHERE n.tenant_id = :tenant AND n.staff_id = :staff AND (NOT :unreadOnly OR n.read_at IS NULL)
                        ORDER BY n.id DESC LIMIT :limit
                        """)
                .param("tenant", me.tenantId())
                .param("staff", me.staffId())
                .param("unreadOnly", unreadOnly)
                .param("limit", limit)
                .query((rs, n) -> new NotificationView(
                        rs.getString(1),
                        NotificationPriority.fromWireName(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getBoolean(7),
                        rs.getString(8)))
                .list();
    }

    @PostMapping("/api/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    public void read(Authentication authentication, @PathVariable String id) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        long notificationId = Ids.parse(id, "notification");
        Boolean wasRead = jdbc.sql("""
                        SELECT read_at IS NOT NULL FROM notification
                        WHERE tenant_id = :tenant AND staff_id = :staff AND id = :id FOR UPDATE
                        """)
                .param("tenant", me.tenantId())
                .param("staff", me.staffId())
                .param("id", notificationId)
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> ApiException.notFound("There is no notification " + id + " of yours"));
        if (!wasRead) {
            markRead(me, List.of(notificationId));
        }
    }

    @PostMapping("/api/notifications/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    public void readAll(Authentication authentication) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        List<Long> unread = jdbc.sql("""
                        SELECT id FROM notification
                        WHERE tenant_id = :tenant AND staff_id = :staff AND read_at IS NULL ORDER BY id FOR UPDATE
                        """)
                .param("tenant", me.tenantId())
                .param("staff", me.staffId())
                .query(Long.class)
                .list();
        if (!unread.isEmpty()) {
            markRead(me, unread);
        }
    }

    private void markRead(StaffPrincipal me, List<Long> ids) {
        jdbc.sql("UPDATE notification SET read_at = :now WHERE tenant_id = :tenant AND id IN (:ids)")
                .param("now", Timestamp.from(clock.instant()))
                .param("tenant", me.tenantId())
                .param("ids", ids)
                .update();
        events.append(
                me.tenantId(),
                Topic.staff(me.staffKey()),
                new NotificationsRead(ids.stream().map(String::valueOf).toList()));
    }

    /**
     * Notifies every staff member of the tenant, or only one active group's supervisors. Anyone may send an info
     * announcement anywhere; an urgent one interrupts people, so a supervisor may send it only to the tenant or to
     * an activity they supervise, and an admin to anyone.
     */
    @PostMapping("/api/announcements")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    public void announce(Authentication authentication, @RequestBody AnnouncementRequest request) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        List<Long> recipients;
        String groupKey;
        if (request.activeGroupId() == null) {
            recipients = jdbc.sql("SELECT id FROM staff WHERE tenant_id = :tenant AND enabled ORDER BY id")
                    .param("tenant", me.tenantId())
                    .query(Long.class)
                    .list();
            groupKey = "announcement:tenant";
        } else {
            long groupId = Ids.parse(request.activeGroupId(), "active group");
            boolean running = jdbc.sql(
                                    "SELECT count(*) FROM active_group WHERE tenant_id = :tenant AND id = :id AND ended_at IS NULL")
                            .param("tenant", me.tenantId())
                            .param("id", groupId)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!running) {
                throw ApiException.notFound("There is no running active group " + request.activeGroupId());
            }
            recipients = notifications.supervisorsOf(me.tenantId(), groupId);
            if (request.priority() == NotificationPriority.URGENT
                    && !me.isAdmin()
                    && !recipients.contains(me.staffId())) {
                throw ApiException.forbidden("Only an admin or a supervisor of activity " + request.activeGroupId()
                        + " may send it an urgent announcement; send it as info, or ask an admin");
            }
            groupKey = "announcement:active-group:" + groupId;
        }
        notifications.announce(
                me.tenantId(), recipients, request.priority(), request.title(), request.body(), groupKey, me.staffId());
    }
}
