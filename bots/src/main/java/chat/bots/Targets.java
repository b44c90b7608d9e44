package chat.bots;

import chat.client.ChatApi;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One client per target URL, shared by every user sent there: an HTTP client holds a selector thread,
 * and thousands of them would load the generator, not the server.
 */
final class Targets {

  private final Scenario scenario;
  private final Map<URI, ChatApi> clients = new LinkedHashMap<>();

  Targets(Scenario scenario) {
    this.scenario = scenario;
    scenario.targets().forEach(target -> clients.put(target, ChatApi.of(target, Runnable::run)));
  }

  /** The anonymous client of the user's target; {@code as(token)} makes it theirs. */
  ChatApi of(int user) {
    return clients.get(scenario.targetOf(user));
  }
}
