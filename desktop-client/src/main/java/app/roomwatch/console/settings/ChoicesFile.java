package app.roomwatch.console.settings;

import app.roomwatch.console.config.ConsoleConfig;
import app.roomwatch.console.config.UserSettingsFile;
import app.roomwatch.console.theme.Theme;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The user's choices as settings of the console's configuration: read from it, written to the user's file. */
public final class ChoicesFile {

    private static final System.Logger LOG = System.getLogger(ChoicesFile.class.getName());

    private final UserSettingsFile file;

    public ChoicesFile(UserSettingsFile file) {
        this.file = file;
    }

    public static UserChoices read(ConsoleConfig config) {
        return new UserChoices(
                Theme.of(config.theme()), config.language(), config.sounds(), config.userName(), config.tenant());
    }

    /** Saves {@code choices}; a failure is logged, since losing a theme choice must never stop a supervisor. */
    public void save(UserChoices choices) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ConsoleConfig.THEME, choices.theme().key());
        values.put(ConsoleConfig.LANGUAGE, choices.language());
        values.put(ConsoleConfig.SOUNDS, Boolean.toString(choices.sounds()));
        values.put(ConsoleConfig.USER_NAME, choices.userName());
        values.put(ConsoleConfig.TENANT, choices.tenant());
        if (!choices.serverUrl().isEmpty()) {
            // In the user's file it overrides the admin's preset at the next start; never written empty, which
            // would hide the preset behind an address that is not one.
            values.put(ConsoleConfig.SERVER_URL, choices.serverUrl());
        }
        try {
            file.update(values);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not save the console settings: {0}", e.getMessage());
        }
    }
}
