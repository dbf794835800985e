package app.roomwatch.server.room;

import app.roomwatch.model.api.RoomChild;
import app.roomwatch.model.api.RoomView;
import app.roomwatch.server.auth.StaffPrincipal;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Live rooms: every room of the tenant with its occupancy, the activity running in it and the children inside. */
@RestController
class RoomController {

    private final Rooms rooms;

    RoomController(Rooms rooms) {
        this.rooms = rooms;
    }

    @GetMapping("/api/rooms")
    List<RoomView> rooms(Authentication authentication) {
        return rooms.live(StaffPrincipal.of(authentication).tenantId());
    }

    /** The children in one room now, newest arrival first. */
    @GetMapping("/api/rooms/{id}/children")
    List<RoomChild> children(Authentication authentication, @PathVariable String id) {
        return rooms.children(StaffPrincipal.of(authentication).tenantId(), id);
    }
}
