package chat.server.input;

import chat.server.error.ChatException;

/** Query parameters parsed by us, so a bad one gets the contract's 400 and says which it was. */
public final class QueryParams {

  private QueryParams() {}

  public static Long optionalLong(String name, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Long.valueOf(value);
    } catch (NumberFormatException e) {
      throw ChatException.invalid("'" + name + "' must be a whole number");
    }
  }

  public static Integer optionalInt(String name, String value) {
    Long parsed = optionalLong(name, value);
    if (parsed != null && (parsed > Integer.MAX_VALUE || parsed < Integer.MIN_VALUE)) {
      throw ChatException.invalid("'" + name + "' is out of range");
    }
    return parsed == null ? null : parsed.intValue();
  }
}
