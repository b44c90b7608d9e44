package chat.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Names no earlier test used: tests share one database, as users share one product. */
public final class Names {

  private Names() {}

  public static String unique(String prefix) {
    return prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
  }
}
