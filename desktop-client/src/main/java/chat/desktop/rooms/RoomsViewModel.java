package chat.desktop.rooms;

import chat.desktop.Problems;
import chat.desktop.RefreshFailure;
import chat.desktop.Ui;
import chat.dto.Room;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The room list: every room with its online count, the ones this user is in, and unread counts for
 * those not in view. Creating a room joins it; opening a room not joined joins it.
 */
public final class RoomsViewModel {

  private final RoomActions actions;
  private final Ui ui;
  private final Consumer<String> show;
  private final ObservableList<RoomItem> rooms = FXCollections.observableArrayList();
  private final StringProperty newRoom = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final RefreshFailure refreshFailure = new RefreshFailure(error);
  private final IntegerBinding unread =
      Bindings.createIntegerBinding(() -> rooms.stream().mapToInt(RoomItem::unread).sum(), rooms);

  /** {@code show} puts a joined room in view. */
  public RoomsViewModel(RoomActions actions, Ui ui, Consumer<String> show) {
    this.actions = actions;
    this.ui = ui;
    this.show = show;
  }

  public ObservableList<RoomItem> rooms() {
    return rooms;
  }

  public StringProperty newRoom() {
    return newRoom;
  }

  public StringProperty error() {
    return error;
  }

  /** Unread messages over every room: the badge. */
  public IntegerBinding unread() {
    return unread;
  }

  /** Reloads the list from the server, keeping what only this client knows (joined, unread). */
  public void refresh() {
    ui.run(
        actions::rooms,
        fresh -> {
          merge(fresh);
          refreshFailure.succeeded();
        },
        refreshFailure::failed);
  }

  public void create() {
    String name = newRoom.get() == null ? "" : newRoom.get().strip();
    if (name.isEmpty()) {
      error.set("Give the room a name.");
      return;
    }
    ui.run(
        () -> actions.createRoom(name),
        room -> {
          newRoom.set("");
          error.set("");
          merge(List.of(room));
          open(room.name());
        },
        failure -> error.set(Problems.describe(failure)));
  }

  /** Joins the room if need be and puts it in view; its unread count is cleared. */
  public void open(String name) {
    RoomItem item = find(name);
    if (item == null || !item.joined()) {
      actions.join(name);
      update(name, r -> r.withJoined(true));
    }
    update(name, r -> r.withUnread(0));
    show.accept(name);
  }

  public void leave(String name) {
    actions.leave(name);
    update(name, r -> r.withJoined(false));
  }

  public boolean isJoined(String name) {
    RoomItem item = find(name);
    return item != null && item.joined();
  }

  // ---- what the server says ----

  /** A message arrived in a room; it counts as unread unless the room is in view. */
  public void messageArrived(String room, boolean inView) {
    if (!inView) {
      update(room, r -> r.withUnread(r.unread() + 1));
    }
  }

  public void membersNow(String room, int count) {
    update(room, r -> r.withOnline(count));
  }

  public void memberCountChanged(String room, int by) {
    update(room, r -> r.withOnline(r.online() + by));
  }

  private void merge(List<Room> fresh) {
    Set<String> known = rooms.stream().map(RoomItem::name).collect(Collectors.toSet());
    for (Room room : fresh) {
      if (known.contains(room.name())) {
        update(room.name(), r -> r.withOnline(room.online()));
      } else {
        rooms.add(new RoomItem(room.name(), room.online(), 0, false));
      }
    }
    rooms.sort((x, y) -> x.name().compareToIgnoreCase(y.name()));
  }

  private RoomItem find(String name) {
    return rooms.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst().orElse(null);
  }

  private void update(String name, UnaryOperator<RoomItem> change) {
    for (int i = 0; i < rooms.size(); i++) {
      if (rooms.get(i).name().equalsIgnoreCase(name)) {
        rooms.set(i, change.apply(rooms.get(i)));
        return;
      }
    }
  }
}
