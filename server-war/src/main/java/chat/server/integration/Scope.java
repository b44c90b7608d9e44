package chat.server.integration;

import chat.server.error.ChatException;
import java.util.Arrays;

/** What an API key may do, as the contract names it. */
public enum Scope {
  ROOMS_PUBLISH("rooms:publish"),
  USERS_NOTIFY("users:notify");

  private final String wire;

  Scope(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  static Scope parse(String wire) {
    return Arrays.stream(values())
        .filter(scope -> scope.wire.equals(wire))
        .findFirst()
        .orElseThrow(
            () -> ChatException.invalid(
                "unknown scope '" + wire + "'; known: " + Arrays.stream(values()).map(Scope::wire).toList()));
  }
}
