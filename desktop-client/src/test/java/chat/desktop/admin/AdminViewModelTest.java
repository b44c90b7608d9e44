package chat.desktop.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.client.ChatApiException;
import chat.desktop.Ui;
import chat.dto.AdminUser;
import chat.dto.ApiKey;
import chat.dto.BanResult;
import chat.dto.Bans;
import chat.dto.ClusterView;
import chat.dto.CreatedApiKey;
import chat.dto.Role;
import chat.dto.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminViewModelTest {

  private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");

  /** A server of two users and the bans made through it. */
  private final class Server implements AdminActions {
    final List<String> calls = new ArrayList<>();
    final List<Bans.UserBan> bans = new ArrayList<>();
    final List<ApiKey> keys = new ArrayList<>();
    RuntimeException refusal;

    @Override
    public List<AdminUser> findUsers(String query) {
      calls.add("find " + query);
      return List.of(user("mallory", isBanned("mallory")), user("trent", isBanned("trent")))
          .stream().filter(u -> u.username().contains(query)).toList();
    }

    @Override
    public BanResult ban(String username, boolean withAddresses, String reason) {
      calls.add("ban " + username + " " + withAddresses + " " + reason);
      if (refusal != null) {
        throw refusal;
      }
      bans.add(new Bans.UserBan(User.of(9, username, Role.USER), reason, "root", NOW));
      return new BanResult("banned", withAddresses ? List.of("203.0.113.7", "2001:db8::1") : List.of());
    }

    @Override
    public String unban(String username) {
      calls.add("unban " + username);
      bans.removeIf(ban -> ban.user().username().equals(username));
      return "unbanned";
    }

    @Override
    public Bans bans() {
      return new Bans(List.copyOf(bans), List.of());
    }

    @Override
    public ClusterView cluster() {
      return new ClusterView("node-a", List.of(new ClusterView.Member("node-a", "127.0.0.1:6900", 3), new ClusterView.Member("node-b", "127.0.0.1:6901", 5)));
    }

    @Override
    public void ping() {
      calls.add("ping");
    }

    @Override
    public CreatedApiKey createApiKey(String name, List<String> scopes) {
      calls.add("key " + name + " " + scopes);
      ApiKey key = new ApiKey(keys.size() + 1, name, scopes, NOW, null, User.of(20, name, Role.SERVICE));
      keys.add(key);
      return new CreatedApiKey(key, "the-secret");
    }

    @Override
    public List<ApiKey> apiKeys() {
      return List.copyOf(keys);
    }

    @Override
    public void revokeApiKey(long id) {
      calls.add("revoke " + id);
      keys.removeIf(key -> key.id() == id);
    }

    private boolean isBanned(String username) {
      return bans.stream().anyMatch(ban -> ban.user().username().equals(username));
    }
  }

  private final Server server = new Server();
  private final AdminViewModel admin = new AdminViewModel(server, Ui.inline());

  @Test
  void aBanWithAReasonAndTheAddressesIsShownAndTheConsoleRefreshed() {
    admin.refresh();
    admin.reason().set("  spam  ");
    admin.banAddresses().set(true);

    admin.ban(admin.users().get(0));

    assertEquals("ban mallory true spam", server.calls.get(1));
    assertEquals("mallory is banned, with 203.0.113.7, 2001:db8::1.", admin.notice().get());
    assertEquals("", admin.reason().get(), "the next ban starts without this reason");
    assertEquals(List.of("mallory"), admin.userBans().stream().map(ban -> ban.user().username()).toList());
    assertEquals(true, admin.users().get(0).banned());
    assertEquals(List.of("node-a", "node-b"), admin.nodes().stream().map(ClusterView.Member::node).toList());
  }

  @Test
  void aBanWithoutAReasonSaysWhoBannedAndAnUnbanLifts() {
    admin.refresh();

    admin.ban(admin.users().get(1));
    assertEquals("ban trent false banned by an administrator", server.calls.get(1));
    assertEquals("trent is banned.", admin.notice().get());

    admin.unban("trent");
    assertEquals("trent is no longer banned.", admin.notice().get());
    assertEquals(List.of(), admin.userBans());
  }

  @Test
  void aRefusalIsShownInWords() {
    admin.refresh();
    server.refusal = new ChatApiException(400, "invalid_request", "an administrator cannot be banned", null);

    admin.ban(admin.users().get(0));

    assertEquals("An administrator cannot be banned.", admin.notice().get());
    assertEquals(List.of(), admin.userBans());
  }

  @Test
  void findsUsersByWhatIsTyped() {
    admin.query().set(" tre ");

    admin.find();

    assertEquals(List.of("find tre"), server.calls);
    assertEquals(List.of("trent"), admin.users().stream().map(AdminUser::username).toList());
  }

  @Test
  void aNewKeysSecretIsShownOnceAndTheKeyListed() {
    admin.keyName().set(" feed ");
    admin.notifyScope().set(true);

    admin.createKey();

    assertEquals("key feed [rooms:publish, users:notify]", server.calls.get(0));
    assertEquals("the-secret", admin.newSecret().get());
    assertEquals("Key 1 for feed made. Copy its secret now: it is not shown again.", admin.notice().get());
    assertEquals("", admin.keyName().get());
    assertEquals(List.of("feed"), admin.keys().stream().map(ApiKey::name).toList());

    admin.revoke(admin.keys().get(0));
    assertEquals("Key 1 of feed is revoked.", admin.notice().get());
    assertEquals(List.of(), admin.keys());
  }

  @Test
  void aPingSaysWhichNodeItCameBackThrough() {
    admin.ping();
    assertEquals("Ping sent…", admin.lastPing().get());

    admin.pinged("node-b");

    assertEquals("Ping came back through node-b.", admin.lastPing().get());
  }

  @Test
  void aRenamedUserIsListedUnderTheNewName() {
    admin.refresh();

    admin.renamed(new User(1, "mallory", Role.USER, "Mal", ""));

    assertEquals("Mal", admin.users().get(0).displayName());
    assertEquals("trent", admin.users().get(1).displayName());
  }

  private static AdminUser user(String username, boolean banned) {
    return new AdminUser(username.equals("mallory") ? 1 : 2, username, username, Role.USER, banned, List.of("203.0.113.7"), true);
  }
}
