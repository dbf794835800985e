package app.roomwatch.console.api;

import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.RefreshRequest;
import app.roomwatch.model.api.StaffSummary;
import app.roomwatch.model.api.TokenResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;

/**
 * A signed-in staff member: keeps the access token, renews it with the refresh token when the server no longer
 * accepts it, and makes authorised calls for the views and the realtime client. Safe to use from any thread.
 */
public final class StaffSession {

    private static final System.Logger LOG = System.getLogger(StaffSession.class.getName());
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(1);

    private final ServerApi api;
    private final String tenant;
    private TokenResponse tokens;
    private Instant expiresAt;

    private volatile Instant lastAnswerAt;

    private StaffSession(ServerApi api, String tenant, TokenResponse tokens) {
        this.api = api;
        this.tenant = tenant;
        take(tokens);
    }

    /** Signs in with {@code POST /api/auth/login}; a wrong password is an {@link ApiException} with status 401. */
    public static StaffSession login(ServerApi api, LoginRequest request) throws IOException {
        var tokens = api.login(request);
        LOG.log(
                Level.INFO,
                "Signed in as staff {0} of tenant {1}",
                tokens.staff().id(),
                request.tenant());
        return new StaffSession(api, request.tenant(), tokens);
    }

    /**
     * Signs in again with a refresh token kept from an earlier run (the console keeps it in the OS keyring); the
     * token is used up by this, so keep {@link #refreshToken()} afterwards.
     */
    public static StaffSession resume(ServerApi api, String tenant, String refreshToken) throws IOException {
        var tokens = api.refresh(refreshToken);
        LOG.log(
                Level.INFO,
                "Resumed the session of staff {0} of tenant {1}",
                tokens.staff().id(),
                tenant);
        return new StaffSession(api, tenant, tokens);
    }

    /** The current refresh token: it changes with every renewal, so read it when you keep it, not before. */
    public synchronized String refreshToken() {
        return tokens.refreshToken();
    }

    /** Signs out with {@code POST /api/auth/logout}: the server revokes the session and ends its streams. */
    public void logout() throws IOException {
        api.call(
                api.post(api.url("/api/auth/logout"), new RefreshRequest(refreshToken()))
                        .header("Authorization", TokenResponse.BEARER + " " + accessToken())
                        .build(),
                api.json().constructType(Void.class));
    }

    public ServerApi api() {
        return api;
    }

    public String tenant() {
        return tenant;
    }

    public synchronized StaffSummary staff() {
        return tokens.staff();
    }

    public synchronized String accessToken() {
        return tokens.accessToken();
    }

    /**
     * Renews the access token after the server refused {@code rejectedToken}. When another caller already renewed
     * it meanwhile, answers the newer token without spending the (single use) refresh token again.
     *
     * @throws ApiException with status 400 or 401 when the refresh token is no longer valid: sign in again
     */
    public synchronized String renewAccessToken(String rejectedToken) throws IOException {
        if (!tokens.accessToken().equals(rejectedToken)) {
            return tokens.accessToken();
        }
        take(api.refresh(tokens.refreshToken()));
        LOG.log(
                Level.DEBUG,
                "Renewed the access token of staff {0}",
                tokens.staff().id());
        return tokens.accessToken();
    }

    /** Renews the sign-in now, so that the server hears the console's language again (it just changed). */
    public synchronized void renew() throws IOException {
        take(api.refresh(tokens.refreshToken()));
    }

    /**
     * True when the access token has expired (or is about to) by this machine's clock. A server may accept such a
     * token for a while (clock skew), but a stream opened with it ends at once: renew before reconnecting.
     */
    public synchronized boolean accessTokenExpired() {
        return !Instant.now().isBefore(expiresAt.minus(EXPIRY_MARGIN));
    }

    private void take(TokenResponse fresh) {
        tokens = fresh;
        expiresAt = Instant.now().plusSeconds(fresh.expiresIn());
    }

    /** A request to {@code url} carrying the current access token. */
    public Request.Builder authorized(HttpUrl url) {
        return new Request.Builder().url(url).header("Authorization", TokenResponse.BEARER + " " + accessToken());
    }

    public <T> T get(HttpUrl url, Class<T> type) throws IOException {
        return send(new Request.Builder().url(url).get(), api.json().constructType(type));
    }

    public <T> T get(String path, Class<T> type) throws IOException {
        return get(api.url(path), type);
    }

    public <T> T get(String path, TypeReference<T> type) throws IOException {
        return send(new Request.Builder().url(api.url(path)).get(), api.json().constructType(type));
    }

    public <T> T post(String path, Object body, Class<T> type) throws IOException {
        return send(api.post(api.url(path), body), api.json().constructType(type));
    }

    /** A POST whose answer carries nothing the caller needs (204 or ignored). */
    public void post(String path, Object body) throws IOException {
        send(api.post(api.url(path), body), api.json().constructType(Void.class));
    }

    /** A PUT whose answer carries nothing the caller needs, e.g. {@code PUT /api/active/groups/{id}/supervisors}. */
    public void put(String path, Object body) throws IOException {
        var request = new Request.Builder()
                .url(api.url(path))
                .put(RequestBody.create(api.json().writeValueAsBytes(body), ServerApi.JSON));
        send(request, api.json().constructType(Void.class));
    }

    /** A PUT that answers what was stored, e.g. {@code PUT /api/admin/devices/{id}}. */
    public <T> T put(String path, Object body, Class<T> type) throws IOException {
        var request = new Request.Builder()
                .url(api.url(path))
                .put(RequestBody.create(api.json().writeValueAsBytes(body), ServerApi.JSON));
        return send(request, api.json().constructType(type));
    }

    /** A POST of a body that is not JSON (a CSV file), answered with JSON. */
    public <T> T post(HttpUrl url, byte[] body, MediaType mediaType, Class<T> type) throws IOException {
        return send(
                new Request.Builder().url(url).post(RequestBody.create(body, mediaType)),
                api.json().constructType(type));
    }

    /** A DELETE (revoke, archive, cancel) whose answer carries nothing. */
    public void delete(String path) throws IOException {
        send(new Request.Builder().url(api.url(path)).delete(), api.json().constructType(Void.class));
    }

    /** When the server last answered a call with success, or {@code null} before it did: how fresh the views are. */
    public Instant lastAnswerAt() {
        return lastAnswerAt;
    }

    /** Sends with the current token; when it has expired, renews it once and sends again. */
    private <T> T send(Request.Builder request, JavaType type) throws IOException {
        String token = accessToken();
        T answer;
        try {
            answer = api.call(withToken(request, token), type);
        } catch (ApiException e) {
            if (!e.isUnauthorized()) {
                throw e;
            }
            answer = api.call(withToken(request, renewAccessToken(token)), type);
        }
        lastAnswerAt = Instant.now();
        return answer;
    }

    private static Request withToken(Request.Builder request, String token) {
        return request.header("Authorization", TokenResponse.BEARER + " " + Objects.requireNonNull(token))
                .build();
    }
}
