package chat.desktop.friends;

import chat.desktop.Cells;
import chat.desktop.Styles;
import chat.desktop.UserLabels;
import chat.desktop.View;
import chat.dto.User;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Friends (online, unread, message, remove), requests in and out, blocked users, and adding a friend. */
public final class FriendsView implements View {

  private final FriendsViewModel model;

  public FriendsView(FriendsViewModel model) {
    this.model = model;
  }

  @Override
  public Parent createView() {
    TextField name = new TextField();
    name.setId("friendName");
    name.setPromptText("Username");
    name.textProperty().bindBidirectional(model.newFriend());
    name.setOnAction(e -> model.add());
    HBox.setHgrow(name, Priority.ALWAYS);
    Button add = new Button("Add friend");
    add.setId("addFriend");
    add.setOnAction(e -> model.add());
    Label notice = new Label();
    notice.setId("friendsNotice");
    notice.setWrapText(true);
    notice.getStyleClass().add(Styles.MUTED);
    notice.textProperty().bind(model.notice());

    ListView<FriendItem> friends = new ListView<>(model.friends());
    friends.setId("friends");
    friends.setPrefHeight(180);
    friends.setCellFactory(Cells.showing(this::friendRow));

    VBox box =
        new VBox(
            8,
            new HBox(6, name, add),
            notice,
            heading("Your friends"),
            friends,
            heading("Requests to you"),
            users("incoming", model.incoming(), u -> List.of(button("Accept", Styles.ACCEPT, () -> model.add(u.username())),
                button("Decline", Styles.DECLINE, () -> model.remove(u.username())))),
            heading("Your requests"),
            users("outgoing", model.outgoing(), u -> List.of(button("Cancel", Styles.CANCEL, () -> model.remove(u.username())))),
            heading("Blocked"),
            users("blocked", model.blocked(), u -> List.of(button("Unblock", Styles.UNBLOCK, () -> model.unblock(u.username())))));
    box.setPadding(new Insets(8));
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    return scroll;
  }

  private static Label heading(String text) {
    Label label = new Label(text);
    label.getStyleClass().add(Styles.SECTION);
    return label;
  }

  private static Button button(String text, String styleClass, Runnable action) {
    Button button = new Button(text);
    button.getStyleClass().addAll(styleClass, Styles.SMALL);
    button.setOnAction(e -> action.run());
    return button;
  }

  private static ListView<User> users(String id, ObservableList<User> items, Function<User, List<Button>> actions) {
    ListView<User> list = new ListView<>(items);
    list.setId(id);
    list.setPrefHeight(90);
    list.setCellFactory(Cells.showing(user -> line(UserLabels.label(user), actions.apply(user))));
    return list;
  }

  private static HBox line(Node name, List<? extends Node> actions) {
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox line = new HBox(6, name, gap);
    line.getChildren().addAll(actions);
    line.setAlignment(Pos.CENTER_LEFT);
    return line;
  }

  private Node friendRow(FriendItem friend) {
    String username = friend.user().username();
    Label dot = new Label("●");
    dot.getStyleClass().add(friend.online() ? Styles.ONLINE_DOT : Styles.OFFLINE_DOT);
    Label name = UserLabels.label(friend.user());
    if (!friend.online()) {
      name.setText(name.getText() + " (offline)");
    }
    HBox who = new HBox(6, dot, name);
    if (friend.unread() > 0) {
      Label badge = new Label(Integer.toString(friend.unread()));
      badge.getStyleClass().add(Styles.BADGE);
      who.getChildren().add(badge);
    }
    who.setAlignment(Pos.CENTER_LEFT);
    return line(
        who,
        List.of(
            button("Message", Styles.MESSAGE, () -> model.message(username)),
            button("Remove", Styles.REMOVE, () -> model.remove(username))));
  }
}
