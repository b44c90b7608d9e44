package chat.server.cluster;

import chat.server.access.BanList;
import chat.server.account.AccountStates;
import chat.server.account.Profiles;
import chat.server.config.ChatConfig;
import chat.server.events.AccountChanged;
import chat.server.events.BanChanged;
import chat.server.events.BlockChanged;
import chat.server.events.Broadcast;
import chat.server.events.ChatEvent;
import chat.server.events.ChatEvents;
import chat.server.events.GridMerged;
import chat.server.events.IdentityChanged;
import chat.server.events.MembershipEnded;
import chat.server.events.SilenceChanged;
import chat.server.room.Silences;
import chat.server.events.Notice;
import chat.server.events.NoticeTaken;
import chat.server.events.RoomEvent;
import chat.server.events.UserEvent;
import chat.server.socket.LocalSockets;
import chat.server.socket.RoomMembership;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Publishes each event once to the cluster's topic; every node, this one included, delivers what the
 * topic brings to its own sockets. A topic keeps the order of one publisher's events for each
 * listener, so a room's messages stored on one node arrive everywhere in the order they were stored.
 * Every event is signed with the cluster's secret ({@link EventSignature}); one that fails the check
 * is dropped, counted ({@code chat_events_forged}) and logged.
 */
@ApplicationScoped
public class ClusterEvents implements ChatEvents {

  static final String TOPIC = "chat-events";
  private static final Logger LOG = Logger.getLogger(ClusterEvents.class.getName());

  private LocalSockets sockets;
  private RoomMembership membership;
  private BanList bans;
  private AccountStates accounts;
  private Profiles profiles;
  private Silences silences;
  private ClusterNotices notices;
  private MissedEvents missed;
  private ITopic<String> topic;
  private EventSignature signature;
  private Counter forged;
  private UUID listener;

  @Resource ManagedExecutorService executor;

  protected ClusterEvents() {}

  @Inject
  ClusterEvents(
      HazelcastInstance hazelcast,
      LocalSockets sockets,
      RoomMembership membership,
      BanList bans,
      AccountStates accounts,
      Profiles profiles,
      Silences silences,
      ClusterNotices notices,
      MissedEvents missed,
      ChatConfig config,
      MetricRegistry metrics) {
    this.signature = new EventSignature(clusterSecret(config, hazelcast));
    this.forged = metrics.counter("chat_events_forged");
    this.sockets = sockets;
    this.membership = membership;
    this.bans = bans;
    this.accounts = accounts;
    this.profiles = profiles;
    this.silences = silences;
    this.notices = notices;
    this.missed = missed;
    // Here, not at start: a bean starting before this one (the administrator's bootstrap) may publish.
    this.topic = hazelcast.getTopic(TOPIC);
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    listener =
        topic.addMessageListener(
            message ->
                signature
                    .verify(message.getMessageObject())
                    .ifPresentOrElse(
                        events -> arrived(EventCodec.decodeAll(events)),
                        () -> forged(message.getPublishingMember())));
  }

  @Override
  public void publishAll(List<ChatEvent> events) {
    if (!events.isEmpty()) {
      topic.publish(signature.sign(EventCodec.encodeAll(events)));
    }
  }

  /**
   * A member of the grid that does not hold the cluster's secret: a stranger on the grid's port, or a
   * node configured with another secret. Logged the first time and every thousandth after.
   */
  private void forged(Member publisher) {
    forged.inc();
    if (forged.getCount() % 1000 == 1) {
      LOG.warning(
          () -> "dropped an event with a bad signature from " + publisher + " (" + forged.getCount()
              + " so far): is CHAT_CLUSTER_SECRET the same on every node?");
    }
  }

  /**
   * CHAT_CLUSTER_SECRET; a node that finds no other members to join may do without one, with a random
   * secret only it holds. A node that joins others must have it: without, any member could forge.
   */
  private static byte[] clusterSecret(ChatConfig config, HazelcastInstance hazelcast) {
    if (config.clusterSecret().isPresent()) {
      return config.clusterSecret().get().getBytes(StandardCharsets.UTF_8);
    }
    if (joinsOthers(hazelcast.getConfig().getNetworkConfig().getJoin())) {
      throw new IllegalStateException(
          "CHAT_CLUSTER_SECRET is required on a clustered node: it signs the events between nodes."
              + " Give every node of the cluster the same long random value.");
    }
    LOG.info("this node joins no cluster: its events are signed with a secret of its own");
    byte[] alone = new byte[32];
    new SecureRandom().nextBytes(alone);
    return alone;
  }

  /**
   * Whether the grid looks for other members. Payara Micro's {@code --nocluster} still leaves
   * auto-detection on with its own "domain" discovery, which finds no one outside a Payara domain; any
   * other way of finding members means the node will have peers.
   */
  private static boolean joinsOthers(JoinConfig join) {
    return join.getTcpIpConfig().isEnabled()
        || join.getMulticastConfig().isEnabled()
        || join.getKubernetesConfig().isEnabled()
        || join.getAwsConfig().isEnabled()
        || join.getGcpConfig().isEnabled()
        || join.getAzureConfig().isEnabled()
        || join.getEurekaConfig().isEnabled()
        || join.getDiscoveryConfig().getDiscoveryStrategyConfigs().stream()
            .anyMatch(strategy -> !String.valueOf(strategy.getClassName()).endsWith(".DomainDiscoveryStrategy"));
  }

  /**
   * A ban, or an account's new token version or role, changes what this node lets in before the
   * sockets it concerns are closed here; a new profile is kept before the user's sockets take it. A
   * notice is answered to the node that asked, with how many sockets here took it.
   */
  private void arrived(List<ChatEvent> events) {
    List<ChatEvent> forSockets = new ArrayList<>(events.size());
    for (ChatEvent event : events) {
      if (appliedHere(event)) {
        forSockets.add(event);
      }
    }
    sockets.deliver(forSockets);
  }

  /** Applies what an event changes in what this node keeps; whether its sockets are to have it next. */
  private boolean appliedHere(ChatEvent event) {
    return switch (event) {
      case BanChanged ban -> {
        bans.apply(ban);
        yield true;
      }
      case AccountChanged account -> {
        accounts.apply(account);
        yield true;
      }
      case IdentityChanged identity -> {
        profiles.apply(identity);
        yield true;
      }
      case Notice notice -> {
        publish(new NoticeTaken(notice.requestId(), sockets.notice(notice.userId(), notice.frame())));
        yield false;
      }
      case NoticeTaken taken -> {
        notices.answered(taken.requestId(), taken.sockets());
        yield false;
      }
      case GridMerged merged -> {
        // Off the topic's thread: closing every socket takes a grid call or two each (presence), and
        // every event behind this one would wait for them.
        executor.execute(() -> {
          missed.readAgain();
          sockets.deliver(List.of(merged));
        });
        yield false;
      }
      case MembershipEnded ended -> {
        // Taking the user's sockets out of the room is presence's work, which the sockets' index
        // does not do; its grid calls go to the executor, as a merge's do.
        membership.ended(ended, executor);
        yield false;
      }
      case SilenceChanged silence -> {
        silences.apply(silence);
        yield false;
      }
      case RoomEvent _, UserEvent _, BlockChanged _, Broadcast _ -> true;
    };
  }

  @PreDestroy
  void stop() {
    if (listener != null) {
      topic.removeMessageListener(listener);
    }
  }
}
