package app.roomwatch.loadtest.target;

import app.roomwatch.loadtest.measure.EmittedAt;
import app.roomwatch.model.api.ActiveGroupView;
import app.roomwatch.model.api.AnnouncementRequest;
import app.roomwatch.model.api.DeviceKey;
import app.roomwatch.model.api.DeviceRegistration;
import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.ScanResult;
import app.roomwatch.model.api.StaffRole;
import app.roomwatch.model.api.StartActivityRequest;
import app.roomwatch.model.api.TokenResponse;
import app.roomwatch.model.api.admin.RoomRecord;
import app.roomwatch.model.api.admin.RoomRequest;
import app.roomwatch.model.api.admin.StaffAccount;
import app.roomwatch.model.api.admin.StaffAccountRequest;
import app.roomwatch.model.api.admin.StudentRecord;
import app.roomwatch.model.api.admin.StudentRequest;
import app.roomwatch.model.event.NotificationPriority;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Roomwatch through its public API only: an admin of the given tenant creates a room, children, a scanner, an
 * active group and the staff accounts the subscribers sign in as; fan-out messages are scans (each changes the
 * room's occupancy, a {@code tenant} event every stream receives) or tenant-wide announcements.
 */
public final class RoomwatchTarget implements Target {

    /** How fan-out messages are published. */
    public enum Publish {
        SCANS,
        ANNOUNCEMENTS
    }

    /**
     * Where the server is and who may set it up.
     *
     * @param management the server's management port, where its metrics are
     */
    public record Settings(
            URI base,
            URI management,
            String tenant,
            String adminUser,
            String adminPassword,
            int staffAccounts,
            int students,
            Publish publish,
            List<Long> pids) {}

    /** One scan as the scanner saw it: when it was sent and what the server answered. */
    public record Scan(long sentMicros, long answeredMicros, int status, ScanResult result) {}

    private static final String PASSWORD = "bench-password";
    private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(30);

    private final Settings settings;
    private final HttpClient http;
    private final Json json;
    private final String runTag = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger nextStudent = new AtomicInteger();

    private String adminToken;
    private final List<String> streamTokens = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private final List<byte[]> scanBodies = new ArrayList<>();
    private String screenToken;
    private String screenId;
    private String activeGroupId;
    /** Scanner keys, one per room with an activity running; the first is the bench room's. */
    private final List<String> doorKeys = new ArrayList<>();

    public RoomwatchTarget(Settings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
        this.json = new Json(http, settings.base());
    }

    @Override
    public String name() {
        return "roomwatch";
    }

    @Override
    public void prepare(int streams) throws Exception {
        if (adminToken != null) {
            ensureStaff(streams);
            return;
        }
        adminToken = login(settings.adminUser(), settings.adminPassword());
        RoomRecord room = json.post(
                "/api/admin/rooms", adminToken, new RoomRequest("Bench " + runTag, 1_000_000), RoomRecord.class);
        for (int i = 0; i < settings.students(); i++) {
            String tag = "BENCH-" + runTag + "-" + i;
            json.post(
                    "/api/admin/students",
                    adminToken,
                    new StudentRequest("Bench", "Child " + i, "B", tag, null, null, null),
                    StudentRecord.class);
            tags.add(tag);
            scanBodies.add(("{\"rfidTag\":\"" + tag + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        StaffAccount screen = createStaff("bench-" + runTag + "-screen");
        screenToken = login(screen.username(), PASSWORD);
        screenId = screen.id();
        activeGroupId = openDoor(room);
        ensureStaff(streams);
    }

    /**
     * Makes sure there are at least {@code count} rooms, each with a scanner at its door and an activity running,
     * the screen's account supervising it (the bench room is the first).
     */
    public void openDoors(int count) {
        for (int door = doorKeys.size(); door < count; door++) {
            openDoor(json.post(
                    "/api/admin/rooms",
                    adminToken,
                    new RoomRequest("Bench " + runTag + " door " + door, 1_000_000),
                    RoomRecord.class));
        }
    }

    /** Registers a scanner at the room's door and starts an activity there; returns the activity's id. */
    private String openDoor(RoomRecord room) {
        doorKeys.add(json.post(
                        "/api/admin/devices",
                        adminToken,
                        new DeviceRegistration("Bench scanner " + runTag + " " + doorKeys.size(), room.id()),
                        DeviceKey.class)
                .apiKey());
        return json.post(
                        "/api/active/groups",
                        adminToken,
                        new StartActivityRequest(room.name(), room.id(), null, List.of(screenId)),
                        ActiveGroupView.class)
                .id();
    }

    /** Signs in as many subscriber accounts as the settings allow for this many streams (bcrypt is slow: in parallel). */
    private void ensureStaff(int streams) throws Exception {
        int wanted = Math.max(1, Math.min(streams, settings.staffAccounts()));
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = streamTokens.size(); i < wanted; i++) {
                String username = String.format(Locale.ROOT, "bench-%s-%05d", runTag, i);
                tokens.add(pool.submit(() -> login(createStaff(username).username(), PASSWORD)));
            }
            for (Future<String> token : tokens) {
                streamTokens.add(token.get());
            }
        }
    }

    private StaffAccount createStaff(String username) {
        return json.post(
                "/api/admin/staff",
                adminToken,
                new StaffAccountRequest(username, username, StaffRole.SUPERVISOR, PASSWORD, true),
                StaffAccount.class);
    }

    /** Signs in; a busy server (5xx, 429, a timeout) gets two more tries, since signing in changes nothing. */
    private String login(String username, String password) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return json.post(
                                "/api/auth/login",
                                null,
                                new LoginRequest(settings.tenant(), username, password),
                                TokenResponse.class)
                        .accessToken();
            } catch (Json.CallFailed e) {
                if (e.status() < 500 && e.status() != 429) {
                    throw e;
                }
                last = e;
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public HttpRequest streamRequest(int index, String lastEventId) {
        return sse(streamTokens.get(index % streamTokens.size()), lastEventId);
    }

    /** A stream of the active group's supervisor, who sees the children's check-ins and check-outs. */
    public HttpRequest screenRequest(String lastEventId) {
        return sse(screenToken, lastEventId);
    }

    private HttpRequest sse(String token, String lastEventId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.base().resolve("/api/sse/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        return builder.GET().build();
    }

    @Override
    public String readyEvent() {
        return "connected";
    }

    @Override
    public String deliveryEvent() {
        return settings.publish() == Publish.SCANS ? "room_occupancy" : "notification_new";
    }

    @Override
    public CompletableFuture<Integer> publish() {
        if (settings.publish() == Publish.ANNOUNCEMENTS) {
            var announcement = new AnnouncementRequest("Bench", "Fan-out " + runTag, NotificationPriority.INFO, null);
            return json.postAsync("/api/announcements", adminToken, announcement)
                    .thenApply(r -> r.statusCode() / 100 == 2 ? 1 : 0)
                    .exceptionally(e -> 0);
        }
        return scan(nextStudent.getAndIncrement()).thenApply(scan -> {
            if (scan.result() == null) {
                return 0;
            }
            // A move checks the child out of one room and into another: two rooms' occupancy changed.
            return scan.result().result() == ScanResult.Outcome.MOVED ? 2 : 1;
        });
    }

    /** Scans child {@code student} (modulo the children created) at the bench room's door. */
    public CompletableFuture<Scan> scan(int student) {
        return scan(student, 0);
    }

    /** Scans child {@code student} (modulo the children created) at the door of room {@code door} (see {@link #openDoors}). */
    public CompletableFuture<Scan> scan(int student, int door) {
        int i = Math.floorMod(student, scanBodies.size());
        HttpRequest request = HttpRequest.newBuilder(settings.base().resolve("/api/iot/scans"))
                .timeout(SCAN_TIMEOUT)
                .header("Authorization", "Bearer " + doorKeys.get(door))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(scanBodies.get(i)))
                .build();
        long sent = EmittedAt.nowMicros();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    long answered = EmittedAt.nowMicros();
                    ScanResult result = response.statusCode() / 100 == 2
                            ? Json.MAPPER.readValue(response.body(), ScanResult.class)
                            : null;
                    return new Scan(sent, answered, response.statusCode(), result);
                })
                .exceptionally(e -> new Scan(sent, -1, -1, null));
    }

    public int students() {
        return scanBodies.size();
    }

    public String activeGroupId() {
        return activeGroupId;
    }

    @Override
    public List<Long> pids() {
        return settings.pids();
    }

    /**
     * The heap the server's own metrics report (all heap pools), read from {@code /actuator/prometheus} each second.
     * Only that metric is asked for: the whole scrape (every timer's histogram) costs the server tens of milliseconds
     * of CPU, which would be counted as the server's own in every step.
     */
    @Override
    public LongSupplier heapBytes() {
        HttpRequest request = HttpRequest.newBuilder(
                        settings.management().resolve("/actuator/prometheus?includedNames=jvm_memory_used_bytes"))
                .timeout(Duration.ofSeconds(5))
                .header("Accept", "text/plain")
                .build();
        return () -> {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 ? heapFromPrometheus(response.body()) : -1;
            } catch (java.io.IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        };
    }

    static long heapFromPrometheus(String text) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        return found ? (long) sum : -1;
    }
}
