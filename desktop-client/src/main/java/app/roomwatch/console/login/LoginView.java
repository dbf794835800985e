package app.roomwatch.console.login;

import app.roomwatch.console.fx.UiThread;
import app.roomwatch.console.i18n.Messages;
import app.roomwatch.console.theme.ConsoleStyles;
import app.roomwatch.console.ui.Icons;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The sign-in card in the middle of the window; Enter signs in from any field. */
public final class LoginView extends StackPane {

    private final LoginViewModel<?> model;
    private final Messages messages;
    private final UiThread ui;
    private final TextField serverUrl = new TextField();
    private final TextField tenant = new TextField();
    private final TextField userName = new TextField();
    private final PasswordField password = new PasswordField();
    private final Button submit = new Button();
    private final Label error = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label progress = new Label();

    /** @param ui where focus moves once the card is on screen */
    public LoginView(LoginViewModel<?> model, Messages messages, UiThread ui) {
        this.model = model;
        this.messages = messages;
        this.ui = ui;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add(ConsoleStyles.LOGIN);
        Label heading = new Label(messages.get("login.heading"), Icons.of(Feather.EYE, 24));
        heading.getStyleClass().add(ConsoleStyles.HEADING);
        // "Bei Roomwatch anmelden" is longer than the card is wide: the heading wraps rather than being cut off.
        heading.setWrapText(true);
        serverUrl.setId("login-server");
        tenant.setId("login-tenant");
        userName.setId("login-user");
        password.setId("login-password");
        submit.setId("login-submit");
        submit.setText(messages.get("login.submit"));
        submit.setDefaultButton(true);
        submit.getStyleClass().add("accent");
        submit.setMaxWidth(Double.MAX_VALUE);
        error.setId("login-error");
        error.getStyleClass().add(ConsoleStyles.ERROR);
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        busy.setPrefSize(22, 22);
        progress.setId("login-progress");
        progress.setGraphic(busy);
        progress.getStyleClass().add(ConsoleStyles.MUTED);
        progress.managedProperty().bind(progress.visibleProperty());

        VBox card = new VBox(
                heading,
                new Label(messages.get("login.serverUrl")),
                serverUrl,
                new Label(messages.get("login.tenant")),
                tenant,
                new Label(messages.get("login.username")),
                userName,
                new Label(messages.get("login.password")),
                password,
                error,
                submit,
                progress);
        card.getStyleClass().add(ConsoleStyles.LOGIN_CARD);
        card.setAlignment(Pos.CENTER_LEFT);
        card.setMaxSize(380, USE_PREF_SIZE);
        getChildren().add(card);
    }

    private void initListeners() {
        serverUrl.textProperty().bindBidirectional(model.serverUrlProperty());
        tenant.textProperty().bindBidirectional(model.tenantProperty());
        userName.textProperty().bindBidirectional(model.userNameProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        progress.textProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        submit.disableProperty().bind(model.busyProperty());
        model.wrongFieldProperty().addListener((obs, was, field) -> pointAt(field));
        submit.setOnAction(e -> model.signIn());
        // The cursor starts where the user has to type: the password when the rest is remembered.
        sceneProperty()
                .addListener((obs, was, scene) -> ui.execute(() -> {
                    if (model.userNameProperty().get().isEmpty()) {
                        userName.requestFocus();
                    } else {
                        password.requestFocus();
                    }
                }));
    }

    /** Marks the field to correct and puts the cursor in it; the other fields lose their mark. */
    private void pointAt(LoginViewModel.Field field) {
        for (LoginViewModel.Field each : LoginViewModel.Field.values()) {
            fieldOf(each).pseudoClassStateChanged(Styles.STATE_DANGER, each == field);
        }
        if (field != null) {
            fieldOf(field).requestFocus();
        }
    }

    private TextField fieldOf(LoginViewModel.Field field) {
        return switch (field) {
            case SERVER -> serverUrl;
            case TENANT -> tenant;
            case USER -> userName;
            case PASSWORD -> password;
        };
    }
}
