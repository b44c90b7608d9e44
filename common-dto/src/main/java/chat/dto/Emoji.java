package chat.dto;

/** One emoji of {@code GET /api/emoji}: its {@code :name:} shortcode and the character it stands for. */
public record Emoji(String name, String emoji) {}
