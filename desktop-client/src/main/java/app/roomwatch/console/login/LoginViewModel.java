package app.roomwatch.console.login;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.ErrorText;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.settings.UserChoices;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in form: server (preset by the admin), school, user name (remembered) and password. The password lives
 * only in this form and is cleared the moment it has been sent.
 */
public final class LoginViewModel<S> {

    private final SignIn<S> signIn;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final Consumer<S> onSignedIn;

    private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", "");
    private final StringProperty tenant = new SimpleStringProperty(this, "tenant", "");
    private final StringProperty userName = new SimpleStringProperty(this, "userName", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding complete;
    private String configuredServerUrl = "";

    public LoginViewModel(SignIn<S> signIn, TaskExecutor tasks, Messages messages, Consumer<S> onSignedIn) {
        this.signIn = signIn;
        this.tasks = tasks;
        this.messages = messages;
        this.onSignedIn = onSignedIn;
        complete = serverUrl
                .isNotEmpty()
                .and(tenant.isNotEmpty())
                .and(userName.isNotEmpty())
                .and(password.isNotEmpty());
    }

    /**
     * Fills the form for a new sign-in: the server as configured (the admin's preset, or the address this user
     * typed before), and the school and user name given at start, else the ones remembered from the last sign-in.
     */
    public void prefill(String serverUrl, String givenTenant, String givenUserName, UserChoices remembered) {
        configuredServerUrl = serverUrl == null ? "" : serverUrl.strip();
        this.serverUrl.set(configuredServerUrl);
        tenant.set(firstNonBlank(givenTenant, remembered.tenant()));
        userName.set(firstNonBlank(givenUserName, remembered.userName()));
    }

    /**
     * The server address to keep for the next start: what the user typed when it is not the configured one,
     * otherwise empty (nothing of the user's own to keep; a later change of the admin's preset still reaches them).
     */
    public String serverUrlToRemember() {
        String typed = normalized(serverUrl.get());
        return typed.equals(normalized(configuredServerUrl)) ? "" : typed;
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty tenantProperty() {
        return tenant;
    }

    public StringProperty userNameProperty() {
        return userName;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last sign-in failed, in words; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True when every field has something in it. */
    public BooleanBinding completeProperty() {
        return complete;
    }

    public void signIn() {
        if (busy.get()) {
            return;
        }
        if (!complete.get()) {
            error.set(messages.get("login.missing"));
            return;
        }
        String url = serverUrl.get().strip();
        String school = tenant.get().strip();
        String user = userName.get().strip();
        String secret = password.get();
        password.set("");
        error.set("");
        busy.set(true);
        tasks.execute(
                () -> signIn.signIn(url, school, user, secret),
                session -> {
                    busy.set(false);
                    onSignedIn.accept(session);
                },
                e -> {
                    busy.set(false);
                    error.set(messages.get("login.failed", ErrorText.of(e)));
                });
    }

    private static String normalized(String url) {
        return url == null ? "" : url.strip().replaceAll("/+$", "");
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first.strip() : second;
    }

    /** Shows why an earlier session ended (e.g. the remembered sign-in expired). */
    public void explain(String text) {
        error.set(text);
    }
}
