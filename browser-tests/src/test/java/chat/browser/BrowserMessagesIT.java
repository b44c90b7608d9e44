package chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TcpRelay;
import chat.testing.TwoNodes;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Edits, replies and reactions between pages on the two nodes of a cluster (docs/protocol.md, "Working
 * with messages"): each shows live on the other node; a quote brings its original back from older
 * history, and says so once it is deleted; a page cut off while messages changed catches up on every
 * change once it is back; a message shows formatted as its text's conventions say, also one typed on
 * several lines in the composer (Shift+Enter).
 */
@ExtendWith({SharedTwoNodes.class, Chromium.Shared.class})
class BrowserMessagesIT {

  private static final String LIKE = "👍";
  private static final String TADA = "🎉";
  private static final Pattern HIGHLIGHTED = Pattern.compile("\\bhighlight\\b");

  private final TwoNodes cluster;
  private final Pages pages;

  BrowserMessagesIT(TwoNodes cluster, Chromium chromium) {
    this.cluster = cluster;
    this.pages = new Pages(chromium);
  }

  @AfterEach
  void closeSessions() {
    pages.closeAll();
  }

  @Test
  void anEditShowsAsEditedOnTheOtherNode() {
    Meeting meeting = annAndBobInANewRoom();
    BrowserUser ann = meeting.ann();
    BrowserUser bob = meeting.bob();
    ann.say("See you at five");
    assertThat(bob.messages()).hasText(new String[] {"See you at five"});
    assertThat(bob.message("See you at five").locator(".edited")).hasCount(0);
    assertThat(bob.message("See you at five").locator(".edit")).hasCount(0);

    ann.edit("See you at five", "See you at six");

    for (BrowserUser someone : List.of(ann, bob)) {
      assertThat(someone.messages()).hasText(new String[] {"See you at six"});
      assertThat(someone.message("See you at six").locator(".edited")).hasText("(edited)");
      assertThat(someone.message("See you at six").locator(".edited")).hasAttribute("title", Pattern.compile("^Edited \\d"));
    }
    assertThat(ann.page.locator("#messages .edit-text")).hasCount(0);

    ann.act("See you at six", "edit");
    ann.page.locator("#messages .edit-text").fill("Changed my mind");
    ann.page.locator("#messages .edit-text").press("Escape");
    assertThat(ann.page.locator("#messages .edit-text")).hasCount(0);
    assertThat(ann.messages()).hasText(new String[] {"See you at six"});
  }

  @Test
  void aQuoteBringsItsOriginalBackFromOlderHistoryAndSaysWhenItIsDeleted() throws InterruptedException {
    Meeting meeting = annAndBobInANewRoom();
    BrowserUser ann = meeting.ann();
    BrowserUser bob = meeting.bob();
    String original = "Who has the projector key?";
    String reply = "I do, come by at four.";
    bob.say(original);
    assertThat(ann.message(original)).hasCount(1);
    // More than a first page (50) after it, so that a page opened later does not have it.
    List<String> filler = IntStream.rangeClosed(1, 60).mapToObj(i -> "filler " + i).toList();
    Poster.post(cluster.a.uri(), Names.unique("poster"), meeting.room(), filler);

    ann.act(original, "reply");
    assertThat(ann.page.locator("#replying .replying-to")).hasText("Replying to " + bob.name + ": " + original);
    ann.say(reply);
    assertThat(ann.page.locator("#replying")).isHidden();
    assertThat(bob.quote(reply).locator(".quote-from")).hasText(bob.name);
    assertThat(bob.quote(reply).locator(".quote-text")).hasText(original);

    bob.page.reload();
    bob.openRoom(meeting.room());
    assertThat(bob.quote(reply).locator(".quote-text")).hasText(original);
    assertThat(bob.messages()).hasCount(50);
    assertThat(bob.message(original)).hasCount(0);
    bob.quote(reply).click();
    assertThat(bob.message(original)).isInViewport();
    assertThat(bob.message(original)).hasClass(HIGHLIGHTED);

    bob.act(original, "delete");
    for (BrowserUser someone : List.of(ann, bob)) {
      assertThat(someone.message(original)).hasCount(0);
      assertThat(someone.quote(reply).locator(".quote-text")).hasText("The original message was deleted.");
    }
  }

  @Test
  void reactionsFromBothCountTwoAndToggleBack() {
    Meeting meeting = annAndBobInANewRoom();
    BrowserUser ann = meeting.ann();
    BrowserUser bob = meeting.bob();
    String cake = "Cake in the kitchen";
    bob.say(cake);

    ann.react(cake, "thumbsup");
    for (BrowserUser someone : List.of(ann, bob)) {
      assertThat(someone.reaction(cake, LIKE).locator(".count")).hasText("1");
    }
    assertThat(ann.reaction(cake, LIKE)).hasAttribute("aria-pressed", "true");
    assertThat(bob.reaction(cake, LIKE)).hasAttribute("aria-pressed", "false");

    bob.reaction(cake, LIKE).click();
    for (BrowserUser someone : List.of(ann, bob)) {
      assertThat(someone.reaction(cake, LIKE).locator(".count")).hasText("2");
      assertThat(someone.reaction(cake, LIKE)).hasAttribute("aria-pressed", "true");
      assertThat(someone.reaction(cake, LIKE)).hasAttribute("title", ann.name + " and " + bob.name + " reacted with " + LIKE);
    }

    ann.act(cake, "reply").act(cake, "react");
    assertThat(ann.page.locator("#emojiPicker [data-name=thumbsup]")).isVisible();
    ann.screenshot("browser-reply-and-react");
    ann.page.keyboard().press("Escape");
    assertThat(ann.page.locator("#emojiPicker")).isHidden();
    ann.page.locator("#cancelReply").click();
    assertThat(ann.page.locator("#replying")).isHidden();

    bob.reaction(cake, LIKE).click();
    for (BrowserUser someone : List.of(ann, bob)) {
      assertThat(someone.reaction(cake, LIKE).locator(".count")).hasText("1");
    }
    assertThat(bob.reaction(cake, LIKE)).hasAttribute("aria-pressed", "false");
    assertThat(ann.reaction(cake, LIKE)).hasAttribute("aria-pressed", "true");

    ann.reaction(cake, LIKE).click();
    for (BrowserUser someone : List.of(ann, bob)) {
      assertThat(someone.reaction(cake, LIKE)).hasCount(0);
    }
  }

  @Test
  void aPageCutOffWhileMessagesChangedCatchesUpOnEveryChangeOnceBack() {
    Meeting meeting = annAndBobInANewRoom();
    BrowserUser ann = meeting.ann();
    BrowserUser bob = meeting.bob();
    String lunch = "Lunch at noon?";
    String later = "Lunch at half past twelve?";
    String answer = "Works for me. Where?";
    String typo = "Tpyo, sorry";
    try (TcpRelay link = TcpRelay.to(cluster.b.uri())) {
      BrowserUser cleo = new BrowserUser(pages.open(link.uri(), 1280, 800), Names.unique("cleo")).signUp().openRoom(meeting.room());
      ann.say(lunch);
      bob.act(lunch, "reply").say(answer);
      ann.say(typo);
      assertThat(cleo.messages()).hasText(new String[] {lunch, answer, typo});
      assertThat(cleo.quote(answer).locator(".quote-text")).hasText(lunch);

      link.cut();
      assertThat(cleo.page.locator("#connection")).hasText(Pattern.compile("^(Reconnecting|Connecting)"));
      ann.edit(lunch, later);
      bob.react(later, "thumbsup").react(later, "tada");
      ann.react(later, "thumbsup");
      ann.act(typo, "delete");
      assertThat(bob.messages()).hasText(new String[] {later, answer});
      assertThat(bob.reaction(later, LIKE).locator(".count")).hasText("2");
      link.restore();

      assertThat(cleo.page.locator("#connection")).containsText("Connected to");
      assertThat(cleo.messages()).hasText(new String[] {later, answer});
      assertThat(cleo.message(later).locator(".edited")).hasText("(edited)");
      assertThat(cleo.reaction(later, LIKE).locator(".count")).hasText("2");
      assertThat(cleo.reaction(later, TADA).locator(".count")).hasText("1");
      assertThat(cleo.reaction(later, LIKE)).hasAttribute("aria-pressed", "false");
      assertThat(cleo.quote(answer).locator(".quote-text")).hasText(later);

      ann.message(later).hover();
      ann.screenshot("browser-message-actions");
    }
  }

  @Test
  void aFormattedMessageFromOneNodeShowsFormattedOnTheOther() throws InterruptedException {
    Meeting meeting = annAndBobInANewRoom();
    BrowserUser ann = meeting.ann();
    BrowserUser bob = meeting.bob();
    String release =
        String.join(
            "\n",
            "> is 2.0 out?",
            "**Yes!** The notes: https://example.com/releases/2.0. :tada:",
            "- faster _sync_",
            "- `--offline` mode",
            "```",
            "./mvnw -o -B verify",
            "```");

    // Through node A, from a client of the API.
    Poster.post(cluster.a.uri(), Names.unique("cleo"), meeting.room(), List.of(release));

    Locator shown = bob.messages().last();
    assertThat(shown.locator("blockquote")).hasText("is 2.0 out?");
    assertThat(shown.locator("strong")).hasText("Yes!");
    Locator notes = shown.locator("a");
    assertThat(notes).hasText("https://example.com/releases/2.0");
    assertThat(notes).hasAttribute("href", "https://example.com/releases/2.0");
    assertThat(notes).hasAttribute("target", "_blank");
    assertThat(notes).hasAttribute("rel", "noopener noreferrer");
    assertThat(shown.locator(".emoji")).hasText(TADA);
    assertThat(shown.locator("ul > li")).hasText(new String[] {"faster sync", "--offline mode"});
    assertThat(shown.locator("ul em")).hasText("sync");
    assertThat(shown.locator("li > code")).hasText("--offline");
    assertThat(shown.locator("pre > code")).hasText("./mvnw -o -B verify");

    ann.say("Thanks! Updating *now* with `./mvnw` :fire:");
    Locator thanks = bob.messages().last();
    assertThat(thanks.locator("em")).hasText("now");
    assertThat(thanks.locator("code")).hasText("./mvnw");
    assertThat(thanks.locator(".emoji")).hasText("🔥");
    bob.screenshot("browser-formatting");
  }

  @Test
  void linesTypedWithShiftEnterGoAsOneMessageThatTheOtherNodeShowsAsAListAndACodeBlock() {
    Meeting meeting = annAndBobInANewRoom();
    BrowserUser ann = meeting.ann();
    BrowserUser bob = meeting.bob();
    Locator draft = ann.page.locator("#draft");
    int oneLine = height(draft);
    List<String> lines = List.of("Before the release:", "- merge the branch", "- tag it", "```", "./mvnw -o -B verify", "```");

    for (String line : lines.subList(0, lines.size() - 1)) {
      draft.pressSequentially(line);
      draft.press("Shift+Enter");
    }
    // The Enter that ends an input method's composition only ends it.
    draft.dispatchEvent("keydown", Map.of("key", "Enter", "isComposing", true));
    draft.pressSequentially(lines.getLast());
    assertThat(draft).hasValue(String.join("\n", lines));
    assertTrue(height(draft) > oneLine, "the draft grew with its lines");
    draft.press("Enter");

    Locator shown = bob.messages().last();
    assertThat(shown.locator("pre > code")).hasText("./mvnw -o -B verify");
    assertThat(bob.messages()).hasCount(1);
    assertThat(shown.locator("ul > li")).hasText(new String[] {"merge the branch", "tag it"});
    assertThat(shown).containsText("Before the release:");
    assertThat(draft).hasValue("");
    assertThat(draft).isFocused();
    assertEquals(oneLine, height(draft), "one line again");
  }

  private static int height(Locator element) {
    return (Integer) element.evaluate("e => e.offsetHeight");
  }

  private record Meeting(BrowserUser ann, BrowserUser bob, String room) {}

  /** Ann, on node A, makes a room, and Bob, on node B, opens it. */
  private Meeting annAndBobInANewRoom() {
    BrowserUser ann = new BrowserUser(open(cluster.a.uri()), Names.unique("ann")).signUp();
    String room = Names.unique("room");
    ann.createRoom(room);
    return new Meeting(ann, new BrowserUser(open(cluster.b.uri()), Names.unique("bob")).signUp().openRoom(room), room);
  }

  private Page open(URI node) {
    return pages.open(node, 1280, 800);
  }
}
