package chat.desktop.login;

import chat.desktop.Styles;
import chat.desktop.View;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The first screen: server, username, password; log in, or sign up. */
public final class LoginView implements View {

  private final LoginViewModel model;

  public LoginView(LoginViewModel model) {
    this.model = model;
  }

  @Override
  public Parent createView() {
    Label title = new Label("Chat");
    title.getStyleClass().add(Styles.LOGIN_TITLE);

    TextField server = field("server", "Server, e.g. http://127.0.0.1:8080/");
    server.textProperty().bindBidirectional(model.server());
    TextField username = field("username", "Username");
    username.textProperty().bindBidirectional(model.username());
    PasswordField password = new PasswordField();
    password.setId("password");
    password.setPromptText("Password (8 characters or more)");
    password.textProperty().bindBidirectional(model.password());

    Button logIn = new Button("Log in");
    logIn.setId("logIn");
    logIn.setDefaultButton(true);
    logIn.setOnAction(e -> model.logIn());
    Button signUp = new Button("Sign up");
    signUp.setId("signUp");
    signUp.setOnAction(e -> model.signUp());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(20, 20);
    busy.visibleProperty().bind(model.busy());
    logIn.disableProperty().bind(model.busy());
    signUp.disableProperty().bind(model.busy());
    HBox buttons = new HBox(8, logIn, signUp, busy);
    buttons.setAlignment(Pos.CENTER_LEFT);

    Label error = new Label();
    error.setId("loginError");
    error.getStyleClass().add(Styles.ERROR);
    error.setWrapText(true);
    error.textProperty().bind(model.error());

    VBox form =
        new VBox(10, title, new Label("Server"), server, new Label("Username"), username,
            new Label("Password"), password, buttons, error);
    form.getStyleClass().add(Styles.LOGIN_FORM);
    form.setMaxWidth(360);
    form.setPadding(new Insets(24));
    VBox page = new VBox(form);
    page.setAlignment(Pos.CENTER);
    page.getStyleClass().add(Styles.LOGIN_PAGE);
    return page;
  }

  private static TextField field(String id, String prompt) {
    TextField field = new TextField();
    field.setId(id);
    field.setPromptText(prompt);
    return field;
  }
}
