package chat.desktop.main;

import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operating system's notifications, through its system tray (the one way the JDK offers): an icon
 * is placed there on first use, and each notice is its balloon. Where there is no tray (a desktop
 * without one, a headless test) nothing is raised: the window's title still counts what is unread.
 */
public final class SystemNotifier implements Notifier {

  private static final Logger LOG = Logger.getLogger(SystemNotifier.class.getName());

  private TrayIcon icon;
  private boolean unavailable;

  /** The system's notifications where it has a tray; none where it has not. */
  public static Notifier create() {
    if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
      return (title, text) -> {};
    }
    return new SystemNotifier();
  }

  @Override
  public synchronized void notify(String title, String text) {
    TrayIcon shown = icon();
    if (shown != null) {
      shown.displayMessage(title, text, TrayIcon.MessageType.INFO);
    }
  }

  private TrayIcon icon() {
    if (icon == null && !unavailable) {
      try {
        TrayIcon made = new TrayIcon(new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB), "Chat");
        made.setImageAutoSize(true);
        SystemTray.getSystemTray().add(made);
        icon = made;
      } catch (AWTException | UnsupportedOperationException e) {
        unavailable = true;
        LOG.log(Level.INFO, "no system tray for notifications", e);
      }
    }
    return icon;
  }
}
