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
 */
public record ConsoleConfig(URI serverUrl) {

    /** The property key for {@link #serverUrl()}. */
    public static final String SERVER_URL = "server.url";

    /** Where a console looks when nobody configured anything: a server on the same machine, as in the demo. */
    public static final URI DEFAULT_SERVER_URL = URI.create("http://localhost:8080");

    public ConsoleConfig {
        if (serverUrl == null) {
            throw new IllegalArgumentException("serverUrl is required");
        }
    }

    static ConsoleConfig from(LayeredSettings settings) {
        return new ConsoleConfig(settings.value(SERVER_URL, DEFAULT_SERVER_URL, ConsoleConfig::parseServerUrl));
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
