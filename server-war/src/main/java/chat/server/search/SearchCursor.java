package chat.server.search;

import chat.server.error.ChatException;

/**
 * Where the next page of results starts: after the result of that rank and id, results being in rank
 * order, then newest first. On the wire it is opaque: the rank's bits and the id, in hex.
 */
record SearchCursor(float rank, long id) {

  String encode() {
    return Integer.toHexString(Float.floatToRawIntBits(rank)) + "-" + Long.toHexString(id);
  }

  /** The cursor a page gave, or null for the first page; {@code invalid_request} for anything else. */
  static SearchCursor decode(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    int dash = value.indexOf('-');
    try {
      if (dash > 0 && dash <= 8 && value.length() - dash - 1 <= 16 && value.length() - dash > 1) {
        float rank = Float.intBitsToFloat(Integer.parseUnsignedInt(value, 0, dash, 16));
        long id = Long.parseUnsignedLong(value, dash + 1, value.length(), 16);
        if (Float.isFinite(rank) && id > 0) {
          return new SearchCursor(rank, id);
        }
      }
    } catch (NumberFormatException e) {
      // answered below, as every other malformed cursor
    }
    throw ChatException.invalid("'before' is not a cursor a search gave");
  }
}
