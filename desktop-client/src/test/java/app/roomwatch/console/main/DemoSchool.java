package app.roomwatch.console.main;

import app.roomwatch.console.api.ServerApi;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.model.api.LoginRequest;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;

/**
 * What happens at the demo school while a console watches, done through the server's public API: the admin
 * registers a scanner, a child's tag is scanned, someone announces something, an account is disabled.
 */
final class DemoSchool {

    private static final MediaType JSON = MediaType.get("application/json");

    private final StaffSession admin;

    DemoSchool(String baseUrl) throws IOException {
        this.admin = StaffSession.login(ServerApi.at(baseUrl), new LoginRequest("demo", "admin", "demo"));
    }

    /** The demo's admin, signed in, for what a test sets up or checks through the admin API. */
    StaffSession admin() {
        return admin;
    }

    /** The active group {@code username} supervises in the demo data. */
    JsonNode groupOf(String supervisorDisplayNamePrefix) throws IOException {
        for (JsonNode group : admin.get("/api/active/groups", JsonNode.class)) {
            for (JsonNode supervisor : group.get("supervisors")) {
                if (supervisor.get("displayName").asString().startsWith(supervisorDisplayNamePrefix)) {
                    return group;
                }
            }
        }
        throw new IllegalStateException("no active group supervised by " + supervisorDisplayNamePrefix);
    }

    /** A registered scanner's API key, at the door of {@code roomId}. */
    String registerScanner(String roomId) throws IOException {
        JsonNode key = admin.post(
                "/api/admin/devices",
                Map.of("name", "Test door " + UUID.randomUUID(), "roomId", roomId),
                JsonNode.class);
        return key.get("apiKey").asString();
    }

    /** The RFID tag of a child who is in no activity now. */
    String tagOfAChildOutside() throws IOException {
        Set<String> inside = new HashSet<>();
        for (JsonNode group : admin.get("/api/active/groups", JsonNode.class)) {
            for (JsonNode visit :
                    admin.get("/api/active/groups/" + group.get("id").asString() + "/visits/display", JsonNode.class)) {
                inside.add(visit.get("studentId").asString());
            }
        }
        for (JsonNode student : admin.get("/api/admin/students", JsonNode.class)) {
            if (!inside.contains(student.get("id").asString())) {
                return student.get("rfidTag").asString();
            }
        }
        throw new IllegalStateException("every demo child is checked in");
    }

    /** Every demo child's RFID tag. */
    java.util.List<String> tagsOfAllChildren() throws IOException {
        java.util.List<String> tags = new java.util.ArrayList<>();
        for (JsonNode student : admin.get("/api/admin/students", JsonNode.class)) {
            tags.add(student.get("rfidTag").asString());
        }
        return tags;
    }

    /** Scans {@code tag} at the scanner's door as the scanner would; answers the server's result. */
    JsonNode scan(String apiKey, String tag) throws IOException {
        return scan(apiKey, tag, "checkin");
    }

    /** A plain door scan: checks the child in here, or out when already here. */
    JsonNode scanToggle(String apiKey, String tag) throws IOException {
        return scan(apiKey, tag, "toggle");
    }

    private JsonNode scan(String apiKey, String tag, String action) throws IOException {
        byte[] body = admin.api().json().writeValueAsBytes(Map.of("rfidTag", tag, "action", action));
        Request request = new Request.Builder()
                .url(admin.api().url("/api/iot/scans"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response response = admin.api().http().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw admin.api().problem(response);
            }
            return admin.api().json().readTree(response.body().string());
        }
    }

    /** Announces to the whole tenant. */
    void announce(String title, String priority) throws IOException {
        announce(title, "From the office", priority);
    }

    /** Announces to the whole tenant, as the demo's admin, "Office Admin". */
    void announce(String title, String body, String priority) throws IOException {
        admin.post("/api/announcements", Map.of("title", title, "body", body, "priority", priority));
    }

    /** Enables or disables a staff account; disabling ends its sessions at once. */
    void setEnabled(String username, boolean enabled) throws IOException {
        JsonNode account = null;
        for (JsonNode staff : admin.get("/api/admin/staff", JsonNode.class)) {
            if (staff.get("username").asString().equals(username)) {
                account = staff;
            }
        }
        if (account == null) {
            throw new IllegalStateException("no staff account " + username);
        }
        Map<String, Object> change = new java.util.LinkedHashMap<>();
        change.put("username", username);
        change.put("displayName", account.get("displayName").asString());
        change.put("role", account.get("role").asString());
        change.put("enabled", enabled);
        Request request = admin.authorized(
                        admin.api().url("/api/admin/staff/" + account.get("id").asString()))
                .put(RequestBody.create(admin.api().json().writeValueAsBytes(change), JSON))
                .build();
        try (Response response = admin.api().http().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw admin.api().problem(response);
            }
        }
    }
}
