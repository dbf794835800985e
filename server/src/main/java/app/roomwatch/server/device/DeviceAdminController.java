package app.roomwatch.server.device;

import app.roomwatch.model.api.DeviceKey;
import app.roomwatch.model.api.DeviceRegistration;
import app.roomwatch.model.api.admin.DeviceRecord;
import app.roomwatch.model.api.admin.DeviceUpdate;
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

/** Admins register scanners, move them or switch their mode, rotate and revoke their keys ({@code /api/admin/devices}). */
@RestController
@RequestMapping("/api/admin/devices")
class DeviceAdminController {

    private final Devices devices;

    DeviceAdminController(Devices devices) {
        this.devices = devices;
    }

    @GetMapping
    List<DeviceRecord> list(Authentication authentication) {
        return devices.list(StaffPrincipal.of(authentication).tenantId());
    }

    /** The key is in this answer only: the server keeps a hash. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DeviceKey register(Authentication authentication, @RequestBody DeviceRegistration registration) {
        return devices.register(StaffPrincipal.of(authentication), registration.name(), registration.roomId());
    }

    /** Name, room and mode ({@code scan} or {@code assign}). */
    @PutMapping("/{id}")
    DeviceRecord update(Authentication authentication, @PathVariable String id, @RequestBody DeviceUpdate update) {
        return devices.update(StaffPrincipal.of(authentication), id, update);
    }

    @PostMapping("/{id}/rotate")
    DeviceKey rotate(Authentication authentication, @PathVariable String id) {
        return devices.rotate(StaffPrincipal.of(authentication), id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Authentication authentication, @PathVariable String id) {
        devices.revoke(StaffPrincipal.of(authentication), id);
    }
}
