package chat.server.account;

import chat.server.config.ChatConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.mindrot.jbcrypt.BCrypt;

/** bcrypt at the configured cost (CHAT_BCRYPT_COST, 12 by default). */
@ApplicationScoped
public class PasswordHasher {

  private int cost;
  /** Checked against when the user does not exist, so an unknown name costs as long as a wrong password. */
  private String decoy;

  protected PasswordHasher() {}

  @Inject
  PasswordHasher(ChatConfig config) {
    this.cost = config.bcryptCost();
    this.decoy = BCrypt.hashpw("decoy-password", BCrypt.gensalt(cost));
  }

  String hash(String password) {
    return BCrypt.hashpw(password, BCrypt.gensalt(cost));
  }

  boolean matches(String password, String hash) {
    return BCrypt.checkpw(password, hash);
  }

  void spendTimeOfACheck(String password) {
    BCrypt.checkpw(password, decoy);
  }
}
