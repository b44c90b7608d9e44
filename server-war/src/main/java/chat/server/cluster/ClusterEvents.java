package chat.server.cluster;

import chat.server.events.BanChanged;
import chat.server.events.ChatEvent;
import chat.server.events.ChatEvents;
import chat.server.moderation.BanList;
import chat.server.socket.LocalSockets;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Publishes each event once to the cluster's topic; every node, this one included, delivers what the
 * topic brings to its own sockets. A topic keeps the order of one publisher's events for each
 * listener, so a room's messages stored on one node arrive everywhere in the order they were stored.
 */
@ApplicationScoped
public class ClusterEvents implements ChatEvents {

  static final String TOPIC = "chat-events";

  private HazelcastInstance hazelcast;
  private LocalSockets sockets;
  private BanList bans;
  private ITopic<String> topic;
  private UUID listener;

  protected ClusterEvents() {}

  @Inject
  ClusterEvents(HazelcastInstance hazelcast, LocalSockets sockets, BanList bans) {
    this.hazelcast = hazelcast;
    this.sockets = sockets;
    this.bans = bans;
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    topic = hazelcast.getTopic(TOPIC);
    listener = topic.addMessageListener(message -> arrived(EventCodec.decode(message.getMessageObject())));
  }

  @Override
  public void publish(ChatEvent event) {
    topic.publish(EventCodec.encode(event));
  }

  /** A ban changes what this node lets in before it closes the banned user's sockets here. */
  private void arrived(ChatEvent event) {
    if (event instanceof BanChanged ban) {
      bans.apply(ban);
    }
    sockets.deliver(event);
  }

  @PreDestroy
  void stop() {
    if (listener != null) {
      topic.removeMessageListener(listener);
    }
  }
}
