package chat.desktop.chat;

import chat.dto.Message;
import chat.dto.User;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A conversation: older history on demand (or on scrolling to the top), live messages, the sender's
 * name with what one can do about them, delete on one's own messages, and for a room its members.
 */
public final class ChatView {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

  private final ChatViewModel model;
  private final SenderActions senders;
  private final Runnable leave;

  /** What the sender's name offers; {@code leave} leaves the room shown. */
  public ChatView(ChatViewModel model, SenderActions senders, Runnable leave) {
    this.model = model;
    this.senders = senders;
    this.leave = leave;
  }

  public Parent createView() {
    Label title = new Label(model.title());
    title.setId("conversationTitle");
    title.getStyleClass().add("conversation-title");
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox header = new HBox(8, title, gap);
    header.setAlignment(Pos.CENTER_LEFT);
    if (model.isRoom()) {
      Button leaveButton = new Button("Leave room");
      leaveButton.setId("leaveRoom");
      leaveButton.setOnAction(e -> leave.run());
      header.getChildren().add(leaveButton);
    }
    header.setPadding(new Insets(8));
    header.getStyleClass().add("conversation-header");

    Button older = new Button("Load older messages");
    older.setId("older");
    older.setMaxWidth(Double.MAX_VALUE);
    older.visibleProperty().bind(model.olderAvailable());
    older.managedProperty().bind(model.olderAvailable());
    older.setOnAction(e -> model.loadOlder());

    ListView<Message> messages = new ListView<>(model.messages());
    messages.setId("messages");
    messages.setCellFactory(view -> new MessageCell());
    messages.setFocusTraversable(false);
    VBox.setVgrow(messages, Priority.ALWAYS);
    followNewMessages(messages);
    loadOlderAtTheTop(messages);

    TextField draft = new TextField();
    draft.setId("draft");
    draft.setPromptText("Message " + model.title());
    draft.textProperty().bindBidirectional(model.draft());
    draft.setOnAction(e -> model.send());
    HBox.setHgrow(draft, Priority.ALWAYS);
    Button send = new Button("Send");
    send.setId("send");
    send.setOnAction(e -> model.send());
    Label error = new Label();
    error.setId("chatError");
    error.getStyleClass().add("error");
    error.textProperty().bind(model.error());
    VBox composer = new VBox(4, new HBox(6, draft, send), error);
    composer.setPadding(new Insets(8));

    VBox conversation = new VBox(older, messages, composer);
    BorderPane pane = new BorderPane(conversation);
    pane.setTop(header);
    if (model.isRoom()) {
      pane.setRight(members());
    }
    return pane;
  }

  private Node members() {
    ListView<User> members = new ListView<>(model.members());
    members.setId("members");
    members.setPrefWidth(170);
    members.setCellFactory(
        view ->
            new ListCell<>() {
              @Override
              protected void updateItem(User user, boolean empty) {
                super.updateItem(user, empty);
                if (empty || user == null) {
                  setGraphic(null);
                  setText(null);
                } else {
                  Label dot = new Label("●");
                  dot.getStyleClass().add("online-dot");
                  setText(null);
                  setGraphic(new HBox(6, dot, senderName(user)));
                }
              }
            });
    Label heading = new Label("In this room");
    heading.getStyleClass().add("muted");
    VBox.setVgrow(members, Priority.ALWAYS);
    VBox box = new VBox(6, heading, members);
    box.setPadding(new Insets(8));
    return box;
  }

  /** The sender's name; its menu offers friendship, a direct message, a block. */
  private Label senderName(User user) {
    Label name = new Label(user.username());
    name.getStyleClass().add("sender");
    if (user.username().equals(model.me().username())) {
      return name;
    }
    MenuItem add = new MenuItem("Add friend");
    add.setOnAction(e -> senders.addFriend(user.username()));
    MenuItem message = new MenuItem("Message");
    message.setOnAction(e -> senders.message(user.username()));
    MenuItem block = new MenuItem("Block");
    block.setOnAction(e -> senders.block(user.username()));
    ContextMenu menu = new ContextMenu(add, message, block);
    name.setContextMenu(menu);
    name.setOnMouseClicked(e -> menu.show(name, e.getScreenX(), e.getScreenY()));
    return name;
  }

  /** Keeps the newest message in sight as messages arrive at the end, unless the user scrolled up. */
  private static void followNewMessages(ListView<Message> messages) {
    messages
        .getItems()
        .addListener(
            (ListChangeListener<Message>)
                change -> {
                  while (change.next()) {
                    if (change.wasAdded() && change.getTo() == messages.getItems().size()) {
                      messages.scrollTo(messages.getItems().size() - 1);
                    }
                  }
                });
  }

  private void loadOlderAtTheTop(ListView<Message> messages) {
    messages
        .skinProperty()
        .addListener(
            (observable, before, skin) -> {
              for (Node node : messages.lookupAll(".scroll-bar")) {
                if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                  bar.valueProperty()
                      .addListener(
                          (o, was, now) -> {
                            if (now.doubleValue() <= bar.getMin() && was.doubleValue() > bar.getMin()) {
                              model.loadOlder();
                            }
                          });
                }
              }
            });
  }

  private final class MessageCell extends ListCell<Message> {

    @Override
    protected void updateItem(Message message, boolean empty) {
      super.updateItem(message, empty);
      if (empty || message == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label time = new Label(TIME.format(message.sentAt()));
      time.getStyleClass().add("muted");
      HBox meta = new HBox(8, senderName(message.from()), time);
      meta.setAlignment(Pos.BASELINE_LEFT);
      if (model.canDelete(message)) {
        Button delete = new Button("Delete");
        delete.getStyleClass().add("delete");
        delete.setOnAction(e -> model.delete(message));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        meta.getChildren().addAll(gap, delete);
      }
      // Text from users is set as text, never interpreted.
      Label text = new Label(message.text());
      text.setWrapText(true);
      text.getStyleClass().add("message-text");
      VBox box = new VBox(2, meta, text);
      box.getStyleClass().add(model.isMine(message) ? "mine" : "theirs");
      // As wide as the list and no wider, so long texts wrap and the delete button stays in sight.
      box.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
      box.setMaxWidth(Region.USE_PREF_SIZE);
      text.maxWidthProperty().bind(box.prefWidthProperty());
      setText(null);
      setGraphic(box);
    }
  }
}
