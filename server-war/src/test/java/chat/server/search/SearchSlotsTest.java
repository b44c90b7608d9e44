package chat.server.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chat.dto.ErrorCode;
import chat.server.error.ChatException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class SearchSlotsTest {

  @Test
  void refusesASearchPastTheSlotsAtOnceAndTakesOneAgainWhenASlotIsFree() throws Exception {
    SearchSlots slots = new SearchSlots(2);
    // Threads of its own: the common pool has one on a two-core machine, and the second search would wait for the first.
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CountDownLatch running = new CountDownLatch(2);
    CountDownLatch finish = new CountDownLatch(1);
    List<CompletableFuture<String>> searches = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      searches.add(CompletableFuture.supplyAsync(() -> slots.run(() -> {
        running.countDown();
        await(finish);
        return "found";
      }), threads));
    }
    running.await();

    ChatException refused = assertThrows(ChatException.class, () -> slots.run(() -> "third"));
    assertEquals(ErrorCode.UNAVAILABLE, refused.code());

    finish.countDown();
    for (CompletableFuture<String> search : searches) {
      assertEquals("found", search.get());
    }
    assertEquals("next", slots.run(() -> "next"));
    threads.shutdown();
  }

  @Test
  void aSearchThatFailsGivesItsSlotBack() {
    SearchSlots slots = new SearchSlots(1);
    assertThrows(IllegalStateException.class, () -> slots.run(() -> {
      throw new IllegalStateException("the database is away");
    }));
    assertEquals("next", slots.run(() -> "next"));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
