package chat.dto;

import java.time.Instant;
import java.util.List;

/**
 * An API key as administrators see it, never with its secret: its scopes, when it was made and last
 * used (absent until its first call), and the service user it posts as.
 */
public record ApiKey(
    long id, String name, List<String> scopes, Instant createdAt, Instant lastUsedAt, User service) {}
