package chat.dto;

import java.util.List;

/** What a ban did: {@code status} is {@code banned}, {@code ips} the addresses banned with the user. */
public record BanResult(String status, List<String> ips) {}
