package app.roomwatch.console.settings;

import app.roomwatch.console.theme.Theme;

/**
 * What a user chooses for their own console, kept in their settings file.
 *
 * @param language {@code en} or {@code de}
 * @param userName the last user name that signed in here, or empty
 * @param tenant the school or provider of that sign-in, or empty
 */
public record UserChoices(Theme theme, String language, boolean sounds, String userName, String tenant) {

    public UserChoices {
        theme = theme == null ? Theme.LIGHT : theme;
        language = "de".equals(language) ? "de" : "en";
        userName = userName == null ? "" : userName.strip();
        tenant = tenant == null ? "" : tenant.strip();
    }

    /** The same choices after {@code name} of {@code tenantName} signed in. */
    public UserChoices signedInAs(String name, String tenantName) {
        return new UserChoices(theme, language, sounds, name, tenantName);
    }
}
