package chat.desktop.status;

import chat.desktop.Styles;
import chat.desktop.View;
import java.time.Clock;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** The status bar: connection state and countdown, the node serving us, and the latest notice. */
public final class StatusView implements View {

  private static final PseudoClass TROUBLE = PseudoClass.getPseudoClass("trouble");

  private final StatusViewModel model;
  private final ObservableStringValue notice;
  private final Clock clock;

  public StatusView(StatusViewModel model, ObservableStringValue notice, Clock clock) {
    this.model = model;
    this.notice = notice;
    this.clock = clock;
  }

  @Override
  public Parent createView() {
    Label connection = new Label();
    connection.setId("connectionState");
    connection.textProperty().bind(model.connection());
    model.trouble().addListener((o, was, now) -> connection.pseudoClassStateChanged(TROUBLE, now));
    connection.getStyleClass().add(Styles.CONNECTION);
    Label said = new Label();
    said.setId("notice");
    said.getStyleClass().add(Styles.MUTED);
    said.textProperty().bind(notice);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(12, connection, gap, said);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 8, 4, 8));
    bar.getStyleClass().add(Styles.STATUS_BAR);

    Timeline countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick(clock.instant())));
    countdown.setCycleCount(Animation.INDEFINITE);
    countdown.play();
    return bar;
  }
}
