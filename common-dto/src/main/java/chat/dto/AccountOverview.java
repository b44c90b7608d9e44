package chat.dto;

import java.util.List;

/**
 * {@code GET /api/account}: the caller, their friends, friend requests in and out, and whom they block.
 * {@code online} (ours, beyond the contract) names the friends with a socket open on some node now.
 */
public record AccountOverview(
    User user,
    List<User> friends,
    List<User> incoming,
    List<User> outgoing,
    List<User> blocked,
    List<String> online) {}
