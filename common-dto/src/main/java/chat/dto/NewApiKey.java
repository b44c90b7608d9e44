package chat.dto;

import java.util.List;

/** {@code POST /api/admin/keys}: the service's name and what the key may do. */
public record NewApiKey(String name, List<String> scopes) {}
