package chat.desktop.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.client.Channel;
import chat.client.ChatApi;
import chat.desktop.Ui;
import chat.desktop.friends.FriendItem;
import chat.dto.AccountOverview;
import chat.dto.AdminUser;
import chat.dto.ApiKey;
import chat.dto.BanResult;
import chat.dto.Bans;
import chat.dto.ChannelState;
import chat.dto.ClusterView;
import chat.dto.CreatedApiKey;
import chat.dto.Emoji;
import chat.dto.MemberPage;
import chat.dto.Message;
import chat.dto.Role;
import chat.dto.Room;
import chat.dto.SearchResults;
import chat.dto.ServerFrame;
import chat.dto.SharedFile;
import chat.dto.User;
import chat.testing.MovableClock;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MainViewModelTest {

  private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");
  private static final User ANN = User.of(1, "ann", Role.USER);
  private static final User BOB = User.of(2, "bob", Role.USER);
  private static final User ROOT = User.of(3, "root", Role.ADMIN);

  /** A server with two rooms and one friend, bob; it remembers the rooms joined. */
  private static final class Server implements ServerActions {
    final List<String> joined = new ArrayList<>();
    final List<String> marked = new ArrayList<>();
    List<ChannelState> channels = List.of();
    /** The newest page of every conversation. */
    List<Message> history = List.of();
    int channelsAsked;

    @Override
    public List<Room> rooms() {
      return List.of(new Room(1, "general", "root", NOW, 2), new Room(2, "random", "root", NOW, 1));
    }

    @Override
    public Room createRoom(String name, boolean privateRoom) {
      return new Room(3, name, "ann", NOW, 0);
    }

    @Override
    public void join(String room) {
      joined.add(room);
    }

    @Override
    public void leave(String room) {
      joined.remove(room);
    }

    @Override
    public String send(Channel channel, String text, Long replyTo, List<Long> files) {
      return "client-1";
    }

    @Override
    public CompletableFuture<SharedFile> upload(Path path, ChatApi.Progress progress) {
      return new CompletableFuture<>();
    }

    @Override
    public void deleteUpload(long fileId) {}

    @Override
    public InputStream file(long fileId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public InputStream preview(long fileId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Message> history(Channel channel, Long beforeId) {
      return beforeId == null ? history : List.of();
    }

    @Override
    public OptionalInt historyPage() {
      return OptionalInt.of(50);
    }

    @Override
    public void delete(long messageId) {}

    @Override
    public Message edit(long messageId, String text) {
      throw new UnsupportedOperationException("not used here");
    }

    @Override
    public Message react(long messageId, String emoji, boolean on) {
      throw new UnsupportedOperationException("not used here");
    }

    @Override
    public List<Emoji> emoji() {
      return List.of();
    }

    @Override
    public MemberPage members(String room, String after) {
      return new MemberPage(List.of(), null);
    }

    @Override
    public void invite(String room, String username) {}

    @Override
    public void removeMember(String room, String username) {}

    @Override
    public void moderator(String room, String username, boolean on) {}

    @Override
    public void silence(String room, String username, int minutes) {}

    @Override
    public void markRead(Channel channel, long seq) {
      marked.add(channel + " " + seq);
    }

    @Override
    public void typing(Channel channel) {}

    @Override
    public void mute(Channel channel, boolean muted) {}

    @Override
    public List<ChannelState> channels() {
      channelsAsked++;
      return channels;
    }

    @Override
    public AccountOverview account() {
      return new AccountOverview(ANN, List.of(BOB), List.of(), List.of(), List.of(), List.of("bob"));
    }

    @Override
    public String addFriend(String username) {
      return "requested";
    }

    @Override
    public String removeFriend(String username) {
      return "removed";
    }

    @Override
    public String block(String username) {
      return "blocked";
    }

    @Override
    public String unblock(String username) {
      return "unblocked";
    }

    @Override
    public User changeProfile(String displayName, String status) {
      return ANN.withProfile(displayName, status);
    }

    @Override
    public List<AdminUser> findUsers(String query) {
      return List.of();
    }

    @Override
    public BanResult ban(String username, boolean withAddresses, String reason) {
      return new BanResult("banned", List.of());
    }

    @Override
    public String unban(String username) {
      return "unbanned";
    }

    @Override
    public Bans bans() {
      return new Bans(List.of(), List.of());
    }

    @Override
    public ClusterView cluster() {
      return new ClusterView("node-a", List.of());
    }

    @Override
    public void ping() {}

    @Override
    public CreatedApiKey createApiKey(String name, List<String> scopes) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<ApiKey> apiKeys() {
      return List.of();
    }

    @Override
    public void revokeApiKey(long id) {}

    @Override
    public SearchResults search(String query, String room, String from, String before) {
      return new SearchResults(List.of(), null);
    }
  }

  private final Server server = new Server();
  private final List<String> notified = new ArrayList<>();
  private final MainViewModel main = started(ANN);

  @Test
  void messagesInRoomsNotInViewAreUnreadUntilTheRoomIsOpened() {
    main.rooms().open("general");
    main.onFrame(joined("general"));
    main.rooms().open("random");
    main.onFrame(joined("random"));

    main.onFrame(new ServerFrame.ChatMessagePosted(message(10, "general", null, BOB)));
    main.onFrame(new ServerFrame.ChatMessagePosted(message(11, "general", null, BOB)));
    main.onFrame(new ServerFrame.ChatMessagePosted(message(12, "random", null, BOB)));

    assertEquals(2, main.unread().get(), "random is in view");
    assertEquals("(2) Chat · ann", main.title().get());
    main.rooms().open("general");
    assertEquals(0, main.unread().get());
    assertEquals("Chat · ann", main.title().get());
    assertEquals(List.of(10L, 11L), main.inView().get().messages().stream().map(Message::id).toList());
  }

  @Test
  void aDirectMessageIsUnreadOnItsFriendUntilTheConversationIsOpened() {
    main.onFrame(new ServerFrame.DirectMessagePosted(message(20, null, "ann", BOB)));
    main.onFrame(new ServerFrame.DirectMessagePosted(message(21, null, "bob", ANN)));

    assertNull(main.inView().get(), "a message does not take the user anywhere");
    assertEquals(List.of(new FriendItem(BOB, true, 1)), main.friends().friends(), "what ann sent from elsewhere is read");
    main.openDirect("bob");
    assertEquals(0, main.unread().get());
    assertEquals(Channel.direct("bob"), main.inView().get().channel());
    assertEquals(List.of(20L, 21L), main.inView().get().messages().stream().map(Message::id).toList());
  }

  @Test
  void aSearchResultOpensItsRoomAndBringsTheMessageIntoViewOnceTheRoomIsJoined() {
    main.openMessage(message(10, "general", null, BOB));
    assertEquals(List.of("general"), server.joined, "opened as the list opens it");
    assertEquals(Channel.room("general"), main.inView().get().channel());
    assertEquals("general", main.search().roomInView().get(), "what \"only in this room\" narrows to");

    main.onFrame(new ServerFrame.RoomJoined("general", List.of(ANN, BOB), List.of(message(9, "general", null, BOB), message(10, "general", null, BOB)), false));

    assertEquals(10L, main.inView().get().shown().get());
  }

  @Test
  void aSearchResultInAConversationOpensItAtTheMessage() {
    server.history = List.of(message(20, null, "ann", BOB), message(21, null, "bob", ANN));
    main.rooms().open("general");

    main.openMessage(message(20, null, "ann", BOB));

    assertEquals(Channel.direct("bob"), main.inView().get().channel());
    assertEquals(20L, main.inView().get().shown().get());
    assertNull(main.search().roomInView().get(), "no room is in view");
  }

  @Test
  void aDeletedMessageLeavesItsConversation() {
    main.rooms().open("general");
    main.onFrame(joined("general"));
    main.onFrame(new ServerFrame.ChatMessagePosted(message(10, "general", null, BOB)));

    main.onFrame(new ServerFrame.MessageDeleted(10, "general", null, 11L, 10L));

    assertEquals(List.of(), main.inView().get().messages());
  }

  @Test
  void leavingTheRoomInViewTakesItOutOfView() {
    main.rooms().open("general");
    main.onFrame(joined("general"));

    main.leave(main.inView().get());

    assertNull(main.inView().get());
    assertEquals(List.of(), server.joined);
  }

  @Test
  void aNewProfileShowsWhereverItsUserDoes() {
    User renamed = BOB.withProfile("Bobby", "on a train");
    main.onFrame(new ServerFrame.IdentityChanged(renamed));
    main.onFrame(new ServerFrame.IdentityChanged(ANN.withProfile("Ann", "back at 5")));

    assertEquals(renamed, main.friends().friends().get(0).user());
    assertEquals("back at 5", main.me().status());
  }

  @Test
  void aRefusalNoConversationClaimsIsTheNotice() {
    main.onFrame(new ServerFrame.RequestFailed("rate_limited", "too many friend requests; try again in 5 s", null));

    assertEquals("too many friend requests; try again in 5 s", main.notice().get());
  }

  @Test
  void aServicesNotificationIsAToastCutShort() {
    User feed = User.of(9, "feed", Role.SERVICE);

    main.onFrame(new ServerFrame.Notification(feed, "build", null));
    main.onFrame(new ServerFrame.Notification(feed, "x".repeat(500), null));

    assertEquals("feed: build", main.toasts().get(0));
    assertEquals(200, main.toasts().get(1).length());
    assertTrue(main.toasts().get(1).endsWith("…"));
  }

  @Test
  void anAdminPingIsTheNoticeAndTheConsoleSaysWhereItCameFrom() {
    MainViewModel admin = started(ROOT);

    admin.onFrame(new ServerFrame.AdminPing("node-b"));
    main.onFrame(new ServerFrame.AdminPing("node-b"));

    assertEquals("An administrator pinged everyone, through node-b.", admin.notice().get());
    assertEquals("Ping came back through node-b.", admin.admin().orElseThrow().lastPing().get());
    assertEquals("An administrator pinged everyone, through node-b.", main.notice().get());
    assertTrue(main.admin().isEmpty(), "only an administrator has the console");
  }

  private MainViewModel started(User me) {
    MainViewModel model =
        new MainViewModel(me, server, Ui.inline(), Clock.fixed(NOW, ZoneOffset.UTC), (title, text) -> notified.add(title + " | " + text));
    model.start();
    return model;
  }

  private static ServerFrame.RoomJoined joined(String room) {
    return new ServerFrame.RoomJoined(room, List.of(ANN, BOB), List.of(), false);
  }

  private static Message message(long id, String room, String to, User from) {
    return new Message(id, id, room, to, from, "hello", NOW, null);
  }

  @Test
  void aReadElsewhereThatLeavesMessagesUnreadHereAsksForTheCountsOnceTheServerHasWrittenIt() {
    MovableClock clock = new MovableClock();
    MainViewModel model = new MainViewModel(ANN, server, Ui.inline(), clock, (title, text) -> {});
    model.start();
    model.onFrame(welcome());
    model.onFrame(joined("general"));
    model.onFrame(new ServerFrame.ChatMessagePosted(message(40, "general", null, BOB)));
    int asked = server.channelsAsked;

    model.onFrame(new ServerFrame.Read("general", null, 39));
    model.onFrame(new ServerFrame.Read("general", null, 39));
    model.tick();
    assertEquals(asked, server.channelsAsked, "not before the server's batch of markers is written");
    clock.advance(Duration.ofMillis(1_500));
    model.tick();
    model.tick();
    assertEquals(asked + 1, server.channelsAsked, "once, for both reads");
  }

  @Test
  void aMentionOrADirectMessageNotifiesOnlyWhileTheWindowIsAwayAndTheChannelNotMuted() {
    server.channels = List.of(new ChannelState("random", null, 0, 0, 0, 0, true));
    main.onFrame(welcome());
    main.onFrame(joined("general"));
    main.onFrame(joined("random"));
    main.windowFocused().set(false);

    main.onFrame(new ServerFrame.ChatMessagePosted(mentioning(30, "general")));
    main.onFrame(new ServerFrame.ChatMessagePosted(mentioning(31, "random")));
    main.onFrame(new ServerFrame.ChatMessagePosted(message(32, "general", null, BOB)));
    main.onFrame(new ServerFrame.DirectMessagePosted(message(33, null, "ann", BOB)));
    main.windowFocused().set(true);
    main.onFrame(new ServerFrame.DirectMessagePosted(message(34, null, "ann", BOB)));

    assertEquals(List.of("# general | bob: @ann hello", "bob | bob: hello"), notified, "random is muted");
  }

  @Test
  void whatIsInViewIsReadOnlyWhileTheWindowHasTheUsersEyes() {
    main.rooms().open("general");
    main.onFrame(joined("general"));
    main.windowFocused().set(false);
    main.onFrame(new ServerFrame.ChatMessagePosted(message(40, "general", null, BOB)));
    main.tick();
    assertEquals(List.of(), server.marked);
    main.windowFocused().set(true);
    assertEquals(List.of(Channel.room("general") + " 40"), server.marked);
  }

  @Test
  void aRoomLeftOnAnotherDeviceGoesFromViewAndFromMyRooms() {
    main.rooms().open("general");
    main.onFrame(joined("general"));
    main.onFrame(new ServerFrame.MembershipChanged("general", false));
    assertNull(main.inView().get());
    assertEquals(false, main.rooms().rooms().stream().filter(r -> r.name().equals("general")).findFirst().orElseThrow().mine());
  }

  private static ServerFrame.Welcome welcome() {
    return new ServerFrame.Welcome(ANN, "node-a", 25, null, List.of());
  }

  private static Message mentioning(long id, String room) {
    return new Message(id, id, room, null, BOB, "@ann hello", NOW, null, List.of("ann"));
  }
}
