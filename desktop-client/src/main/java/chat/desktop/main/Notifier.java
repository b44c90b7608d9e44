package chat.desktop.main;

/**
 * Tells the user of a direct message or a mention while the window is not in front: through the
 * operating system where it can ({@link SystemNotifier}).
 */
public interface Notifier {

  void notify(String title, String text);
}
