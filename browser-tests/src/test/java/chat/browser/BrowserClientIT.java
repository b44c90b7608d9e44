package chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNull;

import chat.testing.Names;
import chat.testing.OneNode;
import chat.testing.SharedServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The browser client as people use it: pages of a real node in a real headless Chromium, one browser
 * session per person, each doing only what a person can (filling, clicking, pressing Enter).
 */
@ExtendWith({SharedServer.class, Chromium.Shared.class})
class BrowserClientIT {

  private final OneNode server;
  private final Pages pages;

  BrowserClientIT(OneNode server, Chromium chromium) {
    this.server = server;
    this.pages = new Pages(chromium);
  }

  @AfterEach
  void closeSessions() {
    pages.closeAll();
  }

  @Test
  void twoSessionsChatInARoom() {
    Meeting meeting = annAndBobInANewRoom();
    BrowserUser ann = meeting.ann();
    BrowserUser bob = meeting.bob();
    assertThat(ann.page.locator("#members .person")).hasCount(2);
    assertThat(ann.page.locator("#connection")).hasText(Pattern.compile("Connected to node-\\d+"));

    ann.page.locator("#draft").fill("Hi Bob, this is Ann.");
    ann.page.locator("#send").click();
    assertThat(bob.messages()).hasText(new String[] {"Hi Bob, this is Ann."});
    bob.say("Hello Ann!");

    assertThat(ann.messages()).hasText(new String[] {"Hi Bob, this is Ann.", "Hello Ann!"});
    assertThat(bob.messages()).hasText(new String[] {"Hi Bob, this is Ann.", "Hello Ann!"});
    ann.screenshot("browser-room");

    ann.createRoom(Names.unique("elsewhere"));
    bob.say("Where did you go?");
    Locator first = ann.page.locator("#rooms .room", new Page.LocatorOptions().setHasText("# " + meeting.room()));
    assertThat(first.locator(".badge")).hasText("1");
    assertThat(ann.page.locator("#tabRooms")).hasText("Rooms (1)");
    ann.openRoom(meeting.room());
    assertThat(first.locator(".badge")).hasCount(0);
    assertThat(ann.messages()).hasText(new String[] {"Hi Bob, this is Ann.", "Hello Ann!", "Where did you go?"});
  }

  @Test
  void friendsExchangeDirectMessages() {
    BrowserUser ann = visitor("ann").signUp().friendsTab();
    BrowserUser bob = visitor("bob").signUp().friendsTab();
    ann.page.locator("#friendName").fill(bob.name);
    ann.page.locator("#addFriend").click();
    assertThat(ann.page.locator("#friendsNotice")).hasText("Asked " + bob.name + " to be friends.");

    bob.person("incoming", ann.name).locator(".accept").click();
    assertThat(bob.page.locator("#friendsNotice")).hasText("You and " + ann.name + " are friends.");
    ann.person("friends", bob.name).locator(".message").click();
    assertThat(ann.page.locator("#conversationTitle")).hasText("@ " + bob.name);
    ann.say("Lunch at noon?");

    assertThat(bob.person("friends", ann.name).locator(".badge")).hasText("1");
    assertThat(bob.page.locator("#tabFriends")).hasText("Friends (1)");
    bob.person("friends", ann.name).locator(".message").click();
    assertThat(bob.messages()).hasText(new String[] {"Lunch at noon?"});
    bob.say("Yes, see you there.");
    assertThat(ann.messages()).hasText(new String[] {"Lunch at noon?", "Yes, see you there."});
    assertThat(bob.page.locator("#tabFriends")).hasText("Friends");
    bob.screenshot("browser-direct");
  }

  @Test
  void aMessageThatNeverReachedThePageIsFetchedOnceALaterOneShowsTheGap() {
    Meeting meeting = annAndBobInANewRoom();
    meeting.ann().say("One.");
    assertThat(meeting.bob().messages()).hasText(new String[] {"One."});

    server.storeUnsent(meeting.room(), meeting.ann().name, "Two, never sent on.", null);
    meeting.ann().say("Three.");

    assertThat(meeting.bob().messages()).hasText(new String[] {"One.", "Two, never sent on.", "Three."});
  }

  @Test
  void aDeletedMessageDisappearsOnTheOtherSide() {
    Meeting meeting = annAndBobInANewRoom();
    BrowserUser ann = meeting.ann();
    BrowserUser bob = meeting.bob();
    ann.say("A typo: teh").say("Stays.");
    assertThat(bob.messages()).hasText(new String[] {"A typo: teh", "Stays."});
    assertThat(bob.message("A typo: teh").locator(".delete")).hasCount(0);

    ann.message("A typo: teh").locator(".delete").click();

    assertThat(bob.messages()).hasText(new String[] {"Stays."});
    assertThat(ann.messages()).hasText(new String[] {"Stays."});
    bob.page.reload();
    bob.openRoom(meeting.room());
    assertThat(bob.messages()).hasText(new String[] {"Stays."});
  }

  @Test
  void scrollingToTheTopBringsOlderHistory() throws InterruptedException {
    String room = Names.unique("room");
    BrowserUser ann = visitor("ann").signUp().createRoom(room);
    // 60 messages: more than the first page (50), from three users to stay under the rate limit.
    List<String> sent = new ArrayList<>();
    for (int user = 0; user < 3; user++) {
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        texts.add("message " + (sent.size() + texts.size() + 1));
      }
      Poster.post(server.uri(), Names.unique("poster"), room, texts);
      sent.addAll(texts);
    }

    BrowserUser bob = visitor("bob").signUp().openRoom(room);
    assertThat(bob.messages()).hasCount(50);
    assertThat(bob.messages().first()).hasText("message 11");
    bob.page.locator("#messages").evaluate("list => list.scrollTop = 0");

    assertThat(bob.messages()).hasText(sent.toArray(String[]::new));
    assertThat(bob.page.locator("#older")).isHidden();
    assertThat(ann.messages()).hasCount(60);
  }

  @Test
  void aBlockedUserIsNotHeardUntilUnblocked() {
    Meeting meeting = annAndBobInANewRoom();
    BrowserUser ann = meeting.ann();
    BrowserUser bob = meeting.bob();
    ann.say("Before the block.");
    bob.message("Before the block.").locator(".sender").click();
    bob.page.locator("#senderMenu [data-action=block]").click();
    assertThat(bob.page.locator("#friendsNotice")).hasText(ann.name + " is blocked.");

    ann.say("Can you hear me?");
    bob.person("blocked", ann.name).locator(".unblock").click();
    assertThat(bob.page.locator("#friendsNotice")).hasText(ann.name + " is unblocked.");
    ann.say("And now?");

    // In one room, order is kept: had the blocked message reached Bob, it would be before the last one.
    assertThat(bob.messages()).hasText(new String[] {"Before the block.", "And now?"});
    assertThat(ann.messages()).hasText(new String[] {"Before the block.", "Can you hear me?", "And now?"});
  }

  @Test
  void markupFromUsersIsShownAsText() {
    Meeting meeting = annAndBobInANewRoom();
    BrowserUser ann = meeting.ann();
    BrowserUser bob = meeting.bob();
    String hostile = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\"><b>bold</b>";

    ann.say(hostile);

    assertThat(bob.messages()).hasText(new String[] {hostile});
    assertThat(bob.page.locator("#messages script, #messages img, #messages b")).hasCount(0);
    assertNull(bob.page.evaluate("() => window.pwned"));
    assertNull(ann.page.evaluate("() => window.pwned"));

    // Formatting makes elements of its own, with the sender's characters as their text, and links of
    // http(s) alone.
    String formatted = "**<b>x</b>** [click](javascript:window.pwned=3) javascript:window.pwned=4 JavaScript:window.pwned=5"
        + " data:text/html,<script>window.pwned=6</script> https://example.com/\"onmouseover=\"window.pwned=7";
    ann.say(formatted);

    Locator shown = bob.messages().nth(1);
    assertThat(shown.locator("strong")).hasText("<b>x</b>");
    assertThat(shown).hasText(formatted.replace("**", ""));
    assertThat(bob.page.locator("#messages script, #messages img, #messages b")).hasCount(0);
    assertThat(shown.locator("a")).hasCount(1);
    assertThat(shown.locator("a")).hasText("https://example.com/");
    assertThat(shown.locator("a")).hasAttribute("href", "https://example.com/");
    assertThat(shown.locator("a[onmouseover]")).hasCount(0);
    shown.locator("a").hover();
    assertNull(bob.page.evaluate("() => window.pwned"));
    assertNull(ann.page.evaluate("() => window.pwned"));
  }

  @Test
  void anAdminBansAUserWhosePageThenSaysSo() {
    BrowserUser carl = visitor("carl").signUp();
    String room = Names.unique("room");
    carl.createRoom(room);
    BrowserUser admin = new BrowserUser(open(), OneNode.ADMIN).logIn(OneNode.ADMIN_PASSWORD);

    admin.page.locator("#openAdmin").click();
    admin.page.locator("#adminQuery").fill(carl.name);
    admin.page.locator("#adminFind").click();
    admin.page.locator("#adminUsers .admin-user[data-user='" + carl.name + "'] .pick").click();
    admin.page.locator("#banReason").fill("Spamming links");
    admin.page.locator("#ban").click();

    assertThat(admin.page.locator("#adminNotice")).hasText(carl.name + " is banned.");
    assertThat(admin.page.locator("#userBans")).containsText(carl.name + ": Spamming links");
    assertThat(carl.page.locator("#banned")).isVisible();
    assertThat(carl.page.locator("#banReasonShown")).hasText("Spamming links");
    admin.screenshot("browser-admin");
    carl.screenshot("browser-banned");

    carl.page.locator("#backToLogin").click();
    carl.page.locator("#username").fill(carl.name);
    carl.page.locator("#password").fill(BrowserUser.PASSWORD);
    carl.page.locator("#logIn").click();
    assertThat(carl.page.locator("#loginError")).containsText("banned");
  }

  @Test
  void aPhoneShowsTheListOrTheConversation() {
    BrowserUser ann = new BrowserUser(open(390, 844), Names.unique("ann")).signUp();
    String room = Names.unique("room");
    ann.createRoom(room);
    assertThat(ann.page.locator("#sidebar")).isHidden();
    ann.say("Sent from my phone.");
    assertThat(ann.messages()).hasText(new String[] {"Sent from my phone."});
    ann.screenshot("browser-phone-room");

    ann.page.locator("#back").click();
    assertThat(ann.page.locator("#sidebar")).isVisible();
    assertThat(ann.page.locator("#conversation")).isHidden();
    ann.screenshot("browser-phone-rooms");
    ann.openRoom(room);
    assertThat(ann.messages()).hasText(new String[] {"Sent from my phone."});
  }

  @Test
  void theServerGoesAwayAndComesBackWithNothingMissedAndNothingTwice() {
    try (OneNode own = OneNode.start(Path.of(System.getProperty("chat.it.dataDir"), "browser-reconnect"))) {
      BrowserUser ann = new BrowserUser(open(own, 1280, 800), Names.unique("ann")).signUp();
      String room = Names.unique("room");
      ann.createRoom(room).say("Before the restart.");
      assertThat(ann.messages()).hasText(new String[] {"Before the restart."});

      own.stop();
      assertThat(ann.page.locator("#connection")).containsText("Reconnecting in");
      ann.screenshot("browser-reconnecting");
      ann.say("Typed while the server was away.");
      own.restart();
      // Bob comes first, while Ann's page still waits out its backoff: she catches up on his message.
      BrowserUser bob = new BrowserUser(open(own, 1280, 800), Names.unique("bob")).signUp().openRoom(room);
      bob.say("Said while Ann was away.");

      assertThat(ann.page.locator("#connection")).hasText(Pattern.compile("Connected to node-\\d+"));
      for (BrowserUser someone : List.of(ann, bob)) {
        assertThat(someone.messages()).hasCount(3);
        for (String text : List.of("Before the restart.", "Typed while the server was away.", "Said while Ann was away.")) {
          assertThat(someone.message(text)).hasCount(1);
        }
      }
    }
  }

  @Test
  void loginFailuresAreSaidPlainly() {
    BrowserUser taken = visitor("dora").signUp();
    Page page = open();
    new BrowserUser(page, "").screenshot("browser-login");
    page.locator("#username").fill(taken.name);
    page.locator("#password").fill("not-the-password");
    page.locator("#logIn").click();
    assertThat(page.locator("#loginError")).hasText("Wrong username or password.");
    page.locator("#password").fill(BrowserUser.PASSWORD);
    page.locator("#signUp").click();
    assertThat(page.locator("#loginError")).containsText("taken");
  }

  private record Meeting(BrowserUser ann, BrowserUser bob, String room) {}

  /** Ann makes a room, and Bob, in a browser of his own, opens it. */
  private Meeting annAndBobInANewRoom() {
    BrowserUser ann = visitor("ann").signUp();
    String room = Names.unique("room");
    ann.createRoom(room);
    return new Meeting(ann, visitor("bob").signUp().openRoom(room), room);
  }

  private BrowserUser visitor(String prefix) {
    return new BrowserUser(open(), Names.unique(prefix));
  }

  private Page open() {
    return open(1280, 800);
  }

  private Page open(int width, int height) {
    return open(server, width, height);
  }

  private Page open(OneNode node, int width, int height) {
    return pages.open(node.uri(), width, height);
  }
}
