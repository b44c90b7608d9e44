package chat.client;

import chat.dto.Message;
import chat.dto.Reaction;
import chat.dto.ServerFrame;
import java.util.List;
import java.util.Optional;

/**
 * Which version of a message to show when another comes (docs/protocol.md, "Working with messages"):
 * the one with the later change, and with each reaction marked as the reader's or not.
 *
 * <p>Whether a reaction is the reader's ({@code mine}) is set only in what is read for the reader
 * (history, catch-ups, the answer to their own call); a live change is read for no one. So the mark is
 * taken, in this order, from a live frame that says the reader's own reaction changed, from the
 * version's own mark, from its list of users when that list is whole, and else from the version shown.
 */
public final class MessageVersions {

  private MessageVersions() {}

  /**
   * The version to show of {@code shown} (null when none is) and {@code incoming}; {@code reacted} is
   * what a live frame said changed, or null.
   */
  public static Message newer(Message shown, Message incoming, ServerFrame.Reacted reacted, String me) {
    if (shown != null && shown.latestSeq() > incoming.latestSeq()) {
      return shown;
    }
    if (incoming.reactions() == null) {
      return incoming;
    }
    return incoming.withReactions(
        incoming.reactions().stream().map(reaction -> marked(reaction, shown, reacted, me)).toList());
  }

  private static Reaction marked(Reaction reaction, Message shown, ServerFrame.Reacted reacted, String me) {
    boolean mine;
    if (reacted != null && reacted.emoji().equals(reaction.emoji()) && ChatNames.same(reacted.username(), me)) {
      mine = reacted.on();
    } else if (Boolean.TRUE.equals(reaction.mine())) {
      mine = true;
    } else if (reaction.users().size() >= reaction.count()) {
      mine = reaction.users().stream().anyMatch(user -> ChatNames.same(user, me));
    } else {
      mine = previous(shown, reaction.emoji()).map(r -> Boolean.TRUE.equals(r.mine())).orElse(false);
    }
    return new Reaction(reaction.emoji(), reaction.count(), reaction.users(), mine ? true : null);
  }

  private static Optional<Reaction> previous(Message shown, String emoji) {
    if (shown == null || shown.reactions() == null) {
      return Optional.empty();
    }
    return shown.reactions().stream().filter(r -> r.emoji().equals(emoji)).findFirst();
  }
}
