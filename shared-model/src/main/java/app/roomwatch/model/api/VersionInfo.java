package app.roomwatch.model.api;

import static app.roomwatch.model.Fields.requiredText;

/**
 * {@code GET /api/version}.
 *
 * @param minimumConsoleVersion consoles older than this show a banner asking for an update
 */
public record VersionInfo(String serverVersion, String minimumConsoleVersion) {

    public VersionInfo {
        requiredText(serverVersion, "serverVersion");
        requiredText(minimumConsoleVersion, "minimumConsoleVersion");
    }
}
