package chat.server.cluster;

import chat.server.access.BanList;
import chat.server.account.AccountStates;
import chat.server.account.Profiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a node keeps from the cluster's events, read again from the database after the grid merged a
 * split (or a node frozen past its timeout): the events published meanwhile on the other side never
 * arrive, and a ban, an ended login or a new role must hold on every node all the same.
 */
@ApplicationScoped
class MissedEvents {

  private BanList bans;
  private AccountStates accounts;
  private Profiles profiles;

  protected MissedEvents() {}

  @Inject
  MissedEvents(BanList bans, AccountStates accounts, Profiles profiles) {
    this.bans = bans;
    this.accounts = accounts;
    this.profiles = profiles;
  }

  void readAgain() {
    bans.readAgain();
    accounts.readAgain();
    profiles.forgetAll();
  }
}
