package app.roomwatch.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.admin.GroupRequest;
import app.roomwatch.model.api.admin.ScheduledCheckoutRequest;
import app.roomwatch.server.testing.Api;
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
                tenant.smallRoomId());

        List<Endpoint> endpoints = List.of(
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
                new Endpoint("POST", "/api/admin/devices/{id}/rotate", false, Caller.STAFF),
                new Endpoint("DELETE", "/api/admin/devices/{id}", false, Caller.STAFF),
                new Endpoint("GET", "/api/admin/staff", false, Caller.STAFF),
                new Endpoint("POST", "/api/admin/staff", true, Caller.STAFF),
                new Endpoint("PUT", "/api/admin/staff/{id}", true, Caller.STAFF),
                new Endpoint("GET", "/api/admin/students", false, Caller.STAFF),
                new Endpoint("GET", "/api/admin/students/{id}", false, Caller.STAFF),
                new Endpoint("POST", "/api/admin/students", true, Caller.STAFF),
                new Endpoint("PUT", "/api/admin/students/{id}", true, Caller.STAFF),
                new Endpoint("GET", "/api/admin/rooms", false, Caller.STAFF),
                new Endpoint("POST", "/api/admin/rooms", true, Caller.STAFF),
                new Endpoint("PUT", "/api/admin/rooms/{id}", true, Caller.STAFF),
                new Endpoint("GET", "/api/admin/groups", false, Caller.STAFF),
                new Endpoint("POST", "/api/admin/groups", true, Caller.STAFF),
                new Endpoint("PUT", "/api/admin/groups/{id}", true, Caller.STAFF),
                new Endpoint("GET", "/api/admin/scheduled-checkouts", false, Caller.STAFF),
                new Endpoint("POST", "/api/admin/scheduled-checkouts", true, Caller.STAFF),
                new Endpoint("DELETE", "/api/admin/scheduled-checkouts/{id}", false, Caller.STAFF));

        // Bodies that would be accepted, so that an unknown id is the only thing wrong.
        Map<String, String> validBodies = Map.of(
                "/api/active/groups//supervisors", "{\"supervisorIds\":[\"" + tenant.sup1Id() + "\"]}",
                "/api/active/groups//visits",
                        "{\"studentId\":\"" + tenant.studentIds().get(2) + "\"}",
                "/api/admin/staff/", "{\"username\":\"x\",\"displayName\":\"X\",\"role\":\"SUPERVISOR\"}",
                "/api/admin/students/",
                        "{\"firstName\":\"A\",\"lastName\":\"B\",\"schoolClass\":\"1a\",\"rfidTag\":\"T-x\"}",
                "/api/admin/rooms/", "{\"name\":\"R\",\"capacity\":3}",
                "/api/admin/groups/", "{\"name\":\"G\"}");
        String before = snapshot(tenant);
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
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
                for (String unknown : List.of("999999999", "abc", "-1", "99999999999999999999")) {
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
                "/api/students?query=" + "a".repeat(101))) {
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
        assertThat(failures).isEmpty();
        assertThat(snapshot(tenant)).isEqualTo(before);
    }

    private static String body(Endpoint endpoint) {
        return endpoint.body() ? "{}" : null;
    }

    private static String wrongTypes() {
        return """
                {"name":{"a":1},"roomId":[1],"capacity":"many","supervisorIds":"all","studentId":{"x":1},
                 "rfidTag":[true],"priority":"loud","title":[],"body":{},"tenant":[],"username":{},"password":7,
                 "refreshToken":[],"role":"KING","dueAt":"tomorrow","firstName":[],"lastName":{},"schoolClass":[],
                 "birthday":"yesterday","action":"dance","scannedAt":"noon","displayName":[]}
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
                "notification")) {
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
