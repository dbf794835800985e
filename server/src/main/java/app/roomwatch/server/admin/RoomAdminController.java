package app.roomwatch.server.admin;

import app.roomwatch.model.api.admin.RoomRecord;
import app.roomwatch.model.api.admin.RoomRequest;
import app.roomwatch.server.audit.AuditAction;
import app.roomwatch.server.audit.AuditLog;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.room.RoomArchive;
import app.roomwatch.server.web.ApiException;
import app.roomwatch.server.web.Ids;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
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

    private final JdbcClient jdbc;
    private final RoomArchive archive;
    private final AuditLog audit;

    RoomAdminController(JdbcClient jdbc, RoomArchive archive, AuditLog audit) {
        this.jdbc = jdbc;
        this.archive = archive;
        this.audit = audit;
    }

    @GetMapping
    List<RoomRecord> list(Authentication authentication) {
        return jdbc.sql("SELECT id, name, capacity FROM room WHERE tenant_id = :tenant AND archived_at IS NULL"
                        + " ORDER BY name, id")
                .param("tenant", StaffPrincipal.of(authentication).tenantId())
                .query((rs, n) -> new RoomRecord(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public RoomRecord create(Authentication authentication, @RequestBody RoomRequest request) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        long tenant = me.tenantId();
        requireFreeName(tenant, request.name(), 0);
        long id = jdbc.sql(
                        "INSERT INTO room (tenant_id, name, capacity) VALUES (:tenant, :name, :capacity) RETURNING id")
                .param("tenant", tenant)
                .param("name", request.name().strip())
                .param("capacity", request.capacity())
                .query(Long.class)
                .single();
        audit.record(me, AuditAction.ROOM_CREATED, Ids.of(id), request.name().strip(), Map.of());
        return new RoomRecord(Ids.of(id), request.name().strip(), request.capacity());
    }

    @PutMapping("/{id}")
    @Transactional
    public RoomRecord update(Authentication authentication, @PathVariable String id, @RequestBody RoomRequest request) {
        StaffPrincipal me = StaffPrincipal.of(authentication);
        long tenant = me.tenantId();
        long roomId = Ids.parse(id, "room");
        requireFreeName(tenant, request.name(), roomId);
        RoomRecord before = jdbc.sql("SELECT id, name, capacity FROM room WHERE tenant_id = :tenant AND id = :id"
                        + " AND archived_at IS NULL FOR UPDATE")
                .param("tenant", tenant)
                .param("id", roomId)
                .query((rs, n) -> new RoomRecord(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .optional()
                .orElseThrow(() -> ApiException.notFound("There is no room " + id));
        jdbc.sql("UPDATE room SET name = :name, capacity = :capacity WHERE tenant_id = :tenant AND id = :id")
                .param("name", request.name().strip())
                .param("capacity", request.capacity())
                .param("tenant", tenant)
                .param("id", roomId)
                .update();
        Map<String, String> changed = new TreeMap<>();
        if (!before.name().equals(request.name().strip())) {
            changed.put("name", request.name().strip());
        }
        if (before.capacity() != request.capacity()) {
            changed.put("capacity", Integer.toString(request.capacity()));
        }
        audit.record(
                me, AuditAction.ROOM_UPDATED, Ids.of(roomId), request.name().strip(), changed);
        return new RoomRecord(Ids.of(roomId), request.name().strip(), request.capacity());
    }

    /** Archives the room and revokes its scanners; refused while an activity runs in it. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void archive(Authentication authentication, @PathVariable String id) {
        archive.archive(StaffPrincipal.of(authentication), id);
    }

    private void requireFreeName(long tenant, String name, long exceptId) {
        boolean taken =
                jdbc.sql("SELECT count(*) FROM room WHERE tenant_id = :tenant AND name = :name AND id <> :except"
                                        + " AND archived_at IS NULL")
                                .param("tenant", tenant)
                                .param("name", name.strip())
                                .param("except", exceptId)
                                .query(Long.class)
                                .single()
                        > 0;
        if (taken) {
            throw ApiException.conflict("There is already a room named '" + name.strip() + "'");
        }
    }
}
