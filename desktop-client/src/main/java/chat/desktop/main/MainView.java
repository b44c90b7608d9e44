package chat.desktop.main;

import atlantafx.base.controls.Notification;
import chat.desktop.Styles;
import chat.desktop.Theme;
import chat.desktop.UserLabels;
import chat.desktop.View;
import chat.desktop.admin.AdminView;
import chat.desktop.admin.AdminViewModel;
import chat.desktop.conversation.ConversationView;
import chat.desktop.conversation.ConversationViewModel;
import chat.desktop.conversation.FilePicker;
import chat.desktop.conversation.Pictures;
import chat.desktop.friends.FriendsView;
import chat.desktop.profile.ProfileView;
import chat.desktop.rooms.RoomsView;
import chat.desktop.search.SearchView;
import chat.desktop.status.StatusView;
import chat.desktop.text.LinkOpener;
import java.time.Clock;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The main window: rooms, friends and search results on the left, the conversation in view in the
 * middle (with a room's members on its right), the status bar below, and the search box on top (with,
 * for an admin, the console's button).
 */
public final class MainView implements View {

  /**
   * Presence changes arrive as events only for the rooms one is in; friends' online dots and the other
   * rooms' online counts are polled this often.
   */
  private static final Duration PRESENCE_REFRESH = Duration.seconds(15);
  private static final Duration TOAST_SHOWN = Duration.seconds(8);

  private final MainViewModel model;
  private final Theme theme;
  private final Runnable logOut;
  private final Clock clock;
  private final LinkOpener links;
  private final FilePicker files;
  /** The pictures' previews, kept across the conversations shown in turn. */
  private final Pictures pictures = new Pictures();
  private final Timeline presenceRefresh;
  /** Each second: typing lines expire, and what is in view is marked read ({@link MainViewModel#tick}). */
  private final Timeline everySecond;
  private final ToggleButton darkToggle = new ToggleButton("Dark");
  /** Keeps the toggle as the theme is, also when the system changes it; removed on close. */
  private final ChangeListener<Boolean> themeChanged = (o, was, now) -> darkToggle.setSelected(now);
  private Stage adminWindow;

  /** {@code links} opens the links in messages; {@code files} picks files to attach, and where to save them. */
  public MainView(MainViewModel model, Theme theme, Runnable logOut, Clock clock, LinkOpener links, FilePicker files) {
    this.model = model;
    this.theme = theme;
    this.logOut = logOut;
    this.clock = clock;
    this.links = links;
    this.files = files;
    this.presenceRefresh =
        new Timeline(
            new KeyFrame(
                PRESENCE_REFRESH,
                e -> {
                  model.friends().refresh();
                  model.rooms().refresh();
                }));
    presenceRefresh.setCycleCount(Timeline.INDEFINITE);
    this.everySecond = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
    everySecond.setCycleCount(Timeline.INDEFINITE);
  }

  @Override
  public Parent createView() {
    Label me = new Label();
    me.setId("me");
    me.textProperty().bind(model.meProperty().map(user -> UserLabels.name(user) + " · " + user.role()));
    Button profile = new Button("Profile");
    profile.setId("editProfile");
    profile.setOnAction(e -> editProfile(profile));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Button leave = new Button("Log out");
    leave.setId("logOut");
    leave.setOnAction(e -> logOut.run());

    Tab rooms = new Tab("Rooms", new RoomsView(model.rooms(), model::leaveRoom).createView());
    Tab friends = new Tab("Friends", new FriendsView(model.friends()).createView());
    rooms.textProperty().bind(model.rooms().unread().asString().map(n -> "0".equals(n) ? "Rooms" : "Rooms (" + n + ")"));
    friends.textProperty().bind(model.friends().unread().asString().map(n -> "0".equals(n) ? "Friends" : "Friends (" + n + ")"));
    SearchView search = new SearchView(model.search());
    Tab found = new Tab("Search", search.createView());
    TabPane sidebar = new TabPane(rooms, friends, found);
    sidebar.setId("sidebar");
    sidebar.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    sidebar.setPrefWidth(320);
    // A search shows its results in the sidebar; the lists are a tab away.
    TextField searchBox = search.box(() -> sidebar.getSelectionModel().select(found));

    HBox top = new HBox(8, me, profile, searchBox, gap, darkToggle());
    model.admin().ifPresent(admin -> top.getChildren().add(adminButton(admin)));
    top.getChildren().add(leave);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(6, 8, 6, 8));
    top.getStyleClass().add(Styles.TOP_BAR);

    StackPane center = new StackPane();
    center.setId("conversation");
    showConversation(center, model.inView().get());
    model.inView().addListener((o, was, now) -> showConversation(center, now));

    VBox toasts = new VBox(8);
    toasts.setId("toasts");
    toasts.setPickOnBounds(false);
    toasts.setMaxSize(360, Region.USE_PREF_SIZE);
    StackPane.setAlignment(toasts, Pos.TOP_RIGHT);
    StackPane.setMargin(toasts, new Insets(8));
    model.toasts().addListener((ListChangeListener<String>) change -> showToasts(toasts, change));
    StackPane overlaid = new StackPane(center, toasts);

    BorderPane window = new BorderPane(overlaid);
    window.setTop(top);
    window.setLeft(sidebar);
    window.setBottom(new StatusView(model.status(), model.notice(), clock).createView());
    window.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (SearchView.SHORTCUT.match(e)) {
            e.consume();
            searchBox.requestFocus();
            searchBox.selectAll();
          }
        });
    presenceRefresh.play();
    everySecond.play();
    return window;
  }

  /** Stops the polling and closes what this view opened besides itself: the admin console. */
  public void close() {
    presenceRefresh.stop();
    everySecond.stop();
    // ChatApp bound it to the window, which outlives this view.
    model.windowFocused().unbind();
    theme.dark().removeListener(themeChanged);
    if (adminWindow != null) {
      adminWindow.close();
    }
  }

  /** Dark or light, as the system says; a click is the user's pick. */
  private ToggleButton darkToggle() {
    darkToggle.setId("darkTheme");
    darkToggle.setSelected(theme.dark().get());
    theme.dark().addListener(themeChanged);
    darkToggle.setOnAction(e -> theme.choose(darkToggle.isSelected()));
    return darkToggle;
  }

  private void showConversation(StackPane center, ConversationViewModel conversation) {
    if (conversation == null) {
      Label hint = new Label("Pick a room on the left, or create one. Friends are in the Friends tab.");
      hint.getStyleClass().add(Styles.MUTED);
      center.getChildren().setAll(hint);
      return;
    }
    center.getChildren().setAll(new ConversationView(conversation, model, () -> model.leave(conversation), links, files, pictures).createView());
  }

  /** Each new notification as a toast that closes itself after a while, or by its close button. */
  private void showToasts(VBox toasts, ListChangeListener.Change<? extends String> change) {
    while (change.next()) {
      for (String text : change.getAddedSubList()) {
        Notification toast = new Notification(text);
        toast.getStyleClass().add(Styles.TOAST);
        Runnable close = () -> {
          toasts.getChildren().remove(toast);
          model.toasts().remove(text);
        };
        toast.setOnClose(e -> close.run());
        toasts.getChildren().add(toast);
        new Timeline(new KeyFrame(TOAST_SHOWN, e -> close.run())).play();
      }
    }
  }

  private void editProfile(Button from) {
    model.profile().edit();
    Stage editor = new Stage();
    editor.setTitle("Your profile");
    editor.initOwner(from.getScene().getWindow());
    Scene scene = new Scene(new ProfileView(model.profile(), editor::close).createView());
    scene.getStylesheets().setAll(from.getScene().getStylesheets());
    editor.setScene(scene);
    editor.show();
  }

  private Button adminButton(AdminViewModel admin) {
    Button open = new Button("Admin console");
    open.setId("openAdmin");
    open.setOnAction(
        e -> {
          if (adminWindow == null) {
            adminWindow = new Stage();
            adminWindow.setTitle("Admin console");
            Scene scene = new Scene(new AdminView(admin).createView(), 720, 520);
            Window owner = open.getScene().getWindow();
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            adminWindow.setScene(scene);
          }
          admin.refresh();
          adminWindow.show();
          adminWindow.toFront();
        });
    return open;
  }
}
