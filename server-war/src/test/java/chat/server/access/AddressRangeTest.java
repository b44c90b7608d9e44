package chat.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

  @Test
  void aBlockHoldsTheAddressesUnderItsPrefixOnly() {
    AddressRange subnet = AddressRange.parse("10.40.0.0/20").orElseThrow();

    assertTrue(subnet.contains("10.40.0.7"));
    assertTrue(subnet.contains("10.40.15.255"));
    assertFalse(subnet.contains("10.40.16.0"));
    assertFalse(subnet.contains("11.40.0.7"));
  }

  @Test
  void aBareAddressHoldsItselfAlone() {
    AddressRange balancer = AddressRange.parse("127.0.0.1").orElseThrow();

    assertTrue(balancer.contains("127.0.0.1"));
    assertFalse(balancer.contains("127.0.0.2"));
  }

  @Test
  void ipv6BlocksMatchIpv6AddressesOnly() {
    AddressRange block = AddressRange.parse("fd00:1::/32").orElseThrow();

    assertTrue(block.contains("fd00:1:0:0:0:0:0:5"));
    assertFalse(block.contains("fd00:2:0:0:0:0:0:5"));
    assertFalse(block.contains("10.0.0.1"));
  }

  @Test
  void namesAndBadPrefixesAreRefusedAndNeverLookedUp() {
    assertEquals(Optional.empty(), AddressRange.parse("balancer.internal"));
    assertEquals(Optional.empty(), AddressRange.parse("balancer.internal/24"));
    assertEquals(Optional.empty(), AddressRange.parse("10.0.0.0/33"));
    assertEquals(Optional.empty(), AddressRange.parse("10.0.0.0/"));
    assertEquals(Optional.empty(), AddressRange.parse("10.0.0.0/-1"));
  }
}
