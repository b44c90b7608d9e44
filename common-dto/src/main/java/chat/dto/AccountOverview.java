package chat.dto;

import java.util.List;

/** {@code GET /api/account}: the caller, their friends, friend requests in and out, and whom they block. */
public record AccountOverview(
    User user, List<User> friends, List<User> incoming, List<User> outgoing, List<User> blocked) {}
