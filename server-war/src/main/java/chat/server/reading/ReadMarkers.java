package chat.server.reading;

import chat.dto.ChannelState;
import chat.dto.ServerFrame;
import chat.dto.User;
import chat.dto.WireJson;
import chat.server.error.ChatException;
import chat.server.events.ChatEvents;
import chat.server.events.UserEvent;
import chat.server.input.InputText;
import chat.server.ratelimit.RateLimits;
import chat.server.social.SocialService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A user's read markers and mutes (docs/protocol.md, "Your channels"), and the list of their channels
 * with what is unread. Each change is told at once to every socket of the user on every node; markers
 * reach the database in batches ({@link MarkerWriter}).
 */
@ApplicationScoped
public class ReadMarkers {

  private ReadStore store;
  private MarkerWriter writer;
  private SocialService social;
  private ChatEvents events;
  private RateLimits limits;
  private int countCap;

  protected ReadMarkers() {}

  @Inject
  ReadMarkers(
      ReadStore store,
      MarkerWriter writer,
      SocialService social,
      ChatEvents events,
      RateLimits limits,
      @ConfigProperty(name = "chat.unread.count.cap", defaultValue = "1000") int countCap) {
    this.store = store;
    this.writer = writer;
    this.social = social;
    this.events = events;
    this.limits = limits;
    this.countCap = countCap;
  }

  /** The user has read the channel up to {@code seq}; a marker never moves backwards. */
  public void mark(User user, String room, String with, Long seq) {
    ChannelRef ref = ChannelRef.of(room, with);
    if (seq == null || seq < 0) {
      throw ChatException.invalid("send the 'seq' read up to, 0 or more");
    }
    limits.reads().acquire(user.id());
    ReadChannel channel = find(user, ref);
    if (seq > channel.lastSeq()) {
      throw ChatException.invalid("seq " + seq + " is past the last message of this channel (" + channel.lastSeq() + ")");
    }
    writer.mark(new PendingMarkers.Key(user.id(), channel.isRoom(), channel.id()), seq);
    tell(user, new ServerFrame.Read(channel.roomName(), channel.with(), seq));
  }

  public void mute(User user, String room, String with, Boolean muted) {
    ChannelRef ref = ChannelRef.of(room, with);
    if (muted == null) {
      throw ChatException.invalid("send 'muted', true or false");
    }
    limits.reads().acquire(user.id());
    ReadChannel channel = find(user, ref);
    store.mute(user.id(), channel, muted);
    tell(user, new ServerFrame.Muted(channel.roomName(), channel.with(), muted));
  }

  /** Counted with the markers: each list scans every channel of the user, up to the cap. */
  public List<ChannelState> channels(User user) {
    limits.reads().acquire(user.id());
    return store.channels(user.id(), countCap);
  }

  private ReadChannel find(User user, ChannelRef ref) {
    if (ref.isRoom()) {
      String name = InputText.plain("room", ref.room()).strip();
      ReadStore.Membership found =
          store.room(name, user.id()).orElseThrow(() -> ChatException.notFound("no room named '" + name + "'"));
      if (!found.member()) {
        throw ChatException.forbidden("you are not a member of the room '" + found.room().roomName() + "'; join it first");
      }
      return found.room();
    }
    User other = social.other(user, ref.with());
    return store
        .conversation(user.id(), other)
        .orElseThrow(() -> ChatException.notFound("no conversation with " + other.username()));
  }

  private void tell(User user, ServerFrame frame) {
    events.publish(UserEvent.to(user.id(), WireJson.toJson(frame)));
  }
}
