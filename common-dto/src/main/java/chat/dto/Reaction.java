package chat.dto;

import java.util.List;

/**
 * One emoji on a message: how many reacted with it and the first {@link #USERS_SHOWN} of them, in the
 * order they reacted; {@code mine} (in history pages, read for one user) whether the reader did.
 */
public record Reaction(String emoji, int count, List<String> users, Boolean mine) {

  public static final int USERS_SHOWN = 20;
}
