package app.roomwatch.server.notification;

import app.roomwatch.model.api.AnnouncementRequest;
import app.roomwatch.model.api.NotificationView;
import app.roomwatch.server.auth.StaffPrincipal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/notifications")
    List<NotificationView> list(
            Authentication authentication,
            @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "50") int limit) {
        return notifications.of(StaffPrincipal.of(authentication), unreadOnly, limit);
    }

    @PostMapping("/api/notifications/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(Authentication authentication, @PathVariable String id) {
        notifications.read(StaffPrincipal.of(authentication), id);
    }

    @PostMapping("/api/notifications/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void readAll(Authentication authentication) {
        notifications.readAll(StaffPrincipal.of(authentication));
    }

    /**
     * Notifies every staff member of the tenant, or only one active group's supervisors. Anyone may send an info
     * announcement anywhere; an urgent one only where the sender may interrupt people.
     */
    @PostMapping("/api/announcements")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void announce(Authentication authentication, @RequestBody AnnouncementRequest request) {
        notifications.announce(StaffPrincipal.of(authentication), request);
    }
}
