package app.roomwatch.console.login;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.ErrorText;
import app.roomwatch.console.refresh.TaskExecutor;
import app.roomwatch.console.settings.UserChoices;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in form: server (preset by the admin), school, user name (remembered) and password. The password lives
 * only in this form and is cleared the moment it has been sent. A failed sign-in says why in a sentence and points
 * at the field to correct.
 */
public final class LoginViewModel<S> {

    /** The form's fields, to point at the one that needs correcting. */
    public enum Field {
        SERVER,
        TENANT,
        USER,
        PASSWORD
    }

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
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyObjectWrapper<Field> wrongField = new ReadOnlyObjectWrapper<>(this, "wrongField");
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

    /** What is going on while busy ("Signing in…"); empty otherwise. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The field to correct after a failed attempt, or {@code null}. */
    public ReadOnlyObjectProperty<Field> wrongFieldProperty() {
        return wrongField.getReadOnlyProperty();
    }

    /** True when every field has something in it. */
    public BooleanBinding completeProperty() {
        return complete;
    }

    public void signIn() {
        if (busy.get()) {
            return;
        }
        Field empty = firstEmpty();
        if (empty != null) {
            fail(empty, messages.get("login.missing." + empty.name().toLowerCase(Locale.ROOT)));
            return;
        }
        String url = serverUrl.get().strip();
        String school = tenant.get().strip();
        String user = userName.get().strip();
        String secret = password.get();
        password.set("");
        error.set("");
        wrongField.set(null);
        working(messages.get("login.busy"));
        tasks.execute(
                () -> signIn.signIn(url, school, user, secret),
                session -> {
                    working("");
                    onSignedIn.accept(session);
                },
                e -> {
                    working("");
                    failed(e);
                });
    }

    private void failed(Exception e) {
        switch (ErrorText.problem(e)) {
            case NOT_SIGNED_IN -> fail(Field.PASSWORD, messages.get("login.wrongCredentials"));
            case NOT_ALLOWED -> fail(Field.USER, messages.get("login.accountDisabled"));
            case UNREACHABLE -> fail(Field.SERVER, messages.get("login.unreachable"));
            case BAD_ADDRESS -> fail(Field.SERVER, messages.get("login.badAddress"));
            default -> fail(null, messages.get("login.failed", ErrorText.of(e, messages)));
        }
    }

    private void fail(Field field, String text) {
        error.set(text);
        wrongField.set(field);
    }

    private void working(String text) {
        progress.set(text);
        busy.set(!text.isEmpty());
    }

    private Field firstEmpty() {
        if (serverUrl.get().isBlank()) {
            return Field.SERVER;
        }
        if (tenant.get().isBlank()) {
            return Field.TENANT;
        }
        if (userName.get().isBlank()) {
            return Field.USER;
        }
        return password.get().isEmpty() ? Field.PASSWORD : null;
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

    /** Says what is going on while the console signs in by itself (a kept sign-in); empty when done. */
    public void showProgress(String text) {
        working(text);
    }
}
