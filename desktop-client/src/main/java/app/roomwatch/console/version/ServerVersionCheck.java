package app.roomwatch.console.version;

import app.roomwatch.model.api.VersionInfo;
import app.roomwatch.model.version.ProductVersion;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the server which consoles it supports ({@code GET /api/version}) and decides whether this console must
 * tell its user that it is out of date. Blocking: call it off the FX thread.
 */
public final class ServerVersionCheck {

    /** What the check found. */
    public sealed interface Outcome {
        /** The banner text, when the user should see one. */
        default Optional<String> banner() {
            return Optional.empty();
        }
    }

    /** The server accepts this console. */
    public record Supported(VersionInfo server) implements Outcome {}

    /** The server asks for a newer console. */
    public record ConsoleTooOld(ProductVersion console, VersionInfo server) implements Outcome {
        @Override
        public Optional<String> banner() {
            return Optional.of("This console is older than the server supports (console " + console
                    + ", server " + server.serverVersion() + " needs " + server.minimumConsoleVersion()
                    + " or newer). Some things may not work: ask your admin to install the current console.");
        }
    }

    /**
     * The check could not decide (server unreachable, an old server without the endpoint, an unreadable answer,
     * a console built without its version). No banner: a wrong warning teaches people to ignore warnings.
     */
    public record Undecided(String reason) implements Outcome {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OkHttpClient http;
    private final HttpUrl versionUrl;
    private final Optional<ProductVersion> console;

    /**
     * @param serverUrl the server's base address, as in the console's settings
     * @param console this console's version; empty when unknown
     */
    public ServerVersionCheck(OkHttpClient http, URI serverUrl, Optional<ProductVersion> console) {
        this.http = http;
        this.versionUrl = HttpUrl.get(serverUrl.toString())
                .newBuilder()
                .addPathSegments("api/version")
                .build();
        this.console = console;
    }

    public Outcome check() {
        if (console.isEmpty()) {
            return new Undecided("this console does not know its own version");
        }
        VersionInfo server;
        try {
            server = fetch();
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            return new Undecided("could not read " + versionUrl + ": " + e.getMessage());
        }
        ProductVersion minimum;
        try {
            minimum = ProductVersion.parse(server.minimumConsoleVersion());
        } catch (IllegalArgumentException e) {
            return new Undecided("the server's minimumConsoleVersion " + e.getMessage());
        }
        return console.get().isOlderThan(minimum) ? new ConsoleTooOld(console.get(), server) : new Supported(server);
    }

    private VersionInfo fetch() throws IOException {
        Request request = new Request.Builder()
                .url(versionUrl)
                .header("Accept", "application/json")
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            return JSON.readValue(response.body().string(), VersionInfo.class);
        }
    }
}
