package app.roomwatch.server.automation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the {@link AutomaticWork} every {@code roomwatch.automation.interval}; off when tests drive it by hand. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "roomwatch.automation.enabled", matchIfMissing = true)
class AutomaticWorkScheduler {

    private static final Logger log = LoggerFactory.getLogger(AutomaticWorkScheduler.class);

    private final AutomaticWork work;

    AutomaticWorkScheduler(AutomaticWork work) {
        this.work = work;
    }

    @Scheduled(
            fixedDelayString = "${roomwatch.automation.interval:15s}",
            initialDelayString = "${roomwatch.automation.interval:15s}")
    void run() {
        try {
            work.runOnce();
        } catch (RuntimeException e) {
            // The next run tries again; a failure here must not stop the schedule.
            log.warn("Automatic work failed; it runs again at the next interval", e);
        }
    }
}
