package chat.desktop;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The app's look: AtlantaFX's Primer theme, light or dark. It follows the system's colour scheme, also
 * when that changes while the app runs, until the user picks one; the pick is remembered.
 */
public final class Theme {

  private final Settings settings;
  private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();

  public Theme(Settings settings) {
    this.settings = settings;
  }

  /** Applies the theme; call on the FX thread once the toolkit runs. */
  public void start() {
    Platform.Preferences system = Platform.getPreferences();
    dark.addListener((o, was, now) -> apply(now));
    dark.set(settings.darkTheme().orElse(system.getColorScheme() == ColorScheme.DARK));
    apply(dark.get());
    system
        .colorSchemeProperty()
        .addListener(
            (o, was, now) -> {
              if (settings.darkTheme().isEmpty()) {
                dark.set(now == ColorScheme.DARK);
              }
            });
  }

  /** The user's pick, remembered: from now on the system's scheme no longer changes it. */
  public void choose(boolean dark) {
    settings.rememberDarkTheme(dark);
    this.dark.set(dark);
  }

  public ReadOnlyBooleanProperty dark() {
    return dark.getReadOnlyProperty();
  }

  private static void apply(boolean dark) {
    Application.setUserAgentStylesheet(
        (dark ? new PrimerDark() : new PrimerLight()).getUserAgentStylesheet());
  }
}
