package chat.bots;

import chat.client.ChatApi;
import chat.client.ChatApiException;
import chat.dto.Authenticated;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The run's users and rooms on the target, made once and reused: a user's token is kept in a file, and
 * a kept token that still works costs the server one cheap request instead of a password check (whose
 * bcrypt cost the server chooses). Users are signed up, or logged in when the name exists; rooms are
 * created, or taken as they are.
 */
final class Population {

  /** Password checks in parallel: enough to keep a server's cores busy, not to flood its login limit. */
  private static final int PARALLEL = 8;

  private final Scenario scenario;
  private final Targets targets;
  private final Path tokenFile;
  private final Console console;

  Population(Scenario scenario, Targets targets, Path tokenFile, Console console) {
    this.scenario = scenario;
    this.targets = targets;
    this.tokenFile = tokenFile;
    this.console = console;
  }

  /** Every user's token, by user index; the rooms exist afterwards. */
  List<String> prepare() {
    Properties kept = load();
    int before = kept.size();
    List<String> tokens = new ArrayList<>(scenario.users());
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      List<Future<String>> pending = new ArrayList<>();
      for (int user = 0; user < scenario.users(); user++) {
        int u = user;
        pending.add(pool.submit(() -> token(u, kept.getProperty(key(u)))));
      }
      for (int user = 0; user < scenario.users(); user++) {
        String token = pending.get(user).get();
        kept.setProperty(key(user), token);
        tokens.add(token);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not prepare the users: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing the users", e);
    } finally {
      pool.shutdownNow();
    }
    store(kept);
    console.say("users: %d ready (%d tokens kept from an earlier run)", scenario.users(), Math.min(before, scenario.users()));
    createRooms(tokens);
    if (scenario.directShare() > 0) {
      befriend(tokens);
    }
    return tokens;
  }

  /**
   * The tokens a part of a spread run uses, as the process that started it has just kept them (so they
   * are not checked again), by user index; null for the users of other parts.
   */
  static List<String> kept(Scenario scenario, Path tokenFile, Part part) {
    Population population = new Population(scenario, null, tokenFile, null);
    Properties kept = population.load();
    List<String> tokens = new ArrayList<>(scenario.users());
    for (int user = 0; user < scenario.users(); user++) {
      String token = part.owns(user) ? kept.getProperty(population.key(user)) : null;
      if (part.owns(user) && token == null) {
        throw new IllegalStateException("no token kept for " + scenario.userName(user) + " in " + tokenFile);
      }
      tokens.add(token);
    }
    return tokens;
  }

  private String token(int user, String kept) {
    ChatApi api = targets.of(user);
    if (kept != null) {
      try {
        api.as(kept).account();
        return kept;
      } catch (ChatApiException refused) {
        if (refused.status() != 401) {
          throw refused;
        }
      }
    }
    String name = scenario.userName(user);
    try {
      return api.signUp(name, scenario.password()).token();
    } catch (ChatApiException refused) {
      if (!"conflict".equals(refused.code())) {
        throw refused;
      }
      Authenticated login = api.logIn(name, scenario.password());
      return login.token();
    }
  }

  private void createRooms(List<String> tokens) {
    for (int room = 0; room < scenario.rooms(); room++) {
      int creator = scenario.members(room).get(0);
      try {
        targets.of(creator).as(tokens.get(creator)).createRoom(scenario.roomName(room));
      } catch (ChatApiException refused) {
        if (!"conflict".equals(refused.code())) {
          throw refused;
        }
      }
    }
    console.say("rooms: %d ready, %d members each", scenario.rooms(), scenario.membersPerRoom());
  }

  /** Users become friends in pairs: one asks, the other asks back, which accepts; friends stay friends. */
  private void befriend(List<String> tokens) {
    int pairs = 0;
    for (int user = 0; user < scenario.users(); user += 2) {
      int friend = scenario.friendOf(user);
      if (friend >= 0) {
        targets.of(user).as(tokens.get(user)).addFriend(scenario.userName(friend));
        targets.of(friend).as(tokens.get(friend)).addFriend(scenario.userName(user));
        pairs++;
      }
    }
    console.say("friends: %d pairs", pairs);
  }

  /** Tokens are per server: a user of one cluster is not one of another. */
  private String key(int user) {
    URI target = scenario.targetOf(user);
    return target.getHost() + ":" + target.getPort() + "/" + scenario.userName(user);
  }

  private Properties load() {
    Properties kept = new Properties();
    try (Reader in = Files.newBufferedReader(tokenFile)) {
      kept.load(in);
    } catch (NoSuchFileException firstRun) {
      // Nothing kept yet.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return kept;
  }

  private void store(Properties kept) {
    try {
      Files.createDirectories(tokenFile.getParent());
      try (Writer out = Files.newBufferedWriter(tokenFile)) {
        kept.store(out, "chat-bots: tokens of the bots' users, per server");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
