package app.roomwatch.server.student;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.admin.GroupRequest;
import app.roomwatch.model.api.admin.ImportPreview;
import app.roomwatch.model.api.admin.ImportRefusal;
import app.roomwatch.model.api.admin.ImportRow;
import app.roomwatch.server.testing.Api;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A school's CSV file of children: previewed without writing, then applied in one transaction. */
class StudentImportTests extends ServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Answer(int status, String body) {
        ImportPreview preview() {
            return JSON.readValue(body, ImportPreview.class);
        }
    }

    @Test
    void aPreviewShowsAddedChangedAndRefusedRowsAndWritesNothing() {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        admin.post("/api/admin/groups", new GroupRequest("Owls"));
        // The tenant's children are Mia Klein, Noah Berg, Lea Wolf, Ben Roth, Ida Sand, all in 3b.
        String csv = "\uFEFFVorname;Nachname;Klasse;RFID;Gruppe\r\n"
                + "Tom;Lindner;2a;NEW-1;owls\r\n" // line 2: added, group matched whatever its case
                + "mia;klein;3B;;\r\n" // line 3: Mia, names in other case: changed
                + "Noah;Berg;3b;" + tenant.rfidTags().get(1) + ";\r\n" // line 4: Noah as he is: not listed
                + "Lea;Wolf;3b;NEW-2;Owls\r\n" // line 5: Lea gets a tag and a group: changed
                + ";Nobody;1a;;\r\n" // line 6: no first name
                + "Eva;Stern;1a;;Falcons\r\n" // line 7: unknown group
                + "Max;Ober;1a;" + tenant.rfidTags().get(3) + ";\r\n" // line 8: Ben's tag
                + "Ann;Eck;1a;TWICE;\r\n" // line 9: a tag twice in the file
                + "Udo;Fink;1a;twice;\r\n" // line 10: tags differ in case: a different tag
                + "Kai;Hahn;1a;TWICE;\r\n" // line 11
                + "\"Lu;cy\";\"Mo\"\"on\";1a;;\r\n" // line 12: quoted separator and quote: added
                + "Zoe;" + "x".repeat(201) + ";1a;;\r\n" // line 13: too long
                + "Bad;\"Quote;1a;;\r\n"; // line 14: an unclosed quote, to the end of the file
        String before = students(tenant);
        long auditBefore = auditCount(tenant);

        Answer answer = importCsv(tenant, csv, true, "en");
        assertThat(answer.status()).isEqualTo(200);
        ImportPreview preview = answer.preview();
        assertThat(preview.applied()).isFalse();
        assertThat(preview.added()).extracting(ImportRow::line).containsExactly(2, 10, 12);
        assertThat(preview.added().get(2).firstName()).isEqualTo("Lu;cy");
        assertThat(preview.added().get(2).lastName()).isEqualTo("Mo\"on");
        assertThat(preview.added().getFirst().groupName()).isEqualTo("owls");
        assertThat(preview.changed()).extracting(ImportRow::line).containsExactly(3, 5);
        assertThat(preview.changed().getFirst().studentId())
                .isEqualTo(tenant.studentIds().getFirst());
        assertThat(preview.changed().getFirst().changedFields())
                .containsExactly("firstName", "lastName", "schoolClass");
        assertThat(preview.changed().get(1).changedFields()).containsExactly("rfidTag", "groupId");
        assertThat(preview.refused()).extracting(ImportRefusal::line).containsExactly(6, 7, 8, 9, 11, 13, 14);
        assertThat(preview.refused().get(1).reason()).isEqualTo("Line 7: the group \"Falcons\" does not exist.");
        assertThat(preview.refused().get(2).reason()).isEqualTo("Line 8: Ben R. already has this tag.");
        assertThat(preview.refused())
                .allSatisfy(refusal -> assertThat(refusal.reason())
                        .startsWith("Line " + refusal.line() + ":")
                        .endsWith("."));
        assertThat(students(tenant)).as("a dry run writes nothing").isEqualTo(before);
        assertThat(auditCount(tenant)).isEqualTo(auditBefore);

        ImportPreview german = importCsv(tenant, csv, true, "de-DE,de;q=0.9").preview();
        assertThat(german.refused().get(1).reason())
                .isEqualTo("Zeile 7: Die Gruppe \u201eFalcons\u201c gibt es nicht.");
    }

    @Test
    void applyingWritesEveryAddedAndChangedRowAtOnceAndSkipsTheRefused() {
        TestTenant tenant = tenants.create();
        Api admin = as(tenant, "admin");
        String owls = admin.post("/api/admin/groups", new GroupRequest("Owls"))
                .json()
                .get("id")
                .asString();
        String csv = "first name,last name,class,tag,group\n"
                + "Tom,Lindner,2a,NEW-1,Owls\n"
                + "Lea,Wolf,3b,NEW-2,\n"
                + "Eva,Stern,1a,,Falcons\n"
                + "Ida,Sand,3b,,\n"; // as she is: left alone

        Answer answer = importCsv(tenant, csv, false, "en");
        assertThat(answer.status()).isEqualTo(200);
        ImportPreview applied = answer.preview();
        assertThat(applied.applied()).isTrue();
        assertThat(applied.added()).extracting(ImportRow::firstName).containsExactly("Tom");
        assertThat(applied.changed()).extracting(ImportRow::firstName).containsExactly("Lea");
        assertThat(applied.refused()).extracting(ImportRefusal::line).containsExactly(4);

        String tom = jdbc.sql("SELECT id::text FROM student WHERE tenant_id = :t AND first_name = 'Tom'")
                .param("t", tenant.id())
                .query(String.class)
                .single();
        assertThat(admin.get("/api/admin/students/" + tom).json().get("groupId").asString())
                .isEqualTo(owls);
        assertThat(admin.get("/api/admin/students/" + tenant.studentIds().get(2))
                        .json()
                        .get("rfidTag")
                        .asString())
                .isEqualTo("NEW-2");
        assertThat(jdbc.sql("SELECT count(*) FROM student WHERE tenant_id = :t AND first_name = 'Eva'")
                        .param("t", tenant.id())
                        .query(Long.class)
                        .single())
                .isZero();
        List<String> audit =
                jdbc.sql("""
                        SELECT action || ' ' || details::text FROM audit_entry
                        WHERE tenant_id = :t AND target_type = 'student'
                        """).param("t", tenant.id()).query(String.class).list();
        assertThat(audit)
                .singleElement()
                .satisfies(entry -> assertThat(entry)
                        .startsWith("students.imported")
                        .contains("\"added\": \"1\"", "\"changed\": \"1\"", "\"refused\": \"1\""));

        // The same file again: the two children are there now, so nothing is added or changed.
        ImportPreview again = importCsv(tenant, csv, true, "en").preview();
        assertThat(again.added()).isEmpty();
        assertThat(again.changed()).isEmpty();
    }

    @Test
    void anApplyThatFailsPartWayWritesNothing() {
        TestTenant tenant = tenants.create();
        // A tag another child gets between the preview's read and the write is still refused by the database:
        // the first row's insert must roll back with it. A trigger makes the second insert fail, as a concurrent
        // change would.
        String csv = "first name,last name,class,tag\nTom,Lindner,2a,T-1\nUdo,Fink,2a,T-2\n";
        jdbc.sql("""
                        CREATE OR REPLACE FUNCTION refuse_udo() RETURNS trigger AS $$
                        BEGIN
                            IF NEW.first_name = 'Udo' AND NEW.tenant_id = %d THEN
                                RAISE unique_violation USING MESSAGE = 'taken meanwhile';
                            END IF;
                            RETURN NEW;
                        END $$ LANGUAGE plpgsql
                        """.formatted(tenant.id())).update();
        jdbc.sql("CREATE TRIGGER refuse_udo BEFORE INSERT ON student FOR EACH ROW EXECUTE FUNCTION refuse_udo()")
                .update();
        try {
            String before = students(tenant);
            Answer answer = importCsv(tenant, csv, false, "en");
            assertThat(answer.status()).isEqualTo(409);
            assertThat(students(tenant)).isEqualTo(before);
            assertThat(auditCount(tenant)).isZero();
        } finally {
            jdbc.sql("DROP TRIGGER refuse_udo ON student").update();
            jdbc.sql("DROP FUNCTION refuse_udo()").update();
        }
    }

    @Test
    void aFileThatIsNotAListOfChildrenIsABadRequest() {
        TestTenant tenant = tenants.create();
        Answer noNames = importCsv(tenant, "class,tag\n2a,T\n", true, "en");
        assertThat(noNames.status()).isEqualTo(400);
        assertThat(noNames.body()).contains("first name", "last name", "class, tag");
        assertThat(importCsv(tenant, "", true, "en").status()).isEqualTo(400);
        assertThat(importCsv(tenant, "Vorname;Nachname\n", true, "de").status()).isEqualTo(200);
        Answer latin1 = send(
                tenant,
                "first name,last name\nJ\u00fcrgen,M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1),
                "text/csv",
                "/api/admin/students/import?dryRun=true",
                "de");
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.body()).contains("UTF-8");
        assertThat(send(tenant, "first name,last name\n".getBytes(), "application/json", null, "en")
                        .status())
                .isEqualTo(415);
        assertThat(send(
                                tenant,
                                "first name,last name\n".getBytes(),
                                "text/csv",
                                "/api/admin/students/import?dryRun=x",
                                "en")
                        .status())
                .isEqualTo(400);
        byte[] huge = ("first name,last name\n" + "Ann,Eck\n".repeat(140_000)).getBytes();
        assertThat(huge.length).isGreaterThan(1024 * 1024);
        assertThat(send(tenant, huge, "text/csv", null, "en").status()).isEqualTo(413);
        byte[] large = ("first name,last name\n" + "Ann,Eck\n".repeat(2_500)).getBytes();
        assertThat(large.length).isGreaterThan(16 * 1024);
        assertThat(send(tenant, large, "text/csv", null, "en").status())
                .as("a file over the usual 16 KB is fine")
                .isEqualTo(200);
        assertThat(as(tenant, "sup1")
                        .post("/api/admin/students/import?dryRun=true", "{}")
                        .status())
                .isEqualTo(403);
    }

    private Answer importCsv(TestTenant tenant, String csv, boolean dryRun, String language) {
        return send(
                tenant,
                csv.getBytes(StandardCharsets.UTF_8),
                "text/csv",
                "/api/admin/students/import?dryRun=" + dryRun,
                language);
    }

    private Answer send(TestTenant tenant, byte[] body, String type, String path, String language) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + (path == null ? "/api/admin/students/import?dryRun=true" : path)))
                .header("Authorization", "Bearer " + login(tenant, "admin").accessToken())
                .header("Content-Type", type)
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String students(TestTenant tenant) {
        return jdbc.sql("""
                        SELECT string_agg(concat_ws('|', id, first_name, last_name, school_class, rfid_tag, group_id),
                                          ',' ORDER BY id)
                        FROM student WHERE tenant_id = :t
                        """).param("t", tenant.id()).query(String.class).single();
    }

    private long auditCount(TestTenant tenant) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE tenant_id = :t")
                .param("t", tenant.id())
                .query(Long.class)
                .single();
    }
}
