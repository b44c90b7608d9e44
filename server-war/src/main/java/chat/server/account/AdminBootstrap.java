package chat.server.account;

import chat.server.platform.ChatConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** At start, makes CHAT_ADMIN_USERNAME an administrator with CHAT_ADMIN_PASSWORD, when both are set. */
@Startup
@Singleton
@DependsOn("Migrations")
public class AdminBootstrap {

  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  @Inject ChatConfig config;
  @Inject AccountService accounts;

  @PostConstruct
  void ensureAdmin() {
    if (config.adminUsername().isEmpty() || config.adminPassword().isEmpty()) {
      return;
    }
    String username = config.adminUsername().get();
    accounts.ensureAdmin(username, config.adminPassword().get());
    LOG.info(() -> "administrator: " + username);
  }
}
