package chat.desktop.main;

import chat.client.BlockedReactions;
import chat.client.Channel;
import chat.client.ChatConnection;
import chat.client.ConnectionState;
import chat.desktop.Problems;
import chat.desktop.Ui;
import chat.desktop.UserLabels;
import chat.desktop.admin.AdminViewModel;
import chat.desktop.conversation.ConversationViewModel;
import chat.desktop.conversation.SenderActions;
import chat.desktop.friends.FriendsViewModel;
import chat.desktop.profile.ProfileViewModel;
import chat.desktop.rooms.RoomItem;
import chat.desktop.rooms.RoomsViewModel;
import chat.desktop.search.SearchViewModel;
import chat.desktop.status.StatusViewModel;
import chat.dto.Message;
import chat.dto.Role;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The main window's state: the screens' view models, the conversations open and the one in view, and
 * where each event from the server goes. It hears the connection on the FX thread.
 */
public final class MainViewModel implements ChatConnection.Listener, SenderActions {

  private static final int MOST_SHOWN = 200;

  /** Who the user is, kept current as their profile changes (here or through another client). */
  private final ObjectProperty<User> me;
  private final ServerActions server;
  private final Ui ui;
  private final Clock clock;
  private final RoomsViewModel rooms;
  private final FriendsViewModel friends;
  private final StatusViewModel status = new StatusViewModel();
  private final AdminViewModel admin;
  private final ProfileViewModel profile;
  private final SearchViewModel search;
  private final Map<Channel, ConversationViewModel> conversations = new HashMap<>();
  private final ObjectProperty<ConversationViewModel> inView = new SimpleObjectProperty<>();
  /** Things worth a moment of the user's attention that belong to no screen: an admin ping, say. */
  private final StringProperty notice = new SimpleStringProperty("");
  /** Services' notifications, each shown for a while as a toast; the view removes what it has shown. */
  private final ObservableList<String> toasts = FXCollections.observableArrayList();
  private final IntegerBinding unread;
  private final StringBinding title;
  private final Notifier notifier;
  /** Whether the window has the user's eyes: what is in view is read only then, and notifies only else. */
  private final BooleanProperty windowFocused = new SimpleBooleanProperty(true);
  /**
   * Since when a read elsewhere left counts this app cannot settle itself: they are asked for again on
   * the first tick past the server's batch of markers (CHAT_READ_FLUSH_MILLIS, 500 ms by default).
   */
  private Instant channelsStaleSince;

  private static final Duration CHANNELS_AFTER_READ = Duration.ofMillis(1_500);

  public MainViewModel(User me, ServerActions server, Ui ui, Clock clock, Notifier notifier) {
    this.notifier = notifier;
    this.me = new SimpleObjectProperty<>(me);
    this.profile = new ProfileViewModel(server, ui, this.me);
    this.server = server;
    this.ui = ui;
    this.clock = clock;
    this.rooms = new RoomsViewModel(server, ui, name -> show(conversation(Channel.room(name))));
    this.friends = new FriendsViewModel(server, ui, this::openDirect);
    this.admin = me.role() == Role.ADMIN ? new AdminViewModel(server, ui) : null;
    this.search = new SearchViewModel(server, ui, me.username(), this::openMessage);
    // "Only in this room" is the room in view.
    inView.addListener(
        (o, was, now) ->
            search.roomInView().set(now != null && now.channel() instanceof Channel.RoomChannel(String room) ? room : null));
    this.unread =
        Bindings.createIntegerBinding(
            () -> rooms.unread().get() + friends.unread().get(), rooms.unread(), friends.unread());
    this.title =
        Bindings.createStringBinding(
            () -> (unread.get() > 0 ? "(" + unread.get() + ") " : "") + "Chat · " + me.username(), unread);
  }

  /** Loads what the screens show; the socket is already on its way. */
  public void start() {
    rooms.refresh();
    friends.refresh();
    windowFocused.addListener((o, was, now) -> tick());
    // A room's conversation knows how the user stands in it as the list does (private, owner, moderator).
    rooms.rooms().addListener((ListChangeListener<RoomItem>) change -> conversations.values().forEach(this::standing));
  }

  private void standing(ConversationViewModel conversation) {
    if (conversation.channel() instanceof Channel.RoomChannel(String room)) {
      RoomItem item = rooms.item(room);
      boolean admin = me.get().role() == Role.ADMIN;
      conversation.privateRoom().set(item != null && item.privateRoom());
      conversation.moderates().set(admin || (item != null && item.moderated()));
      conversation.owns().set(admin || (item != null && "owner".equals(item.role())));
    }
  }

  public BooleanProperty windowFocused() {
    return windowFocused;
  }

  /**
   * Once a second (the main view's timer): "is typing" lines go by themselves, the members of the room
   * in view are read again when due, and what is in view is read if the window has the user's eyes, in
   * one marker for whatever came during the second.
   */
  public void tick() {
    conversations.values().forEach(ConversationViewModel::expireTyping);
    conversations.values().forEach(ConversationViewModel::expireSilence);
    if (channelsStaleSince != null && !clock.instant().isBefore(channelsStaleSince.plus(CHANNELS_AFTER_READ))) {
      channelsStaleSince = null;
      loadChannels();
    }
    ConversationViewModel shown = inView.get();
    if (shown != null) {
      shown.refreshMembers();
    }
    if (shown != null && windowFocused.get()) {
      shown.markRead();
    }
  }

  /** The account's counts as the server keeps them: after login, every reconnect, and a partial read. */
  private void loadChannels() {
    ui.run(
        server::channels,
        channels -> {
          Channel shown = inView.get() == null ? null : inView.get().channel();
          rooms.channelsLoaded(channels, shown instanceof Channel.RoomChannel(String room) ? room : null);
          friends.channelsLoaded(channels, shown instanceof Channel.DirectChannel(String with) ? with : null);
          conversations.values().forEach(c -> c.muted().set(isMuted(c.channel())));
        },
        failure -> notice.set(Problems.describe(failure)));
  }

  private boolean isMuted(Channel channel) {
    return switch (channel) {
      case Channel.RoomChannel(String room) -> rooms.isMuted(room);
      case Channel.DirectChannel(String username) -> friends.isMuted(username);
    };
  }

  public User me() {
    return me.get();
  }

  public ObjectProperty<User> meProperty() {
    return me;
  }

  public ProfileViewModel profile() {
    return profile;
  }

  public SearchViewModel search() {
    return search;
  }

  public RoomsViewModel rooms() {
    return rooms;
  }

  public FriendsViewModel friends() {
    return friends;
  }

  public StatusViewModel status() {
    return status;
  }

  /** The admin console's model, for an ADMIN only. */
  public Optional<AdminViewModel> admin() {
    return Optional.ofNullable(admin);
  }

  public ObjectProperty<ConversationViewModel> inView() {
    return inView;
  }

  public StringProperty notice() {
    return notice;
  }

  public ObservableList<String> toasts() {
    return toasts;
  }

  /** Messages not read, in rooms and conversations not in view. */
  public IntegerBinding unread() {
    return unread;
  }

  /** The window title, with the unread count in front when there is one. */
  public StringBinding title() {
    return title;
  }

  /** Puts the direct conversation with {@code username} in view, loading its history the first time. */
  public void openDirect(String username) {
    friends.clearUnread(username);
    show(conversation(Channel.direct(username)));
  }

  /**
   * Opens the room or conversation {@code message} is in, as its list opens it (a room not joined here is
   * joined), and brings the message into view, loading older history if need be.
   */
  public void openMessage(Message message) {
    Channel channel = Channel.of(message, me.get().username());
    switch (channel) {
      case Channel.RoomChannel(String room) -> rooms.open(room);
      case Channel.DirectChannel(String username) -> openDirect(username);
    }
    conversation(channel).showMessage(message.id());
  }

  @Override
  public void message(String username) {
    openDirect(username);
  }

  /** Leaves the room a conversation is about; a direct conversation has nothing to leave. */
  public void leave(ConversationViewModel conversation) {
    if (conversation.channel() instanceof Channel.RoomChannel room) {
      leaveRoom(room.room());
    }
  }

  public void leaveRoom(String room) {
    rooms.leave(room);
    forget(room);
  }

  /** The room's conversation goes, from view too. */
  private void forget(String room) {
    ConversationViewModel closed = conversations.remove(Channel.room(room));
    if (closed != null && closed == inView.get()) {
      inView.set(null);
    }
  }

  @Override
  public void addFriend(String username) {
    friends.add(username);
  }

  @Override
  public void block(String username) {
    friends.block(username);
  }

  @Override
  public void onState(ConnectionState state) {
    status.show(state, clock.instant());
  }

  @Override
  public void onFrame(ServerFrame frame) {
    if (frame instanceof ServerFrame.Welcome) {
      loadChannels();
    } else if (frame instanceof ServerFrame.RoomJoined joined) {
      conversation(Channel.room(joined.room())).joined(joined);
      rooms.joinedHere(joined.room());
      rooms.membersNow(joined.room(), joined.members().size());
    } else if (frame instanceof ServerFrame.MembershipChanged membership) {
      rooms.membership(membership.room(), membership.member());
      if (!membership.member()) {
        forget(membership.room());
      } else {
        // Invited to a private room, or named a moderator of one: how the user stands in it is the list's.
        rooms.refresh();
        existing(Channel.room(membership.room())).ifPresent(ConversationViewModel::membersStale);
      }
    } else if (frame instanceof ServerFrame.Silenced silenced) {
      conversation(Channel.room(silenced.room())).silenced(silenced.until());
    } else if (frame instanceof ServerFrame.Read read) {
      read(read);
    } else if (frame instanceof ServerFrame.Muted muted) {
      Channel channel = muted.room() != null ? Channel.room(muted.room()) : Channel.direct(muted.with());
      if (muted.room() != null) {
        rooms.muted(muted.room(), muted.muted());
      } else {
        friends.muted(muted.with(), muted.muted());
      }
      existing(channel).ifPresent(c -> c.muted().set(muted.muted()));
    } else if (frame instanceof ServerFrame.Typing typing) {
      Channel channel = typing.room() != null ? Channel.room(typing.room()) : Channel.direct(typing.user().username());
      existing(channel).ifPresent(c -> c.typingNotice(typing.user()));
    } else if (frame instanceof ServerFrame.MemberJoined joined) {
      existing(Channel.room(joined.room())).ifPresent(c -> c.memberJoined(joined.user()));
      rooms.memberCountChanged(joined.room(), +1);
    } else if (frame instanceof ServerFrame.MemberLeft left) {
      existing(Channel.room(left.room())).ifPresent(c -> c.memberLeft(left.user()));
      rooms.memberCountChanged(left.room(), -1);
    } else if (frame instanceof ServerFrame.ChatMessagePosted posted) {
      arrived(posted.message());
    } else if (frame instanceof ServerFrame.DirectMessagePosted posted) {
      arrived(posted.message());
    } else if (frame instanceof ServerFrame.MessageUpdated live) {
      // One frame for everyone: the reactions of whom this user blocks are left out here.
      ServerFrame.MessageUpdated updated = BlockedReactions.leftOut(live, friends::blocks);
      Channel channel = Channel.of(updated.message(), me.get().username());
      existing(channel).ifPresent(c -> c.changed(updated.message(), updated.reacted()));
    } else if (frame instanceof ServerFrame.MessageDeleted deleted) {
      Channel channel = deleted.room() != null ? Channel.room(deleted.room()) : Channel.direct(deleted.with());
      existing(channel).ifPresent(c -> c.deleted(deleted.id()));
    } else if (frame instanceof ServerFrame.FriendRequested requested) {
      notice.set(requested.user().username() + " wants to be friends.");
      friends.refresh();
    } else if (frame instanceof ServerFrame.FriendAdded || frame instanceof ServerFrame.FriendRemoved) {
      friends.refresh();
    } else if (frame instanceof ServerFrame.IdentityChanged changed) {
      renamed(changed.user());
    } else if (frame instanceof ServerFrame.Notification notification) {
      toasts.add(describe(notification));
    } else if (frame instanceof ServerFrame.AdminPing ping) {
      notice.set("An administrator pinged everyone, through " + ping.from() + ".");
      if (admin != null) {
        admin.pinged(ping.from());
      }
    } else if (frame instanceof ServerFrame.RequestFailed failed) {
      boolean shown = conversations.values().stream().anyMatch(c -> c.refused(failed));
      if (!shown) {
        notice.set(failed.message());
      }
    }
  }

  /**
   * A service's notification, for a toast: who sent it, its kind, and its data as the JSON it
   * came as, cut short. Shown as text, never interpreted.
   */
  private static String describe(ServerFrame.Notification notification) {
    String data = notification.data() == null ? "" : " " + WireJson.toJson(notification.data());
    String line = UserLabels.name(notification.from()) + ": " + notification.kind() + data;
    return line.length() > MOST_SHOWN ? line.substring(0, MOST_SHOWN - 1) + "…" : line;
  }

  /** Every screen that shows the user shows them as they are now. */
  private void renamed(User user) {
    if (user.id() == me.get().id()) {
      me.set(user);
    }
    conversations.values().forEach(conversation -> conversation.renamed(user));
    friends.renamed(user);
    if (admin != null) {
      admin.renamed(user);
    }
  }

  private void arrived(Message posted) {
    // A message passed on again (its clientId sent twice) is as stored, with everyone's reactions.
    Message message = BlockedReactions.leftOut(posted, friends::blocks);
    Channel channel = Channel.of(message, me.get().username());
    ConversationViewModel conversation = conversation(channel);
    conversation.arrived(message);
    if (conversation.isMine(message)) {
      return;
    }
    boolean mentioned = conversation.mentionsMe(message);
    if ((mentioned || message.room() == null) && !isMuted(channel) && !windowFocused.get()) {
      notifier.notify(
          message.room() != null ? "# " + message.room() : UserLabels.name(message.from()),
          UserLabels.name(message.from()) + ": " + message.text());
    }
    boolean seen = conversation == inView.get();
    if (message.room() != null) {
      rooms.messageArrived(message.room(), seen, message.seq(), mentioned);
    } else {
      friends.directMessageArrived(message.from().username(), seen);
    }
  }

  /**
   * Read on some device up to {@code seq}: what this client shows is read if it has nothing after;
   * otherwise the counts are the server's to say again.
   */
  private void read(ServerFrame.Read read) {
    Channel channel = read.room() != null ? Channel.room(read.room()) : Channel.direct(read.with());
    boolean allOfIt = existing(channel).map(c -> c.lastSeq() <= read.seq()).orElse(false);
    if (read.room() != null) {
      rooms.read(read.room(), read.seq(), allOfIt);
    } else if (allOfIt) {
      friends.clearUnread(read.with());
    }
    if (!allOfIt && channelsStaleSince == null) {
      channelsStaleSince = clock.instant();
    }
  }

  private void show(ConversationViewModel conversation) {
    inView.set(conversation);
    if (conversation != null) {
      conversation.refreshMembers();
    }
  }

  private Optional<ConversationViewModel> existing(Channel channel) {
    return Optional.ofNullable(conversations.get(channel));
  }

  /** The conversation's model, made on first use; a direct one then loads its newest history. */
  private ConversationViewModel conversation(Channel channel) {
    ConversationViewModel existing = conversations.get(channel);
    if (existing != null) {
      return existing;
    }
    ConversationViewModel created = new ConversationViewModel(channel, me.get(), server, ui, clock);
    created.muted().set(isMuted(channel));
    standing(created);
    conversations.put(channel, created);
    if (!created.isRoom()) {
      created.loadOlder();
    }
    return created;
  }
}
