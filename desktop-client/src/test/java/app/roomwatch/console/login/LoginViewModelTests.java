package app.roomwatch.console.login;

import static org.assertj.core.api.Assertions.assertThat;

import app.roomwatch.console.api.ServerApi;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.settings.UserChoices;
import app.roomwatch.console.theme.Theme;
import app.roomwatch.model.api.LoginRequest;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginViewModelTests {

    private static final String PRESET = "https://roomwatch.school.example";

    private final List<String> signedIn = new ArrayList<>();
    private final List<String> calledWith = new ArrayList<>();
    private final LoginViewModel<String> model = new LoginViewModel<>(
            (url, tenant, user, password) -> {
                calledWith.add(url + " " + tenant + " " + user + " " + password);
                return user;
            },
            TaskExecutor.sameThread(),
            Messages.of("en"),
            signedIn::add);

    private static UserChoices remembered(String userName, String tenant) {
        return new UserChoices(Theme.LIGHT, "en", true, userName, tenant);
    }

    @Test
    void theFormOffersTheConfiguredServerAndTheLastSignInsSchoolAndUserName() {
        model.prefill(PRESET, "", "", remembered("anna", "demo"));

        assertThat(model.serverUrlProperty().get()).isEqualTo(PRESET);
        assertThat(model.tenantProperty().get()).isEqualTo("demo");
        assertThat(model.userNameProperty().get()).isEqualTo("anna");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.completeProperty().get()).isFalse();
    }

    @Test
    void aSchoolAndUserNameGivenAtStartWinOverTheRememberedOnes() {
        model.prefill(PRESET, "other-school", "ben", remembered("anna", "demo"));

        assertThat(model.tenantProperty().get()).isEqualTo("other-school");
        assertThat(model.userNameProperty().get()).isEqualTo("ben");
    }

    @Test
    void signingInSendsTheTypedFieldsAndForgetsThePassword() {
        model.prefill(PRESET + "/", "", "", remembered("anna", "demo"));
        model.passwordProperty().set("secret");

        model.signIn();

        assertThat(calledWith).containsExactly(PRESET + "/ demo anna secret");
        assertThat(signedIn).containsExactly("anna");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.errorProperty().get()).isEmpty();
        // The configured address, even written with a trailing slash, is nothing of the user's own to keep.
        assertThat(model.serverUrlToRemember()).isEmpty();
    }

    @Test
    void aServerAddressTypedOverThePresetIsTheOneToRemember() {
        model.prefill(PRESET, "", "", remembered("anna", "demo"));
        model.serverUrlProperty().set("  https://roomwatch-test.school.example/ ");

        assertThat(model.serverUrlToRemember()).isEqualTo("https://roomwatch-test.school.example");
    }

    @Test
    void anIncompleteFormSaysWhatIsMissingAndSendsNothing() {
        model.prefill(PRESET, "", "", remembered("", ""));

        model.signIn();

        assertThat(calledWith).isEmpty();
        assertThat(model.errorProperty().get()).isEqualTo("Enter your school or provider.");
        assertThat(model.wrongFieldProperty().get()).isEqualTo(LoginViewModel.Field.TENANT);
    }

    @Test
    void signingInSaysSoUntilTheServerAnswers() {
        var background = new app.roomwatch.console.refresh.QueuedExecutor();
        LoginViewModel<String> slow = new LoginViewModel<>(
                (url, tenant, user, password) -> user,
                TaskExecutor.of(background, Runnable::run),
                Messages.of("de"),
                signedIn::add);
        slow.prefill(PRESET, "demo", "anna", remembered("", ""));
        slow.passwordProperty().set("demo");

        slow.signIn();

        assertThat(slow.busyProperty().get()).isTrue();
        assertThat(slow.progressProperty().get()).isEqualTo("Anmeldung l\u00e4uft\u2026");
        background.runAll();
        assertThat(slow.busyProperty().get()).isFalse();
        assertThat(slow.progressProperty().get()).isEmpty();
        assertThat(signedIn).containsExactly("anna");
    }

    @Test
    void aServerAddressThatIsNotAWebAddressPointsAtTheServerField() {
        LoginViewModel<StaffSession> real = realSignIn();
        real.prefill("localhost:8080", "demo", "anna", remembered("", ""));
        real.passwordProperty().set("demo");

        real.signIn();

        assertThat(real.errorProperty().get())
                .isEqualTo("The server address is not a web address. Enter it as your admin gave it, like"
                        + " https://roomwatch.school.example.");
        assertThat(real.wrongFieldProperty().get()).isEqualTo(LoginViewModel.Field.SERVER);
    }

    @Test
    void aServerThatCannotBeReachedPointsAtTheServerField() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        LoginViewModel<StaffSession> real = realSignIn();
        real.prefill("http://127.0.0.1:" + closedPort, "demo", "anna", remembered("", ""));
        real.passwordProperty().set("demo");

        real.signIn();

        assertThat(real.errorProperty().get())
                .isEqualTo("The server cannot be reached at this address. Check the server address and the network,"
                        + " then try again.");
        assertThat(real.wrongFieldProperty().get()).isEqualTo(LoginViewModel.Field.SERVER);
    }

    private LoginViewModel<StaffSession> realSignIn() {
        return new LoginViewModel<>(
                (url, tenant, user, password) ->
                        StaffSession.login(ServerApi.at(url), new LoginRequest(tenant, user, password)),
                TaskExecutor.sameThread(),
                Messages.of("en"),
                session -> {
                    throw new AssertionError("signed in although it could not");
                });
    }

    @Test
    void aRefusedSignInSaysInWordsWhatIsWrongPointsAtThePasswordAndLeavesTheFormUsable() throws Exception {
        // A server that refuses every sign-in the way Roomwatch does: 401 with a problem document.
        HttpServer refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        refusing.createContext("/", exchange -> {
            byte[] body = """
                    {"type":"about:blank","title":"Unauthorized","status":401,\
                    "detail":"Wrong user name or password"}""".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refusing.start();
        try {
            LoginViewModel<StaffSession> real = new LoginViewModel<>(
                    (url, tenant, user, password) ->
                            StaffSession.login(ServerApi.at(url), new LoginRequest(tenant, user, password)),
                    TaskExecutor.sameThread(),
                    Messages.of("en"),
                    session -> {
                        throw new AssertionError("signed in although the server refused");
                    });
            real.prefill("http://127.0.0.1:" + refusing.getAddress().getPort(), "", "", remembered("anna", "demo"));
            real.passwordProperty().set("wrong");

            real.signIn();

            assertThat(real.errorProperty().get())
                    .isEqualTo("School, user name or password is wrong. Check them and enter the password again.");
            assertThat(real.wrongFieldProperty().get()).isEqualTo(LoginViewModel.Field.PASSWORD);
            assertThat(real.busyProperty().get()).isFalse();
            assertThat(real.passwordProperty().get()).isEmpty();
            assertThat(real.userNameProperty().get()).isEqualTo("anna");
        } finally {
            refusing.stop(0);
        }
    }
}
