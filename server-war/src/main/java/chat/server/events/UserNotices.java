package chat.server.events;

import java.util.concurrent.CompletionStage;

/** Notices for one user's sockets on every node, with how many sockets took them. */
public interface UserNotices {

  /**
   * Hands {@code frame} to every socket of the user, wherever connected; completes with how many
   * sockets it was handed to, counting the nodes that answered in time.
   */
  CompletionStage<Integer> notify(long userId, String frame);
}
