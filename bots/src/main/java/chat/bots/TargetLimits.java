package chat.bots;

import chat.dto.Limits;
import chat.dto.Rate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The target's limits ({@code GET /api/limits}) set against the scenario: what a run will run into
 * before it runs into it, so that a refusal storm is not mistaken for the cluster's speed.
 */
final class TargetLimits {

  private TargetLimits() {}

  static String describe(Limits limits) {
    return "messages up to " + limits.maxText() + " characters; "
        + new TreeMap<>(limits.rates()).entrySet().stream()
            .map(rate -> rate.getKey() + " " + rate.getValue().count() + " per " + rate.getValue().seconds() + " s per " + rate.getValue().per())
            .collect(Collectors.joining(", "));
  }

  static List<String> warnings(Scenario scenario, Limits limits) {
    List<String> warnings = new ArrayList<>();
    Map<String, Rate> rates = limits.rates();
    if (scenario.messageSize() > limits.maxText()) {
      warnings.add("messages of " + scenario.messageSize() + " characters are over the target's " + limits.maxText());
    }
    perSender(scenario, rates.get("messages"), "messages", "CHAT_RATE_MESSAGES").ifPresent(warnings::add);
    if (scenario.habits().typeFirst()) {
      perSender(scenario, rates.get("typing"), "typing notices", "CHAT_RATE_TYPING").ifPresent(warnings::add);
    }
    // Every bot connects from this machine: one address, whatever the number of targets.
    int usersPerAddress = scenario.users();
    Rate connections = rates.get("connections");
    if (connections != null && usersPerAddress > connections.count()) {
      warnings.add(String.format(
          "%d sockets from one address; the target allows %d per %d s per address: connecting takes about %d s"
              + " (CHAT_RATE_CONNECTIONS)",
          usersPerAddress, connections.count(), connections.seconds(),
          (long) usersPerAddress * connections.seconds() / connections.count()));
    }
    Rate signups = rates.get("signups");
    if (signups != null && usersPerAddress > signups.count()) {
      warnings.add(String.format(
          "up to %d sign-ups from one address; the target allows %d per %d s per address: users not kept from an"
              + " earlier run will be refused (CHAT_RATE_SIGNUPS)",
          usersPerAddress, signups.count(), signups.seconds()));
    }
    return warnings;
  }

  /** Senders send one of {@code what} per message: too many for the target's {@code rate}? */
  private static Optional<String> perSender(Scenario scenario, Rate rate, String what, String variable) {
    if (rate == null || scenario.senders() == 0) {
      return Optional.empty();
    }
    double perSender = (double) scenario.rate() / scenario.senders();
    double allowed = (double) rate.count() / rate.seconds();
    if (perSender <= allowed) {
      return Optional.empty();
    }
    return Optional.of(String.format(
        "each sender would send %.1f %s/s; the target allows %d per %d s per user: expect rate_limited"
            + " (start the target with a higher %s, or add senders)",
        perSender, what, rate.count(), rate.seconds(), variable));
  }
}
