package chat.desktop.profile;

import chat.dto.User;

/** What the profile editor asks of the server. */
public interface ProfileActions {

  /** The caller as changed; a null field stays as it is. */
  User changeProfile(String displayName, String status);
}
