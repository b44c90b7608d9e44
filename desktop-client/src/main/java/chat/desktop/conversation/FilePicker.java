package chat.desktop.conversation;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Window;

/**
 * Where the user picks files: the system's dialogs in the app ({@link FileDialogs}), a test's answers in
 * the tests, since no system dialog is driven headless.
 */
public interface FilePicker {

  /** The files to attach, picked over {@code owner}; empty when the user picked none. */
  List<Path> toAttach(Window owner);

  /** Where to save a file called {@code name}, picked over {@code owner}; null when the user gave up. */
  Path saveAs(Window owner, String name);
}
