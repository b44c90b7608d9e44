package chat.desktop;

import chat.dto.Role;
import chat.dto.User;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * How the app names a user everywhere: the display name, with the username beside it when the two
 * differ (a display name is free text, the username is who it is), and a badge for a service.
 */
public final class UserLabels {

  private UserLabels() {}

  public static String name(User user) {
    return name(user.displayName(), user.username());
  }

  public static String name(String displayName, String username) {
    boolean same = displayName.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT));
    return same ? displayName : displayName + " (@" + username + ")";
  }

  /** The user's name as a label, with their status as its tooltip when they have one. */
  public static Label label(User user) {
    Label label = new Label(name(user));
    if (!user.status().isEmpty()) {
      label.setTooltip(new Tooltip(user.status()));
    }
    return label;
  }

  /** A badge saying "service" for a service's account, else null. */
  public static Label serviceBadge(User user) {
    if (user.role() != Role.SERVICE) {
      return null;
    }
    Label badge = new Label("service");
    badge.getStyleClass().addAll(Styles.BADGE, Styles.SERVICE);
    return badge;
  }
}
