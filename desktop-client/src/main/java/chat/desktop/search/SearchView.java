package chat.desktop.search;

import chat.desktop.Cells;
import chat.desktop.Styles;
import chat.desktop.UserLabels;
import chat.desktop.View;
import chat.dto.Message;
import chat.dto.SearchResults;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Search in two parts: the box the words are typed in (the main window puts it in its top bar), and the
 * results with their filters. A result is where it is, its sender, when, and its headline, the words
 * found in bold: the headline's pieces become Text nodes, never anything interpreted. A click on one
 * opens the message in its conversation.
 */
public final class SearchView implements View {

  /** The keys that put the cursor in the search box, wherever it was. */
  public static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneId.systemDefault());

  private final SearchViewModel model;

  public SearchView(SearchViewModel model) {
    this.model = model;
  }

  /** The search box: Enter searches, then {@code searched} runs (to bring the results into view). */
  public TextField box(Runnable searched) {
    TextField box = new TextField();
    box.setId("search");
    box.setPromptText("Search messages (" + SHORTCUT.getDisplayText() + ")");
    box.setPrefWidth(280);
    box.textProperty().bindBidirectional(model.query());
    box.setOnAction(
        e -> {
          model.search();
          searched.run();
        });
    return box;
  }

  @Override
  public Parent createView() {
    CheckBox inRoom = new CheckBox();
    inRoom.setId("searchInRoom");
    // A room's name is shown as it is: an underscore in it is no keyboard mnemonic.
    inRoom.setMnemonicParsing(false);
    inRoom.textProperty().bind(model.roomInView().map(room -> "Only in #" + room).orElse("Only in the room in view"));
    inRoom.disableProperty().bind(model.roomInView().isNull());
    inRoom.selectedProperty().bindBidirectional(model.onlyInRoom());
    TextField from = new TextField();
    from.setId("searchFrom");
    from.setPromptText("From (a username)");
    from.textProperty().bindBidirectional(model.from());
    from.setOnAction(e -> model.search());

    Label status = new Label();
    status.setId("searchStatus");
    status.getStyleClass().add(Styles.MUTED);
    status.setWrapText(true);
    status.textProperty().bind(model.status());
    Label error = new Label();
    error.setId("searchError");
    error.getStyleClass().add(Styles.ERROR);
    error.setWrapText(true);
    error.textProperty().bind(model.error());
    error.managedProperty().bind(model.error().isNotEmpty());

    ListView<SearchResults.Found> results = new ListView<>(model.results());
    results.setId("searchResults");
    results.setCellFactory(Cells.showing(found -> row(found, results)));
    // The status line says what there is; an empty list draws nothing of its own.
    results.setPlaceholder(new Region());
    results.setOnMouseClicked(e -> openSelected(results));
    results.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            openSelected(results);
          }
        });
    VBox.setVgrow(results, Priority.ALWAYS);

    Button more = new Button("Load more");
    more.setId("searchMore");
    more.setMaxWidth(Double.MAX_VALUE);
    more.visibleProperty().bind(model.more());
    more.managedProperty().bind(model.more());
    more.disableProperty().bind(model.searching());
    more.setOnAction(e -> model.loadMore());

    VBox box = new VBox(8, inRoom, from, status, error, results, more);
    box.setPadding(new Insets(8));
    return box;
  }

  private void openSelected(ListView<SearchResults.Found> results) {
    SearchResults.Found selected = results.getSelectionModel().getSelectedItem();
    if (selected != null) {
      model.open(selected);
    }
  }

  /** A result: where it is, who sent it and when, and the headline with the words found in bold. */
  private Node row(SearchResults.Found found, ListView<?> list) {
    Message message = found.message();
    Label sender = new Label(UserLabels.name(message.from()));
    sender.getStyleClass().add(Styles.SENDER);
    Label when = new Label(WHEN.format(message.sentAt()));
    when.getStyleClass().add(Styles.MUTED);
    when.setMinWidth(Region.USE_PREF_SIZE);
    HBox meta = new HBox(8, sender, when);
    meta.setAlignment(Pos.BASELINE_LEFT);
    Label where = new Label(model.where(message));
    where.getStyleClass().addAll(Styles.MUTED, Styles.SEARCH_WHERE);

    TextFlow headline = new TextFlow();
    headline.getStyleClass().add(Styles.SEARCH_HEADLINE);
    for (SearchResults.Piece piece : found.headline()) {
      // On the result's few lines, the text's own line breaks are spaces.
      Text text = new Text(piece.text().replace('\n', ' '));
      text.getStyleClass().add(Styles.TEXT_RUN);
      if (Boolean.TRUE.equals(piece.match())) {
        text.getStyleClass().add(Styles.SEARCH_MATCH);
      }
      headline.getChildren().add(text);
    }
    VBox row = new VBox(2, where, meta, headline);
    row.getStyleClass().add(Styles.SEARCH_RESULT);
    // As wide as the list and no wider, so a long headline wraps.
    row.prefWidthProperty().bind(list.widthProperty().subtract(30));
    row.setMaxWidth(Region.USE_PREF_SIZE);
    return row;
  }
}
