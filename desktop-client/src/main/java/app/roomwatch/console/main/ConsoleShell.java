package app.roomwatch.console.main;

import app.roomwatch.console.admin.AdminViewModel;
import app.roomwatch.console.api.ServerApi;
import app.roomwatch.console.api.StaffSession;
import app.roomwatch.console.feed.FeedViewModel;
import app.roomwatch.console.fx.UiThread;
import app.roomwatch.console.groups.GroupsViewModel;
import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.login.LoginView;
import app.roomwatch.console.login.LoginViewModel;
import app.roomwatch.console.login.TokenVault;
import app.roomwatch.console.notifications.NotificationsViewModel;
import app.roomwatch.console.notifications.ToastAndSound;
import app.roomwatch.console.realtime.ConnectionState;
import app.roomwatch.console.realtime.FxRealtimeClient;
import app.roomwatch.console.realtime.RealtimeClient;
import app.roomwatch.console.realtime.Subscription;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.rooms.RoomsViewModel;
import app.roomwatch.console.roster.RosterViewModel;
import app.roomwatch.console.settings.SettingsDialog;
import app.roomwatch.console.settings.SettingsViewModel;
import app.roomwatch.console.settings.UserChoices;
import app.roomwatch.console.sound.SoundPlayer;
import app.roomwatch.console.status.ConnectionSnapshot;
import app.roomwatch.console.status.StatusViewModel;
import app.roomwatch.console.theme.Theme;
import app.roomwatch.console.time.Scheduler;
import app.roomwatch.console.time.SystemScheduler;
import app.roomwatch.console.toast.ToastViewModel;
import app.roomwatch.console.whereis.WhereIsViewModel;
import app.roomwatch.model.api.LoginRequest;
import app.roomwatch.model.api.Person;
import app.roomwatch.model.api.StaffRole;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The console's window from sign-in to sign-out: shows the login form, and once signed in builds the views, their
 * view-models and the realtime client that drives them; signing out tears all of it down again.
 */
public final class ConsoleShell {

    private final Stage stage;
    private final ConsoleStartup startup;
    private final UiThread ui;
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("roomwatch-console-call-", 0).factory());
    /** The one task executor every view-model is given: calls on {@link #background}, answers on the UI thread. */
    private final TaskExecutor tasks;

    private final SystemScheduler timer = new SystemScheduler("roomwatch-console-timer");
    /** The timer, with each task run on the UI thread: view-models never see the timer thread. */
    private final Scheduler scheduler;

    private final BorderPane root = new BorderPane();
    private final Label notice = new Label();
    private final SettingsViewModel settings;
    private final List<Subscription> subscriptions = new ArrayList<>();

    private Messages messages;
    // Read by the HTTP client's threads for Accept-Language; follows the settings at once.
    private volatile String spokenLanguage;
    // The user name of the sign-in in flight; the session knows the staff member's id and name, not what was typed.
    private volatile String signingInAs = "";
    private boolean mayResume = true;
    private boolean mayUseStartupPassword = true;
    // The form on screen: after a sign-in it tells whether the user typed a server address of their own.
    private LoginViewModel<StaffSession> login;
    private StaffSession session;
    private String sessionKey = "";
    private FxRealtimeClient realtime;
    private MainViewModel main;
    private MainView mainView;

    public ConsoleShell(Stage stage, ConsoleStartup startup) {
        this.stage = stage;
        this.startup = startup;
        this.ui = UiThread.fx();
        this.scheduler = timer.on(ui);
        this.tasks = TaskExecutor.of(background, ui);
        this.settings = new SettingsViewModel(startup.choices(), startup.saveChoices());
        this.messages = Messages.of(startup.choices().language());
        this.spokenLanguage = messages.locale().getLanguage();
        settings.themeProperty().addListener((obs, was, now) -> now.apply());
        settings.languageProperty().addListener((obs, was, now) -> switchLanguage(now));
    }

    /**
     * Shows the console in another language at once: the signed-in window is built again around the same session
     * (the realtime client resumes from its cursor), or the sign-in form is shown again.
     */
    private void switchLanguage(String language) {
        messages = Messages.of(language);
        spokenLanguage = messages.locale().getLanguage();
        if (stage.getScene() == null) {
            return;
        }
        StaffSession current = session;
        if (current != null && main != null) {
            // The server writes the notifications it raises in the language of the last sign-in or renewal.
            background.execute(() -> {
                try {
                    current.renew();
                } catch (Exception e) {
                    // The next renewal tells the server; until then its notifications keep the old language.
                }
            });
            stopSession();
            signedIn(current);
        } else if (current == null) {
            showLogin();
        }
    }

    /** Shows the window: signed in at once when the startup carries a password (the demo), else the login form. */
    public void start() {
        settings.themeProperty().get().apply();
        notice.setId("console-notice");
        notice.getStyleClass().add("rw-banner");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setVisible(false);
        root.setTop(notice);
        Scene scene = new Scene(root, 1200, 760);
        Theme.style(scene);
        stage.setScene(scene);
        stage.setMinWidth(820);
        stage.setMinHeight(560);
        // A staff-room desktop shows the console and little else: use the whole screen.
        stage.setMaximized(true);
        showLogin();
        stage.setOnHidden(e -> close());
        stage.show();
    }

    /** A line above everything, e.g. "this console is older than the server supports". */
    public void showNotice(String text) {
        notice.setText(text);
        notice.setVisible(text != null && !text.isBlank());
    }

    /** The signed-in view-model, or {@code null} before sign-in; for tests and screenshots. */
    public MainViewModel main() {
        return main;
    }

    /** The user's choices as the settings dialog changes them; for tests and screenshots. */
    public SettingsViewModel settings() {
        return settings;
    }

    public MainView mainView() {
        return mainView;
    }

    private void showLogin() {
        messages = Messages.of(settings.current().language());
        spokenLanguage = messages.locale().getLanguage();
        stage.setTitle(messages.get("app.title"));
        LoginViewModel<StaffSession> login = new LoginViewModel<>(this::signIn, tasks, messages, this::signedIn);
        login.prefill(startup.serverUrl(), startup.tenant(), startup.userName(), settings.current());
        this.login = login;
        root.setCenter(new LoginView(login, messages, ui));
        if (mayUseStartupPassword && !startup.password().isEmpty()) {
            // Once: after Sign out the form stays, whatever signed in at start (the demo's password, the keyring).
            mayUseStartupPassword = false;
            login.passwordProperty().set(startup.password());
            login.signIn();
        } else if (mayResume) {
            mayResume = false;
            resume(login);
        }
    }

    /** Signs in again with the refresh token kept in the OS keyring, if there is one; else the form stays. */
    private void resume(LoginViewModel<StaffSession> login) {
        String serverUrl = login.serverUrlProperty().get();
        String tenant = login.tenantProperty().get();
        String userName = login.userNameProperty().get();
        String key = vaultKey(serverUrl, tenant, userName);
        startup.vault().load(key).ifPresent(token -> {
            login.showProgress(messages.get("login.resuming"));
            tasks.execute(
                    () -> {
                        signingInAs = userName;
                        return StaffSession.resume(
                                startup.apiFactory().apply(serverUrl).speaking(language()), tenant, token);
                    },
                    this::signedIn,
                    e -> {
                        // Used up, revoked or expired: forget it, and ask for the password.
                        startup.vault().delete(key);
                        login.showProgress("");
                    });
        });
    }

    /** The console's language as the window shows it now, for the server's words. */
    private Supplier<String> language() {
        return () -> spokenLanguage;
    }

    private static String vaultKey(String serverUrl, String tenant, String userName) {
        return userName.strip() + "@" + tenant.strip() + " " + serverUrl.strip().replaceAll("/+$", "");
    }

    private StaffSession signIn(String serverUrl, String tenant, String userName, String password) throws Exception {
        signingInAs = userName;
        ServerApi api = startup.apiFactory().apply(serverUrl).speaking(language());
        return StaffSession.login(api, new LoginRequest(tenant, userName, password));
    }

    private void signedIn(StaffSession session) {
        settings.remember(signingInAs, session.tenant(), login == null ? "" : login.serverUrlToRemember());
        this.session = session;
        this.sessionKey = vaultKey(session.api().baseUrl().toString(), session.tenant(), signingInAs);
        startup.vault().save(sessionKey, session.refreshToken());

        ServerBackend backend = new ServerBackend(session);
        Person me = new Person(session.staff().id(), session.staff().displayName());
        ToastViewModel toasts = new ToastViewModel(scheduler);
        main = new MainViewModel(
                me.displayName(),
                new RoomsViewModel(backend, tasks, scheduler, messages),
                new GroupsViewModel(backend, tasks, scheduler, messages, () -> me),
                new WhereIsViewModel(backend, tasks, scheduler, messages),
                new RosterViewModel(backend, tasks, scheduler, messages),
                new FeedViewModel(backend, tasks, scheduler, messages),
                new NotificationsViewModel(
                        backend,
                        tasks,
                        scheduler,
                        new ToastAndSound(
                                toasts,
                                startup.sounds(),
                                () -> settings.soundsProperty().get(),
                                messages),
                        messages),
                toasts,
                new StatusViewModel(messages, ZoneId.systemDefault(), session::lastAnswerAt));
        if (session.staff().role() == StaffRole.ADMIN) {
            main.withAdmin(
                    new AdminViewModel(new AdminBackend(session), tasks, scheduler, messages, ZoneId.systemDefault()));
        }

        // Deliveries already queued on the UI thread may arrive after sign-out: they go to this session's model.
        MainViewModel model = main;
        RealtimeClient client = startup.realtimeFactory().apply(session);
        realtime = new FxRealtimeClient(client, ui);
        subscriptions.add(realtime.subscribeAll(model::onEvent));
        subscriptions.add(realtime.onReload(reason -> model.reloadAll()));
        subscriptions.add(realtime.onStateChange(state -> model.onConnection(snapshot(state))));

        mainView = new MainView(main, messages, ZoneId.systemDefault(), this::openSettings, this::signOut);
        root.setCenter(mainView);
        stage.setTitle(messages.get("app.titleSignedIn", me.displayName()));
        main.reloadAll();
        realtime.connect();
    }

    private void openSettings() {
        SettingsDialog.show(settings, messages, stage);
    }

    private void signOut() {
        StaffSession ending = session;
        if (ending != null) {
            startup.vault().delete(sessionKey);
            background.execute(() -> {
                try {
                    ending.logout();
                } catch (Exception e) {
                    // Signed out here either way; the server's session simply runs out.
                }
            });
        }
        session = null;
        stopSession();
        showLogin();
    }

    private void stopSession() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
        if (realtime != null) {
            realtime.close();
            realtime = null;
        }
        main = null;
        mainView = null;
    }

    /** Signs out and releases the console's threads; the window closing does this too. */
    public void close() {
        if (session != null) {
            // The refresh token rotates while the console runs: keep the newest one for the next start.
            startup.vault().save(sessionKey, session.refreshToken());
            session = null;
        }
        stopSession();
        timer.close();
        background.shutdownNow();
    }

    static ConnectionSnapshot snapshot(ConnectionState state) {
        ConnectionSnapshot.Light light = switch (state.mode()) {
            case LIVE -> ConnectionSnapshot.Light.LIVE;
            case CONNECTING -> ConnectionSnapshot.Light.CONNECTING;
            case POLLING -> ConnectionSnapshot.Light.POLLING;
            case OFFLINE -> ConnectionSnapshot.Light.OFFLINE;
        };
        return new ConnectionSnapshot(
                light, ConnectionSnapshot.Cause.valueOf(state.cause().name()), state.lastEventAt(), state.nextTryAt());
    }

    /**
     * What the shell needs from the program that starts it.
     *
     * @param serverUrl the admin's preset (or the user's override)
     * @param tenant, userName, password given on the command line for an automatic sign-in (the demo); else empty
     * @param vault where the refresh token is kept between runs ({@link TokenVault#none()}: nowhere)
     */
    public record ConsoleStartup(
            String serverUrl,
            String tenant,
            String userName,
            String password,
            UserChoices choices,
            Consumer<UserChoices> saveChoices,
            SoundPlayer sounds,
            Function<String, ServerApi> apiFactory,
            Function<StaffSession, RealtimeClient> realtimeFactory,
            TokenVault vault) {

        public ConsoleStartup {
            tenant = tenant == null ? "" : tenant;
            userName = userName == null ? "" : userName;
            password = password == null ? "" : password;
        }
    }
}
