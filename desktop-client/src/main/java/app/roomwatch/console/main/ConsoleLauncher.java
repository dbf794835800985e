package app.roomwatch.console.main;

import app.roomwatch.console.api.ServerApi;
import app.roomwatch.console.config.ConfigLocations;
import app.roomwatch.console.config.LoadedConfig;
import app.roomwatch.console.config.UserSettingsFile;
import app.roomwatch.console.login.KeyringVault;
import app.roomwatch.console.login.TokenVault;
import app.roomwatch.console.main.ConsoleShell.ConsoleStartup;
import app.roomwatch.console.realtime.RealtimeSettings;
import app.roomwatch.console.realtime.SseRealtimeClient;
import app.roomwatch.console.settings.ChoicesFile;
import app.roomwatch.console.sound.ClipSoundPlayer;
import app.roomwatch.console.sound.SampledSoundPlayer;
import dev.dirs.ProjectDirectories;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;

/**
 * Opens the console's window from the loaded settings and the command line.
 *
 * <p>Switches, all optional: {@code --server-url=URL} (overrides the settings), {@code --tenant=NAME},
 * {@code --user=NAME}. With a user and the environment variable {@code ROOMWATCH_PASSWORD} the console signs in by
 * itself (the demo does this); a password is never taken from the command line, where other users could read it.
 */
public final class ConsoleLauncher {

    /** The environment variable an unattended sign-in reads the password from. */
    public static final String PASSWORD_VARIABLE = "ROOMWATCH_PASSWORD";

    private ConsoleLauncher() {}

    public static ConsoleShell open(Stage stage, LoadedConfig loaded, ConfigLocations locations, List<String> args) {
        return open(stage, loaded, locations, args, System.getenv(), dataDir());
    }

    static ConsoleShell open(
            Stage stage,
            LoadedConfig loaded,
            ConfigLocations locations,
            List<String> args,
            Map<String, String> environment,
            Path dataDir) {
        ChoicesFile choices = new ChoicesFile(new UserSettingsFile(locations));
        String user = option(args, "--user", "");
        ConsoleStartup startup = new ConsoleStartup(
                option(args, "--server-url", loaded.config().serverUrl().toString()),
                option(args, "--tenant", ""),
                user,
                user.isEmpty() ? "" : environment.getOrDefault(PASSWORD_VARIABLE, ""),
                ChoicesFile.read(loaded.config()),
                choices::save,
                new SampledSoundPlayer(new ClipSoundPlayer()),
                ServerApi::at,
                session -> SseRealtimeClient.create(session, dataDir, RealtimeSettings.defaults()),
                keyring());
        ConsoleShell shell = new ConsoleShell(stage, startup);
        shell.start();
        return shell;
    }

    /**
     * The OS keyring, or nowhere when this desktop has none. Looked for off the UI thread with a deadline, since a
     * keyring service that does not answer must not keep the window from opening.
     */
    private static TokenVault keyring() {
        try {
            return CompletableFuture.supplyAsync(KeyringVault::forThisDesktop).get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            return TokenVault.none();
        }
    }

    /** The console's own data folder (the stream cursor lives there), per OS convention. */
    public static Path dataDir() {
        return Path.of(ProjectDirectories.from("app", "Roomwatch", "Roomwatch").dataDir);
    }

    static String option(List<String> args, String name, String fallback) {
        String prefix = name + "=";
        return args.stream()
                .filter(arg -> arg.startsWith(prefix))
                .map(arg -> arg.substring(prefix.length()).strip())
                .filter(value -> !value.isEmpty())
                .reduce((first, last) -> last)
                .orElse(fallback);
    }
}
