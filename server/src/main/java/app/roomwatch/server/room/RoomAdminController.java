package app.roomwatch.server.room;

import app.roomwatch.model.api.admin.RoomRecord;
import app.roomwatch.model.api.admin.RoomRequest;
import app.roomwatch.server.auth.StaffPrincipal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins manage rooms and their capacity. */
@RestController
@RequestMapping("/api/admin/rooms")
class RoomAdminController {

    private final Rooms rooms;
    private final RoomArchive archive;

    RoomAdminController(Rooms rooms, RoomArchive archive) {
        this.rooms = rooms;
        this.archive = archive;
    }

    @GetMapping
    List<RoomRecord> list(Authentication authentication) {
        return rooms.list(StaffPrincipal.of(authentication).tenantId());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RoomRecord create(Authentication authentication, @RequestBody RoomRequest request) {
        return rooms.create(StaffPrincipal.of(authentication), request);
    }

    @PutMapping("/{id}")
    RoomRecord update(Authentication authentication, @PathVariable String id, @RequestBody RoomRequest request) {
        return rooms.update(StaffPrincipal.of(authentication), id, request);
    }

    /** Archives the room and revokes its scanners; refused while an activity runs in it. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void archive(Authentication authentication, @PathVariable String id) {
        archive.archive(StaffPrincipal.of(authentication), id);
    }
}
