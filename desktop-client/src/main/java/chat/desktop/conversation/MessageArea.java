package chat.desktop.conversation;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.TraversalDirection;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * Where a message is typed, a new one or an edit, as in chat apps: Enter sends it, Shift+Enter starts a
 * new line, Tab moves on as from a field. The area wraps its lines and is as tall as they are, wrapped
 * ones too, up to {@link #MAX_ROWS}; past that it scrolls.
 */
final class MessageArea {

  static final int MAX_ROWS = 6;

  private MessageArea() {}

  static TextArea of(StringProperty text, Runnable send) {
    TextArea area = new TextArea();
    area.setWrapText(true);
    area.textProperty().bindBidirectional(text);
    area.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            e.consume();
            if (e.isShiftDown()) {
              area.replaceSelection("\n");
            } else {
              send.run();
            }
          } else if (e.getCode() == KeyCode.TAB && !e.isShortcutDown()) {
            // A tab in a chat message is rarely meant; the keyboard's way out of the area is.
            e.consume();
            area.requestFocusTraversal(e.isShiftDown() ? TraversalDirection.PREVIOUS : TraversalDirection.NEXT);
          }
        });
    growWithLines(area);
    return area;
  }

  /**
   * Measures the text as the area lays it out, in a Text of its own as wide as the area's lines: the
   * width of the area's content, a region of its skin's that is there once the area is first laid out.
   */
  private static void growWithLines(TextArea area) {
    Text measured = new Text();
    measured.fontProperty().bind(area.fontProperty());
    measured.textProperty().bind(area.textProperty());
    Text oneLine = new Text("X");
    oneLine.fontProperty().bind(area.fontProperty());
    // Counted again whenever the text or the width of its lines changes: its lines, wrapped ones too,
    // and never fewer than its newlines make, whatever the measure says before the first layout.
    Runnable count =
        () -> {
          double line = oneLine.getLayoutBounds().getHeight();
          long wrapped = line > 0 ? Math.round(measured.getLayoutBounds().getHeight() / line) : 1;
          long lines = area.getText() == null ? 1 : area.getText().split("\n", -1).length;
          area.setPrefRowCount(Math.clamp(Math.max(wrapped, lines), 1, MAX_ROWS));
        };
    area.textProperty().addListener((o, was, now) -> count.run());
    measured.wrappingWidthProperty().addListener((o, was, now) -> count.run());
    count.run();
    area.needsLayoutProperty()
        .addListener(
            new ChangeListener<>() {
              @Override
              public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now && area.lookup(".content") instanceof Region content) {
                  area.needsLayoutProperty().removeListener(this);
                  measured
                      .wrappingWidthProperty()
                      .bind(
                          Bindings.createDoubleBinding(
                              () -> Math.max(0, content.getWidth() - content.snappedLeftInset() - content.snappedRightInset()),
                              content.widthProperty(),
                              content.paddingProperty()));
                }
              }
            });
  }
}
