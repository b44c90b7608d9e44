package chat.dto;

import jakarta.json.bind.annotation.JsonbCreator;
import java.time.Instant;
import java.util.List;

/**
 * A stored message. {@code seq} numbers it within its room or conversation, 1, 2, 3, ..., so that a
 * client can tell a gap from a quiet channel. A room message names its {@code room}, a direct message
 * names its recipient in {@code to}; {@code clientId} is the sender's own key for it, echoed so a sender
 * can match its acknowledgement; {@code mentions} the users it names who can see it, or null for none.
 *
 * <p>A change to it (an edit, a reaction, its deletion) takes the channel's next seq, which
 * {@code changedSeq} holds (null while it never changed); {@code editedAt} is when its text last
 * changed, {@code replyTo} what it answers, {@code reactions} its emoji. A catch-up gives a message
 * deleted since as a tombstone: {@code deleted} true, with its numbers and its channel only.
 * {@code files} are those sent with it (docs/protocol.md, "Files"), null for none.
 */
public record Message(
    long id,
    long seq,
    String room,
    String to,
    User from,
    String text,
    Instant sentAt,
    String clientId,
    List<String> mentions,
    Long changedSeq,
    Instant editedAt,
    Reply replyTo,
    List<Reaction> reactions,
    Boolean deleted,
    List<SharedFile> files) {

  /** A message that names no one. */
  public Message(long id, long seq, String room, String to, User from, String text, Instant sentAt, String clientId) {
    this(id, seq, room, to, from, text, sentAt, clientId, null);
  }

  /** A message as it is first stored: never changed, answering nothing. */
  public Message(
      long id, long seq, String room, String to, User from, String text, Instant sentAt, String clientId, List<String> mentions) {
    this(id, seq, room, to, from, text, sentAt, clientId, mentions, null, null, null, null, null);
  }

  /** A message without files. */
  public Message(
      long id,
      long seq,
      String room,
      String to,
      User from,
      String text,
      Instant sentAt,
      String clientId,
      List<String> mentions,
      Long changedSeq,
      Instant editedAt,
      Reply replyTo,
      List<Reaction> reactions,
      Boolean deleted) {
    this(id, seq, room, to, from, text, sentAt, clientId, mentions, changedSeq, editedAt, replyTo, reactions, deleted, null);
  }

  /** The constructor JSON-B binds to: a record with a second constructor leaves it none by default. */
  @JsonbCreator
  public Message {}

  /** The same message by {@code author} as a client knows them now (docs/protocol.md, "Profiles"). */
  public Message withFrom(User author) {
    return new Message(
        id, seq, room, to, author, text, sentAt, clientId, mentions, changedSeq, editedAt, replyTo, reactions, deleted, files);
  }

  /** The same message answering {@code reply} (what it answers as that is now). */
  public Message withReplyTo(Reply reply) {
    return new Message(
        id, seq, room, to, from, text, sentAt, clientId, mentions, changedSeq, editedAt, reply, reactions, deleted, files);
  }

  /** The same message with these reactions. */
  public Message withReactions(List<Reaction> now) {
    return new Message(
        id, seq, room, to, from, text, sentAt, clientId, mentions, changedSeq, editedAt, replyTo, now, deleted, files);
  }

  /** The same message as numbered by its latest change. */
  public Message withChangedSeq(long latest) {
    return new Message(
        id, seq, room, to, from, text, sentAt, clientId, mentions, latest, editedAt, replyTo, reactions, deleted, files);
  }

  /** The highest number the message carries: the seq of its last change, or its own. */
  public long latestSeq() {
    return changedSeq == null ? seq : Math.max(seq, changedSeq);
  }

  public boolean isDeleted() {
    return Boolean.TRUE.equals(deleted);
  }

  /** Whether the message names {@code username} (ignoring case) among the users it mentions. */
  public boolean mentions(String username) {
    return mentions != null && mentions.stream().anyMatch(name -> name.equalsIgnoreCase(username));
  }

  /**
   * The id alone: it tells stored messages apart, and JSON-B hashes each object it writes (its cycle
   * check), where the generated hash over every component, text and sender included, was a fifth of
   * the cost of fanning a message out.
   */
  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }
}
