package app.roomwatch.server;

import app.roomwatch.server.command.ServerCommands;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Roomwatch server: scanner ingest, the staff REST API and the live event stream; with a command word first
 * ({@code admin}, {@code backup}, {@code restore}) one of the admin's {@linkplain ServerCommands commands} instead.
 */
@SpringBootApplication
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
