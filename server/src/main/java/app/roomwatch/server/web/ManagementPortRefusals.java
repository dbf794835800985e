package app.roomwatch.server.web;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The management port is a server of its own, which the API's filters and error pages do not reach: the same
 * refusals of unreadable requests, with the connection kept usable, and the same problem documents for what Jetty
 * refuses itself apply there too.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class ManagementPortRefusals {

    @Bean
    WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> managementProblemErrorPages() {
        return factory -> factory.addServerCustomizers(
                server -> server.setErrorHandler(new ContainerErrorPages.ProblemErrorHandler()));
    }

    @Bean
    FilterRegistrationBean<KeepAliveOnRefusal> managementKeepAliveOnRefusal() {
        var registration = new FilterRegistrationBean<>(new KeepAliveOnRefusal());
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<UnreadableRequests> managementUnreadableRequests(ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new UnreadableRequests(problems));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
