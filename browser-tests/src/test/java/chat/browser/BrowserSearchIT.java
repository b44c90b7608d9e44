package chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Search on a page of node B over what was said through node A (docs/protocol.md, "Search"): a result
 * shows who said it where, its words found marked, and a click opens it in its room, brought back from
 * older history and highlighted; Load more, from: and in:, nothing found and a refusal are said in
 * words; a hostile text found shows as the text it is.
 */
@ExtendWith({SharedTwoNodes.class, Chromium.Shared.class})
class BrowserSearchIT {

  private static final Pattern HIGHLIGHTED = Pattern.compile("\\bhighlight\\b");

  private final TwoNodes cluster;
  private final Pages pages;

  BrowserSearchIT(TwoNodes cluster, Chromium chromium) {
    this.cluster = cluster;
    this.pages = new Pages(chromium);
  }

  @AfterEach
  void closeSessions() {
    pages.closeAll();
  }

  @Test
  void aResultOpensItsMessageInItsRoomFromOlderHistoryHighlighted() throws InterruptedException {
    BrowserUser bob = new BrowserUser(open(cluster.b.uri()), Names.unique("bob")).signUp();
    String room = Names.unique("budget");
    String elsewhere = Names.unique("elsewhere");
    bob.createRoom(room).createRoom(elsewhere);
    String ann = Names.unique("ann");
    String wanted = "The budget for the offsite is in the blue folder, second shelf";
    String newer = "Which folder holds last year's budget? Asking for the review";
    // More than a first page (50) after it, so that the room opened later does not hold it.
    List<String> filler = IntStream.rangeClosed(1, 60).mapToObj(i -> "filler " + i).toList();
    Poster.post(cluster.a.uri(), ann, room, List.of(wanted));
    Poster.post(cluster.a.uri(), Names.unique("poster"), room, filler);
    Poster.post(cluster.a.uri(), Names.unique("cleo"), room, List.of(newer));
    bob.page.reload();
    bob.openRoom(room);
    assertThat(bob.messages()).hasCount(50);
    assertThat(bob.message(wanted)).hasCount(0);
    bob.openRoom(elsewhere);

    search(bob, "Budget folder");

    assertThat(results(bob)).hasCount(2);
    assertThat(status(bob)).hasText("Messages that match “Budget folder”, best first:");
    Locator result = results(bob).filter(new Locator.FilterOptions().setHasText("offsite"));
    assertThat(result.locator(".sender")).hasText(ann);
    assertThat(result.locator(".place")).hasText("# " + room);
    assertThat(result.locator(".headline")).hasText(wanted);
    assertThat(result.locator(".headline mark")).hasText(new String[] {"budget", "folder"});
    assertThat(bob.page.locator("#membersPanel")).isHidden();
    bob.screenshot("browser-search");

    result.click();

    assertThat(bob.page.locator("#conversationTitle")).hasText("# " + room);
    assertThat(bob.message(wanted)).isInViewport();
    assertThat(bob.message(wanted)).hasClass(HIGHLIGHTED);
    assertThat(bob.page.locator("#searchPanel")).isVisible();

    bob.page.locator("#closeSearch").click();
    assertThat(bob.page.locator("#searchPanel")).isHidden();
    assertThat(bob.page.locator("#membersPanel")).isVisible();
  }

  @Test
  void loadMoreNarrowingNothingFoundARefusalAndAHostileTextFound() throws InterruptedException {
    BrowserUser bob = new BrowserUser(open(cluster.b.uri()), Names.unique("bob")).signUp();
    List<String> dialogs = new CopyOnWriteArrayList<>();
    bob.page.onDialog(
        dialog -> {
          dialogs.add(dialog.message());
          dialog.dismiss();
        });
    String room = Names.unique("reports");
    String elsewhere = Names.unique("elsewhere");
    bob.createRoom(room).createRoom(elsewhere);
    String hostile = "<img src=x onerror=alert(1)> the report draft <b>now</b>";
    List<String> reports = IntStream.rangeClosed(1, 24).mapToObj(i -> "report " + i + " is ready").toList();
    Poster.post(cluster.a.uri(), Names.unique("ann"), room, reports);
    Poster.post(cluster.a.uri(), Names.unique("dan"), room, List.of(hostile));
    String cleo = Names.unique("cleo");
    Poster.post(cluster.a.uri(), cleo, elsewhere, List.of("the report from elsewhere"));

    search(bob, "report");
    assertThat(results(bob)).hasCount(20);
    bob.page.locator("#searchMore").click();
    assertThat(results(bob)).hasCount(26);
    assertThat(bob.page.locator("#searchMore")).isHidden();

    search(bob, "report in:#" + elsewhere);
    assertThat(status(bob)).hasText("Messages that match “report” in # " + elsewhere + ", best first:");
    assertThat(results(bob).locator(".headline")).hasText(new String[] {"the report from elsewhere"});
    search(bob, "report from:" + cleo);
    assertThat(results(bob).locator(".sender")).hasText(new String[] {cleo});

    search(bob, "zebra");
    assertThat(status(bob)).hasText("No messages match “zebra”.");
    assertThat(results(bob)).hasCount(0);
    search(bob, "report in:#nowhere_" + Names.unique("x"));
    assertThat(status(bob)).hasText(Pattern.compile("^No room named 'nowhere_.*'\\.$"));

    search(bob, "draft");
    assertThat(results(bob).locator(".headline")).hasText(new String[] {hostile});
    assertThat(results(bob).locator(".headline mark")).hasText("draft");
    assertThat(bob.page.locator("#searchPanel img, #searchPanel b, #searchPanel script")).hasCount(0);
    results(bob).click();
    assertThat(bob.page.locator("#conversationTitle")).hasText("# " + room);
    assertThat(bob.message(hostile)).hasClass(HIGHLIGHTED);
    assertThat(bob.page.locator("#messages img, #messages b")).hasCount(0);
    assertEquals(List.of(), dialogs, "no script ran");
  }

  @Test
  void onAPhoneAFriendsDirectMessageFoundOpensItsConversationInPlaceOfTheResults() {
    BrowserUser ann = new BrowserUser(open(cluster.a.uri()), Names.unique("ann")).signUp().friendsTab();
    BrowserUser bob = new BrowserUser(pages.open(cluster.b.uri(), 390, 800), Names.unique("bob")).signUp().friendsTab();
    ann.page.locator("#friendName").fill(bob.name);
    ann.page.locator("#addFriend").click();
    bob.person("incoming", ann.name).locator(".accept").click();
    ann.person("friends", bob.name).locator(".message").click();
    String key = "The spare key is under the blue flowerpot";
    ann.say(key);
    assertThat(bob.person("friends", ann.name).locator(".badge")).hasText("1");

    search(bob, "flowerpot");
    assertThat(bob.page.locator("#sidebar")).isHidden();
    assertThat(results(bob).locator(".place")).hasText(new String[] {"@ " + ann.name});
    assertThat(results(bob).locator(".headline mark")).hasText("flowerpot");
    results(bob).click();

    assertThat(bob.page.locator("#searchPanel")).isHidden();
    assertThat(bob.page.locator("#conversationTitle")).hasText("@ " + ann.name);
    assertThat(bob.message(key)).isInViewport();
    assertThat(bob.message(key)).hasClass(HIGHLIGHTED);
  }

  /** Types into the top bar's box, as after Ctrl+K, and presses Enter. */
  private static void search(BrowserUser user, String text) {
    user.page.keyboard().press("Control+K");
    assertThat(user.page.locator("#search")).isFocused();
    user.page.keyboard().type(text);
    user.page.keyboard().press("Enter");
    assertThat(status(user)).not().hasText("Searching…");
  }

  private static Locator results(BrowserUser user) {
    return user.page.locator("#searchResults .result .found");
  }

  private static Locator status(BrowserUser user) {
    return user.page.locator("#searchStatus");
  }

  private Page open(URI node) {
    return pages.open(node, 1280, 800);
  }
}
