package app.roomwatch.console.main;

import app.roomwatch.console.api.ServerApi;
import app.roomwatch.console.login.TokenVault;
import app.roomwatch.console.main.ConsoleShell.ConsoleStartup;
import app.roomwatch.console.realtime.RealtimeSettings;
import app.roomwatch.console.realtime.SseRealtimeClient;
import app.roomwatch.console.settings.UserChoices;
import app.roomwatch.console.theme.Theme;
import java.nio.file.Path;

/** How the tests against the server jar start a console: the demo school, light, silent, no keyring. */
final class DemoConsoles {

    private DemoConsoles() {}

    static ConsoleStartup startup(
            String baseUrl, String user, String password, String language, Path consoleDir, RealtimeSettings realtime) {
        return new ConsoleStartup(
                baseUrl,
                "demo",
                user,
                password,
                new UserChoices(Theme.LIGHT, language, false, "", ""),
                choices -> {},
                sound -> {},
                ServerApi::at,
                session -> SseRealtimeClient.create(session, consoleDir, realtime),
                TokenVault.none());
    }
}
