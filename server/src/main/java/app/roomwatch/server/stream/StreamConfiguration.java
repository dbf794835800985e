package app.roomwatch.server.stream;

import io.micrometer.observation.ObservationPredicate;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/** Binds {@code roomwatch.stream.*}, and gives the server's socket room for every console reconnecting at once. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamSettings.class)
class StreamConfiguration {

    /** Connections the kernel may hold for the server before it accepts them; Linux caps it at net.core.somaxconn. */
    static final int ACCEPT_BACKLOG = 4096;

    /**
     * After a network drop or a server restart every console reconnects within a second or two. Jetty leaves the
     * listening socket's backlog at the JVM's default of 50: connections past it are dropped and the clients' kernels
     * try again after 1, 3, 7, 15 and 31 s, so 10,000 consoles took a minute to come back instead of seconds.
     */
    @Bean
    JettyServerCustomizer roomForReconnectStorms() {
        return server -> {
            for (Connector connector : server.getConnectors()) {
                if (connector instanceof ServerConnector listening) {
                    listening.setAcceptQueueSize(ACCEPT_BACKLOG);
                }
            }
        };
    }

    /**
     * A stream's request is not observed as an HTTP request. Its observation would stay open as long as the stream, a
     * context with its maps, key values and timer samples for every open stream (19 of the 230 MB that 10,000 streams
     * kept alive, all of it for the collector to trace on every cycle), only to record a duration that is the
     * stream's lifetime. The stream's own meters count streams, deliveries and closes.
     */
    @Bean
    ObservationPredicate streamsAreNotObservedAsRequests() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && StreamController.STREAM_PATH.equals(request.getCarrier().getRequestURI()));
    }
}
