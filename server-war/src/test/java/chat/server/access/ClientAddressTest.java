package chat.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import chat.server.error.ChatException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  private final ClientAddress behindBalancers = new ClientAddress(Set.of("127.0.0.1", "10.0.0.0/8"));

  @Test
  void aPeerThatIsNotATrustedBalancerIsTheAddressWhateverItsHeaderSays() {
    assertEquals("192.0.2.9", behindBalancers.of("192.0.2.9", List.of("203.0.113.7")));
  }

  @Test
  void aTrustedBalancerWithoutTheHeaderIsTheAddressItself() {
    assertEquals("10.1.2.3", behindBalancers.of("10.1.2.3", List.of()));
  }

  @Test
  void anAppendingBalancerWritesTheLastEntryAfterWhateverTheClientForged() {
    // The AWS balancer appends to the header the client sent, in the same line.
    assertEquals("203.0.113.7", behindBalancers.of("10.1.2.3", List.of("6.6.6.6, 7.7.7.7,203.0.113.7")));
  }

  @Test
  void aBalancerThatAddsALineOfItsOwnWritesTheLastLine() {
    // HAProxy's option forwardfor adds a line after the client's.
    assertEquals("203.0.113.7", behindBalancers.of("127.0.0.1", List.of("6.6.6.6, 7.7.7.7", "8.8.8.8, 203.0.113.7")));
    assertEquals("203.0.113.7", behindBalancers.of("127.0.0.1", List.of("not even an address", "203.0.113.7")));
  }

  @Test
  void aBalancerThatEndsWithAnythingButAnAddressIsAClearError() {
    for (String line : List.of("cafe.example", "203.0.113.7, localhost", "", "1.2.3.4,", "999.1.1.1")) {
      ChatException refused = assertThrows(ChatException.class, () -> behindBalancers.of("127.0.0.1", List.of(line)), line);
      assertEquals("the load balancer's X-Forwarded-For does not end with an address", refused.getMessage());
    }
  }

  @Test
  void addressesHaveOneSpellingWhereverTheyComeFrom() {
    assertEquals("2001:db8:0:0:0:0:0:1", behindBalancers.of("127.0.0.1", List.of("2001:db8::1")));
    assertEquals("0:0:0:0:0:0:0:1", behindBalancers.of("::1", List.of("203.0.113.7")));
  }

  @Test
  void namesAreNeverLookedUp() {
    assertEquals(Optional.empty(), ClientAddress.literal("localhost"));
    assertEquals(Optional.empty(), ClientAddress.literal("example.com"));
    assertEquals(Optional.of("10.0.0.1"), ClientAddress.literal("10.0.0.1"));
  }

  @Test
  void aTrustedProxyIsAnAddressOrABlockNeverAName() {
    assertThrows(IllegalArgumentException.class, () -> new ClientAddress(Set.of("balancer.internal")));
  }
}
