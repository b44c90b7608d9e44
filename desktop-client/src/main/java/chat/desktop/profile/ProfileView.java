package chat.desktop.profile;

import chat.desktop.Styles;
import chat.desktop.View;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The profile editor: display name and status, saved together. */
public final class ProfileView implements View {

  private final ProfileViewModel model;
  private final Runnable close;

  /** {@code close} shuts the window the editor is in, after a save or a cancel. */
  public ProfileView(ProfileViewModel model, Runnable close) {
    this.model = model;
    this.close = close;
  }

  @Override
  public Parent createView() {
    TextField displayName = new TextField();
    displayName.setId("displayName");
    displayName.setPromptText("How others see your name");
    displayName.textProperty().bindBidirectional(model.displayName());
    TextField status = new TextField();
    status.setId("status");
    status.setPromptText("A short status, or nothing");
    status.textProperty().bindBidirectional(model.status());

    Label error = new Label();
    error.getStyleClass().add(Styles.ERROR);
    error.setWrapText(true);
    error.textProperty().bind(model.error());

    Button save = new Button("Save");
    save.setId("saveProfile");
    save.setDefaultButton(true);
    save.disableProperty().bind(model.saving());
    save.setOnAction(e -> model.save(close));
    Button cancel = new Button("Cancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> close.run());

    GridPane fields = new GridPane();
    fields.setHgap(8);
    fields.setVgap(8);
    fields.addRow(0, new Label("Display name"), displayName);
    fields.addRow(1, new Label("Status"), status);
    VBox box = new VBox(10, fields, error, new HBox(8, save, cancel));
    box.setPadding(new Insets(16));
    box.setPrefWidth(420);
    return box;
  }
}
