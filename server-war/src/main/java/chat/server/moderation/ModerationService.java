package chat.server.moderation;

import chat.dto.AdminUser;
import chat.dto.BanRequest;
import chat.dto.BanResult;
import chat.dto.Bans;
import chat.dto.Role;
import chat.dto.Status;
import chat.dto.User;
import chat.server.access.BanList;
import chat.server.account.AccountService;
import chat.server.error.ChatException;
import chat.server.events.AccountChanged;
import chat.server.events.BanChanged;
import chat.server.events.ChatEvents;
import chat.server.input.InputText;
import chat.server.presence.UserPresence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/** Banning and unbanning, and the administrators' user and ban lists. */
@ApplicationScoped
public class ModerationService {

  private static final int MAX_REASON = 500;

  private ModerationStore store;
  private BanList bans;
  private AccountService accounts;
  private ChatEvents events;
  private UserPresence online;

  protected ModerationService() {}

  @Inject
  ModerationService(
      ModerationStore store,
      BanList bans,
      AccountService accounts,
      ChatEvents events,
      UserPresence online) {
    this.store = store;
    this.bans = bans;
    this.accounts = accounts;
    this.events = events;
    this.online = online;
  }

  /**
   * Bans a user, and with {@code ip} every address they were seen at. This node applies it at once;
   * the event closes the user's sockets and updates every other node.
   */
  public BanResult ban(User admin, BanRequest request) {
    if (request == null) {
      throw ChatException.invalid("send {\"username\": ..., \"ip\": true|false, \"reason\": ...}");
    }
    String reason =
        request.reason() == null || request.reason().isBlank()
            ? "banned by an administrator"
            : InputText.plain("reason", request.reason()).trim();
    if (reason.length() > MAX_REASON) {
      throw ChatException.invalid("a reason is at most " + MAX_REASON + " characters");
    }
    User target = accounts.named(request.username());
    if (target.role() == Role.ADMIN) {
      throw ChatException.forbidden("an administrator cannot be banned");
    }
    if (target.role() == Role.SERVICE) {
      throw ChatException.forbidden("a service cannot be banned; revoke its API keys");
    }
    ModerationStore.Ban ban = store.ban(target.id(), reason, admin.id(), Boolean.TRUE.equals(request.ip()));
    changed(new BanChanged(target.id(), true, reason, ban.addresses()));
    events.publish(new AccountChanged(target.id(), ban.tokenVersion(), target.role()));
    return new BanResult("banned", ban.addresses());
  }

  /** Lifts a user's ban and the address bans that came with it. */
  public Status unban(String username) {
    User target = accounts.named(username);
    List<String> freed = store.unban(target.id());
    changed(new BanChanged(target.id(), false, "", freed));
    return new Status("unbanned");
  }

  /** Users whose names contain {@code query}, with whether each has a socket on some node now. */
  public List<AdminUser> users(String query) {
    List<AdminUser> found = store.users(query == null ? "" : InputText.plain("query", query).trim());
    Set<Long> connected = online.onlineAmong(found.stream().map(AdminUser::id).toList());
    return found.stream().map(user -> user.withOnline(connected.contains(user.id()))).toList();
  }

  public Bans bans() {
    return store.bans();
  }

  private void changed(BanChanged change) {
    bans.apply(change);
    events.publish(change);
  }
}
