package app.roomwatch.server.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code --simulate-scanner[=scansPerSecond]} (default 0.5): once the server answers, a background thread plays the
 * demo tenant's door scanners against it over HTTP. Without the switch nothing is simulated.
 */
@Component
class ScannerSimulatorStarter {

    private final ApplicationArguments args;

    ScannerSimulatorStarter(ApplicationArguments args) {
        this.args = args;
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        if (!args.containsOption("simulate-scanner")) {
            return;
        }
        var values = args.getOptionValues("simulate-scanner");
        double rate = values.isEmpty() || values.getFirst().isBlank() ? 0.5 : Double.parseDouble(values.getFirst());
        int port = ((WebServerApplicationContext) ready.getApplicationContext())
                .getWebServer()
                .getPort();
        Thread.ofVirtual().name("scanner-simulator").start(new ScannerSimulator("http://localhost:" + port, rate));
    }
}
