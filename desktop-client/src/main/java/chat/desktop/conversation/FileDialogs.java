package chat.desktop.conversation;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The system's file dialogs, opening where the last one left off. */
public final class FileDialogs implements FilePicker {

  private File lastFolder;

  @Override
  public List<Path> toAttach(Window owner) {
    FileChooser chooser = chooser("Attach files");
    List<File> picked = chooser.showOpenMultipleDialog(owner);
    if (picked == null || picked.isEmpty()) {
      return List.of();
    }
    lastFolder = picked.get(0).getParentFile();
    return picked.stream().map(File::toPath).toList();
  }

  @Override
  public Path saveAs(Window owner, String name) {
    FileChooser chooser = chooser("Save " + name);
    chooser.setInitialFileName(name);
    File target = chooser.showSaveDialog(owner);
    if (target == null) {
      return null;
    }
    lastFolder = target.getParentFile();
    return target.toPath();
  }

  private FileChooser chooser(String title) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    if (lastFolder != null && lastFolder.isDirectory()) {
      chooser.setInitialDirectory(lastFolder);
    }
    return chooser;
  }
}
