package app.roomwatch.console.settings;

import app.roomwatch.console.theme.Theme;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The settings dialog: theme, language and sounds, each saved the moment it changes. */
public final class SettingsViewModel {

    public static final List<String> LANGUAGES = List.of("en", "de");

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final StringProperty language = new SimpleStringProperty(this, "language");
    private final BooleanProperty sounds = new SimpleBooleanProperty(this, "sounds");
    private final Consumer<UserChoices> save;
    private UserChoices current;

    public SettingsViewModel(UserChoices initial, Consumer<UserChoices> save) {
        this.current = initial;
        this.save = save;
        theme.set(initial.theme());
        language.set(initial.language());
        sounds.set(initial.sounds());
        theme.addListener((obs, was, now) -> save.accept(current = current.withTheme(now)));
        language.addListener((obs, was, now) -> save.accept(current = current.withLanguage(now)));
        sounds.addListener((obs, was, now) -> save.accept(current = current.withSounds(now)));
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public StringProperty languageProperty() {
        return language;
    }

    public BooleanProperty soundsProperty() {
        return sounds;
    }

    /**
     * Remembers who signed in here, so the next start only asks for the password, and the server address they
     * typed over the configured one (empty: they kept to it).
     */
    public void remember(String userName, String tenant, String typedServerUrl) {
        save.accept(current = current.signedInAs(userName, tenant, typedServerUrl));
    }

    public UserChoices current() {
        return current;
    }
}
