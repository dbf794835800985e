package app.roomwatch.loadtest.target;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Small JSON-over-HTTP calls for setting a run up; the hot paths build their requests themselves. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;

    public Json(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** An HTTP answer that was not the expected one, with the server's problem detail. */
    public static final class CallFailed extends RuntimeException {
        private final int status;

        CallFailed(String call, int status, String body) {
            super(call + " answered " + status + ": " + abbreviate(body));
            this.status = status;
        }

        public int status() {
            return status;
        }

        private static String abbreviate(String body) {
            return body.length() > 300 ? body.substring(0, 300) + "…" : body;
        }
    }

    public <T> T post(String path, String bearer, Object body, Class<T> answer) {
        return call("POST", path, bearer, body, answer);
    }

    public <T> T get(String path, String bearer, Class<T> answer) {
        return call("GET", path, bearer, null, answer);
    }

    public <T> T call(String method, String path, String bearer, Object body, Class<T> answer) {
        try {
            HttpResponse<String> response =
                    http.send(request(method, path, bearer, body), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new CallFailed(method + " " + path, response.statusCode(), response.body());
            }
            if (answer == Void.class || response.body().isEmpty()) {
                return null;
            }
            if (answer == String.class) {
                return answer.cast(response.body());
            }
            return MAPPER.readValue(response.body(), answer);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    public CompletableFuture<HttpResponse<String>> postAsync(String path, String bearer, Object body) {
        return http.sendAsync(request("POST", path, bearer, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String path, String bearer, Object body) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)));
        }
        return builder.build();
    }
}
