package chat.desktop;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the app remembers between runs, in a small properties file: the server last used, and the theme
 * if the user picked one.
 */
public final class Settings {

  private static final String SERVER = "server";
  private static final String DARK_THEME = "theme.dark";

  private final Path file;
  private final String defaultServer;

  public Settings(Path file, String defaultServer) {
    this.file = file;
    this.defaultServer = defaultServer;
  }

  /**
   * The user's settings, in {@code ~/.chat-desktop} unless {@code -Dchat.desktop.settings} says where;
   * the default server is {@code -Dchat.server}, else a local one.
   */
  public static Settings ofUser() {
    Path file =
        Path.of(
            System.getProperty(
                "chat.desktop.settings",
                Path.of(System.getProperty("user.home"), ".chat-desktop", "settings.properties").toString()));
    return new Settings(file, System.getProperty("chat.server", "http://127.0.0.1:8080/"));
  }

  public String server() {
    return load().getProperty(SERVER, defaultServer);
  }

  public void rememberServer(String server) {
    remember(SERVER, server);
  }

  /** Whether the user picked the dark theme (true) or the light one; empty until they pick. */
  public Optional<Boolean> darkTheme() {
    return Optional.ofNullable(load().getProperty(DARK_THEME)).map(Boolean::valueOf);
  }

  public void rememberDarkTheme(boolean dark) {
    remember(DARK_THEME, Boolean.toString(dark));
  }

  private void remember(String key, String value) {
    Properties properties = load();
    properties.setProperty(key, value);
    try {
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(file)) {
        properties.store(out, "chat desktop");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Properties load() {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      properties.load(in);
    } catch (NoSuchFileException firstRun) {
      // Nothing remembered yet.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
