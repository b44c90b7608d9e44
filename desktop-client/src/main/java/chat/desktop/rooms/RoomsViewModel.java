package chat.desktop.rooms;

import chat.client.ChatNames;
import chat.desktop.Problems;
import chat.desktop.RefreshFailure;
import chat.desktop.Ui;
import chat.dto.ChannelState;
import chat.dto.Room;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
  private final BooleanProperty newRoomPrivate = new SimpleBooleanProperty(false);
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

  /** Reloads the list from the server, keeping what the account's channels said (mine, unread). */
  public void refresh() {
    ui.run(
        actions::rooms,
        fresh -> {
          merge(fresh);
          refreshFailure.succeeded();
        },
        refreshFailure::failed);
  }

  /** Whether the room about to be created is private: seen by its members only, who are invited. */
  public BooleanProperty newRoomPrivate() {
    return newRoomPrivate;
  }

  /** How the user stands in the room, as the server last listed it; null for a room not in the list. */
  public RoomItem item(String name) {
    return find(name);
  }

  public void create() {
    String name = newRoom.get() == null ? "" : newRoom.get().strip();
    if (name.isEmpty()) {
      error.set("Give the room a name.");
      return;
    }
    boolean isPrivate = newRoomPrivate.get();
    ui.run(
        () -> actions.createRoom(name, isPrivate),
        room -> {
          newRoom.set("");
          newRoomPrivate.set(false);
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
    update(name, r -> r.withUnread(0, 0));
    show.accept(name);
  }

  public void leave(String name) {
    actions.leave(name);
    update(name, r -> r.withJoined(false).withMembership(false));
  }

  public boolean isMuted(String name) {
    RoomItem item = find(name);
    return item != null && item.muted();
  }

  public boolean isJoined(String name) {
    RoomItem item = find(name);
    return item != null && item.joined();
  }

  // ---- what the server says ----

  /**
   * A message arrived in a room; unless the room is in view it counts as unread, after the user's
   * marker, and as a mention if it names them.
   */
  public void messageArrived(String room, boolean inView, long seq, boolean mentionsMe) {
    if (!inView) {
      update(
          room,
          r -> seq > r.readSeq() ? r.withUnread(r.unread() + 1, r.mentions() + (mentionsMe ? 1 : 0)) : r);
    }
  }

  /**
   * The account's rooms as the server keeps them (after login and every reconnect): the user's own
   * are listed first, with what is unread; a room in view has nothing unread.
   */
  public void channelsLoaded(List<ChannelState> channels, String inView) {
    Map<String, ChannelState> mine = new HashMap<>();
    channels.stream().filter(c -> c.room() != null).forEach(c -> mine.put(ChatNames.key(c.room()), c));
    for (ChannelState channel : mine.values()) {
      if (find(channel.room()) == null) {
        rooms.add(new RoomItem(channel.room(), 0, 0, false));
      }
    }
    rooms.replaceAll(
        r -> {
          ChannelState state = mine.get(ChatNames.key(r.name()));
          if (state == null) {
            // Joined here while the list was on its way: the user's, whatever the list says.
            return r.joined() ? r : r.withMembership(false);
          }
          boolean seen = inView != null && ChatNames.same(r.name(), inView);
          return new RoomItem(
              r.name(), r.online(), seen ? 0 : state.unread(), r.joined(), true, seen ? 0 : state.mentions(),
              state.muted(), state.readSeq(), r.privateRoom(), r.role());
        });
    sort();
  }

  /** The connection joined the room (one of the user's, as it opened): it is open here too. */
  public void joinedHere(String room) {
    if (find(room) == null) {
      rooms.add(new RoomItem(room, 0, 0, true));
      sort();
    }
    update(room, r -> r.joined() ? r : r.withJoined(true).withUnread(r.unread(), r.mentions()));
  }

  /** The user joined the room on another device, or left it on any. */
  public void membership(String room, boolean member) {
    if (find(room) == null) {
      rooms.add(new RoomItem(room, 0, 0, false));
    }
    update(room, r -> r.withMembership(member));
    sort();
  }

  /** Read up to {@code seq} on some device; {@code allOfIt} when this client has nothing after it. */
  public void read(String room, long seq, boolean allOfIt) {
    update(room, r -> allOfIt ? r.withReadSeq(seq).withUnread(0, 0) : r.withReadSeq(seq));
  }

  public void muted(String room, boolean muted) {
    update(room, r -> r.withMuted(muted));
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
        update(room.name(), r -> r.withOnline(room.online()).withAccess(room.isPrivate(), room.role()));
      } else {
        rooms.add(new RoomItem(room.name(), room.online(), 0, false).withAccess(room.isPrivate(), room.role()));
      }
    }
    sort();
  }

  /** The user's rooms first, then the others, each by name. */
  private void sort() {
    rooms.sort(
        Comparator.comparing((RoomItem r) -> !r.mine()).thenComparing(RoomItem::name, String.CASE_INSENSITIVE_ORDER));
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
