package chat.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventSignatureTest {

  private final EventSignature ours = new EventSignature("the cluster's secret".getBytes(StandardCharsets.UTF_8));

  @Test
  void anEventSignedByANodeOfTheClusterPassesUnchanged() {
    String event = "R:1:2:0:3:{\"type\":\"new_message\",\"text\":\"a:b.c\"}";
    assertEquals(Optional.of(event), ours.verify(ours.sign(event)));
  }

  @Test
  void anythingElseIsRefused() {
    EventSignature theirs = new EventSignature("another secret".getBytes(StandardCharsets.UTF_8));
    String signed = ours.sign("X:7:0:\nunbanned");
    assertTrue(ours.verify(theirs.sign("X:7:0:\nunbanned")).isEmpty(), "signed with another secret");
    assertTrue(ours.verify(signed.replace("X:7:0", "X:8:0")).isEmpty(), "changed after signing");
    assertTrue(ours.verify("X:7:0:\nunbanned").isEmpty(), "not signed");
    assertTrue(ours.verify("!".repeat(43) + ".X:7:0:\n").isEmpty(), "not base64");
    assertTrue(ours.verify("").isEmpty());
    assertTrue(ours.verify(null).isEmpty());
  }
}
