package chat.dto;

import jakarta.json.JsonValue;

/** {@code POST /api/s2s/users/{username}/notify}: what kind of notice, and the service's own data. */
public record Notify(String kind, JsonValue data) {}
