package app.roomwatch.server.stream;

import app.roomwatch.model.event.EventPage;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/** {@code GET /api/sse/events} (the stream) and {@code GET /api/events} (the polling fallback), SPEC section 5. */
@RestController
class StreamController {

    private static final int DEFAULT_PAGE_SIZE = 100;

    private final EventStream stream;
    private final StreamSettings settings;
    private final StreamMetrics metrics;

    StreamController(EventStream stream, StreamSettings settings, StreamMetrics metrics) {
        this.stream = stream;
        this.settings = settings;
        this.metrics = metrics;
    }

    @GetMapping("/api/sse/events")
    ResponseEntity<ResponseBodyEmitter> stream(
            Authentication authentication,
            HttpServletRequest request,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
        refuseTokenInUrl(request);
        StaffPrincipal staff = StaffPrincipal.of(authentication);
        // The header is what a reconnecting EventSource sends; the parameter serves a first connect only.
        Optional<String> lastEventId = Optional.ofNullable(lastEventIdHeader)
                .or(() -> Optional.ofNullable(lastEventIdParameter))
                .filter(id -> !id.isBlank());
        // No timeout: the stream ends when its token expires, its session ends or its client goes.
        var emitter = new ResponseBodyEmitter(-1L);
        StreamConnection connection;
        try {
            connection = stream.open(staff, lastEventId, new EmitterSink(emitter));
        } catch (StreamLimitException e) {
            metrics.rejected();
            throw ApiException.tooManyRequests(e.getMessage(), e.retryAfter());
        }
        emitter.onError(error -> connection.close("client gone", true));
        emitter.onTimeout(() -> connection.close("timeout", true));
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .cacheControl(CacheControl.noCache())
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    @GetMapping("/api/events")
    EventPage events(
            Authentication authentication,
            HttpServletRequest request,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        refuseTokenInUrl(request);
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > settings.maxPageSize()) {
            throw ApiException.badRequest("'limit' must be between 1 and " + settings.maxPageSize());
        }
        return stream.page(
                StaffPrincipal.of(authentication), Optional.ofNullable(after).filter(a -> !a.isBlank()), size);
    }

    /** A token in a URL ends up in proxy and server logs: refused even when a valid header came along. */
    private static void refuseTokenInUrl(HttpServletRequest request) {
        if (request.getParameter("access_token") != null) {
            throw ApiException.unauthorized(
                    "Send the access token as 'Authorization: Bearer <accessToken>', never in the URL");
        }
    }
}
