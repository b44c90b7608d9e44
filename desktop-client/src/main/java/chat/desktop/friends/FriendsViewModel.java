package chat.desktop.friends;

import chat.client.ChatNames;
import chat.desktop.Problems;
import chat.desktop.RefreshFailure;
import chat.desktop.Ui;
import chat.dto.AccountOverview;
import chat.dto.ChannelState;
import chat.dto.User;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Friends with their online state, requests in (accept, decline) and out (cancel), blocked users
 * (unblock), and a way to start a direct conversation. Reloaded from the server after each change and
 * on each friend event, and by the main window every few seconds for the online states.
 */
public final class FriendsViewModel {

  private final FriendActions actions;
  private final Ui ui;
  private final Consumer<String> openConversation;
  private final ObservableList<FriendItem> friends = FXCollections.observableArrayList();
  private final ObservableList<User> incoming = FXCollections.observableArrayList();
  private final ObservableList<User> outgoing = FXCollections.observableArrayList();
  private final ObservableList<User> blocked = FXCollections.observableArrayList();
  private final StringProperty newFriend = new SimpleStringProperty("");
  private final StringProperty notice = new SimpleStringProperty("");
  private final RefreshFailure refreshFailure = new RefreshFailure(notice);
  private final Map<String, Integer> unreadByFriend = new HashMap<>();
  private final Set<String> mutedFriends = new HashSet<>();
  private final IntegerBinding unread =
      Bindings.createIntegerBinding(() -> friends.stream().mapToInt(FriendItem::unread).sum(), friends);

  /** {@code openConversation} puts the direct conversation with a username in view. */
  public FriendsViewModel(FriendActions actions, Ui ui, Consumer<String> openConversation) {
    this.actions = actions;
    this.ui = ui;
    this.openConversation = openConversation;
  }

  public ObservableList<FriendItem> friends() {
    return friends;
  }

  public ObservableList<User> incoming() {
    return incoming;
  }

  public ObservableList<User> outgoing() {
    return outgoing;
  }

  public ObservableList<User> blocked() {
    return blocked;
  }

  /** Whether the user blocks {@code username}, as the account last read says. */
  public boolean blocks(String username) {
    return blocked.stream().anyMatch(user -> ChatNames.same(user.username(), username));
  }

  public StringProperty newFriend() {
    return newFriend;
  }

  /** What the last action did, or why it failed. */
  public StringProperty notice() {
    return notice;
  }

  public IntegerBinding unread() {
    return unread;
  }

  /** Someone's profile changed: wherever they are listed here shows it. */
  public void renamed(User user) {
    friends.replaceAll(f -> f.user().id() == user.id() ? new FriendItem(user, f.online(), f.unread()) : f);
    for (ObservableList<User> list : List.of(incoming, outgoing, blocked)) {
      list.replaceAll(u -> u.id() == user.id() ? user : u);
    }
  }

  public void refresh() {
    ui.run(
        actions::account,
        account -> {
          show(account);
          refreshFailure.succeeded();
        },
        refreshFailure::failed);
  }

  public void add() {
    String name = newFriend.get() == null ? "" : newFriend.get().strip();
    if (name.isEmpty()) {
      notice.set("Whom? Type a username.");
      return;
    }
    add(name);
    newFriend.set("");
  }

  /** Asks {@code username} to be friends; accepting a request is the same. */
  public void add(String username) {
    change(
        () -> actions.addFriend(username),
        status ->
            "friends".equals(status)
                ? "You and " + username + " are friends."
                : "Asked " + username + " to be friends.");
  }

  /** Ends a friendship, declines a request in, or cancels one out. */
  public void remove(String username) {
    change(() -> actions.removeFriend(username), status -> "Done: " + username + " removed.");
  }

  public void block(String username) {
    change(() -> actions.block(username), status -> username + " is blocked.");
  }

  public void unblock(String username) {
    change(() -> actions.unblock(username), status -> username + " is unblocked.");
  }

  public void message(String username) {
    clearUnread(username);
    openConversation.accept(username);
  }

  // ---- what the server says ----

  public void directMessageArrived(String from, boolean inView) {
    if (!inView) {
      unreadByFriend.merge(ChatNames.key(from), 1, Integer::sum);
      friends.replaceAll(f -> ChatNames.same(f.user().username(), from) ? withUnread(f) : f);
    }
  }

  /** The account's conversations as the server keeps them: what is unread in each, and its mute. */
  public void channelsLoaded(List<ChannelState> channels, String inView) {
    mutedFriends.clear();
    for (ChannelState channel : channels) {
      if (channel.with() == null) {
        continue;
      }
      String friend = ChatNames.key(channel.with().username());
      boolean seen = inView != null && ChatNames.same(friend, inView);
      if (seen || channel.unread() == 0) {
        unreadByFriend.remove(friend);
      } else {
        unreadByFriend.put(friend, channel.unread());
      }
      if (channel.muted()) {
        mutedFriends.add(friend);
      }
    }
    friends.replaceAll(this::withUnread);
  }

  public void muted(String username, boolean muted) {
    if (muted) {
      mutedFriends.add(ChatNames.key(username));
    } else {
      mutedFriends.remove(ChatNames.key(username));
    }
  }

  public boolean isMuted(String username) {
    return mutedFriends.contains(ChatNames.key(username));
  }

  public void clearUnread(String username) {
    unreadByFriend.remove(ChatNames.key(username));
    friends.replaceAll(f -> ChatNames.same(f.user().username(), username) ? withUnread(f) : f);
  }

  private FriendItem withUnread(FriendItem friend) {
    return new FriendItem(
        friend.user(), friend.online(), unreadByFriend.getOrDefault(ChatNames.key(friend.user().username()), 0));
  }

  private void change(Callable<String> call, Function<String, String> said) {
    ui.run(
        call,
        status -> {
          notice.set(said.apply(status));
          refresh();
        },
        failure -> notice.set(Problems.describe(failure)));
  }

  private void show(AccountOverview account) {
    List<String> online = account.online() == null ? List.of() : account.online();
    replaceIfChanged(
        friends,
        account.friends().stream()
            .map(
                f ->
                    new FriendItem(
                        f, online.contains(f.username()), unreadByFriend.getOrDefault(ChatNames.key(f.username()), 0)))
            .toList());
    replaceIfChanged(incoming, account.incoming());
    replaceIfChanged(outgoing, account.outgoing());
    replaceIfChanged(blocked, account.blocked());
  }

  /** A periodic refresh that changes nothing leaves the lists, and what is selected in them, alone. */
  private static <T> void replaceIfChanged(ObservableList<T> shown, List<T> now) {
    if (!shown.equals(now)) {
      shown.setAll(now);
    }
  }
}
