package app.roomwatch.console.main;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark's load generator, in a process of its own so it can run at a lower CPU priority (and on another
 * core) than the console it measures. Signs in, warms the server up with {@value #WARMUP_BURSTS} bursts of the same
 * size and pace (a server that has run for a while has compiled its scan path; one just started has not, and
 * answers a burst several times slower), prints {@code ready}, waits for {@code go} on stdin, posts the scans paced
 * over the burst, and prints {@code done} once every scan has been answered.
 *
 * <p>Arguments: server base URL, the scanner's API key, the number of scans, the burst length in milliseconds.
 */
public final class BurstLoad {

    static final int WARMUP_BURSTS = 8;

    private BurstLoad() {}

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String scanner = args[1];
        int scans = Integer.parseInt(args[2]);
        Duration burst = Duration.ofMillis(Long.parseLong(args[3]));
        DemoSchool school = new DemoSchool(baseUrl);
        List<String> tags = school.tagsOfAllChildren();
        for (int warmup = 0; warmup < WARMUP_BURSTS; warmup++) {
            burst(school, scanner, tags, scans, burst);
        }
        System.out.println("ready");
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"go".equals(in.readLine())) {
            return;
        }
        burst(school, scanner, tags, scans, burst);
        System.out.println("done");
    }

    /** Posts the scans paced over the burst, from many threads at once, and returns when every one was answered. */
    private static void burst(DemoSchool school, String scanner, List<String> tags, int scans, Duration burst)
            throws Exception {
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            long spacingNanos = burst.toNanos() / scans;
            long t0 = System.nanoTime();
            for (int i = 0; i < scans; i++) {
                long due = t0 + i * spacingNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    // Sleeping, not spinning: a spinning load would take the CPU the console is measured on.
                    Thread.sleep(Duration.ofNanos(wait));
                }
                String tag = tags.get(i % tags.size());
                sent.add(senders.submit(() -> school.scanToggle(scanner, tag)));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
    }
}
