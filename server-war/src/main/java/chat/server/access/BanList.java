package chat.server.access;

import chat.dto.ErrorCode;
import chat.dto.Role;
import chat.dto.User;
import chat.server.error.ChatException;
import chat.server.events.BanChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The bans in force, in this node's memory: read from PostgreSQL at start, then changed by
 * {@link BanChanged} events from every node, so a ban bites everywhere as soon as its event arrives
 * and a check costs a hash lookup.
 */
@ApplicationScoped
public class BanList {

  private final Set<Long> users = ConcurrentHashMap.newKeySet();
  private final Set<String> addresses = ConcurrentHashMap.newKeySet();
  private AccessStore store;

  protected BanList() {}

  @Inject
  BanList(AccessStore store) {
    this.store = store;
  }

  void load(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    readAgain();
  }

  /**
   * Reads the bans again, for a node that may have missed their events (split off, or frozen past the
   * grid's timeout): what is kept becomes what is stored, so a ban lifted meanwhile goes too.
   */
  public void readAgain() {
    Set<Long> bannedUsers = Set.copyOf(store.bannedUsers());
    Set<String> bannedAddresses =
        store.bannedAddresses().stream().map(ClientAddress::canonical).collect(Collectors.toUnmodifiableSet());
    users.addAll(bannedUsers);
    users.retainAll(bannedUsers);
    addresses.addAll(bannedAddresses);
    addresses.retainAll(bannedAddresses);
  }

  public void apply(BanChanged change) {
    if (change.banned()) {
      users.add(change.userId());
      change.addresses().stream().map(ClientAddress::canonical).forEach(addresses::add);
    } else {
      users.remove(change.userId());
      change.addresses().stream().map(ClientAddress::canonical).forEach(addresses::remove);
    }
  }

  /**
   * Whether a client of this user at this address may no longer be served: a hash lookup or two. An
   * administrator is never banned, not even by an address ban (else one could lock every administrator
   * out, the one who would lift it included).
   */
  public boolean refuses(User user, String address) {
    return users.contains(user.id()) || (user.role() != Role.ADMIN && addresses.contains(address));
  }

  /**
   * For a request whose token already passed (which checks the user's own ban): the address's ban,
   * unless the user is an administrator.
   */
  public void checkAddressOf(User user, String address) {
    if (user.role() != Role.ADMIN) {
      checkAddress(address);
    }
  }

  public void checkUser(long userId) {
    if (users.contains(userId)) {
      throw new ChatException(ErrorCode.BANNED, "this account is banned");
    }
  }

  public void checkAddress(String address) {
    if (addresses.contains(address)) {
      throw new ChatException(ErrorCode.BANNED, "connections from this address are banned");
    }
  }
}
