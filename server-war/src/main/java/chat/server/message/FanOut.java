package chat.server.message;

import chat.dto.Message;
import chat.dto.ServerFrame;
import chat.dto.WireJson;
import chat.server.events.ChatEvent;
import chat.server.events.ChatEvents;
import chat.server.events.RoomEvent;
import chat.server.events.UserEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one step from a stored batch to the sockets, on the writer's thread right after the commit: it
 * builds each message's event for its channel, publishes them in one call (one message between nodes,
 * delivered everywhere in the order they were stored), then answers each sender.
 */
@ApplicationScoped
class FanOut {

  private static final Logger LOG = Logger.getLogger(FanOut.class.getName());

  private ChatEvents events;

  protected FanOut() {}

  @Inject
  FanOut(ChatEvents events) {
    this.events = events;
  }

  /** {@code stored} holds what the store made of each of {@code batch}, in the same order. */
  void handOut(List<Submitted> batch, List<Posted> stored) {
    List<ChatEvent> toChannels = new ArrayList<>(batch.size());
    List<PostOutcome> outcomes = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Message message = stored.get(i).message();
      Optional<ChatEvent> event = channelEvent(batch.get(i).message(), stored.get(i));
      event.ifPresent(toChannels::add);
      outcomes.add(event.isPresent() ? new PostOutcome.PassedOn(message) : new PostOutcome.SenderAlone(message));
    }
    try {
      events.publishAll(toChannels);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, toChannels.size() + " stored messages could not be passed on; their senders are answered alone", e);
      outcomes = outcomes.stream().<PostOutcome>map(outcome -> new PostOutcome.SenderAlone(outcome.message())).toList();
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).answer().complete(outcomes.get(i));
    }
  }

  /**
   * The event that passes a stored message on to its channel, the sender's sockets included. A repeat
   * of a {@code clientId} is passed on again, since the first sending may never have happened (a node
   * that died after the commit, a commit whose answer timed out), and clients drop a seq they have;
   * none when the original went to another channel.
   */
  static Optional<ChatEvent> channelEvent(NewMessage sent, Posted posted) {
    Message message = posted.message();
    Destination destination = sent.destination();
    long senderId = sent.sender().id();
    if (destination.isRoom()) {
      if (posted.repeat() && !destination.room().equals(message.room())) {
        return Optional.empty();
      }
      String frame = WireJson.toJson(new ServerFrame.ChatMessagePosted(message));
      return Optional.of(RoomEvent.message(destination.roomId(), message.id(), senderId, frame));
    }
    if (posted.repeat() && !destination.to().equals(message.to())) {
      return Optional.empty();
    }
    String frame = WireJson.toJson(new ServerFrame.DirectMessagePosted(message));
    return Optional.of(new UserEvent(List.of(senderId, destination.toUserId()), senderId, frame));
  }
}
