package app.roomwatch.console.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The console's settings: the admin's preset for the machine, overridden key by key by the user's own file.
 *
 * <p>A new setting (theme, language, sounds, the remembered user name) is a new component here, a key constant
 * and one line in {@link #from(LayeredSettings)} that names its default and its parser; the loader, the
 * precedence and the messages about bad values come for free.
 *
 * @param serverUrl the server's base address, without a trailing slash, e.g. {@code https://roomwatch.school.example}
 * @param theme {@code light} or {@code dark}
 * @param language {@code en} or {@code de}
 * @param sounds whether notifications play a sound
 * @param userName the user name that last signed in on this console, or empty
 * @param tenant the school or provider of that sign-in, or empty (an admin may preset it)
 */
public record ConsoleConfig(
        URI serverUrl, String theme, String language, boolean sounds, String userName, String tenant) {

    /** The property key for {@link #serverUrl()}. */
    public static final String SERVER_URL = "server.url";
    /** The property keys of the user's own choices, written by the console's settings dialog and sign-in. */
    public static final String THEME = "ui.theme";

    public static final String LANGUAGE = "ui.language";
    public static final String SOUNDS = "ui.sounds";
    public static final String USER_NAME = "login.user";
    public static final String TENANT = "login.tenant";

    /** Where a console looks when nobody configured anything: a server on the same machine, as in the demo. */
    public static final URI DEFAULT_SERVER_URL = URI.create("http://localhost:8080");

    public ConsoleConfig {
        if (serverUrl == null) {
            throw new IllegalArgumentException("serverUrl is required");
        }
        theme = theme == null ? "light" : theme;
        language = language == null ? "en" : language;
        userName = userName == null ? "" : userName;
        tenant = tenant == null ? "" : tenant;
    }

    /** A server address with every other setting at its default. */
    public ConsoleConfig(URI serverUrl) {
        this(serverUrl, "light", "en", true, "", "");
    }

    static ConsoleConfig from(LayeredSettings settings) {
        return new ConsoleConfig(
                settings.value(SERVER_URL, DEFAULT_SERVER_URL, ConsoleConfig::parseServerUrl),
                settings.value(THEME, "light", text -> oneOf(text, "light", "dark")),
                settings.value(LANGUAGE, defaultLanguage(), text -> oneOf(text, "en", "de")),
                settings.value(SOUNDS, true, ConsoleConfig::parseBoolean),
                settings.value(USER_NAME, "", String::strip),
                settings.value(TENANT, "", String::strip));
    }

    /** German desktops start in German, every other one in English, until the user chooses. */
    private static String defaultLanguage() {
        return Locale.getDefault().getLanguage().equals("de") ? "de" : "en";
    }

    private static String oneOf(String text, String... allowed) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + text.strip() + "' is not one of " + String.join(", ", allowed));
    }

    private static boolean parseBoolean(String text) {
        return Boolean.parseBoolean(oneOf(text, "true", "false"));
    }

    /**
     * Reads a server address as an admin would type it; rejects what the console could never connect to.
     *
     * @throws IllegalArgumentException with a sentence an admin can act on
     */
    static URI parseServerUrl(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("it is empty");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a valid address (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(
                    "'" + trimmed + "' is not an http:// or https:// address, e.g. https://roomwatch.school.example");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + trimmed + "' names no server host");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("'" + trimmed + "' must not contain '?' or '#'");
        }
        // Without the trailing slash, "base + /api/..." is right both for a bare host and behind a proxy path.
        return trimmed.endsWith("/") ? URI.create(trimmed.replaceAll("/+$", "")) : uri;
    }
}
