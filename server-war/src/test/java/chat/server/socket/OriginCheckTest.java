package chat.server.socket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginCheckTest {

  private final OriginCheck ownOnly = new OriginCheck(Set.of());

  @Test
  void aPageOfTheSiteItselfMayWhateverItsScheme() {
    assertTrue(ownOnly.allows("http://127.0.0.1:8080", "127.0.0.1:8080"));
    assertTrue(ownOnly.allows("https://Chat.Example.com", "chat.example.com"), "TLS ended at the balancer");
  }

  @Test
  void aPageOfAnotherSiteMayNot() {
    assertFalse(ownOnly.allows("https://evil.example", "chat.example.com"));
    assertFalse(ownOnly.allows("http://127.0.0.1:9999", "127.0.0.1:8080"), "another port is another origin");
    assertFalse(ownOnly.allows("null", "chat.example.com"), "a sandboxed page or a file");
    assertFalse(ownOnly.allows("not a uri at all", "chat.example.com"));
    assertFalse(ownOnly.allows("https://chat.example.com", null));
  }

  @Test
  void programsSendNoOriginAndAreNotConcerned() {
    assertTrue(ownOnly.allows(null, "chat.example.com"));
    assertTrue(ownOnly.allows(null, null));
  }

  @Test
  void configuredOriginsMayAsWrittenOrAllWithAStar() {
    OriginCheck partner = new OriginCheck(Set.of(" https://app.example.org/ "));
    assertTrue(partner.allows("https://APP.example.org", "chat.example.com"));
    assertFalse(partner.allows("https://other.example.org", "chat.example.com"));
    assertTrue(new OriginCheck(Set.of("*")).allows("https://anyone.example", "chat.example.com"));
  }
}
