package chat.server.account;

import chat.server.config.ChatConfig;
import chat.server.error.ChatException;
import chat.server.events.AccountChanged;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * At start, makes CHAT_ADMIN_USERNAME an administrator with CHAT_ADMIN_PASSWORD, when both are set.
 * Outside a container transaction: the account's change commits in the service's own, and only then is
 * it applied and told to every node. (A transaction-phase observer fired from a startup bean's
 * transaction fails inside Payara: no application is on the invocation stack when it completes.)
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class AdminBootstrap {

  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  @Inject ChatConfig config;
  @Inject AccountService accounts;
  @Inject AccountStates states;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void ensureAdmin() {
    if (config.adminUsername().isEmpty() || config.adminPassword().isEmpty()) {
      return;
    }
    String username = config.adminUsername().get();
    Optional<AccountChanged> change;
    try {
      change = accounts.ensureAdmin(username, config.adminPassword().get());
    } catch (ChatException createdMeanwhile) {
      // Nodes started together: another one created the account between our look and our insert.
      change = accounts.ensureAdmin(username, config.adminPassword().get());
    }
    change.ifPresent(states::committed);
    LOG.info(() -> "administrator: " + username);
  }
}
