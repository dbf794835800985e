package app.roomwatch.server.stream;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
