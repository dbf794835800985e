package app.roomwatch.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document the running server publishes agrees with docs/api.md: every call the page's tables list is in
 * the document and every call in the document is in a table, and the scanners' two calls are fully described.
 */
class OpenApiTests extends ServerTest {

    /** A method and path in backticks, e.g. {@code `GET /api/students?query=`}: the query is not part of the path. */
    private static final Pattern CALL = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/[^`?\\s]*)[^`]*`");

    private static final Path API_MD = Path.of("..", "docs", "api.md");

    @Test
    void theDocumentListsExactlyTheCallsOfTheApiPagesTables() throws IOException {
        Api.Response answer = api().get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);

        Set<String> documented = new TreeSet<>();
        answer.json()
                .get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation -> documented.add(operation.getKey().toUpperCase() + " " + path.getKey())));
        Set<String> tabled = callsInTables(Files.readAllLines(API_MD));

        assertThat(tabled).as("calls in docs/api.md's tables").isNotEmpty();
        assertThat(documented)
                .as("operations of /v3/api-docs missing from docs/api.md's tables")
                .isSubsetOf(tabled);
        assertThat(tabled)
                .as("calls of docs/api.md's tables missing from /v3/api-docs")
                .isSubsetOf(documented);
    }

    @Test
    void theScannersCallsAreFullyDescribed() {
        JsonNode document = api().get("/v3/api-docs").json();
        JsonNode scan = document.path("paths").path("/api/iot/scans").path("post");
        JsonNode heartbeat = document.path("paths").path("/api/iot/heartbeat").path("post");

        assertThat(headerNames(scan)).contains("Authorization", "Idempotency-Key");
        assertThat(headerNames(heartbeat)).contains("Authorization");
        for (JsonNode operation : List.of(scan, heartbeat)) {
            assertThat(operation.path("security").toString()).contains("deviceKey");
            operation
                    .path("parameters")
                    .forEach(parameter -> assertThat(
                                    parameter.path("description").asString(""))
                            .isNotBlank());
        }
        assertThat(scan.path("requestBody").path("required").asBoolean()).isTrue();
        assertThat(scan.path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asString(""))
                .endsWith("/ScanRequest");
        assertThat(scan.path("responses").path("200").path("content").toString())
                .contains("ScanResult");
        assertThat(scan.path("responses").propertyNames())
                .contains("200", "400", "401", "404", "409", "413", "422", "429", "500");
        assertThat(heartbeat.path("responses").propertyNames()).contains("204", "401", "429");
        for (JsonNode operation : List.of(scan, heartbeat)) {
            operation
                    .path("responses")
                    .properties()
                    .forEach(response -> assertThat(
                                    response.getValue().path("description").asString(""))
                            .as("meaning of %s", response.getKey())
                            .isNotBlank());
            operation.path("responses").properties().stream()
                    .filter(response -> response.getKey().charAt(0) >= '4')
                    .forEach(response -> assertThat(response.getValue()
                                    .path("content")
                                    .path("application/problem+json")
                                    .path("schema")
                                    .toString())
                            .as("body of %s", response.getKey())
                            .contains("ProblemDetail"));
        }
        assertThat(document.path("components")
                        .path("schemas")
                        .path("ProblemDetail")
                        .path("properties")
                        .propertyNames())
                .contains("type", "title", "status", "detail");
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.path("ScanRequest").path("properties").propertyNames())
                .contains("rfidTag", "action", "scannedAt");
        assertThat(schemas.path("ScanResult").path("properties").path("result").toString())
                .contains("checked_in", "checked_out", "moved", "tag_read");
    }

    @Test
    void anyoneMayReadTheDocument() {
        assertThat(api().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(api().bearer("not-a-token").get("/v3/api-docs").status()).isIn(200, 401);
    }

    private static Set<String> minus(Set<String> all, Set<String> removed) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(removed);
        return rest;
    }

    private static Set<String> headerNames(JsonNode operation) {
        Set<String> names = new TreeSet<>();
        operation.path("parameters").forEach(parameter -> {
            if (parameter.path("in").asString("").equals("header")) {
                names.add(parameter.path("name").asString());
            }
        });
        return names;
    }

    /** Every method and path in backticks on a table row of the page (a line that starts with {@code |}). */
    static Set<String> callsInTables(List<String> lines) {
        Set<String> calls = new TreeSet<>();
        for (String line : lines) {
            if (!line.startsWith("|")) {
                continue;
            }
            Matcher call = CALL.matcher(line);
            while (call.find()) {
                calls.add(call.group(1) + " " + call.group(2));
            }
        }
        return calls;
    }
}
