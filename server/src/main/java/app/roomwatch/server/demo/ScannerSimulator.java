package app.roomwatch.server.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pretends to be the demo tenant's door scanners, using only the public API like a vendor's device would: it signs
 * in as an admin (the demo tenant's by default), registers one scanner per room (revoking the ones it registered on
 * earlier runs), then posts scans with the scanners' own keys and a fresh {@code Idempotency-Key} each: children
 * arrive, move rooms and leave.
 * Heartbeats keep the scanners from being reported silent.
 */
final class ScannerSimulator implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ScannerSimulator.class);
    private static final String DEVICE_PREFIX = "Simulated scanner – ";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Random random = new Random();
    private final String baseUrl;
    private final double scansPerSecond;
    private final Map<String, String> keyByRoom = new HashMap<>();
    /** Where the simulator believes each child is (room id), from the scans' answers. */
    private final Map<String, String> roomOfTag = new HashMap<>();

    /** Who the simulator signs in as to register its scanners and look up rooms and children. */
    record Account(String tenant, String username, String password) {}

    private final Account account;
    private final long scanLimit;
    private long scansPosted;
    private String accessToken;

    ScannerSimulator(String baseUrl, double scansPerSecond) {
        this(baseUrl, scansPerSecond, new Account("demo", "admin", DemoData.PASSWORD), Long.MAX_VALUE);
    }

    /** A simulator that stops by itself after {@code scanLimit} posted scans. */
    ScannerSimulator(String baseUrl, double scansPerSecond, Account account, long scanLimit) {
        this.baseUrl = baseUrl;
        this.scansPerSecond = scansPerSecond;
        this.account = account;
        this.scanLimit = scanLimit;
    }

    @Override
    public void run() {
        try {
            setUp();
            long pause = Math.max(1, Math.round(1000 / scansPerSecond));
            long lastHeartbeat = 0;
            while (!Thread.currentThread().isInterrupted() && scansPosted < scanLimit) {
                if (System.currentTimeMillis() - lastHeartbeat > 60_000) {
                    heartbeats();
                    lastHeartbeat = System.currentTimeMillis();
                }
                scanSomeone();
                Thread.sleep(pause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            log.warn("The simulated scanner stopped: {}", e.toString());
        }
    }

    private void setUp() throws IOException, InterruptedException {
        signIn();
        for (JsonNode device :
                call("GET", "/api/admin/devices", null, accessToken).body()) {
            if (device.path("name").asString("").startsWith(DEVICE_PREFIX)
                    && !device.path("status").asString("").equals("revoked")) {
                call("DELETE", "/api/admin/devices/" + device.path("id").asString(), null, accessToken);
            }
        }
        for (JsonNode room : call("GET", "/api/admin/rooms", null, accessToken).body()) {
            var key = call(
                    "POST",
                    "/api/admin/devices",
                    Map.of(
                            "name",
                            DEVICE_PREFIX + room.path("name").asString(),
                            "roomId",
                            room.path("id").asString()),
                    accessToken);
            keyByRoom.put(room.path("id").asString(), key.body().path("apiKey").asString());
        }
        log.info(
                "Simulated scanner registered {} devices; scanning at {} per second", keyByRoom.size(), scansPerSecond);
    }

    private void signIn() throws IOException, InterruptedException {
        var tokens = call(
                "POST",
                "/api/auth/login",
                Map.of("tenant", account.tenant(), "username", account.username(), "password", account.password()),
                null);
        if (tokens.status() != 200) {
            throw new IllegalStateException("the simulator's admin could not sign in (" + tokens.status() + ")");
        }
        accessToken = tokens.body().path("accessToken").asString();
    }

    private void heartbeats() throws IOException, InterruptedException {
        for (String key : keyByRoom.values()) {
            call("POST", "/api/iot/heartbeat", null, key);
        }
    }

    private void scanSomeone() throws IOException, InterruptedException {
        var rooms = call("GET", "/api/rooms", null, accessToken);
        if (rooms.status() == 401) {
            signIn();
            return;
        }
        List<String> running = new ArrayList<>();
        List<String> withRoom = new ArrayList<>();
        for (JsonNode room : rooms.body()) {
            if (room.path("activeGroup").isObject()) {
                running.add(room.path("id").asString());
                // Keep a little headroom: an over-capacity warning now and then, not all the time.
                if (room.path("occupancy").asInt() < room.path("capacity").asInt() - 1) {
                    withRoom.add(room.path("id").asString());
                }
            }
        }
        if (running.isEmpty()) {
            return;
        }
        var students = call("GET", "/api/admin/students", null, accessToken).body();
        JsonNode child = students.get(random.nextInt(students.size()));
        String tag = child.path("rfidTag").asString();
        String current = roomOfTag.get(tag);
        String room;
        if (current != null && running.contains(current)) {
            // Inside: usually stays; sometimes leaves (scans at its own door), sometimes moves on.
            int roll = random.nextInt(6);
            if (roll == 0) {
                room = current;
            } else if (roll == 1 && !withRoom.isEmpty()) {
                room = withRoom.get(random.nextInt(withRoom.size()));
            } else {
                return;
            }
        } else if (!withRoom.isEmpty()) {
            room = withRoom.get(random.nextInt(withRoom.size()));
        } else {
            return;
        }
        var answer = call(
                "POST",
                "/api/iot/scans",
                Map.of("rfidTag", tag),
                keyByRoom.get(room),
                UUID.randomUUID().toString());
        scansPosted++;
        switch (answer.body().path("result").asString("")) {
            case "checked_in", "moved" -> roomOfTag.put(tag, room);
            case "checked_out" -> roomOfTag.remove(tag);
            default -> log.debug("Simulated scan answered {}", answer.status());
        }
    }

    private record Answer(int status, JsonNode body) {}

    private Answer call(String method, String path, Object body, String bearer)
            throws IOException, InterruptedException {
        return call(method, path, body, bearer, null);
    }

    private Answer call(String method, String path, Object body, String bearer, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
        return new Answer(response.statusCode(), parsed);
    }
}
