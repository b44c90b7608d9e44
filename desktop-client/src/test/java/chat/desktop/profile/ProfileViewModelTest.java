package chat.desktop.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import chat.client.ChatApiException;
import chat.desktop.Ui;
import chat.dto.Role;
import chat.dto.User;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class ProfileViewModelTest {

  private final ObjectProperty<User> me = new SimpleObjectProperty<>(new User(3, "ann", Role.USER, "Ann", "in Lisbon"));
  private final List<List<String>> asked = new ArrayList<>();
  private RuntimeException refusal;
  private final ProfileViewModel profile =
      new ProfileViewModel(
          (displayName, status) -> {
            asked.add(List.of(displayName, status));
            if (refusal != null) {
              throw refusal;
            }
            return new User(3, "ann", Role.USER, displayName.trim(), status);
          },
          Ui.inline(),
          me);

  @Test
  void anEditStartsFromTheProfileAsItIsNow() {
    profile.error().set("an old problem");

    profile.edit();

    assertEquals("Ann", profile.displayName().get());
    assertEquals("in Lisbon", profile.status().get());
    assertEquals("", profile.error().get());
  }

  @Test
  void whatTheServerTookBecomesWhoTheAppKnowsTheUserToBe() {
    List<String> saved = new ArrayList<>();
    profile.edit();
    profile.displayName().set(" Ann M. ");
    profile.status().set("back at 5");

    profile.save(() -> saved.add("closed"));

    assertEquals(List.of(List.of(" Ann M. ", "back at 5")), asked);
    assertEquals(new User(3, "ann", Role.USER, "Ann M.", "back at 5"), me.get());
    assertEquals(List.of("closed"), saved);
    assertFalse(profile.saving().get());
  }

  @Test
  void aRefusalIsShownInWordsAndTheProfileStaysAsItWas() {
    refusal = new ChatApiException(400, "invalid_request", "a display name is at most 64 characters", null);
    List<String> saved = new ArrayList<>();
    profile.edit();
    profile.displayName().set("x".repeat(65));

    profile.save(() -> saved.add("closed"));

    assertEquals("A display name is at most 64 characters.", profile.error().get());
    assertEquals("Ann", me.get().displayName());
    assertEquals(List.of(), saved, "the editor stays open");
    assertFalse(profile.saving().get());
  }
}
