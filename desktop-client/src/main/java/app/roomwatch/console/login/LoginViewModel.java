package app.roomwatch.console.login;

import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.refresh.ErrorText;
import app.roomwatch.console.refresh.Loader;
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
    private final Loader loader;
    private final Messages messages;
    private final Consumer<S> onSignedIn;

    private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", "");
    private final StringProperty tenant = new SimpleStringProperty(this, "tenant", "");
    private final StringProperty userName = new SimpleStringProperty(this, "userName", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanBinding complete;

    public LoginViewModel(SignIn<S> signIn, Loader loader, Messages messages, Consumer<S> onSignedIn) {
        this.signIn = signIn;
        this.loader = loader;
        this.messages = messages;
        this.onSignedIn = onSignedIn;
        complete = serverUrl
                .isNotEmpty()
                .and(tenant.isNotEmpty())
                .and(userName.isNotEmpty())
                .and(password.isNotEmpty());
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
        loader.run(
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

    /** Shows why an earlier session ended (e.g. the remembered sign-in expired). */
    public void explain(String text) {
        error.set(text);
    }
}
