package chat.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.Limits;
import chat.dto.Rate;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetLimitsTest {

  /** A target with the shipped defaults. */
  private static final Limits DEFAULTS = limits(20, 10, 60, 10, 5, 600);

  private static Limits limits(int messages, int messageSeconds, int connections, int connectionSeconds, int signups, int signupSeconds) {
    Map<String, Rate> rates = new LinkedHashMap<>();
    rates.put("messages", new Rate(messages, messageSeconds, "user"));
    rates.put("connections", new Rate(connections, connectionSeconds, "address"));
    rates.put("signups", new Rate(signups, signupSeconds, "address"));
    return new Limits(2000, 50, 200, rates);
  }

  private static Scenario scenario(int users, int rooms, int members, int rate) {
    return scenario(users, rooms, members, rate, Scenario.Habits.NONE);
  }

  private static Scenario scenario(int users, int rooms, int members, int rate, Scenario.Habits habits) {
    return new Scenario(List.of(URI.create("http://127.0.0.1:8080")), "bot", "pw", users, rooms, members, 0.5, rate, 100, 0, 0, Scenario.Spike.NONE, habits, Duration.ZERO, Duration.ofSeconds(1));
  }

  @Test
  void theTargetsLimitsAreShownByName() {
    assertEquals(
        "messages up to 2000 characters; connections 60 per 10 s per address, messages 20 per 10 s per user, signups 5 per 600 s per address",
        TargetLimits.describe(DEFAULTS));
  }

  @Test
  void aLoadOverTheDefaultLimitsIsWarnedOfWithTheSettingToChange() {
    List<String> warnings = TargetLimits.warnings(scenario(200, 10, 20, 1000), DEFAULTS);
    assertEquals(3, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("each sender would send 10.0 messages/s; the target allows 20 per 10 s per user"), warnings.get(0));
    assertTrue(warnings.get(1).contains("connecting takes about 33 s (CHAT_RATE_CONNECTIONS)"), warnings.get(1));
    assertTrue(warnings.get(2).contains("CHAT_RATE_SIGNUPS"), warnings.get(2));
  }

  @Test
  void sendersWhoTypeFirstAreWarnedOfTheTypingLimitToo() {
    Limits limits = limits(1000, 1, 1000, 1, 1000, 1);
    limits.rates().put("typing", new Rate(30, 10, "user"));
    List<String> warnings = TargetLimits.warnings(scenario(200, 10, 20, 1000, new Scenario.Habits(false, true)), limits);
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("each sender would send 10.0 typing notices/s; the target allows 30 per 10 s"), warnings.get(0));
    assertTrue(warnings.get(0).contains("CHAT_RATE_TYPING"), warnings.get(0));
    assertEquals(List.of(), TargetLimits.warnings(scenario(200, 10, 20, 1000), limits), "only for senders who type");
  }

  @Test
  void aLoadWithinTheLimitsGetsNoWarning() {
    assertEquals(List.of(), TargetLimits.warnings(scenario(4, 1, 4, 2), DEFAULTS));
    assertEquals(List.of(), TargetLimits.warnings(scenario(200, 10, 20, 1000), limits(1000, 1, 1000, 1, 1000, 1)));
  }
}
