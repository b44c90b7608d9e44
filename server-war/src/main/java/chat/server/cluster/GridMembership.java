package chat.server.cluster;

import chat.server.config.ChatConfig;
import chat.server.config.NodeIdentity;
import chat.server.events.ChatEvents;
import chat.server.events.GridMerged;
import chat.server.socket.Isolation;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Keeps this node out of service while it may have missed what the others published
 * (docs/decisions/0016):
 * <ul>
 *   <li>after a freeze (a stopped process, a stalled VM, a pause longer than {@code CHAT_FREEZE_SECONDS}):
 *       the grid may have dropped it meanwhile, and the node cannot tell at once;
 *   <li>after it merged back into the cluster from a split.
 * </ul>
 * It serves again once every member it knew before is in its view again and has stayed there for
 * {@link #SETTLE}: a node the others dropped learns of it within moments of moving again, and is a
 * member again only when the grid merges it back.
 *
 * <p>A node that merged back reads again what it keeps from the others' events ({@link MissedEvents}),
 * and, if it served while split, tells them ({@link GridMerged}): the side that did not merge missed
 * what this one published too, and has no other way to know.
 */
@ApplicationScoped
public class GridMembership {

  /** How long the members must stay in view before the node takes itself for one of them again. */
  static final Duration SETTLE = Duration.ofSeconds(10);
  /**
   * When the members known before never come back, they died meanwhile: the node serves alone after
   * this, longer than the grid takes to merge a split (five minutes by default).
   */
  static final Duration GIVE_UP = Duration.ofMinutes(10);

  private static final Duration TICK = Duration.ofSeconds(1);
  private static final Logger LOG = Logger.getLogger(GridMembership.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private HazelcastInstance hazelcast;
  private Isolation isolation;
  private ChatEvents events;
  private MissedEvents missed;
  private Counter merges;
  private String node;
  private long freezeNanos;
  private volatile boolean running;

  // Guarded by this.
  private long lastTick;
  private Set<String> knownMembers = Set.of();
  private long isolatedSince;
  private long inViewSince;

  protected GridMembership() {}

  @Inject
  GridMembership(
      HazelcastInstance hazelcast,
      Isolation isolation,
      ChatEvents events,
      MissedEvents missed,
      NodeIdentity node,
      ChatConfig config,
      MetricRegistry metrics) {
    this.hazelcast = hazelcast;
    this.isolation = isolation;
    this.events = events;
    this.missed = missed;
    this.merges = metrics.counter("chat_grid_merges");
    this.node = node.name();
    this.freezeNanos = TimeUnit.SECONDS.toNanos(config.freezeSeconds());
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    lastTick = System.nanoTime();
    knownMembers = otherMembers();
    hazelcast
        .getLifecycleService()
        .addLifecycleListener(
            event -> {
              if (event.getState() == LifecycleState.MERGED) {
                // Hazelcast's thread has no application context; the container's does.
                scheduler.execute(this::mergedBack);
              }
            });
    // A thread of its own: on the shared scheduler a tick waits behind tasks blocked on the grid (a map
    // write to a frozen peer's partition blocks until the grid drops it), and this node would take the
    // wait for a freeze of its own.
    running = true;
    Thread watch = threads.newThread(this::watch);
    watch.setName("grid-membership");
    watch.setDaemon(true);
    watch.start();
  }

  private void watch() {
    while (running) {
      try {
        Thread.sleep(TICK.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      tick();
    }
  }

  private synchronized void tick() {
    long now = System.nanoTime();
    long stood = now - lastTick;
    lastTick = now;
    if (stood > freezeNanos) {
      isolate("stood still for " + TimeUnit.NANOSECONDS.toSeconds(stood) + " s");
    } else if (isolation.isIsolated()) {
      rejoinIfMember(now);
    } else {
      knownMembers = otherMembers();
    }
  }

  /**
   * Only a node that served while split tells the others: one that stood still had isolated itself on
   * moving again, before the grid merged it, and stored nothing they missed. Either way it missed what
   * they published, and reads again what it keeps from their events. Counted last
   * ({@code chat_grid_merges}), once the node is out of service: the chaos suite waits on it.
   */
  private void mergedBack() {
    boolean served = !isolation.isIsolated();
    isolate("merged back into the cluster after a split");
    missed.readAgain();
    if (served) {
      try {
        events.publish(new GridMerged(node));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not tell the other nodes that the grid merged this one back", e);
      }
    }
    merges.inc();
  }

  private synchronized void isolate(String why) {
    isolatedSince = System.nanoTime();
    inViewSince = 0;
    isolation.begin(why);
  }

  private void rejoinIfMember(long now) {
    if (!otherMembers().containsAll(knownMembers)) {
      inViewSince = 0;
    } else if (inViewSince == 0) {
      inViewSince = now;
    }
    boolean settled = inViewSince != 0 && now - inViewSince >= SETTLE.toNanos();
    if (settled || now - isolatedSince >= GIVE_UP.toNanos()) {
      isolation.end();
      knownMembers = otherMembers();
    }
  }

  /** The other members by address: a member merged back keeps its address but not its id. */
  private Set<String> otherMembers() {
    return hazelcast.getCluster().getMembers().stream()
        .filter(member -> !member.localMember())
        .map(member -> member.getAddress().toString())
        .collect(Collectors.toUnmodifiableSet());
  }

  @PreDestroy
  void stop() {
    running = false;
  }
}
