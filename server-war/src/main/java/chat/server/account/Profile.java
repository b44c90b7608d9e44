package chat.server.account;

import chat.dto.User;

/**
 * The changeable part of a user, with the number of changes made to it: of two copies a node holds,
 * the one with the larger version is newer, whichever arrived last.
 */
public record Profile(String displayName, String status, int version) {

  public User of(User user) {
    return user.withProfile(displayName, status);
  }

  static Profile newer(Profile a, Profile b) {
    return b.version() > a.version() ? b : a;
  }
}
