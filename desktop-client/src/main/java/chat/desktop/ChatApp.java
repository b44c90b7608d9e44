package chat.desktop;

import chat.client.Backoff;
import chat.client.ChatApi;
import chat.desktop.conversation.FileDialogs;
import chat.desktop.conversation.FilePicker;
import chat.desktop.login.LoginView;
import chat.desktop.login.LoginViewModel;
import chat.desktop.main.MainView;
import chat.desktop.main.MainViewModel;
import chat.desktop.main.Notifier;
import chat.desktop.main.Session;
import chat.desktop.main.SystemNotifier;
import chat.desktop.text.LinkOpener;
import chat.dto.Authenticated;
import java.net.URI;
import java.time.Clock;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The app in one window: the login screen, then the main window for the user who logged in, then the
 * login screen again after logging out. Tests start it on a stage of theirs with their settings.
 */
public final class ChatApp extends Application {

  private static final String STYLESHEET = ChatApp.class.getResource("chat.css").toExternalForm();

  private final Settings settings;
  private final Theme theme;
  private final Backoff backoff;
  private final Notifier notifier;
  private final Ui ui = Ui.javafx();
  private final Clock clock = Clock.systemUTC();
  /** Opens a message's link in the system's browser; a test gives one of its own. */
  private LinkOpener links = url -> getHostServices().showDocument(url);
  /** Where files are picked, to attach and to save: the system's dialogs; a test gives its own. */
  private FilePicker files = new FileDialogs();
  private Stage stage;
  private Session session;
  private MainView mainView;

  /** As launched by {@link Main}: the user's settings, the standard reconnect backoff. */
  public ChatApp() {
    this(Settings.ofUser(), Backoff.standard());
  }

  /** With the operating system's notifications. */
  public ChatApp(Settings settings, Backoff backoff) {
    this(settings, backoff, SystemNotifier.create());
  }

  public ChatApp(Settings settings, Backoff backoff, Notifier notifier) {
    this.settings = settings;
    this.theme = new Theme(settings);
    this.backoff = backoff;
    this.notifier = notifier;
  }

  /** Links open through {@code links}, not the system's browser: what a click opens, seen by a test. */
  ChatApp(Settings settings, Backoff backoff, Notifier notifier, LinkOpener links) {
    this(settings, backoff, notifier);
    this.links = links;
  }

  /** Files are picked by {@code files}, not the system's dialogs, which no test drives. */
  ChatApp(Settings settings, Backoff backoff, Notifier notifier, FilePicker files) {
    this(settings, backoff, notifier);
    this.files = files;
  }

  @Override
  public void start(Stage primary) {
    stage = primary;
    theme.start();
    stage.setMinWidth(420);
    stage.setMinHeight(360);
    showLogin();
    stage.show();
  }

  @Override
  public void stop() {
    endSession();
  }

  private void showLogin() {
    LoginViewModel login =
        new LoginViewModel(
            (server, username, password, signUp) ->
                signUp ? ChatApi.of(server).signUp(username, password) : ChatApi.of(server).logIn(username, password),
            ui,
            settings.server(),
            settings::rememberServer,
            this::showMain);
    stage.titleProperty().unbind();
    stage.setTitle("Chat · log in");
    show(new LoginView(login).createView(), 480, 520);
  }

  private void showMain(URI server, Authenticated login) {
    session = new Session(server, login, backoff, ui);
    MainViewModel main = new MainViewModel(login.user(), session, ui, clock, notifier);
    // What the window shows is read only while it has the user's eyes; otherwise what comes notifies.
    main.windowFocused().bind(stage.focusedProperty());
    session.start(main);
    main.start();
    mainView = new MainView(main, theme, this::logOut, clock, links, files);
    stage.titleProperty().bind(main.title());
    show(mainView.createView(), 1100, 720);
  }

  private void logOut() {
    endSession();
    showLogin();
  }

  private void endSession() {
    if (mainView != null) {
      mainView.close();
      mainView = null;
    }
    if (session != null) {
      session.close();
      session = null;
    }
  }

  private void show(Parent root, double width, double height) {
    if (stage.getScene() == null) {
      Scene scene = new Scene(root, width, height);
      scene.getStylesheets().add(STYLESHEET);
      stage.setScene(scene);
    } else {
      stage.getScene().setRoot(root);
      stage.setWidth(Math.max(stage.getWidth(), width));
      stage.setHeight(Math.max(stage.getHeight(), height));
    }
  }
}
