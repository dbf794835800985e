package app.roomwatch.console.api;

import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.RefreshRequest;
import app.roomwatch.model.api.TokenResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Roomwatch server as the console sees it: its address, the shared HTTP client and the JSON mapping. It knows
 * the two calls that need no sign-in (login and refresh); everything else goes through a {@link StaffSession}.
 */
public final class ServerApi {

    static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final JsonMapper json;

    public ServerApi(HttpUrl baseUrl, OkHttpClient http) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.http = Objects.requireNonNull(http, "http");
        // New fields from a newer server must not break an older console.
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** A server at {@code baseUrl} (e.g. {@code http://school.example:8080}) with sensible timeouts. */
    public static ServerApi at(String baseUrl) {
        var http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(15))
                .build();
        HttpUrl url;
        try {
            url = HttpUrl.get(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new BadServerAddress(baseUrl, e);
        }
        return new ServerApi(url, http);
    }

    /**
     * The same server, asked to write its words (feed lines) in {@code language} ("en", "de"), read at each call so a
     * change of the console's language applies to the next one.
     */
    public ServerApi speaking(Supplier<String> language) {
        OkHttpClient speaking = http.newBuilder()
                .addInterceptor(chain -> chain.proceed(chain.request()
                        .newBuilder()
                        .header("Accept-Language", language.get())
                        .build()))
                .build();
        return new ServerApi(baseUrl, speaking);
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** The shared HTTP client; derive others from it with {@code newBuilder()} so they share its connections. */
    public OkHttpClient http() {
        return http;
    }

    public JsonMapper json() {
        return json;
    }

    /**
     * The absolute URL of a path such as {@code /api/rooms} (a query may follow), below the server's base address:
     * a server behind a proxy at {@code https://school.example/roomwatch} is asked at
     * {@code https://school.example/roomwatch/api/rooms}.
     */
    public HttpUrl url(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        HttpUrl base = baseUrl.encodedPath().endsWith("/")
                ? baseUrl
                : baseUrl.newBuilder().addPathSegment("").build();
        return base.resolve(relative);
    }

    public TokenResponse login(LoginRequest request) throws IOException {
        return call(post(url("/api/auth/login"), request).build(), json.constructType(TokenResponse.class));
    }

    /** Trades a refresh token for new tokens; the old refresh token is used up by this. */
    public TokenResponse refresh(String refreshToken) throws IOException {
        return call(
                post(url("/api/auth/refresh"), new RefreshRequest(refreshToken)).build(),
                json.constructType(TokenResponse.class));
    }

    Request.Builder post(HttpUrl url, Object body) {
        return new Request.Builder().url(url).post(RequestBody.create(json.writeValueAsBytes(body), JSON));
    }

    /** Runs a request and reads its JSON answer as {@code type}; a {@code Void} type reads nothing. */
    <T> T call(Request request, JavaType type) throws IOException {
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw problem(response);
            }
            if (type.getRawClass() == Void.class || response.code() == 204) {
                return null;
            }
            try {
                return json.readValue(response.body().byteStream(), type);
            } catch (JacksonException e) {
                throw new IOException(
                        "The server's answer to " + request.url().encodedPath() + " could not be read", e);
            }
        }
    }

    /** The error of a failed answer, with the problem's {@code detail} when the body is a problem document. */
    public ApiException problem(Response response) {
        String detail = "";
        try {
            var body = json.readTree(response.body().string());
            if (body != null && body.has("detail")) {
                detail = body.get("detail").asString();
            }
        } catch (IOException | JacksonException e) {
            // Not a problem document (a proxy's error page, say): the status alone has to do.
        }
        return new ApiException(response.code(), detail);
    }
}
