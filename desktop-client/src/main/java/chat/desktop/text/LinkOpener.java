package chat.desktop.text;

/** Opens a link of a message: the app's own is the system's browser, through its HostServices. */
@FunctionalInterface
public interface LinkOpener {

  /** {@code url} is an http:// or https:// URL. */
  void open(String url);
}
