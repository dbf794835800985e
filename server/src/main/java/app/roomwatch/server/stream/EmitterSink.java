package app.roomwatch.server.stream;

import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/** Frames to the HTTP response, through Spring MVC's asynchronous response body. */
final class EmitterSink implements FrameSink {

    private final ResponseBodyEmitter emitter;

    EmitterSink(ResponseBodyEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void write(byte[] frames) throws IOException {
        emitter.send(frames, MediaType.TEXT_EVENT_STREAM);
    }

    @Override
    public void close() {
        try {
            emitter.complete();
        } catch (RuntimeException e) {
            // Already completed, or the client is gone: nothing left to end.
        }
    }
}
