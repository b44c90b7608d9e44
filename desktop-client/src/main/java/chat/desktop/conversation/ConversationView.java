package chat.desktop.conversation;

import chat.client.ChatNames;
import chat.desktop.Cells;
import chat.desktop.Styles;
import chat.desktop.UserLabels;
import chat.desktop.View;
import chat.desktop.text.LinkOpener;
import chat.desktop.text.TextNodes;
import chat.dto.Emoji;
import chat.dto.Message;
import chat.dto.Reaction;
import chat.dto.Reply;
import chat.dto.SharedFile;
import chat.dto.User;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A conversation: older history on demand (or on scrolling to the top), live messages, the sender's
 * name with what one can do about them, each message's actions and files, and for a room its members;
 * the composer, with the files attached to the draft.
 */
public final class ConversationView implements View {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneId.systemDefault());
  /** How long a moderator's silence from the members' menu lasts. */
  private static final int SILENCE_MINUTES = 10;
  /** The characters of a quoted message shown, on one line. */
  private static final int EXCERPT = 80;

  /** The longer side of a picture on a message, as the server's previews are at most. */
  private static final double PICTURE_SIDE = 320;
  /**
   * The longer side a picture opened in full is decoded to at most: what a screen shows, and a bound on
   * the memory one picture takes (the server keeps pictures of up to 50 million pixels).
   */
  private static final double FULL_SIZE_SIDE = 8192;

  private final ConversationViewModel model;
  private final SenderActions senders;
  private final Runnable leave;
  private final LinkOpener links;
  private final FilePicker files;
  private final Pictures pictures;

  /**
   * What the sender's name offers; {@code leave} leaves the room shown; {@code links} opens a message's
   * links; {@code files} is where the user picks files to attach and where to save them; {@code
   * pictures} holds the previews already fetched.
   */
  public ConversationView(
      ConversationViewModel model, SenderActions senders, Runnable leave, LinkOpener links, FilePicker files, Pictures pictures) {
    this.model = model;
    this.senders = senders;
    this.leave = leave;
    this.links = links;
    this.files = files;
    this.pictures = pictures;
  }

  @Override
  public Parent createView() {
    Label title = new Label(model.title());
    title.setId("conversationTitle");
    title.getStyleClass().add(Styles.CONVERSATION_TITLE);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Button mute = new Button();
    mute.setId("muteChannel");
    mute.textProperty().bind(model.muted().map(muted -> muted ? "Unmute" : "Mute"));
    mute.setOnAction(e -> model.toggleMute());
    HBox header = new HBox(8, title, gap, mute);
    header.setAlignment(Pos.CENTER_LEFT);
    if (model.isRoom()) {
      header.getChildren().add(1, lock());
      header.getChildren().add(3, invite());
    }
    if (model.isRoom()) {
      Button leaveButton = new Button("Leave room");
      leaveButton.setId("leaveRoom");
      leaveButton.setOnAction(e -> leave.run());
      header.getChildren().add(leaveButton);
    }
    header.setPadding(new Insets(8));
    header.getStyleClass().add(Styles.CONVERSATION_HEADER);

    Button older = new Button("Load older messages");
    older.setId("older");
    older.setMaxWidth(Double.MAX_VALUE);
    older.visibleProperty().bind(model.olderAvailable());
    older.managedProperty().bind(model.olderAvailable());
    older.setOnAction(e -> model.loadOlder());

    ListView<Message> messages = new ListView<>(model.messages());
    messages.setId("messages");
    messages.setCellFactory(Cells.showing(message -> messageRow(message, messages), this::messageMenu));
    messages.setFocusTraversable(false);
    VBox.setVgrow(messages, Priority.ALWAYS);
    followNewMessages(messages);
    loadOlderAtTheTop(messages);
    // A row is drawn from its message and from whether it is being edited: an edit begun or ended redraws.
    model.editing().addListener((o, was, now) -> messages.refresh());
    bringIntoView(messages);
    // The emoji are what :name: in a text stands for too: once they are known, texts are drawn again.
    model.emoji().addListener((ListChangeListener<Emoji>) change -> messages.refresh());
    model.loadEmoji();
    // A file found gone is drawn as such.
    model.unavailable().addListener((SetChangeListener<Long>) change -> messages.refresh());

    TextArea draft = MessageArea.of(model.draft(), model::send);
    draft.setId("draft");
    draft.setPromptText("Message " + model.title());
    HBox.setHgrow(draft, Priority.ALWAYS);
    Button send = new Button("Send");
    send.setId("send");
    send.setOnAction(e -> model.send());
    Button attach = new Button("📎");
    attach.setId("attach");
    attach.setTooltip(new Tooltip("Attach files (or drop them on the conversation)"));
    attach.setOnAction(e -> model.attach(files.toAttach(attach.getScene().getWindow())));
    Label error = new Label();
    error.setId("chatError");
    error.getStyleClass().add(Styles.ERROR);
    error.textProperty().bind(model.error());
    Label typing = new Label();
    typing.setId("typing");
    typing.getStyleClass().addAll(Styles.MUTED, Styles.TYPING);
    typing.textProperty().bind(Bindings.createStringBinding(() -> typingLine(model.typing()), model.typing()));
    // A moderator's silence: the composer waits until it is over, and says so. So it does while the
    // draft waits for its files.
    draft.disableProperty().bind(model.silencedUntil().isNotNull().or(model.sendWaiting()));
    send.disableProperty().bind(model.silencedUntil().isNotNull().or(model.sendWaiting()));
    attach.disableProperty().bind(model.silencedUntil().isNotNull().or(model.sendWaiting()));
    Label waiting = new Label("Sending once the files are uploaded…");
    waiting.setId("sendWaiting");
    waiting.getStyleClass().add(Styles.MUTED);
    waiting.visibleProperty().bind(model.sendWaiting());
    waiting.managedProperty().bind(waiting.visibleProperty());
    Label fileNotice = new Label();
    fileNotice.setId("fileNotice");
    fileNotice.getStyleClass().add(Styles.MUTED);
    fileNotice.textProperty().bind(model.fileNotice());
    fileNotice.visibleProperty().bind(model.fileNotice().isNotEmpty());
    fileNotice.managedProperty().bind(fileNotice.visibleProperty());
    Label silenced = new Label();
    silenced.setId("silenced");
    silenced.getStyleClass().addAll(Styles.ERROR, Styles.SILENCED);
    silenced.textProperty().bind(model.silencedUntil().map(until -> "A moderator silenced you here until " + TIME.format(until) + "."));
    silenced.visibleProperty().bind(model.silencedUntil().isNotNull());
    silenced.managedProperty().bind(silenced.visibleProperty());
    Label moderation = new Label();
    moderation.setId("moderation");
    moderation.getStyleClass().add(Styles.MUTED);
    moderation.textProperty().bind(model.moderation());
    // The draft gives way as the window narrows, never the buttons' words.
    attach.setMinWidth(Region.USE_PREF_SIZE);
    send.setMinWidth(Region.USE_PREF_SIZE);
    HBox typed = new HBox(6, attach, draft, send);
    typed.setAlignment(Pos.BOTTOM_LEFT);
    VBox composer = new VBox(4, typing, replyBar(), silenced, attachments(), waiting, typed, error, fileNotice, moderation);
    composer.setPadding(new Insets(8));

    VBox conversation = new VBox(older, messages, composer);
    takeDroppedFiles(conversation, attach);
    BorderPane pane = new BorderPane(conversation);
    pane.setTop(header);
    if (model.isRoom()) {
      pane.setRight(members());
    }
    return pane;
  }

  /** Files dropped on the conversation are attached, as the attach button would; not while it is disabled. */
  private void takeDroppedFiles(Node conversation, Button attach) {
    conversation.setOnDragOver(
        e -> {
          if (e.getDragboard().hasFiles() && !attach.isDisabled()) {
            e.acceptTransferModes(TransferMode.COPY);
          }
          e.consume();
        });
    conversation.setOnDragDropped(
        e -> {
          boolean taken = e.getDragboard().hasFiles() && !attach.isDisabled();
          if (taken) {
            model.attach(e.getDragboard().getFiles().stream().map(File::toPath).toList());
          }
          e.setDropCompleted(taken);
          e.consume();
        });
  }

  /** The draft's files as chips: name, size, how far its upload went or why it failed, and × to take it off. */
  private Node attachments() {
    FlowPane chips = new FlowPane(6, 6);
    chips.setId("attachments");
    Runnable draw = () -> chips.getChildren().setAll(model.attachments().stream().map(this::chip).toList());
    model.attachments().addListener((ListChangeListener<Attachment>) change -> draw.run());
    draw.run();
    chips.visibleProperty().bind(Bindings.isNotEmpty(model.attachments()));
    chips.managedProperty().bind(chips.visibleProperty());
    return chips;
  }

  private Node chip(Attachment attachment) {
    Label name = new Label(attachment.name());
    name.getStyleClass().add(Styles.FILE_NAME);
    name.setMaxWidth(240);
    Label size = new Label(FileLabels.size(attachment.size()));
    size.getStyleClass().add(Styles.MUTED);
    ProgressBar progress = new ProgressBar();
    progress.progressProperty().bind(attachment.progress());
    progress.visibleProperty().bind(attachment.state().isEqualTo(Attachment.State.UPLOADING));
    progress.managedProperty().bind(progress.visibleProperty());
    Label state = new Label();
    state.getStyleClass().add(Styles.MUTED);
    state.textProperty()
        .bind(
            attachment
                .state()
                .map(now -> now == Attachment.State.PENDING ? "waiting" : now == Attachment.State.READY ? "✓" : ""));
    Label problem = new Label();
    problem.getStyleClass().add(Styles.ERROR);
    problem.textProperty().bind(attachment.problem());
    problem.setWrapText(true);
    problem.setMaxWidth(360);
    problem.visibleProperty().bind(attachment.problem().isNotEmpty());
    problem.managedProperty().bind(problem.visibleProperty());
    Button detach = new Button("×");
    detach.getStyleClass().addAll(Styles.SMALL, Styles.DETACH);
    detach.setTooltip(new Tooltip("Take off (stops its upload)"));
    detach.setOnAction(e -> model.detach(attachment));
    HBox chip = new HBox(name, size, progress, state, problem, detach);
    chip.getStyleClass().add(Styles.ATTACHMENT);
    return chip;
  }

  /** A lock beside a private room's title. */
  private Node lock() {
    Label lock = new Label("🔒");
    lock.setId("privateRoom");
    lock.getStyleClass().add(Styles.PRIVATE_ROOM);
    lock.setTooltip(new Tooltip("Private: members only, who join when invited"));
    lock.visibleProperty().bind(model.privateRoom());
    lock.managedProperty().bind(lock.visibleProperty());
    return lock;
  }

  /** In a private room the user moderates: a name to invite, and the button. */
  private Node invite() {
    TextField name = new TextField();
    name.setId("invitee");
    name.setPromptText("Invite a user");
    name.textProperty().bindBidirectional(model.invitee());
    name.setOnAction(e -> model.invite());
    Button invite = new Button("Invite");
    invite.setId("invite");
    invite.setOnAction(e -> model.invite());
    HBox box = new HBox(4, name, invite);
    box.setAlignment(Pos.CENTER_LEFT);
    box.visibleProperty().bind(model.privateRoom().and(model.moderates()));
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  /** "Replying to ann: ..." above the draft while it answers a message, with a way to stop. */
  private Node replyBar() {
    Label answering = new Label();
    answering.setId("replyingTo");
    answering.getStyleClass().add(Styles.MUTED);
    answering.textProperty().bind(model.replyingTo().map(m -> "Replying to " + UserLabels.name(m.from()) + ": " + excerpt(m.text())));
    Button cancel = new Button("×");
    cancel.setId("cancelReply");
    cancel.getStyleClass().add(Styles.SMALL);
    cancel.setOnAction(e -> model.cancelReply());
    HBox bar = new HBox(6, answering, cancel);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.visibleProperty().bind(model.replyingTo().isNotNull());
    bar.managedProperty().bind(bar.visibleProperty());
    return bar;
  }

  /** Scrolls to, and selects, the message the model asks to show (a quote's original). */
  private void bringIntoView(ListView<Message> messages) {
    model
        .shown()
        .addListener(
            (o, was, id) -> {
              if (id == null) {
                return;
              }
              for (int i = 0; i < messages.getItems().size(); i++) {
                if (messages.getItems().get(i).id() == id) {
                  scrollFullyTo(messages, i);
                  messages.getSelectionModel().clearAndSelect(i);
                  return;
                }
              }
            });
  }

  /** Every member of the room, online ones marked, with their roles; more of them on demand. */
  private Node members() {
    ListView<Member> members = new ListView<>(model.memberList());
    members.setId("members");
    members.setPrefWidth(190);
    members.setCellFactory(Cells.showing(this::memberRow));
    Label heading = new Label("Members");
    heading.getStyleClass().add(Styles.MUTED);
    Button more = new Button("More members");
    more.setId("moreMembers");
    more.setMaxWidth(Double.MAX_VALUE);
    more.visibleProperty().bind(model.moreMembers());
    more.managedProperty().bind(more.visibleProperty());
    more.setOnAction(e -> model.loadMoreMembers());
    VBox.setVgrow(members, Priority.ALWAYS);
    VBox box = new VBox(6, heading, members, more);
    box.setPadding(new Insets(8));
    return box;
  }

  /**
   * The sender's name, with a badge for a service; for another person its menu offers friendship, a
   * direct message, a block.
   */
  private Node sender(User user) {
    Label name = UserLabels.label(user);
    name.getStyleClass().add(Styles.SENDER);
    Label badge = UserLabels.serviceBadge(user);
    if (ChatNames.same(user.username(), model.me().username()) || badge != null) {
      return badge == null ? name : new HBox(6, name, badge);
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
                      scrollFullyTo(messages, messages.getItems().size() - 1);
                    }
                  }
                });
  }

  /**
   * Scrolls row {@code index} into view, and again once the rows are laid out: the list guesses the
   * height of rows it has not drawn, and a tall row (a quote, reactions) at the end was left half
   * hidden by the first guess.
   */
  private static void scrollFullyTo(ListView<Message> messages, int index) {
    messages.scrollTo(index);
    Platform.runLater(
        () -> {
          int last = messages.getItems().size() - 1;
          if (index < last) {
            messages.scrollTo(index);
          } else if (messages.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            // To the very end, however tall the last row turned out to be.
            flow.scrollPixels(Double.MAX_VALUE);
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

  /**
   * A member: the dot (green while they are in the room), their name with what one can do about them,
   * and tags for the owner, a moderator and, as the server tells moderators, a silence. A moderator may
   * also remove or silence them, and the owner name them a moderator.
   */
  private Node memberRow(Member member) {
    Label dot = new Label("●");
    dot.getStyleClass().add(member.online() ? Styles.ONLINE_DOT : Styles.OFFLINE_DOT);
    dot.setTooltip(new Tooltip(member.online() ? "In the room now" : "Not in the room now"));
    Node name = sender(member.user());
    if (name instanceof Label label && label.getContextMenu() != null) {
      ContextMenu menu = label.getContextMenu();
      List<MenuItem> own = List.copyOf(menu.getItems());
      menu.setOnShowing(e -> menu.getItems().setAll(withModeration(own, member)));
    }
    // A long name gives way (cut with an ellipsis), so that the role and the silence always show.
    if (name instanceof Region region) {
      region.setMinWidth(0);
    }
    HBox row = new HBox(6, dot, name);
    row.setAlignment(Pos.CENTER_LEFT);
    // No width of its own: the list lays the row out at its own width instead of scrolling sideways.
    row.setPrefWidth(0);
    if ("owner".equals(member.role()) || "moderator".equals(member.role())) {
      Label role = new Label(member.role());
      role.setMinWidth(Region.USE_PREF_SIZE);
      role.getStyleClass().addAll(Styles.BADGE, Styles.ROLE);
      row.getChildren().add(role);
    }
    if (model.silenceHolds(member)) {
      Label silenced = new Label("silenced");
      silenced.setMinWidth(Region.USE_PREF_SIZE);
      silenced.getStyleClass().addAll(Styles.BADGE, Styles.SILENCED_TAG);
      silenced.setTooltip(new Tooltip("Silenced until " + WHEN.format(member.silencedUntil())));
      row.getChildren().add(silenced);
    }
    return row;
  }

  /**
   * What a moderator may do to {@code member}, as far as the list says how they stand: nothing to the
   * owner; to a moderator, only the owner (or an administrator); a silence lifted only where one holds,
   * when the server told of it. The server decides each time.
   */
  private List<MenuItem> withModeration(List<MenuItem> own, Member member) {
    List<MenuItem> items = new ArrayList<>(own);
    boolean moderator = "moderator".equals(member.role());
    if (!model.moderates().get() || "owner".equals(member.role()) || (moderator && !model.owns().get())) {
      return items;
    }
    User user = member.user();
    items.add(new SeparatorMenuItem());
    if (model.owns().get()) {
      MenuItem name = new MenuItem(moderator ? "No longer moderator" : "Make moderator");
      name.setOnAction(e -> model.moderator(user, !moderator));
      items.add(name);
    }
    MenuItem silence = new MenuItem("Silence for " + SILENCE_MINUTES + " minutes");
    silence.setOnAction(e -> model.silence(user, SILENCE_MINUTES));
    items.add(silence);
    if (model.silenceHolds(member)) {
      MenuItem lift = new MenuItem("Lift silence");
      lift.setOnAction(e -> model.silence(user, 0));
      items.add(lift);
    }
    MenuItem remove = new MenuItem("Remove from room");
    remove.getStyleClass().add(Styles.DANGER);
    remove.setOnAction(e -> model.remove(user));
    items.add(remove);
    return items;
  }

  /**
   * A message: its sender's name (with its menu), the time, the text, and the message's actions behind a
   * button that shows while the pointer is on the message, as in chat apps; a right-click gives the same.
   */
  private Node messageRow(Message message, ListView<Message> list) {
    Label time = new Label(TIME.format(message.sentAt()));
    time.getStyleClass().add(Styles.MUTED);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    ContextMenu menu = messageMenu(message);
    Button actions = new Button("⋯");
    actions.getStyleClass().add(Styles.MESSAGE_ACTIONS);
    actions.setOnAction(e -> menu.show(actions, Side.BOTTOM, 0, 0));
    HBox meta = new HBox(8, sender(message.from()), time);
    if (message.editedAt() != null) {
      Label edited = new Label("(edited)");
      edited.getStyleClass().addAll(Styles.MUTED, Styles.EDITED);
      edited.setTooltip(new Tooltip("Edited " + WHEN.format(message.editedAt())));
      meta.getChildren().add(edited);
    }
    meta.getChildren().addAll(gap, actions);
    meta.setAlignment(Pos.BASELINE_LEFT);
    VBox box = new VBox(2, meta);
    if (message.replyTo() != null) {
      box.getChildren().add(quote(message.replyTo()));
    }
    // Text from users is formatted by its conventions into Text nodes, never interpreted as markup.
    VBox text = TextNodes.of(model.textOf(message), links);
    Message editing = model.editing().get();
    boolean withFiles = message.files() != null && !message.files().isEmpty();
    if (editing != null && editing.id() == message.id()) {
      box.getChildren().add(editor());
    } else if (!withFiles || (message.text() != null && !message.text().isBlank())) {
      box.getChildren().add(text);
    }
    if (withFiles) {
      box.getChildren().add(files(message.files()));
    }
    if (message.reactions() != null) {
      box.getChildren().add(reactions(message));
    }
    box.getStyleClass().add(model.isMine(message) ? Styles.MINE : Styles.THEIRS);
    if (model.mentionsMe(message)) {
      box.getStyleClass().add(Styles.MENTION);
    }
    actions.visibleProperty().bind(box.hoverProperty().or(menu.showingProperty()));
    // As wide as the list and no wider, so long texts wrap and the actions stay in sight.
    box.prefWidthProperty().bind(list.widthProperty().subtract(40));
    box.setMaxWidth(Region.USE_PREF_SIZE);
    text.maxWidthProperty().bind(box.prefWidthProperty());
    return box;
  }

  /** A message's files: pictures as their previews, every other file as a card. */
  private Node files(List<SharedFile> shared) {
    FlowPane files = new FlowPane(6, 6);
    for (SharedFile file : shared) {
      files.getChildren().add(file.image() != null ? picture(file) : card(file));
    }
    return files;
  }

  /**
   * A picture as its preview, fetched off the FX thread (once: {@link Pictures}) into a frame as large
   * as the preview will be, from the picture's size, so that the row does not grow as it comes. A click
   * opens it in full.
   */
  private Node picture(SharedFile file) {
    SharedFile.Picture image = file.image();
    double scale = Math.min(1, PICTURE_SIDE / Math.max(1, Math.max(image.width(), image.height())));
    double width = Math.max(1, Math.round(image.width() * scale));
    double height = Math.max(1, Math.round(image.height() * scale));
    StackPane frame = new StackPane();
    frame.getStyleClass().add(Styles.PICTURE);
    frame.setMinSize(width, height);
    frame.setPrefSize(width, height);
    frame.setMaxSize(width, height);
    Tooltip.install(frame, new Tooltip(file.name() + " · " + image.width() + " × " + image.height() + " · " + FileLabels.size(file.size())));
    if (model.unavailable().contains(file.id())) {
      Label gone = new Label("Picture unavailable");
      gone.getStyleClass().add(Styles.UNAVAILABLE);
      frame.getChildren().add(gone);
      return frame;
    }
    ImageView view = new ImageView();
    view.setFitWidth(width);
    view.setFitHeight(height);
    view.setPreserveRatio(true);
    view.setSmooth(true);
    view.imageProperty().bind(pictures.preview(file, model));
    frame.getChildren().add(view);
    frame.setOnMouseClicked(e -> openInFull(file, frame));
    return frame;
  }

  /** The picture in full in a window of its own, scrolling when it is larger than the window. */
  private void openInFull(SharedFile file, Node from) {
    SharedFile.Picture size = file.image();
    double longer = Math.max(size.width(), size.height());
    double scale = Math.min(1, FULL_SIZE_SIDE / Math.max(1, longer));
    // The size is the picture's as shown; a photo stored a quarter turn away is decoded as stored.
    boolean quarter = size.quarterTurned();
    double storedWidth = quarter ? size.height() : size.width();
    double storedHeight = quarter ? size.width() : size.height();
    PictureTurn turn = PictureTurn.of(size.orientation());
    model.fullSize(
        file,
        in -> new Image(in, storedWidth * scale, storedHeight * scale, true, true),
        image -> {
          ImageView view = new ImageView(image);
          view.setId("fullPicture");
          view.setScaleX(turn.mirrored() ? -1 : 1);
          view.setRotate(turn.degrees());
          // A group's bounds are its turned child's, so the pane scrolls over the picture as shown.
          ScrollPane pane = new ScrollPane(new Group(view));
          pane.setPannable(true);
          Window owner = from.getScene().getWindow();
          Stage window = new Stage();
          window.setTitle(file.name());
          window.initOwner(owner);
          double shownWidth = quarter ? image.getHeight() : image.getWidth();
          double shownHeight = quarter ? image.getWidth() : image.getHeight();
          Scene scene = new Scene(pane, Math.min(shownWidth + 24, 1200), Math.min(shownHeight + 24, 900));
          scene.getStylesheets().setAll(owner.getScene().getStylesheets());
          window.setScene(scene);
          window.show();
        });
  }

  /** Any other file: its icon, name (plain text), size and type, and Save…, which asks where. */
  private Node card(SharedFile file) {
    Label icon = new Label(FileLabels.icon(file.type()));
    icon.getStyleClass().add(Styles.FILE_ICON);
    Label name = new Label(file.name());
    name.getStyleClass().add(Styles.FILE_NAME);
    boolean gone = model.unavailable().contains(file.id());
    Label about = new Label(gone ? "unavailable: its message was deleted" : FileLabels.size(file.size()) + " · " + file.type());
    about.getStyleClass().add(gone ? Styles.UNAVAILABLE : Styles.MUTED);
    VBox named = new VBox(name, about);
    named.setMinWidth(0);
    HBox.setHgrow(named, Priority.ALWAYS);
    Button save = new Button("Save…");
    save.getStyleClass().addAll(Styles.SMALL, Styles.SAVE_FILE);
    save.setDisable(gone);
    save.setOnAction(
        e -> {
          Path target = files.saveAs(save.getScene().getWindow(), file.name());
          if (target != null) {
            model.save(file, target);
          }
        });
    HBox card = new HBox(icon, named, save);
    card.getStyleClass().add(Styles.FILE_CARD);
    return card;
  }

  /** What a reply answers, as a line that brings the original into view when clicked. */
  private Node quote(Reply original) {
    // No text: deleted, or by someone the reader blocks (the server leaves it out).
    String said =
        Boolean.TRUE.equals(original.deleted())
            ? "a deleted message"
            : original.text() == null ? "a message you do not see" : excerpt(original.text());
    Label quote = new Label("↪ " + UserLabels.name(original.from()) + ": " + said);
    quote.getStyleClass().add(Styles.QUOTE);
    quote.setWrapText(true);
    quote.setOnMouseClicked(e -> model.showMessage(original.id()));
    return quote;
  }

  /** The message's text in an area like the draft's: Enter saves, Shift+Enter starts a line, Escape gives up. */
  private Node editor() {
    TextArea area = MessageArea.of(model.editText(), model::saveEdit);
    area.setId("editText");
    area.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            model.cancelEdit();
          }
        });
    Platform.runLater(area::requestFocus);
    return area;
  }

  /** One button per emoji on the message, with its count; pressed when it is the user's, who reacted as its tooltip. */
  private Node reactions(Message message) {
    FlowPane chips = new FlowPane(4, 4);
    for (Reaction reaction : message.reactions()) {
      ToggleButton chip = new ToggleButton(reaction.emoji() + " " + reaction.count());
      chip.getStyleClass().add(Styles.REACTION);
      chip.setSelected(Boolean.TRUE.equals(reaction.mine()));
      chip.setTooltip(new Tooltip(ConversationViewModel.reactedBy(reaction)));
      chip.setOnAction(e -> model.toggleReaction(message, reaction.emoji()));
      chips.getChildren().add(chip);
    }
    return chips;
  }

  /** The emoji to react with, in a grid at {@code x, y} on the screen. */
  private void pickReaction(Message message, Window owner, double x, double y) {
    FlowPane grid = new FlowPane(2, 2);
    grid.setPrefWrapLength(300);
    ContextMenu picker = new ContextMenu();
    for (Emoji emoji : model.emoji()) {
      Button pick = new Button(emoji.emoji());
      pick.getStyleClass().add(Styles.EMOJI_PICK);
      pick.setTooltip(new Tooltip(":" + emoji.name() + ":"));
      pick.setOnAction(
          e -> {
            picker.hide();
            model.toggleReaction(message, emoji.emoji());
          });
      grid.getChildren().add(pick);
    }
    CustomMenuItem item = new CustomMenuItem(grid, false);
    picker.getItems().add(item);
    picker.show(owner, x, y);
  }

  /** The start of a text on one line, cut between characters (never inside a surrogate pair). */
  private static String excerpt(String text) {
    String line = text.strip().replace('\n', ' ');
    if (line.codePointCount(0, line.length()) <= EXCERPT) {
      return line;
    }
    return line.substring(0, line.offsetByCodePoints(0, EXCERPT - 1)) + "…";
  }

  /** "ann is typing…", "ann and bob are typing…", or nothing. */
  private static String typingLine(List<User> typists) {
    List<String> names = typists.stream().map(UserLabels::name).toList();
    return switch (names.size()) {
      case 0 -> "";
      case 1 -> names.get(0) + " is typing…";
      default -> String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1) + " are typing…";
    };
  }

  /**
   * What one can do with a message: answer it, react to it, copy its text; edit it, if it is one's own;
   * delete it, if it is one's own (an admin: any).
   */
  private ContextMenu messageMenu(Message message) {
    MenuItem reply = new MenuItem("Reply");
    reply.setOnAction(e -> model.replyTo(message));
    MenuItem react = new MenuItem("Add reaction…");
    MenuItem copy = new MenuItem("Copy text");
    copy.setOnAction(e -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, message.text())));
    ContextMenu menu = new ContextMenu(reply, react, copy);
    // The picker opens where the menu was, which is gone by then.
    react.setOnAction(e -> pickReaction(message, menu.getOwnerWindow(), menu.getX(), menu.getY()));
    if (model.canEdit(message)) {
      MenuItem edit = new MenuItem("Edit");
      edit.setOnAction(e -> model.startEdit(message));
      menu.getItems().add(1, edit);
    }
    if (model.canDelete(message)) {
      MenuItem delete = new MenuItem("Delete");
      delete.getStyleClass().add(Styles.DANGER);
      delete.setOnAction(e -> model.delete(message));
      menu.getItems().add(delete);
    }
    return menu;
  }
}
