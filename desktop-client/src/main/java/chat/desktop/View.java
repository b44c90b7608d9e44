package chat.desktop;

import javafx.scene.Parent;

/** A screen or a part of one: it builds its nodes from its model, bound to it, and holds no state of its own. */
public interface View {

  Parent createView();
}
