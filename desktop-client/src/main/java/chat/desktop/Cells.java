package chat.desktop;

import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.util.Callback;

/** The one way the app's lists draw their rows: each item as the node a function makes of it. */
public final class Cells {

  private Cells() {}

  /** Rows showing {@code graphic} of their item, and nothing when empty. */
  public static <T> Callback<ListView<T>, ListCell<T>> showing(Function<T, Node> graphic) {
    return showing(graphic, item -> null);
  }

  /** Rows showing {@code graphic} of their item, with {@code menu}'s context menu (none when it gives null). */
  public static <T> Callback<ListView<T>, ListCell<T>> showing(
      Function<T, Node> graphic, Function<T, ContextMenu> menu) {
    return list ->
        new ListCell<>() {
          @Override
          protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            boolean blank = empty || item == null;
            setText(null);
            setGraphic(blank ? null : graphic.apply(item));
            setContextMenu(blank ? null : menu.apply(item));
          }
        };
  }
}
