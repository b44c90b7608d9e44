package chat.desktop.admin;

import chat.desktop.Problems;
import chat.desktop.Ui;
import chat.dto.AdminUser;
import chat.dto.ApiKey;
import chat.dto.Bans;
import chat.dto.ClusterView;
import chat.dto.User;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The admin console: find users (ban state, last addresses, online), ban with a reason and optionally
 * their addresses, unban, the bans in force, the cluster's nodes and their sockets, and the admin ping.
 */
public final class AdminViewModel {

  private final AdminActions actions;
  private final Ui ui;
  private final StringProperty query = new SimpleStringProperty("");
  private final StringProperty reason = new SimpleStringProperty("");
  private final BooleanProperty banAddresses = new SimpleBooleanProperty(false);
  private final StringProperty notice = new SimpleStringProperty("");
  private final StringProperty lastPing = new SimpleStringProperty("");
  private final ObservableList<AdminUser> users = FXCollections.observableArrayList();
  private final ObservableList<Bans.UserBan> userBans = FXCollections.observableArrayList();
  private final ObservableList<Bans.AddressBan> addressBans = FXCollections.observableArrayList();
  private final ObservableList<ClusterView.Member> nodes = FXCollections.observableArrayList();
  private final ObservableList<ApiKey> keys = FXCollections.observableArrayList();
  private final StringProperty keyName = new SimpleStringProperty("");
  private final BooleanProperty publishScope = new SimpleBooleanProperty(true);
  private final BooleanProperty notifyScope = new SimpleBooleanProperty(false);
  /** The secret of the key made last: shown this once, for the administrator to hand over. */
  private final StringProperty newSecret = new SimpleStringProperty("");

  public AdminViewModel(AdminActions actions, Ui ui) {
    this.actions = actions;
    this.ui = ui;
  }

  public StringProperty query() {
    return query;
  }

  public StringProperty reason() {
    return reason;
  }

  public BooleanProperty banAddresses() {
    return banAddresses;
  }

  public StringProperty notice() {
    return notice;
  }

  /** Which node the last admin ping came back from. */
  public StringProperty lastPing() {
    return lastPing;
  }

  public ObservableList<AdminUser> users() {
    return users;
  }

  public ObservableList<Bans.UserBan> userBans() {
    return userBans;
  }

  public ObservableList<Bans.AddressBan> addressBans() {
    return addressBans;
  }

  public ObservableList<ClusterView.Member> nodes() {
    return nodes;
  }

  public ObservableList<ApiKey> keys() {
    return keys;
  }

  public StringProperty keyName() {
    return keyName;
  }

  public BooleanProperty publishScope() {
    return publishScope;
  }

  public BooleanProperty notifyScope() {
    return notifyScope;
  }

  public StringProperty newSecret() {
    return newSecret;
  }

  /** Everything the console shows, fresh from the server. */
  public void refresh() {
    find();
    refreshBans();
    refreshCluster();
    refreshKeys();
  }

  public void refreshKeys() {
    ui.run(actions::apiKeys, keys::setAll, this::failed);
  }

  /** A key for the named service with the scopes ticked; its secret shows until the next key. */
  public void createKey() {
    String name = keyName.get() == null ? "" : keyName.get().strip();
    List<String> scopes = new ArrayList<>();
    if (publishScope.get()) {
      scopes.add("rooms:publish");
    }
    if (notifyScope.get()) {
      scopes.add("users:notify");
    }
    ui.run(
        () -> actions.createApiKey(name, scopes),
        created -> {
          newSecret.set(created.secret());
          notice.set("Key " + created.key().id() + " for " + name + " made. Copy its secret now: it is not shown again.");
          keyName.set("");
          refreshKeys();
        },
        this::failed);
  }

  public void revoke(ApiKey key) {
    change(
        () -> {
          actions.revokeApiKey(key.id());
          return "Key " + key.id() + " of " + key.name() + " is revoked.";
        });
  }

  /** Someone's profile changed: the user list shows their display name as it is now. */
  public void renamed(User user) {
    users.replaceAll(
        u -> u.id() == user.id()
            ? new AdminUser(u.id(), u.username(), user.displayName(), u.role(), u.banned(), u.lastIps(), u.online())
            : u);
  }

  public void find() {
    String text = query.get() == null ? "" : query.get().strip();
    ui.run(() -> actions.findUsers(text), users::setAll, this::failed);
  }

  public void ban(AdminUser user) {
    String why = reason.get() == null || reason.get().isBlank() ? "banned by an administrator" : reason.get().strip();
    boolean addresses = banAddresses.get();
    change(
        () -> {
          var result = actions.ban(user.username(), addresses, why);
          return result.ips().isEmpty()
              ? user.username() + " is banned."
              : user.username() + " is banned, with " + String.join(", ", result.ips()) + ".";
        });
  }

  public void unban(String username) {
    change(
        () -> {
          actions.unban(username);
          return username + " is no longer banned.";
        });
  }

  public void refreshBans() {
    ui.run(
        actions::bans,
        bans -> {
          userBans.setAll(bans.users());
          addressBans.setAll(bans.addresses());
        },
        this::failed);
  }

  public void refreshCluster() {
    ui.run(actions::cluster, cluster -> nodes.setAll(cluster.members()), this::failed);
  }

  public void ping() {
    lastPing.set("Ping sent…");
    ui.run(
        () -> {
          actions.ping();
          return null;
        },
        sent -> {},
        this::failed);
  }

  /** The admin ping came back to this client's socket, through {@code node}. */
  public void pinged(String node) {
    lastPing.set("Ping came back through " + node + ".");
  }

  private void change(Callable<String> call) {
    ui.run(
        call,
        said -> {
          notice.set(said);
          reason.set("");
          refresh();
        },
        this::failed);
  }

  private void failed(Exception failure) {
    notice.set(Problems.describe(failure));
  }
}
