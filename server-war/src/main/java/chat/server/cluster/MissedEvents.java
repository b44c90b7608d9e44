package chat.server.cluster;

import chat.server.access.BanList;
import chat.server.room.Silences;
import chat.server.account.AccountStates;
import chat.server.account.Profiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a node keeps from the cluster's events, read again from the database after the grid merged a
 * split (or a node frozen past its timeout): the events published meanwhile on the other side never
 * arrive, and a ban, an ended login, a new role or a silence must hold on every node all the same.
 */
@ApplicationScoped
class MissedEvents {

  private static final Logger LOG = Logger.getLogger(MissedEvents.class.getName());

  private BanList bans;
  private AccountStates accounts;
  private Profiles profiles;
  private Silences silences;

  protected MissedEvents() {}

  @Inject
  MissedEvents(BanList bans, AccountStates accounts, Profiles profiles, Silences silences) {
    this.bans = bans;
    this.accounts = accounts;
    this.profiles = profiles;
    this.silences = silences;
  }

  /**
   * Never throws: a database away at that moment leaves what the node keeps as it was (logged), and the
   * sockets are closed and the merge counted all the same.
   */
  void readAgain() {
    profiles.forgetAll();
    try {
      bans.readAgain();
      accounts.readAgain();
      silences.readAgain();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not read the bans, accounts and silences again after a merge; they stay as they were", e);
    }
  }
}
