package chat.server.message;

import chat.dto.Message;
import chat.dto.Role;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.emoji.EmojiList;
import chat.server.error.ChatException;
import chat.server.events.ChatEvents;
import chat.server.events.RoomEvent;
import chat.server.events.UserEvent;
import chat.server.ratelimit.RateLimits;
import chat.server.room.RoomService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Changes to stored messages (docs/protocol.md, "Working with messages"): edits, reactions and
 * deletions. Each is stored with its channel's next seq, then told to everyone who can see the
 * message, on every node.
 */
@ApplicationScoped
public class ChangeService {

  private ChangeStore store;
  private MessageText text;
  private EmojiList emoji;
  private ChatEvents events;
  private RateLimits limits;
  private RoomService rooms;

  protected ChangeService() {}

  @Inject
  ChangeService(
      ChangeStore store, MessageText text, EmojiList emoji, ChatEvents events, RateLimits limits, RoomService rooms) {
    this.store = store;
    this.text = text;
    this.emoji = emoji;
    this.events = events;
    this.limits = limits;
    this.rooms = rooms;
  }

  /** The author's new text for their message: the message as it now is. */
  public Message edit(User caller, Long messageId, String newText) {
    text.check(newText);
    limits.edits().acquire(caller.id());
    Target target = target(messageId, caller);
    if (target.from().id() != caller.id()) {
      throw ChatException.forbidden("only its author may edit a message");
    }
    Optional<ChangeStore.Changed> edited = store.edit(target, newText, Mentions.in(newText, Mentions.MOST), caller.id());
    if (edited.isEmpty()) {
      // The same text again, or the message deleted meanwhile.
      return store.asNow(target.id(), caller.id()).orElseThrow(() -> gone(messageId));
    }
    announce(target, new ServerFrame.MessageUpdated(edited.get().forEveryone(), null));
    return edited.get().forCaller();
  }

  /**
   * Adds ({@code on}) or takes back the caller's emoji on a message they can see, in a room they are a
   * member of: the message as it now is. Adding one that is there already, or taking back one that is
   * not, changes nothing and tells no one.
   */
  public Message react(User caller, Long messageId, String reaction, boolean on) {
    if (!emoji.knows(reaction)) {
      throw ChatException.invalid("a reaction is one of the emoji GET /api/emoji lists");
    }
    limits.reactions().acquire(caller.id());
    Target target = target(messageId, caller);
    if (!store.takesPart(target, caller.id())) {
      throw ChatException.forbidden("join the room '" + target.room() + "' to react in it");
    }
    var changed = store.react(target, caller.id(), reaction, on);
    if (changed.isEmpty()) {
      return store.asNow(target.id(), caller.id()).orElseThrow(() -> gone(target.id()));
    }
    var reacted = new ServerFrame.Reacted(caller.username(), reaction, on);
    announce(target, new ServerFrame.MessageUpdated(changed.get().forEveryone(), reacted));
    return changed.get().forCaller();
  }

  /**
   * Deletes a message for everyone: its author, a moderator of its room or an administrator may. Those who could see it are told
   * on every node; it is gone from history, and a catch-up gives it as a tombstone.
   */
  public void delete(User caller, Long messageId) {
    limits.deletions().acquire(caller.id());
    Target target = target(messageId, caller);
    if (target.from().id() != caller.id()
        && caller.role() != Role.ADMIN
        && !(target.inRoom() && rooms.moderates(target.roomId(), caller))) {
      throw ChatException.forbidden("only its author, a moderator of its room or an administrator may delete a message");
    }
    OptionalLong seq = store.delete(target, caller.id());
    if (seq.isEmpty()) {
      throw gone(messageId);
    }
    announceDeletion(target, seq.getAsLong());
  }

  /**
   * The message, as far as {@code caller} may see it: one of a conversation they are not in, or of a
   * private room they are not a member of, is {@code not_found}, as a message that does not exist.
   */
  private Target target(Long messageId, User caller) {
    if (messageId == null) {
      throw ChatException.invalid("which message? send its id");
    }
    Target target = store.target(messageId).orElseThrow(() -> gone(messageId));
    boolean hidden = (!target.inRoom() || target.privateRoom()) && caller.role() != Role.ADMIN;
    if (hidden && !store.takesPart(target, caller.id())) {
      throw gone(messageId);
    }
    return target;
  }

  private static ChatException gone(long messageId) {
    return ChatException.notFound("no message " + messageId);
  }

  /** To everyone who can see the message: not to those who block its author. */
  private void announce(Target target, ServerFrame.MessageUpdated frame) {
    String json = WireJson.toJson(frame);
    long author = target.from().id();
    if (target.inRoom()) {
      events.publish(RoomEvent.change(target.roomId(), author, json));
    } else {
      events.publish(new UserEvent(List.of(target.lowId(), target.highId()), author, json));
    }
  }

  private void announceDeletion(Target target, long seq) {
    if (target.inRoom()) {
      String frame = WireJson.toJson(new ServerFrame.MessageDeleted(target.id(), target.room(), null, seq, target.seq()));
      events.publish(RoomEvent.notice(target.roomId(), frame));
      return;
    }
    // In a conversation each side is told whom the conversation is with: the other one.
    ServerFrame toLow = new ServerFrame.MessageDeleted(target.id(), null, target.highName(), seq, target.seq());
    ServerFrame toHigh = new ServerFrame.MessageDeleted(target.id(), null, target.lowName(), seq, target.seq());
    events.publishAll(
        List.of(
            UserEvent.to(target.lowId(), WireJson.toJson(toLow)),
            UserEvent.to(target.highId(), WireJson.toJson(toHigh))));
  }
}
