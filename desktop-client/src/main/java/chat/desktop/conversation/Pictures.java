package chat.desktop.conversation;

import chat.dto.SharedFile;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.Image;

/**
 * The previews of the pictures in conversations, by file id, for as long as the main window lives: a
 * row drawn again (the list draws its rows anew as it scrolls) shows its picture without fetching it
 * again. At most {@link #MOST} are kept, the least recently drawn forgotten first; a preview is at
 * most 320 pixels a side, so that is a few tens of megabytes at most. Used on the FX thread alone.
 */
public final class Pictures {

  static final int MOST = 64;

  private final Map<Long, ObjectProperty<Image>> previews =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ObjectProperty<Image>> eldest) {
          return size() > MOST;
        }
      };

  /**
   * {@code file}'s preview: null until it has come (fetched once, through {@code model}), then the
   * picture. A fetch that failed is forgotten, so the next drawing tries again.
   */
  ReadOnlyObjectProperty<Image> preview(SharedFile file, ConversationViewModel model) {
    ObjectProperty<Image> known = previews.get(file.id());
    if (known != null) {
      return known;
    }
    ObjectProperty<Image> coming = new SimpleObjectProperty<>();
    previews.put(file.id(), coming);
    model.preview(file, Image::new, coming::set, () -> previews.remove(file.id(), coming));
    return coming;
  }
}
