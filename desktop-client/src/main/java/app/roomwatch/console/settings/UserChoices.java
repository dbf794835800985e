package app.roomwatch.console.settings;

import app.roomwatch.console.theme.Theme;

/**
 * What a user chooses for their own console, kept in their settings file.
 *
 * @param language {@code en} or {@code de}
 * @param userName the last user name that signed in here, or empty
 * @param tenant the school or provider of that sign-in, or empty
 * @param serverUrl a server address the user typed over the preset one at a sign-in that worked, kept so the next
 *     start offers it; empty when the user kept to the configured one
 */
public record UserChoices(
        Theme theme, String language, boolean sounds, String userName, String tenant, String serverUrl) {

    public UserChoices {
        theme = theme == null ? Theme.LIGHT : theme;
        language = "de".equals(language) ? "de" : "en";
        userName = userName == null ? "" : userName.strip();
        tenant = tenant == null ? "" : tenant.strip();
        serverUrl = serverUrl == null ? "" : serverUrl.strip();
    }

    /** Choices with no server address of the user's own. */
    public UserChoices(Theme theme, String language, boolean sounds, String userName, String tenant) {
        this(theme, language, sounds, userName, tenant, "");
    }

    /**
     * The same choices after {@code name} of {@code tenantName} signed in at {@code typedServerUrl}, or at the
     * configured server when that is empty (then an address kept earlier stays kept).
     */
    public UserChoices signedInAs(String name, String tenantName, String typedServerUrl) {
        String url = typedServerUrl == null || typedServerUrl.isBlank() ? serverUrl : typedServerUrl;
        return new UserChoices(theme, language, sounds, name, tenantName, url);
    }

    public UserChoices withTheme(Theme next) {
        return new UserChoices(next, language, sounds, userName, tenant, serverUrl);
    }

    public UserChoices withLanguage(String next) {
        return new UserChoices(theme, next, sounds, userName, tenant, serverUrl);
    }

    public UserChoices withSounds(boolean next) {
        return new UserChoices(theme, language, next, userName, tenant, serverUrl);
    }
}
