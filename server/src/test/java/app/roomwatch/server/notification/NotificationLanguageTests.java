package app.roomwatch.server.notification;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.RefreshRequest;
import app.roomwatch.model.api.TokenResponse;
import app.roomwatch.server.testing.LoggedEvent;
import app.roomwatch.server.testing.ServerTest;
import app.roomwatch.server.testing.TestTenants;
import app.roomwatch.server.testing.TestTenants.TestTenant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notifications the server raises itself reach each recipient in the language their console signed in with. */
class NotificationLanguageTests extends ServerTest {

    @Test
    void eachRecipientReadsANotificationTheServerRaisedInTheLanguageTheySignedInWith() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Malen", tenant.bigRoomId(), tenant.sup1Id(), tenant.sup2Id());
        TokenResponse german = signIn(tenant, "sup1", "de-DE,de;q=0.9,en;q=0.5");
        TokenResponse english = signIn(tenant, "sup2", "en-GB");

        scan(registerDevice(tenant, tenant.bigRoomId()), "no-such-tag");

        var inGerman = api().bearer(german.accessToken())
                .get("/api/notifications")
                .json()
                .get(0);
        assertThat(inGerman.get("title").asString()).isEqualTo("Unbekannter Chip in Big");
        assertThat(inGerman.get("body").asString())
                .startsWith("Der Scanner \u201e")
                .contains("der zu keinem Kind geh\u00f6rt");
        var inEnglish = api().bearer(english.accessToken())
                .get("/api/notifications")
                .json()
                .get(0);
        assertThat(inEnglish.get("title").asString()).isEqualTo("Unknown tag at Big");
        // The toast shows what the event carries: the same words.
        List<LoggedEvent> raised = events(tenant.id(), "notification_new");
        assertThat(raised)
                .filteredOn(event -> event.topic().equals("staff:" + tenant.sup1Id()))
                .singleElement()
                .satisfies(event -> assertThat(event.field("title")).isEqualTo("Unbekannter Chip in Big"));
    }

    @Test
    void aConsoleThatRenewsItsSignInInAnotherLanguageGetsTheNextNotificationInIt() {
        TestTenant tenant = tenants.create();
        startActivity(tenant, "Painting", tenant.bigRoomId(), tenant.sup1Id());
        TokenResponse first = signIn(tenant, "sup1", "de");
        String door = registerDevice(tenant, tenant.bigRoomId());
        scan(door, "no-such-tag");

        var renewed = api().header("Accept-Language", "en")
                .post("/api/auth/refresh", new RefreshRequest(first.refreshToken()));
        assertThat(renewed.status()).isEqualTo(200);
        scan(door, "another-unknown-tag");

        var listed = api().bearer(renewed.as(TokenResponse.class).accessToken())
                .get("/api/notifications")
                .json();
        assertThat(listed.get(0).get("title").asString()).isEqualTo("Unknown tag at Big");
        // What was written before stays as it was written.
        assertThat(listed.get(1).get("title").asString()).isEqualTo("Unbekannter Chip in Big");
    }

    private TokenResponse signIn(TestTenant tenant, String username, String acceptLanguage) {
        var response = api().header("Accept-Language", acceptLanguage)
                .post("/api/auth/login", new LoginRequest(tenant.slug(), username, TestTenants.PASSWORD));
        assertThat(response.status()).isEqualTo(200);
        return response.as(TokenResponse.class);
    }
}
