package chat.desktop.main;

import chat.desktop.Styles;
import chat.desktop.Theme;
import chat.desktop.View;
import chat.desktop.admin.AdminView;
import chat.desktop.admin.AdminViewModel;
import chat.desktop.conversation.ConversationView;
import chat.desktop.conversation.ConversationViewModel;
import chat.desktop.friends.FriendsView;
import chat.desktop.rooms.RoomsView;
import chat.desktop.status.StatusView;
import java.time.Clock;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The main window: rooms and friends on the left, the conversation in view in the middle (with a room's
 * members on its right), the status bar below, and for an admin the console's button on top.
 */
public final class MainView implements View {

  /**
   * Presence changes arrive as events only for the rooms one is in; friends' online dots and the other
   * rooms' online counts are polled this often.
   */
  private static final Duration PRESENCE_REFRESH = Duration.seconds(15);

  private final MainViewModel model;
  private final Theme theme;
  private final Runnable logOut;
  private final Clock clock;
  private final Timeline presenceRefresh;
  private final ToggleButton darkToggle = new ToggleButton("Dark");
  /** Keeps the toggle as the theme is, also when the system changes it; removed on close. */
  private final ChangeListener<Boolean> themeChanged = (o, was, now) -> darkToggle.setSelected(now);
  private Stage adminWindow;

  public MainView(MainViewModel model, Theme theme, Runnable logOut, Clock clock) {
    this.model = model;
    this.theme = theme;
    this.logOut = logOut;
    this.clock = clock;
    this.presenceRefresh =
        new Timeline(
            new KeyFrame(
                PRESENCE_REFRESH,
                e -> {
                  model.friends().refresh();
                  model.rooms().refresh();
                }));
    presenceRefresh.setCycleCount(Timeline.INDEFINITE);
  }

  @Override
  public Parent createView() {
    Label me = new Label(model.me().username() + " · " + model.me().role());
    me.setId("me");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Button leave = new Button("Log out");
    leave.setId("logOut");
    leave.setOnAction(e -> logOut.run());
    HBox top = new HBox(8, me, gap, darkToggle());
    model.admin().ifPresent(admin -> top.getChildren().add(adminButton(admin)));
    top.getChildren().add(leave);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(6, 8, 6, 8));
    top.getStyleClass().add(Styles.TOP_BAR);

    Tab rooms = new Tab("Rooms", new RoomsView(model.rooms(), model::leaveRoom).createView());
    Tab friends = new Tab("Friends", new FriendsView(model.friends()).createView());
    rooms.textProperty().bind(model.rooms().unread().asString().map(n -> "0".equals(n) ? "Rooms" : "Rooms (" + n + ")"));
    friends.textProperty().bind(model.friends().unread().asString().map(n -> "0".equals(n) ? "Friends" : "Friends (" + n + ")"));
    TabPane sidebar = new TabPane(rooms, friends);
    sidebar.setId("sidebar");
    sidebar.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    sidebar.setPrefWidth(320);

    StackPane center = new StackPane();
    center.setId("conversation");
    showConversation(center, model.inView().get());
    model.inView().addListener((o, was, now) -> showConversation(center, now));

    BorderPane window = new BorderPane(center);
    window.setTop(top);
    window.setLeft(sidebar);
    window.setBottom(new StatusView(model.status(), model.notice(), clock).createView());
    presenceRefresh.play();
    return window;
  }

  /** Stops the polling and closes what this view opened besides itself: the admin console. */
  public void close() {
    presenceRefresh.stop();
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
    center.getChildren().setAll(new ConversationView(conversation, model, () -> model.leave(conversation)).createView());
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
