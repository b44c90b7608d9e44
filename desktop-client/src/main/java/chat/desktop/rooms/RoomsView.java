package chat.desktop.rooms;

import chat.desktop.Cells;
import chat.desktop.Styles;
import chat.desktop.View;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The room list with online and unread counts; a click opens (and joins) a room. */
public final class RoomsView implements View {

  private final RoomsViewModel model;
  private final Consumer<String> leave;

  /** {@code leave} leaves a room and closes its conversation. */
  public RoomsView(RoomsViewModel model, Consumer<String> leave) {
    this.model = model;
    this.leave = leave;
  }

  @Override
  public Parent createView() {
    ListView<RoomItem> list = new ListView<>(model.rooms());
    list.setId("rooms");
    list.setCellFactory(Cells.showing(this::row, this::menu));
    list.setOnMouseClicked(
        e -> {
          RoomItem selected = list.getSelectionModel().getSelectedItem();
          if (selected != null) {
            model.open(selected.name());
          }
        });
    VBox.setVgrow(list, Priority.ALWAYS);

    TextField name = new TextField();
    name.setId("newRoom");
    name.setPromptText("New room");
    name.textProperty().bindBidirectional(model.newRoom());
    name.setOnAction(e -> model.create());
    Button create = new Button("Create");
    create.setId("createRoom");
    create.setOnAction(e -> model.create());
    HBox.setHgrow(name, Priority.ALWAYS);
    CheckBox privateRoom = new CheckBox("Private");
    privateRoom.setId("newRoomPrivate");
    privateRoom.setTooltip(new Tooltip("Seen by its members only, who join when invited"));
    privateRoom.selectedProperty().bindBidirectional(model.newRoomPrivate());

    Button refresh = new Button("Refresh");
    refresh.setOnAction(e -> model.refresh());

    Label error = new Label();
    error.getStyleClass().add(Styles.ERROR);
    error.setWrapText(true);
    error.textProperty().bind(model.error());

    VBox box = new VBox(8, list, new HBox(6, name, create), privateRoom, refresh, error);
    box.setPadding(new Insets(8));
    return box;
  }

  /** One's own rooms in bold (a muted one dimmed), with their unread and mention counts. */
  private Node row(RoomItem room) {
    Label name = new Label("# " + room.name());
    name.getStyleClass().add(room.joined() || room.mine() ? Styles.ROOM_JOINED : Styles.ROOM_OTHER);
    if (room.muted()) {
      name.getStyleClass().add(Styles.ROOM_MUTED);
    }
    Label online = new Label(room.online() + " online");
    online.getStyleClass().add(Styles.MUTED);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox line = new HBox(6, name, gap, online);
    if (room.privateRoom()) {
      Label lock = new Label("🔒");
      lock.getStyleClass().add(Styles.PRIVATE_ROOM);
      lock.setTooltip(new Tooltip("Private: members only"));
      line.getChildren().add(0, lock);
    }
    if (room.mentions() > 0) {
      Label mentions = new Label("@" + room.mentions());
      mentions.getStyleClass().addAll(Styles.BADGE, Styles.MENTION_BADGE);
      line.getChildren().add(mentions);
    }
    if (room.unread() > 0) {
      Label badge = new Label(Integer.toString(room.unread()));
      badge.getStyleClass().add(Styles.BADGE);
      line.getChildren().add(badge);
    }
    return line;
  }

  /** A joined room's row offers to leave it. */
  private ContextMenu menu(RoomItem room) {
    if (!room.joined() && !room.mine()) {
      return null;
    }
    MenuItem leaveItem = new MenuItem("Leave " + room.name());
    leaveItem.setOnAction(e -> leave.accept(room.name()));
    return new ContextMenu(leaveItem);
  }
}
