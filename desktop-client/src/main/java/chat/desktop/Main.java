package chat.desktop;

import javafx.application.Application;

/**
 * Starts the app. A plain class, not the {@link Application} itself, so that the app also starts with
 * JavaFX on the class path (the launcher refuses an Application main class there).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Application.launch(ChatApp.class, args);
  }
}
