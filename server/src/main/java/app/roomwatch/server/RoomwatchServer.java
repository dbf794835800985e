package app.roomwatch.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Roomwatch server: scanner ingest, the staff REST API and the live event stream. */
@SpringBootApplication
public class RoomwatchServer {

    public static void main(String[] args) {
        SpringApplication.run(RoomwatchServer.class, args);
    }
}
