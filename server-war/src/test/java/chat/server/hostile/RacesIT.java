package chat.server.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.dto.AccountOverview;
import chat.dto.Authenticated;
import chat.dto.CreateRoom;
import chat.dto.Credentials;
import chat.dto.User;
import chat.dto.UserName;
import chat.server.testing.HttpReply;
import chat.server.testing.OneNodeSuite;
import chat.testing.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Users racing for the same thing at the same moment: whoever loses gets what it would have got had it
 * come second (a conflict, or the same result), never the server's failure.
 */
class RacesIT extends OneNodeSuite {

  private static final int RACERS = 12;

  @Test
  void twelveSignUpsForOneNameMakeOneAccountAndElevenConflicts() throws Exception {
    String name = Names.unique("wanted");
    List<HttpReply> replies =
        race(i -> node.post("/api/signup", null, new Credentials(name, "password-" + i)));

    assertEquals(Map.of(201, 1, 409, RACERS - 1), statuses(replies), replies.toString());
    replies.stream().filter(r -> r.status() == 409).forEach(r -> assertEquals("conflict", r.error().error()));
  }

  @Test
  void twelveCreationsOfOneRoomNameMakeOneRoomAndElevenConflicts() throws Exception {
    List<Authenticated> creators =
        IntStream.range(0, RACERS).mapToObj(i -> node.signUp(Names.unique("founder"), "founder-password")).toList();
    String room = Names.unique("Agora");
    List<HttpReply> replies =
        race(i -> node.post("/api/rooms", creators.get(i).token(), new CreateRoom(i % 2 == 0 ? room : room.toLowerCase())));

    assertEquals(Map.of(201, 1, 409, RACERS - 1), statuses(replies), replies.toString());
  }

  @Test
  void twoUsersAskingEachOtherAtOnceBecomeFriends() throws Exception {
    List<Authenticated> left = new ArrayList<>();
    List<Authenticated> right = new ArrayList<>();
    for (int i = 0; i < RACERS / 2; i++) {
      left.add(node.signUp(Names.unique("left"), "left-password"));
      right.add(node.signUp(Names.unique("right"), "right-password"));
    }
    List<HttpReply> replies =
        race(
            i -> {
              Authenticated me = i % 2 == 0 ? left.get(i / 2) : right.get(i / 2);
              User other = (i % 2 == 0 ? right.get(i / 2) : left.get(i / 2)).user();
              return node.post("/api/users/add", me.token(), new UserName(other.username()));
            });

    assertEquals(Map.of(200, RACERS), statuses(replies), replies.toString());
    for (int pair = 0; pair < RACERS / 2; pair++) {
      AccountOverview overview = node.get("/api/account", left.get(pair).token()).as(AccountOverview.class);
      assertEquals(List.of(right.get(pair).user()), overview.friends(), "pair " + pair);
    }
  }

  /** Runs {@code RACERS} calls released at the same instant. */
  private static List<HttpReply> race(Racer racer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<HttpReply>> replies = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        int racerIndex = i;
        Callable<HttpReply> call =
            () -> {
              start.await();
              return racer.run(racerIndex);
            };
        replies.add(pool.submit(call));
      }
      start.countDown();
      List<HttpReply> done = new ArrayList<>();
      for (Future<HttpReply> reply : replies) {
        done.add(reply.get());
      }
      return done;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<Integer, Integer> statuses(List<HttpReply> replies) {
    Map<Integer, Integer> statuses = new TreeMap<>();
    replies.forEach(reply -> statuses.merge(reply.status(), 1, Integer::sum));
    assertTrue(statuses.keySet().stream().allMatch(s -> s < 500), "no server failure: " + statuses);
    return statuses;
  }

  @FunctionalInterface
  private interface Racer {
    HttpReply run(int index);
  }
}
