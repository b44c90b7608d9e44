package chat.server.access;

import chat.dto.User;
import chat.server.error.DatabaseFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Notes the addresses users log in and connect from: what a later address ban of theirs reaches. */
@ApplicationScoped
public class SeenAddresses {

  private static final Logger LOG = Logger.getLogger(SeenAddresses.class.getName());

  private AccessStore store;

  protected SeenAddresses() {}

  @Inject
  SeenAddresses(AccessStore store) {
    this.store = store;
  }

  /** A failure here only weakens a later address ban, so it is logged rather than refusing the user. */
  public void note(User user, String address) {
    try {
      store.seen(user.id(), address);
    } catch (DatabaseFailure e) {
      LOG.log(Level.WARNING, "could not note that user " + user.id() + " was seen at " + address, e);
    }
  }
}
