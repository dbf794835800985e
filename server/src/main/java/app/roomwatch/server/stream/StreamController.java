package app.roomwatch.server.stream;

import app.roomwatch.model.event.EventPage;
import app.roomwatch.server.auth.StaffPrincipal;
import app.roomwatch.server.web.ApiException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jetty.io.EndPoint;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/sse/events} (the stream) and {@code GET /api/events} (the polling fallback), SPEC section 5. */
@RestController
class StreamController {

    static final String STREAM_PATH = "/api/sse/events";

    private static final int DEFAULT_PAGE_SIZE = 100;

    private final EventStream stream;
    private final StreamSettings settings;
    private final StreamMetrics metrics;

    StreamController(EventStream stream, StreamSettings settings, StreamMetrics metrics) {
        this.stream = stream;
        this.settings = settings;
        this.metrics = metrics;
    }

    @GetMapping(STREAM_PATH)
    void stream(
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter)
            throws IOException {
        refuseTokenInUrl(request);
        StaffPrincipal staff = StaffPrincipal.of(authentication);
        // The header is what a reconnecting EventSource sends; the parameter serves a first connect only.
        Optional<String> lastEventId = Optional.ofNullable(lastEventIdHeader)
                .or(() -> Optional.ofNullable(lastEventIdParameter))
                .filter(id -> !id.isBlank());
        var sink = new ServletSink();
        StreamConnection connection;
        try {
            connection = stream.open(staff, lastEventId, sink);
        } catch (StreamLimitException e) {
            metrics.rejected();
            throw ApiException.tooManyRequests(e.getMessage(), e.retryAfter());
        }
        try {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
            response.setHeader("X-Accel-Buffering", "no");
            // The connection ends with the stream: ClientGone reads it meanwhile, and a stream outlives any reason
            // to keep the connection for another request.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            // Commits the headers on this thread, while the output still blocks; the body goes out non-blocking.
            response.flushBuffer();
            AsyncContext async = request.startAsync(request, response);
            // No timeout: the stream ends when its token expires, its session ends or its client goes.
            async.setTimeout(0);
            async.addListener(new Ending(connection));
            Optional<EndPoint> endPoint = JettyConnection.of(request);
            endPoint.ifPresent(socket -> {
                JettyConnection.limitSendBuffer(socket, settings.sendBuffer());
                // Frees the stream's slot the moment its client goes, not at the next write.
                ClientGone.watch(socket, () -> connection.close("client gone"));
            });
            boolean toConnection = settings.framesToConnection()
                    && endPoint.filter(JettyConnection::bodyRunsUntilClose).isPresent();
            if (!sink.start(async, endPoint, toConnection)) {
                async.complete();
            }
        } catch (IOException | RuntimeException e) {
            connection.close("not started");
            throw e;
        }
    }

    /**
     * Releases the connection when the container finds its client gone, and completes the request: left open, the
     * container would dispatch it to the error page, which has nothing to say to a stream.
     */
    private record Ending(StreamConnection connection) implements AsyncListener {

        @Override
        public void onError(AsyncEvent event) {
            connection.close("client gone");
            complete(event);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            connection.close("timeout");
            complete(event);
        }

        private static void complete(AsyncEvent event) {
            try {
                event.getAsyncContext().complete();
            } catch (IllegalStateException e) {
                // The stream completed it first.
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {}

        @Override
        public void onStartAsync(AsyncEvent event) {}
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
