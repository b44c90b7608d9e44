package chat.client;

import chat.dto.Message;
import chat.dto.Reaction;
import chat.dto.ServerFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A change as someone who blocks users is to see it (docs/protocol.md, "Working with messages",
 * Reactions): without the reactions of those they block. What is read for a user comes so already;
 * a live {@code message_updated} is one frame for every socket of the channel, with every reaction,
 * so the client, which knows whom its user blocks, leaves theirs out. Past the names a reaction
 * lists nothing tells who else reacted, so a blocked user beyond them is still counted.
 */
public final class BlockedReactions {

  private BlockedReactions() {}

  /**
   * {@code updated} without the reactions of the users {@code blocks} names: each left out of its
   * reaction's users and count, an emoji no one else chose gone, and {@code reacted} gone when it was
   * theirs.
   */
  public static ServerFrame.MessageUpdated leftOut(ServerFrame.MessageUpdated updated, Predicate<String> blocks) {
    ServerFrame.Reacted reacted = updated.reacted();
    boolean theirs = reacted != null && blocks.test(reacted.username());
    Message message = leftOut(updated.message(), blocks);
    if (message == updated.message() && !theirs) {
      return updated;
    }
    return new ServerFrame.MessageUpdated(message, theirs ? null : reacted);
  }

  /** {@code message}, itself when none of its reactions is of a user {@code blocks} names. */
  public static Message leftOut(Message message, Predicate<String> blocks) {
    if (message.reactions() == null) {
      return message;
    }
    List<Reaction> kept = new ArrayList<>();
    boolean changed = false;
    for (Reaction reaction : message.reactions()) {
      List<String> users = reaction.users().stream().filter(blocks.negate()).toList();
      int count = reaction.count() - (reaction.users().size() - users.size());
      if (users.size() == reaction.users().size()) {
        kept.add(reaction);
      } else {
        changed = true;
        if (count > 0) {
          kept.add(new Reaction(reaction.emoji(), count, users, reaction.mine()));
        }
      }
    }
    if (!changed) {
      return message;
    }
    return message.withReactions(kept.isEmpty() ? null : List.copyOf(kept));
  }
}
