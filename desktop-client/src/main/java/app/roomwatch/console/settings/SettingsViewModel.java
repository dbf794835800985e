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
        theme.addListener((obs, was, now) -> save.accept(
                current = new UserChoices(
                        now, current.language(), current.sounds(), current.userName(), current.tenant())));
        language.addListener((obs, was, now) -> save.accept(
                current =
                        new UserChoices(current.theme(), now, current.sounds(), current.userName(), current.tenant())));
        sounds.addListener((obs, was, now) -> save.accept(
                current = new UserChoices(
                        current.theme(), current.language(), now, current.userName(), current.tenant())));
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

    /** Remembers who signed in here, so the next start only asks for the password. */
    public void remember(String userName, String tenant) {
        save.accept(current = current.signedInAs(userName, tenant));
    }

    public UserChoices current() {
        return current;
    }
}
