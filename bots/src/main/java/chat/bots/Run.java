package chat.bots;

import chat.client.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One run of a scenario: prepare the users and rooms, connect every bot and wait until each is in its
 * rooms, send through the warm-up and the measured window, then wait for what is still on its way and
 * report. {@link #stop()} (Ctrl-C) ends the sending early; the report covers what ran.
 */
final class Run {

  /** How long, after the last send, deliveries still on their way are waited for. */
  private static final Duration DRAIN = Duration.ofSeconds(15);
  private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(5);

  private final Scenario scenario;
  private final Population population;
  private final Targets targets;
  private final Console console;
  private final String id = Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
  private final Tally tally = new Tally();
  private final LongSupplier clockMicros = () -> ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final List<Bot> bots = new ArrayList<>();

  Run(Scenario scenario, Targets targets, Population population, Console console) {
    this.scenario = scenario;
    this.targets = targets;
    this.population = population;
    this.console = console;
  }

  Report execute() throws InterruptedException {
    List<String> tokens = population.prepare();
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    List<ScheduledExecutorService> loops = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      loops.add(Executors.newSingleThreadScheduledExecutor(daemon("bots-loop-" + i)));
    }
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("bots-progress"));
    Progress progress = new Progress(tally, this::socketsUp, console);
    OpenLoop sender = null;
    try {
      connect(tokens, loops);
      ticker.scheduleAtFixedRate(progress::tick, 1, 1, TimeUnit.SECONDS);
      ScheduledFuture<?> churn = null;
      if (scenario.churn() > 0) {
        long every = (long) (1_000_000 / scenario.churn());
        churn =
            ticker.scheduleAtFixedRate(
                () -> bots.get(ThreadLocalRandom.current().nextInt(bots.size())).reconnect(),
                every,
                every,
                TimeUnit.MICROSECONDS);
      }
      sender = new OpenLoop(slots(), scenario, tally);
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
      bots.forEach(Bot::close);
      loops.forEach(ScheduledExecutorService::shutdown);
    }
    return report(progress);
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
    CountDownLatch ready = new CountDownLatch(scenario.users());
    for (int user = 0; user < scenario.users(); user++) {
      Bot bot = new Bot(id, user, roomsOf.get(user), friendName(user), tally, clockMicros, ready);
      bots.add(bot);
      bot.connect(targets.of(user).as(tokens.get(user)), tokens.get(user), loops.get(user % loops.size()));
    }
    if (!ready.await(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          ready.getCount() + " of " + scenario.users() + " bots were not connected and in their rooms after " + CONNECT_TIMEOUT);
    }
    console.say("connected: %d sockets, every bot in its rooms", socketsUp());
  }

  private List<OpenLoop.Slot> slots() {
    List<OpenLoop.Slot> slots = new ArrayList<>();
    for (int room = 0; room < scenario.rooms(); room++) {
      for (int member : scenario.members(room).subList(0, scenario.sendersPerRoom())) {
        slots.add(new OpenLoop.Slot(bots.get(member), scenario.roomName(room), friendName(member)));
      }
    }
    return slots;
  }

  /** The user's friend, if the run sends direct messages and the user has one. */
  private String friendName(int user) {
    int friend = scenario.friendOf(user);
    return scenario.directShare() > 0 && friend >= 0 ? scenario.userName(friend) : null;
  }

  /** Waits until every acknowledged message has reached every other member of its room, or DRAIN passed. */
  private void drain() throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (System.nanoTime() < deadline) {
      boolean acknowledged = tally.acknowledged.sum() == tally.sent.sum();
      boolean delivered = tally.received.sum() >= tally.expected.sum();
      if (acknowledged && delivered) {
        return;
      }
      Thread.sleep(100);
    }
  }

  private int socketsUp() {
    return (int) bots.stream().filter(bot -> bot.state() instanceof ConnectionState.Connected).count();
  }

  private Report report(Progress progress) {
    long expected = tally.expected.sum();
    long received = tally.received.sum();
    double seconds = progress.measuredSeconds();
    List<Report.Second> measured = progress.seconds().stream().filter(Report.Second::measured).toList();
    return new Report(
        scenario,
        id,
        seconds,
        tally.sent.sum(),
        tally.acknowledged.sum(),
        expected,
        received,
        Math.max(0, expected - received),
        tally.duplicates.sum(),
        tally.reconnects.sum(),
        tally.refusals(),
        seconds == 0 ? 0 : measured.stream().mapToLong(Report.Second::acknowledged).sum() / seconds,
        seconds == 0 ? 0 : measured.stream().mapToLong(Report.Second::received).sum() / seconds,
        Report.Latency.of(progress.acknowledgement),
        Report.Latency.of(progress.delivery),
        Report.Latency.of(progress.sendLag),
        progress.measuredCpuPercent(),
        progress.seconds());
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
