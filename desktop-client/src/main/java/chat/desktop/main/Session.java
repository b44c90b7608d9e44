package chat.desktop.main;

import chat.client.Backoff;
import chat.client.Channel;
import chat.client.ChatApi;
import chat.client.ChatConnection;
import chat.client.ConnectionState;
import chat.desktop.Ui;
import chat.dto.AccountOverview;
import chat.dto.AdminUser;
import chat.dto.ApiKey;
import chat.dto.Authenticated;
import chat.dto.BanResult;
import chat.dto.Bans;
import chat.dto.ChannelState;
import chat.dto.ClusterView;
import chat.dto.CreatedApiKey;
import chat.dto.Emoji;
import chat.dto.MemberPage;
import chat.dto.Message;
import chat.dto.Room;
import chat.dto.SearchResults;
import chat.dto.ServerFrame;
import chat.dto.SharedFile;
import chat.dto.User;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * A logged-in user's link to the server: the REST client and the one socket, from client-core. What the
 * socket says is handed to the FX thread here, through {@link Ui}, and nowhere else.
 */
public final class Session implements ServerActions, AutoCloseable {

  private final ChatApi api;
  private final ChatConnection connection;
  private final User me;
  private final Ui ui;
  /** Who hears the socket; set once by {@link #start}, before the socket opens. */
  private ChatConnection.Listener listener;
  private List<Emoji> emoji;

  public Session(URI server, Authenticated login, Backoff backoff, Ui ui) {
    this.api = ChatApi.of(server).as(login.token());
    this.me = login.user();
    this.ui = ui;
    this.connection = new ChatConnection(api, login.token(), backoff, new ToFxThread());
  }

  /** Opens the socket; {@code listener} hears it on the FX thread. */
  public void start(ChatConnection.Listener listener) {
    this.listener = listener;
    connection.start();
  }

  public User me() {
    return me;
  }

  @Override
  public void close() {
    connection.close();
  }

  @Override
  public List<Room> rooms() {
    return api.rooms();
  }

  @Override
  public Room createRoom(String name, boolean privateRoom) {
    return api.createRoom(name, privateRoom);
  }

  @Override
  public void join(String room) {
    connection.join(room);
  }

  @Override
  public void leave(String room) {
    connection.leave(room);
  }

  @Override
  public List<ChannelState> channels() {
    return api.channels();
  }

  @Override
  public void markRead(Channel channel, long seq) {
    connection.markRead(channel, seq);
  }

  @Override
  public void typing(Channel channel) {
    connection.typing(channel);
  }

  @Override
  public void mute(Channel channel, boolean muted) {
    api.mute(channel, muted);
  }

  @Override
  public String send(Channel channel, String text, Long replyTo, List<Long> files) {
    return channel instanceof Channel.RoomChannel room
        ? connection.send(room.room(), text, replyTo, files)
        : connection.sendDirect(((Channel.DirectChannel) channel).username(), text, replyTo, files);
  }

  @Override
  public CompletableFuture<SharedFile> upload(Path path, ChatApi.Progress progress) {
    return api.upload(path, progress);
  }

  @Override
  public void deleteUpload(long fileId) {
    api.deleteFile(fileId);
  }

  @Override
  public InputStream file(long fileId) {
    return api.file(fileId);
  }

  @Override
  public InputStream preview(long fileId) {
    return api.preview(fileId);
  }

  /** A conversation's newest page also tells the socket to catch up on it after a reconnect. */
  @Override
  public List<Message> history(Channel channel, Long beforeId) {
    ChatApi.Page page = beforeId == null ? ChatApi.Page.newest() : ChatApi.Page.before(beforeId);
    if (channel instanceof Channel.RoomChannel room) {
      return api.roomMessages(room.room(), page);
    }
    String username = ((Channel.DirectChannel) channel).username();
    List<Message> messages = api.directMessages(username, page);
    if (beforeId == null && !messages.isEmpty()) {
      connection.follow(username, messages.stream().mapToLong(Message::latestSeq).max().getAsLong());
    }
    return messages;
  }

  @Override
  public OptionalInt historyPage() {
    return connection.limits().map(limits -> OptionalInt.of(limits.historyPage())).orElse(OptionalInt.empty());
  }

  @Override
  public void delete(long messageId) {
    api.deleteMessage(messageId);
  }

  @Override
  public MemberPage members(String room, String after) {
    return api.roomMembers(room, after, null);
  }

  @Override
  public void invite(String room, String username) {
    api.invite(room, username);
  }

  @Override
  public void removeMember(String room, String username) {
    api.removeMember(room, username);
  }

  @Override
  public void moderator(String room, String username, boolean on) {
    api.moderator(room, username, on);
  }

  @Override
  public void silence(String room, String username, int minutes) {
    api.silence(room, username, minutes);
  }

  @Override
  public Message edit(long messageId, String text) {
    return api.editMessage(messageId, text);
  }

  @Override
  public Message react(long messageId, String emoji, boolean on) {
    return api.react(messageId, emoji, on);
  }

  /** The server's list, asked for once: it is the same for everyone and changes only with a release. */
  @Override
  public synchronized List<Emoji> emoji() {
    if (emoji == null) {
      emoji = api.emoji();
    }
    return emoji;
  }

  @Override
  public SearchResults search(String query, String room, String from, String before) {
    return api.search(query, room, from, before);
  }

  @Override
  public AccountOverview account() {
    return api.account();
  }

  @Override
  public String addFriend(String username) {
    return api.addFriend(username);
  }

  @Override
  public String removeFriend(String username) {
    return api.removeFriend(username);
  }

  @Override
  public String block(String username) {
    return api.block(username);
  }

  @Override
  public String unblock(String username) {
    return api.unblock(username);
  }

  @Override
  public List<AdminUser> findUsers(String query) {
    return api.findUsers(query);
  }

  @Override
  public BanResult ban(String username, boolean withAddresses, String reason) {
    return api.ban(username, withAddresses, reason);
  }

  @Override
  public String unban(String username) {
    return api.unban(username);
  }

  @Override
  public Bans bans() {
    return api.bans();
  }

  @Override
  public ClusterView cluster() {
    return api.cluster();
  }

  @Override
  public void ping() {
    api.ping();
  }

  @Override
  public CreatedApiKey createApiKey(String name, List<String> scopes) {
    return api.createApiKey(name, scopes);
  }

  @Override
  public List<ApiKey> apiKeys() {
    return api.apiKeys();
  }

  @Override
  public void revokeApiKey(long id) {
    api.revokeApiKey(id);
  }

  @Override
  public User changeProfile(String displayName, String status) {
    return api.changeProfile(displayName, status);
  }

  /** Hands what the socket says to the FX thread: the only way it reaches the screens. */
  private final class ToFxThread implements ChatConnection.Listener {

    @Override
    public void onFrame(ServerFrame frame) {
      ui.onFxThread(() -> listener.onFrame(frame));
    }

    @Override
    public void onState(ConnectionState state) {
      ui.onFxThread(() -> listener.onState(state));
    }
  }
}
