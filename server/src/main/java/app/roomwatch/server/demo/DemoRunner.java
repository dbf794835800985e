package app.roomwatch.server.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code --demo}: seeds the demo tenants before the simulated scanner (if any) starts. */
@Component
@Order(1)
class DemoRunner implements ApplicationRunner {

    private final DemoData demo;

    DemoRunner(DemoData demo) {
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption("demo")) {
            demo.seedDemo();
            demo.seedDemo2();
        }
    }
}
