package chat.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ScenarioTest {

  private static final List<URI> TWO_NODES = List.of(URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:2"));

  private static Scenario scenario(int users, int rooms, int members, double senders, int rate) {
    return new Scenario(TWO_NODES, "bot", "pw", users, rooms, members, senders, rate, 100, 0, 0, Scenario.Spike.NONE, Scenario.Habits.NONE, Duration.ZERO, Duration.ofSeconds(1));
  }

  @Test
  void withAsManyUsersAsSeatsEveryUserIsInExactlyOneRoom() {
    Scenario scenario = scenario(200, 10, 20, 0.5, 1000);
    Set<Integer> seated = new TreeSet<>();
    for (int room = 0; room < 10; room++) {
      List<Integer> members = scenario.members(room);
      assertEquals(20, members.size());
      seated.addAll(members);
    }
    assertEquals(200, seated.size());
    assertEquals(10, scenario.sendersPerRoom());
    assertEquals(100, scenario.senders());
  }

  @Test
  void withFewerUsersTheyShareRoomsAndWithMoreTheRestOnlyConnect() {
    assertEquals(List.of(3, 4, 0), scenario(5, 3, 3, 1, 10).members(1));
    assertEquals(List.of(0, 1), scenario(100, 1, 2, 1, 10).members(0));
  }

  @Test
  void usersAreSpreadOverTheTargetsInTurn() {
    Scenario scenario = scenario(4, 1, 4, 1, 10);
    assertEquals(List.of(TWO_NODES.get(0), TWO_NODES.get(1), TWO_NODES.get(0)), List.of(scenario.targetOf(0), scenario.targetOf(1), scenario.targetOf(2)));
    assertEquals("bot-00042", scenario.userName(42));
    assertEquals("bot-room-007", scenario.roomName(7));
  }

  @Test
  void aSenderShareRoundsUpToWholeMembers() {
    assertEquals(1, scenario(20, 1, 20, 0.01, 10).sendersPerRoom());
    assertEquals(0, scenario(20, 1, 20, 0, 0).sendersPerRoom());
  }

  @Test
  void impossibleScenariosAreRefusedWithTheReason() {
    assertEquals(
        "a rate needs senders: raise the sender share or add rooms",
        assertThrows(IllegalArgumentException.class, () -> scenario(20, 1, 20, 0, 10)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> scenario(5, 1, 6, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> scenario(5, 1, 5, 1.5, 10));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Scenario(List.of(), "bot", "pw", 1, 0, 0, 0, 0, 100, 0, 0, Scenario.Spike.NONE, Scenario.Habits.NONE, Duration.ZERO, Duration.ZERO));
  }

  @Test
  void aSpikeRaisesTheRateForItsLengthOnly() {
    Scenario spiky =
        new Scenario(TWO_NODES, "bot", "pw", 20, 1, 20, 0.5, 100, 100, 0, 0,
            new Scenario.Spike(2000, Duration.ofSeconds(20), Duration.ofSeconds(5)), Scenario.Habits.NONE, Duration.ZERO, Duration.ofMinutes(1));
    assertEquals(100, spiky.rateAt(Duration.ofSeconds(19)));
    assertEquals(2000, spiky.rateAt(Duration.ofSeconds(20)));
    assertEquals(2000, spiky.rateAt(Duration.ofMillis(24_999)));
    assertEquals(100, spiky.rateAt(Duration.ofSeconds(25)));
  }

  @Test
  void usersAreFriendsInPairsAndTheDirectShareIsSpreadEvenly() {
    Scenario scenario =
        new Scenario(TWO_NODES, "bot", "pw", 5, 1, 5, 1, 10, 100, 0.25, 0, Scenario.Spike.NONE, Scenario.Habits.NONE, Duration.ZERO, Duration.ZERO);
    assertEquals(List.of(1, 0, 3, 2, -1), IntStream.range(0, 5).map(scenario::friendOf).boxed().toList());
    List<Long> direct = LongStream.range(0, 12).filter(scenario::isDirect).boxed().toList();
    assertEquals(List.of(3L, 7L, 11L), direct);
    assertTrue(LongStream.range(0, 100).noneMatch(scenario(5, 1, 5, 1, 10)::isDirect));
  }

  @Test
  void aScenarioThatMakesNoSenseIsAUsageErrorAndAnUnreachableTargetOneLine() {
    StringWriter err = new StringWriter();
    picocli.CommandLine nonsense = Main.commandLine(new Main(System.out)).setErr(new PrintWriter(err));
    assertEquals(2, nonsense.execute("--rooms", "2", "--members", "10", "--senders", "0", "--rate", "10"));
    assertTrue(err.toString().startsWith("a rate needs senders: raise the sender share or add rooms"), err.toString());
    assertTrue(err.toString().contains("Usage: chat-bots"), err.toString());

    StringWriter unreachable = new StringWriter();
    picocli.CommandLine nobody = Main.commandLine(new Main(System.out)).setErr(new PrintWriter(unreachable));
    assertEquals(2, nobody.execute("--target", "http://127.0.0.1:9", "--rooms", "1", "--members", "2"));
    assertTrue(unreachable.toString().startsWith("chat-bots: "), unreachable.toString());
    assertEquals(1, unreachable.toString().lines().count(), unreachable.toString());
  }

  @Test
  void theShippedScenarioFilesParse() throws Exception {
    for (String name : List.of("steady", "spike", "churn", "fanout", "direct")) {
      Path file = Path.of("scenarios", name + ".args");
      Main main = new Main(System.out);
      new picocli.CommandLine(main).parseArgs("@" + file);
      assertTrue(main.rate > 0, name);
    }
  }
}
