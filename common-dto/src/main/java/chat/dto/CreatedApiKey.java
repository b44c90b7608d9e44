package chat.dto;

/** The answer to {@code POST /api/admin/keys}: the only time {@code secret} is shown. */
public record CreatedApiKey(ApiKey key, String secret) {}
