package chat.bots;

import chat.client.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * One run of a scenario, or one process's part of it: connect the part's bots and wait until each is in
 * its rooms, send its share of the rate through the warm-up and the measured window, then wait for what
 * is still on its way and report what this process saw. {@link #stop()} (Ctrl-C) ends the sending
 * early; the report covers what ran.
 */
final class Run {

  /**
   * After the last send, what is still on its way is waited for as long as it keeps coming (an
   * overloaded cluster works off its backlog, and only what never comes is missing), until nothing came
   * for STALLED, or DRAIN_LIMIT passed.
   */
  private static final Duration STALLED = Duration.ofSeconds(15);
  private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);
  /** How long a part of a spread run hears nothing more before it takes its deliveries as complete. */
  private static final Duration QUIET = Duration.ofSeconds(3);
  private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(5);
  /**
   * Sockets being opened at once. Thousands of handshakes at once overrun the nodes' accept queues and
   * the clients' handshake timeouts, and every retry makes it worse; a few hundred at a time open
   * thousands a second.
   */
  private static final int OPENINGS = 200;
  private static final Duration OPENING_WAIT = Duration.ofSeconds(10);

  private final Scenario scenario;
  private final Part part;
  private final String id;
  private final Targets targets;
  private final Console console;
  private final Tally tally = new Tally();
  private final LongSupplier clockMicros = () -> ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  private final CountDownLatch stopped = new CountDownLatch(1);
  /** The part's bots, by user index: null for the users of other parts. */
  private final List<Bot> bots = new ArrayList<>();

  /** {@code id}: the run's, the same in every process of a spread run; it marks the run's messages. */
  Run(Scenario scenario, Part part, String id, Targets targets, Console console) {
    this.scenario = scenario;
    this.part = part;
    this.id = id;
    this.targets = targets;
    this.console = console;
  }

  /** A new run's id: its messages are told apart from an earlier run's in the same rooms. */
  static String newId() {
    return Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
  }

  /**
   * Runs with the users' {@code tokens} (by user index; only the part's are used): {@code whenConnected}
   * is called once every bot is in its rooms and returns when sending may start; every second goes to
   * {@code onSecond}.
   */
  PartReport execute(List<String> tokens, Runnable whenConnected, Consumer<PartReport.Second> onSecond)
      throws InterruptedException {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    List<ScheduledExecutorService> loops = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      loops.add(Executors.newSingleThreadScheduledExecutor(daemon("bots-loop-" + i)));
    }
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("bots-progress"));
    Progress progress = null;
    OpenLoop sender = null;
    try {
      connect(tokens, loops);
      whenConnected.run();
      progress = new Progress(tally, this::socketsUp, onSecond);
      ticker.scheduleAtFixedRate(progress::tick, 1, 1, TimeUnit.SECONDS);
      ScheduledFuture<?> churn = null;
      List<Bot> partsBots = bots.stream().filter(Objects::nonNull).toList();
      if (scenario.churn() > 0 && !partsBots.isEmpty()) {
        // Each part drops its share: churn / parts bots a second.
        long every = (long) (part.count() * 1_000_000 / scenario.churn());
        churn =
            ticker.scheduleAtFixedRate(
                () -> partsBots.get(ThreadLocalRandom.current().nextInt(partsBots.size())).reconnect(),
                every,
                every,
                TimeUnit.MICROSECONDS);
      }
      sender = new OpenLoop(slots(), share(), scenario, tally);
      Thread sending = new Thread(sender, "bots-sender");
      sending.setDaemon(true);
      sending.start();
      if (!stopped.await(scenario.warmUp().toMillis(), TimeUnit.MILLISECONDS)) {
        progress.startMeasuring();
        stopped.await(scenario.duration().toMillis(), TimeUnit.MILLISECONDS);
        progress.stopMeasuring();
      }
      sender.stop();
      // A send under way when the sending stopped is counted before the drain compares the counts.
      sending.join(TimeUnit.SECONDS.toMillis(1));
      if (churn != null) {
        churn.cancel(false);
      }
      drain();
    } finally {
      if (sender != null) {
        sender.stop();
      }
      ticker.shutdownNow();
      bots.stream().filter(Objects::nonNull).forEach(Bot::close);
      loops.forEach(ScheduledExecutorService::shutdown);
    }
    return progress.report(tally.duplicates.sum(), tally.repeats.sum(), tally.reconnects.sum());
  }

  /** Ends the sending now; the run then drains and reports. */
  void stop() {
    stopped.countDown();
  }

  private void connect(List<String> tokens, List<ScheduledExecutorService> loops) throws InterruptedException {
    List<Map<String, Integer>> roomsOf = new ArrayList<>();
    for (int user = 0; user < scenario.users(); user++) {
      roomsOf.add(new LinkedHashMap<>());
    }
    for (int room = 0; room < scenario.rooms(); room++) {
      for (int member : scenario.members(room)) {
        roomsOf.get(member).put(scenario.roomName(room), scenario.membersPerRoom());
      }
    }
    int owned = (int) IntStream.range(0, scenario.users()).filter(part::owns).count();
    CountDownLatch ready = new CountDownLatch(owned);
    Semaphore openings = new Semaphore(OPENINGS);
    for (int user = 0; user < scenario.users(); user++) {
      if (!part.owns(user)) {
        bots.add(null);
        continue;
      }
      Bot bot = new Bot(id, user, roomsOf.get(user), friendName(user), scenario.habits(), tally, clockMicros, ready);
      bots.add(bot);
      // A slow handshake holds its opening for OPENING_WAIT at most; then the next one goes anyway.
      openings.tryAcquire(OPENING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      bot.connect(targets.of(user).as(tokens.get(user)), tokens.get(user), loops.get(user % loops.size()), openings::release);
    }
    if (!ready.await(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          ready.getCount() + " of " + owned + " bots were not connected and in their rooms after " + CONNECT_TIMEOUT);
    }
    console.say("connected: %d sockets, every bot in its rooms", socketsUp());
  }

  private List<OpenLoop.Slot> slots() {
    List<OpenLoop.Slot> slots = new ArrayList<>();
    for (int room = 0; room < scenario.rooms(); room++) {
      for (int member : scenario.members(room).subList(0, scenario.sendersPerRoom())) {
        if (!part.owns(member)) {
          continue;
        }
        slots.add(new OpenLoop.Slot(bots.get(member), scenario.roomName(room), friendName(member)));
      }
    }
    return slots;
  }

  /** This part's share of the rate: its senders' share of all senders. */
  private double share() {
    return part.isWhole() || scenario.senders() == 0 ? 1 : (double) slots().size() / scenario.senders();
  }

  /** The user's friend, if the run sends direct messages and the user has one. */
  private String friendName(int user) {
    int friend = scenario.friendOf(user);
    return scenario.directShare() > 0 && friend >= 0 ? scenario.userName(friend) : null;
  }

  /**
   * Waits until every acknowledged message has reached every other member of its room, while anything
   * still comes (see STALLED). A part of a spread run cannot compare its deliveries with what its own
   * senders owe (the receivers are in every part): it waits for its acknowledgements, then until
   * nothing more arrives for a while.
   */
  private void drain() throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
    long lastProgress = -1;
    long lastReceived = -1;
    long progressSince = System.nanoTime();
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline && System.nanoTime() - progressSince < STALLED.toNanos()) {
      long acknowledgedCount = tally.acknowledged.sum();
      long received = tally.received.sum();
      if (acknowledgedCount + received != lastProgress) {
        lastProgress = acknowledgedCount + received;
        progressSince = System.nanoTime();
      }
      if (received != lastReceived) {
        lastReceived = received;
        quietSince = System.nanoTime();
      }
      boolean acknowledged = acknowledgedCount == tally.sent.sum();
      boolean delivered =
          part.isWhole() ? received >= tally.expected.sum() : System.nanoTime() - quietSince > QUIET.toNanos();
      if (acknowledged && delivered) {
        return;
      }
      Thread.sleep(100);
    }
  }

  private int socketsUp() {
    return (int) bots.stream().filter(bot -> bot != null && bot.state() instanceof ConnectionState.Connected).count();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
