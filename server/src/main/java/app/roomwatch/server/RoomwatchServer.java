package app.roomwatch.server;

import app.roomwatch.server.command.ServerCommands;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The Roomwatch server: scanner ingest, the staff REST API and the live event stream; with a command word first
 * ({@code admin}, {@code backup}, {@code restore}) one of the admin's {@linkplain ServerCommands commands} instead.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
// What @SpringBootApplication scans, without the management port's own configuration (web.ManagementPortRefusals):
// it belongs to the management server's context alone, and scanned here it ran its filters a second time on every
// API request.
@ComponentScan(
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = ManagementContextConfiguration.class)
        })
@EnableConfigurationProperties(RoomwatchProperties.class)
public class RoomwatchServer {

    public static void main(String[] args) {
        if (ServerCommands.isCommand(args)) {
            System.exit(ServerCommands.run(args));
        }
        SpringApplication.run(RoomwatchServer.class, args);
    }

    /** Every time-dependent piece reads this clock, so that tests can replace it with one they advance. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
