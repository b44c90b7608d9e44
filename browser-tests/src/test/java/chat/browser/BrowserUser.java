package chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Path;

/** One person at the browser client: what they do, in the words of the page they see. */
final class BrowserUser {

  static final String PASSWORD = "long-enough-password";

  final Page page;
  final String name;

  BrowserUser(Page page, String name) {
    this.page = page;
    this.name = name;
  }

  BrowserUser signUp() {
    page.locator("#username").fill(name);
    page.locator("#password").fill(PASSWORD);
    page.locator("#signUp").click();
    assertThat(page.locator("#me")).hasText(name + " · USER");
    return this;
  }

  BrowserUser logIn(String password) {
    page.locator("#username").fill(name);
    page.locator("#password").fill(password);
    page.locator("#logIn").click();
    assertThat(page.locator("#me")).containsText(name);
    return this;
  }

  BrowserUser createRoom(String room) {
    page.locator("#newRoom").fill(room);
    page.locator("#createRoom").click();
    assertThat(page.locator("#conversationTitle")).hasText("# " + room);
    return this;
  }

  BrowserUser openRoom(String room) {
    page.locator("#rooms .open", new Page.LocatorOptions().setHasText("# " + room)).click();
    assertThat(page.locator("#conversationTitle")).hasText("# " + room);
    return this;
  }

  /** Types into the composer and presses Enter. */
  BrowserUser say(String text) {
    page.locator("#draft").fill(text);
    page.locator("#draft").press("Enter");
    return this;
  }

  /** Picks files for the next message with the composer's attach button, in the system's file chooser. */
  BrowserUser attach(FilePayload... files) {
    FileChooser chooser = page.waitForFileChooser(() -> page.locator("#attach").click());
    chooser.setFiles(files);
    return this;
  }

  /** The texts of the conversation in view, in order. */
  Locator messages() {
    return page.locator("#messages .message .text");
  }

  Locator message(String text) {
    return page.locator("#messages .message", new Page.LocatorOptions().setHas(page.locator(".text").getByText(text, new Locator.GetByTextOptions().setExact(true))));
  }

  /** Clicks one of the actions (reply, react, edit, delete) of the message with this text. */
  BrowserUser act(String text, String action) {
    message(text).hover();
    message(text).locator(".actions ." + action).click();
    return this;
  }

  /** Edits one's own message in place: a new text, then Enter. */
  BrowserUser edit(String text, String newText) {
    act(text, "edit");
    // The only editor open: it stands in for the message's text.
    Locator editor = page.locator("#messages .edit-text");
    editor.fill(newText);
    editor.press("Enter");
    return this;
  }

  /** Reacts to the message with the emoji of the picker named {@code name} (its shortcode). */
  BrowserUser react(String text, String name) {
    act(text, "react");
    page.locator("#emojiPicker [data-name='" + name + "']").click();
    return this;
  }

  /** The chip of one emoji under the message with this text. */
  Locator reaction(String text, String emoji) {
    return message(text).locator(".reaction[data-emoji='" + emoji + "']");
  }

  /** What the message with this text quotes of the one it answers. */
  Locator quote(String text) {
    return message(text).locator(".quote");
  }

  BrowserUser friendsTab() {
    page.locator("#tabFriends").click();
    return this;
  }

  Locator person(String list, String username) {
    return page.locator("#" + list + " .person[data-user='" + username + "']");
  }

  /** With -Dchat.it.screenshots=DIR, the page as it looks now goes to DIR/NAME.png (for docs/). */
  void screenshot(String fileName) {
    String directory = System.getProperty("chat.it.screenshots", "");
    if (!directory.isEmpty()) {
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(directory, fileName + ".png")));
    }
  }
}
