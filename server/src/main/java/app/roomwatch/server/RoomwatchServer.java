package app.roomwatch.server;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The Roomwatch server: scanner ingest, the staff REST API and the live event stream. */
@SpringBootApplication
@EnableConfigurationProperties(RoomwatchProperties.class)
public class RoomwatchServer {

    public static void main(String[] args) {
        SpringApplication.run(RoomwatchServer.class, args);
    }

    /** Every time-dependent piece reads this clock, so that tests can replace it with one they advance. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
