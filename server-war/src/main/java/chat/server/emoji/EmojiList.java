package chat.server.emoji;

import chat.dto.Emoji;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The emoji the chat knows (emoji.tsv): what reactions may be, and what {@code :shortcode:} stands
 * for in both apps. A fixed list rather than any character, so that a reaction is always one emoji a
 * picker shows, never text or an invisible character passed off as one.
 */
@ApplicationScoped
public class EmojiList {

  private final List<Emoji> all;
  private final Set<String> characters;

  public EmojiList() {
    this.all = read();
    this.characters = all.stream().map(Emoji::emoji).collect(Collectors.toUnmodifiableSet());
  }

  public List<Emoji> all() {
    return all;
  }

  /** Whether {@code emoji} is one of the list's characters. */
  public boolean knows(String emoji) {
    return emoji != null && characters.contains(emoji);
  }

  private static List<Emoji> read() {
    try (InputStream in = EmojiList.class.getResourceAsStream("/emoji.tsv");
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<Emoji> emoji = new ArrayList<>();
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] fields = line.split("\t");
          emoji.add(new Emoji(fields[0], fields[1]));
        }
      }
      return List.copyOf(emoji);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
