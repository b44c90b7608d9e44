package chat.desktop.profile;

import chat.desktop.Problems;
import chat.desktop.Ui;
import chat.dto.User;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The user's own display name and status: filled from who the app knows them to be, saved to the
 * server, which checks the rules and tells everyone who sees the user (the app too, by
 * {@code identity_changed}).
 */
public final class ProfileViewModel {

  private final ProfileActions actions;
  private final Ui ui;
  private final ObjectProperty<User> me;
  private final StringProperty displayName = new SimpleStringProperty("");
  private final StringProperty status = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final BooleanProperty saving = new SimpleBooleanProperty(false);

  public ProfileViewModel(ProfileActions actions, Ui ui, ObjectProperty<User> me) {
    this.actions = actions;
    this.ui = ui;
    this.me = me;
  }

  public StringProperty displayName() {
    return displayName;
  }

  public StringProperty status() {
    return status;
  }

  public StringProperty error() {
    return error;
  }

  public BooleanProperty saving() {
    return saving;
  }

  /** Starts an edit from the profile as it is now. */
  public void edit() {
    displayName.set(me.get().displayName());
    status.set(me.get().status());
    error.set("");
  }

  /** Saves both fields; {@code saved} runs once the server has taken them. */
  public void save(Runnable saved) {
    saving.set(true);
    String newName = displayName.get();
    String newStatus = status.get();
    ui.run(
        () -> actions.changeProfile(newName, newStatus),
        changed -> {
          saving.set(false);
          me.set(changed);
          saved.run();
        },
        failure -> {
          saving.set(false);
          error.set(Problems.describe(failure));
        });
  }
}
