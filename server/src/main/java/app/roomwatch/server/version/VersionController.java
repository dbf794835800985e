package app.roomwatch.server.version;

import app.roomwatch.model.api.VersionInfo;
import app.roomwatch.server.RoomwatchProperties;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/version}: the server's version (from its build) and the oldest console it supports. */
@RestController
class VersionController {

    private final VersionInfo version;

    VersionController(ObjectProvider<BuildProperties> build, RoomwatchProperties properties) {
        String serverVersion = Optional.ofNullable(build.getIfAvailable())
                .map(BuildProperties::getVersion)
                .orElse("development");
        this.version = new VersionInfo(serverVersion, properties.minimumConsoleVersion());
    }

    @GetMapping("/api/version")
    VersionInfo version() {
        return version;
    }
}
