package app.roomwatch.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.admin.GroupRequest;
import app.roomwatch.model.api.admin.ScheduledCheckoutRequest;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.RawHttp;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Walks every endpoint with bad input: no or wrong credentials, malformed JSON, wrong types, missing fields,
 * unknown ids, oversized bodies and bad query parameters. Every answer must be a 4xx problem document with a
 * readable detail, and nothing may change.
 */
class BadInputTests extends ServerTest {

    private enum Caller {
        STAFF,
        DEVICE,
        ANYONE
    }

    /** An endpoint; {@code {id}} in the path is replaced by a valid id or by unknown ones. */
    private record Endpoint(String method, String path, boolean body, Caller caller) {}

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/auth/login", true, Caller.ANYONE),
            new Endpoint("POST", "/api/auth/refresh", true, Caller.ANYONE),
            new Endpoint("POST", "/api/auth/logout", true, Caller.ANYONE),
            new Endpoint("GET", "/api/me", false, Caller.STAFF),
            new Endpoint("GET", "/api/rooms", false, Caller.STAFF),
            new Endpoint("GET", "/api/active/groups", false, Caller.STAFF),
            new Endpoint("POST", "/api/active/groups", true, Caller.STAFF),
            new Endpoint("POST", "/api/active/groups/{id}/end", false, Caller.STAFF),
            new Endpoint("PUT", "/api/active/groups/{id}/supervisors", true, Caller.STAFF),
            new Endpoint("GET", "/api/active/groups/{id}/visits/display", false, Caller.STAFF),
            new Endpoint("POST", "/api/active/groups/{id}/visits", true, Caller.STAFF),
            new Endpoint("POST", "/api/visits/{id}/end", false, Caller.STAFF),
            new Endpoint("GET", "/api/students", false, Caller.STAFF),
            new Endpoint("GET", "/api/rooms/{id}/children", false, Caller.STAFF),
            new Endpoint("GET", "/api/groups/mine", false, Caller.STAFF),
            new Endpoint("GET", "/api/groups/{id}/roster", false, Caller.STAFF),
            new Endpoint("GET", "/api/notifications", false, Caller.STAFF),
            new Endpoint("POST", "/api/notifications/{id}/read", false, Caller.STAFF),
            new Endpoint("POST", "/api/notifications/read-all", false, Caller.STAFF),
            new Endpoint("POST", "/api/announcements", true, Caller.STAFF),
            new Endpoint("GET", "/api/activity", false, Caller.STAFF),
            new Endpoint("GET", "/api/events", false, Caller.STAFF),
            new Endpoint("GET", "/api/version", false, Caller.ANYONE),
            new Endpoint("POST", "/api/iot/scans", true, Caller.DEVICE),
            new Endpoint("POST", "/api/iot/heartbeat", false, Caller.DEVICE),
            new Endpoint("GET", "/api/admin/devices", false, Caller.STAFF),
            new Endpoint("POST", "/api/admin/devices", true, Caller.STAFF),
            new Endpoint("PUT", "/api/admin/devices/{id}", true, Caller.STAFF),
            new Endpoint("POST", "/api/admin/devices/{id}/rotate", false, Caller.STAFF),
            new Endpoint("DELETE", "/api/admin/devices/{id}", false, Caller.STAFF),
            new Endpoint("GET", "/api/admin/staff", false, Caller.STAFF),
            new Endpoint("POST", "/api/admin/staff", true, Caller.STAFF),
            new Endpoint("PUT", "/api/admin/staff/{id}", true, Caller.STAFF),
            new Endpoint("GET", "/api/admin/students", false, Caller.STAFF),
            new Endpoint("GET", "/api/admin/students/{id}", false, Caller.STAFF),
            new Endpoint("POST", "/api/admin/students", true, Caller.STAFF),
            new Endpoint("PUT", "/api/admin/students/{id}", true, Caller.STAFF),
            new Endpoint("DELETE", "/api/admin/students/{id}", false, Caller.STAFF),
            // Its body is CSV, not JSON: StudentImportTests sends it bad files.
            new Endpoint("POST", "/api/admin/students/import", false, Caller.STAFF),
            new Endpoint("GET", "/api/admin/rooms", false, Caller.STAFF),
            new Endpoint("POST", "/api/admin/rooms", true, Caller.STAFF),
            new Endpoint("PUT", "/api/admin/rooms/{id}", true, Caller.STAFF),
            new Endpoint("DELETE", "/api/admin/rooms/{id}", false, Caller.STAFF),
            new Endpoint("GET", "/api/admin/groups", false, Caller.STAFF),
            new Endpoint("POST", "/api/admin/groups", true, Caller.STAFF),
            new Endpoint("PUT", "/api/admin/groups/{id}", true, Caller.STAFF),
            new Endpoint("GET", "/api/admin/groups/{id}/leads", false, Caller.STAFF),
            new Endpoint("PUT", "/api/admin/groups/{id}/leads", true, Caller.STAFF),
            new Endpoint("DELETE", "/api/admin/groups/{id}", false, Caller.STAFF),
            new Endpoint("GET", "/api/admin/scheduled-checkouts", false, Caller.STAFF),
            new Endpoint("POST", "/api/admin/scheduled-checkouts", true, Caller.STAFF),
            new Endpoint("DELETE", "/api/admin/scheduled-checkouts/{id}", false, Caller.STAFF),
            new Endpoint("GET", "/api/admin/audit", false, Caller.STAFF));

    private static final String OVERSIZED = "{\"name\":\"" + "x".repeat(17 * 1024) + "\"}";

    @Test
    void everyEndpointRefusesBadInputWithAProblemAndChangesNothing() {
        TestTenant tenant = tenants.create();
        String activeGroup = startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        String deviceKey = registerDevice(tenant, tenant.bigRoomId());
        String visit = as(tenant, "admin")
                .post(
                        "/api/active/groups/" + activeGroup + "/visits",
                        Map.of("studentId", tenant.studentIds().get(0)))
                .json()
                .get("visitId")
                .asString();
        String adminToken = login(tenant, "admin").accessToken();
        String studentGroup = as(tenant, "admin")
                .post("/api/admin/groups", new GroupRequest("Class 3b"))
                .json()
                .get("id")
                .asString();
        String scheduledCheckout = as(tenant, "admin")
                .post(
                        "/api/admin/scheduled-checkouts",
                        new ScheduledCheckoutRequest(
                                tenant.studentIds().get(3), clock.instant().plus(Duration.ofHours(2))))
                .json()
                .get("id")
                .asString();
        Map<String, String> validIds = Map.of(
                "/api/admin/groups/",
                studentGroup,
                "/api/admin/scheduled-checkouts/",
                scheduledCheckout,
                "/api/active/groups/",
                activeGroup,
                "/api/visits/",
                visit,
                "/api/admin/devices/",
                jdbc.sql("SELECT min(id)::text FROM device WHERE tenant_id = " + tenant.id())
                        .query(String.class)
                        .single(),
                "/api/admin/staff/",
                tenant.sup2Id(),
                "/api/admin/students/",
                tenant.studentIds().get(1),
                "/api/admin/rooms/",
                tenant.smallRoomId(),
                "/api/rooms/",
                tenant.smallRoomId(),
                "/api/groups/",
                studentGroup);

        // Bodies that would be accepted, so that an unknown id is the only thing wrong.
        Map<String, String> validBodies = Map.of(
                "/api/active/groups//supervisors",
                "{\"supervisorIds\":[\"" + tenant.sup1Id() + "\"]}",
                "/api/active/groups//visits",
                "{\"studentId\":\"" + tenant.studentIds().get(2) + "\"}",
                "/api/admin/staff/",
                "{\"username\":\"x\",\"displayName\":\"X\",\"role\":\"SUPERVISOR\"}",
                "/api/admin/students/",
                "{\"firstName\":\"A\",\"lastName\":\"B\",\"schoolClass\":\"1a\",\"rfidTag\":\"T-x\"}",
                "/api/admin/rooms/",
                "{\"name\":\"R\",\"capacity\":3}",
                "/api/admin/groups/",
                "{\"name\":\"G\"}",
                "/api/admin/groups//leads",
                "{\"staffIds\":[\"" + tenant.sup1Id() + "\"]}",
                "/api/admin/devices/",
                "{\"name\":\"D\",\"roomId\":\"" + tenant.bigRoomId() + "\",\"mode\":\"assign\"}");
        String before = snapshot(tenant);
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            String valid = endpoint.path().replace("{id}", validIds.getOrDefault(prefix(endpoint.path()), "1"));
            if (endpoint.caller() == Caller.ANYONE && !endpoint.body()) {
                // Nothing to get wrong but the credentials: a public endpoint ignores none that are bad.
                expect(
                        failures,
                        endpoint,
                        "bad credentials",
                        api().bearer("rw_nope_nope").send(endpoint.method(), valid, null),
                        401);
            }
            if (endpoint.caller() != Caller.ANYONE) {
                expect(failures, endpoint, "no credentials", api().send(endpoint.method(), valid, body(endpoint)), 401);
                expect(
                        failures,
                        endpoint,
                        "bad credentials",
                        api().bearer("rw_nope_nope").send(endpoint.method(), valid, body(endpoint)),
                        401);
            }
            Api caller = switch (endpoint.caller()) {
                case STAFF -> api().bearer(adminToken);
                case DEVICE -> api().bearer(deviceKey).header("Idempotency-Key", "bad-input");
                case ANYONE -> api();
            };
            if (endpoint.path().contains("{id}")) {
                String validId = validIds.getOrDefault(prefix(endpoint.path()), "1");
                // Only the canonical spelling of an id names its row: a leading zero, a sign or non-ASCII digits
                // (here Arabic-Indic, percent-encoded) name nothing.
                String arabicIndic = validId.chars()
                        .mapToObj(digit ->
                                "%D9%" + Integer.toHexString(0xA0 + digit - '0').toUpperCase())
                        .collect(java.util.stream.Collectors.joining());
                for (String unknown : List.of(
                        "999999999",
                        "abc",
                        "-1",
                        "99999999999999999999",
                        "0" + validId,
                        "+" + validId,
                        "%2B" + validId,
                        arabicIndic,
                        validId + "%20")) {
                    expect(
                            failures,
                            endpoint,
                            "unknown id " + unknown,
                            caller.send(
                                    endpoint.method(),
                                    endpoint.path().replace("{id}", unknown),
                                    validBodies.get(prefix(endpoint.path()) + suffix(endpoint.path()))),
                            404);
                }
            }
            if (endpoint.body()) {
                expect(failures, endpoint, "malformed JSON", caller.send(endpoint.method(), valid, "{\"name\":"), 400);
                expect(failures, endpoint, "not an object", caller.send(endpoint.method(), valid, "[1,2]"), 400);
                expect(failures, endpoint, "missing fields", caller.send(endpoint.method(), valid, "{}"), 400);
                expect(failures, endpoint, "wrong types", caller.send(endpoint.method(), valid, wrongTypes()), 400);
                expect(failures, endpoint, "no body", caller.send(endpoint.method(), valid, ""), 400);
                expect(failures, endpoint, "oversized body", caller.send(endpoint.method(), valid, OVERSIZED), 413);
            }
        }
        for (String query : List.of(
                "/api/notifications?limit=abc",
                "/api/notifications?limit=0",
                "/api/notifications?unreadOnly=maybe",
                "/api/activity?limit=-1",
                "/api/activity?before=zzz",
                "/api/events?limit=abc",
                "/api/events?limit=0",
                "/api/events?limit=100000",
                "/api/students?query=" + "a".repeat(101),
                "/api/admin/audit?limit=0",
                "/api/admin/audit?limit=501",
                "/api/admin/audit?limit=abc",
                "/api/admin/audit?before=zzz",
                "/api/admin/audit?before=-1",
                "/api/admin/audit?before=01")) {
            Endpoint endpoint = new Endpoint("GET", query, false, Caller.STAFF);
            expect(failures, endpoint, "bad query", api().bearer(adminToken).get(query), 400);
        }
        // An unreadable cursor is not an error for the stream's polling fallback: like a too old one it answers
        // reset (reload everything), never a silent gap.
        for (String after : List.of("zzz", "1-2-3", "-5", "99999999999999999999999-1")) {
            Api.Response page = api().bearer(adminToken).get("/api/events?after=" + after);
            if (page.status() != 200
                    || !page.json().path("reset").asBoolean(false)
                    || !page.json().path("events").isEmpty()) {
                failures.add("GET /api/events?after=" + after + ": expected an empty reset page, got " + page);
            }
        }
        // Ids inside bodies: only canonical decimal is an id.
        String student = tenant.studentIds().get(4);
        for (String id : List.of("0" + student, "+" + student, " " + student, student + ".0", "1e3")) {
            Endpoint checkIn = new Endpoint("POST", "/api/active/groups/{id}/visits", true, Caller.STAFF);
            expect(
                    failures,
                    checkIn,
                    "studentId " + id,
                    api().bearer(adminToken)
                            .post("/api/active/groups/" + activeGroup + "/visits", Map.of("studentId", id)),
                    400);
        }
        // A scanner's mode is scan or assign, nothing else.
        String device = validIds.get("/api/admin/devices/");
        for (String mode : List.of("\"borrow\"", "\"SCAN \"", "7", "[]", "{}")) {
            Endpoint update = new Endpoint("PUT", "/api/admin/devices/{id}", true, Caller.STAFF);
            expect(
                    failures,
                    update,
                    "mode " + mode,
                    api().bearer(adminToken)
                            .put(
                                    "/api/admin/devices/" + device,
                                    "{\"name\":\"D\",\"roomId\":\"" + tenant.bigRoomId() + "\",\"mode\":" + mode + "}"),
                    400);
        }
        assertThat(failures).isEmpty();
        assertThat(snapshot(tenant)).isEqualTo(before);
    }

    /**
     * What the container and the framework refuse before a controller runs: bad paths, methods, media types, query
     * encodings, headers too large, the JSON body {@code null}, {@code /error} itself. Each refusal is a 4xx problem
     * document, and the kept-alive connection it came on either still answers the next request or was announced
     * closed with {@code Connection: close}.
     */
    @Test
    void whatTheContainerRefusesIsAProblemTooAndTheConnectionStaysUsable() {
        TestTenant tenant = tenants.create();
        String deviceKey = registerDevice(tenant, tenant.bigRoomId());
        String adminToken = login(tenant, "admin").accessToken();
        String before = snapshot(tenant);
        List<String> failures = new ArrayList<>();
        RawHttp[] connection = {new RawHttp(port)};
        try {
            for (Endpoint endpoint : ENDPOINTS) {
                String path = endpoint.path().replace("{id}", "1");
                String[] auth = switch (endpoint.caller()) {
                    case STAFF -> new String[] {"Authorization: Bearer " + adminToken};
                    case DEVICE -> new String[] {"Authorization: Bearer " + deviceKey, "Idempotency-Key: raw"};
                    case ANYONE -> new String[0];
                };
                List<RawCase> cases = new ArrayList<>(List.of(
                        new RawCase("TRACE", path, null, List.of(), 405),
                        new RawCase("BREW", path, null, List.of(), 405),
                        new RawCase(endpoint.method(), path + "%00", null, List.of(), 400),
                        new RawCase(endpoint.method(), path.replaceFirst("/api/", "/api;x=1/"), null, List.of(), 400),
                        new RawCase(endpoint.method(), path.replaceFirst("/api/", "/api%2F"), null, List.of(), 400),
                        new RawCase(
                                endpoint.method(),
                                path.replaceFirst("/api/", "/api/%2e%2e/api/"),
                                null,
                                List.of(),
                                400),
                        new RawCase(endpoint.method(), path + "?query=%FF", null, List.of(), 400),
                        new RawCase(endpoint.method(), path + "?query=%C3%28", null, List.of(), 400),
                        new RawCase(endpoint.method(), path + "?query=%", null, List.of(), 400),
                        new RawCase(endpoint.method(), path, null, List.of("X-Padding: " + "x".repeat(20_000)), 431)));
                if (endpoint.body()) {
                    cases.add(new RawCase(
                            endpoint.method(),
                            path,
                            "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--b--\r\n",
                            List.of("Content-Type: multipart/form-data; boundary=b"),
                            415));
                    cases.add(new RawCase(
                            endpoint.method(),
                            path,
                            "name=x",
                            List.of("Content-Type: application/x-www-form-urlencoded"),
                            415));
                    cases.add(new RawCase(endpoint.method(), path, "{}", List.of("Content-Type: text/plain"), 415));
                    cases.add(new RawCase(
                            endpoint.method(), path, "null", List.of("Content-Type: application/json"), 400));
                }
                for (RawCase bad : cases) {
                    List<String> headers = new ArrayList<>(List.of(auth));
                    headers.addAll(bad.headers());
                    headers.add("Accept: text/html");
                    send(failures, connection, endpoint, bad, headers.toArray(String[]::new));
                }
            }
            for (String method : List.of("GET", "POST", "DELETE")) {
                Endpoint error = new Endpoint(method, "/error", false, Caller.ANYONE);
                send(failures, connection, error, new RawCase(method, "/error", null, List.of(), 404), new String[0]);
                send(failures, connection, error, new RawCase(method, "/error", null, List.of(), 404), new String[] {
                    "Authorization: Bearer " + adminToken
                });
            }
        } finally {
            connection[0].close();
        }
        assertThat(failures).isEmpty();
        assertThat(snapshot(tenant)).isEqualTo(before);
    }

    private record RawCase(String method, String target, String body, List<String> headers, int status) {}

    /**
     * Sends one bad request on the shared connection and checks the answer, then proves the connection still works
     * (or was announced closed, in which case the next case opens a new one).
     */
    private void send(List<String> failures, RawHttp[] connection, Endpoint endpoint, RawCase bad, String[] headers) {
        String what = bad.method() + " " + bad.target() + " " + bad.headers();
        RawHttp.Response answer;
        try {
            answer = connection[0].send(bad.method(), bad.target(), bad.body(), headers);
        } catch (RuntimeException e) {
            failures.add(what + ": the connection failed: " + e);
            connection[0].close();
            connection[0] = new RawHttp(port);
            return;
        }
        String type = answer.header("content-type");
        boolean problem = type != null && type.startsWith("application/problem+json");
        String detail = problem ? answer.json().path("detail").asString("") : "";
        if (answer.status() != bad.status() || !problem || detail.isBlank()) {
            failures.add(what + ": expected " + bad.status() + " problem, got " + answer);
        }
        if (answer.closesConnection()) {
            connection[0].close();
            connection[0] = new RawHttp(port);
            return;
        }
        try {
            RawHttp.Response next = connection[0].send("GET", "/api/version", null);
            if (next.status() != 200) {
                failures.add(what + ": the next request on the connection got " + next);
            }
        } catch (RuntimeException e) {
            failures.add(what + ": the connection was closed without 'Connection: close': " + e);
            connection[0].close();
            connection[0] = new RawHttp(port);
        }
    }

    private static String body(Endpoint endpoint) {
        return endpoint.body() ? "{}" : null;
    }

    private static String wrongTypes() {
        return """
                {"name":{"a":1},"roomId":[1],"capacity":"many","supervisorIds":"all","studentId":{"x":1},
                 "rfidTag":[true],"priority":"loud","title":[],"body":{},"tenant":[],"username":{},"password":7,
                 "refreshToken":[],"role":"KING","dueAt":"tomorrow","firstName":[],"lastName":{},"schoolClass":[],
                 "birthday":"yesterday","action":"dance","scannedAt":"noon","displayName":[],"staffIds":"all"}
                """;
    }

    private static String suffix(String path) {
        int id = path.indexOf("{id}");
        return id < 0 ? "" : path.substring(id + 4);
    }

    private static String prefix(String path) {
        int id = path.indexOf("{id}");
        return id < 0 ? path : path.substring(0, id);
    }

    private static void expect(
            List<String> failures, Endpoint endpoint, String what, Api.Response response, int status) {
        String type = response.header("Content-Type");
        boolean problem = type != null && type.startsWith("application/problem+json");
        String detail = problem ? response.json().path("detail").asString("") : "";
        if (response.status() != status || !problem || detail.isBlank()) {
            failures.add(endpoint.method() + " " + endpoint.path() + " with " + what + ": expected " + status
                    + " problem, got " + response.status() + " " + type + " " + response.body());
        }
    }

    /** Every row of the tenant that a bad request could have changed. */
    private String snapshot(TestTenant tenant) {
        StringBuilder all = new StringBuilder();
        for (String table : List.of(
                "event",
                "visit",
                "active_group",
                "active_group_supervisor",
                "staff",
                "student",
                "room",
                "student_group",
                "device",
                "scan_request",
                "scheduled_checkout",
                "notification",
                "audit_entry")) {
            all.append(table)
                    .append(jdbc.sql("SELECT coalesce(string_agg(t::text, '|' ORDER BY t::text), '') FROM " + table
                                    + " t WHERE tenant_id = :tenant")
                            .param("tenant", tenant.id())
                            .query(String.class)
                            .single());
        }
        return all.toString();
    }
}
