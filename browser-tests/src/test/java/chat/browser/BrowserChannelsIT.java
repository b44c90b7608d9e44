package chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URI;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One user on two pages, one per node, as on two devices: the rooms they are in, what is unread and
 * what mentions them are the server's, the same on both and after a reload; reading on one clears the
 * other; someone typing on the other node shows, and goes by itself.
 */
@ExtendWith({SharedTwoNodes.class, Chromium.Shared.class})
class BrowserChannelsIT {

  private final TwoNodes cluster;
  private final Pages pages;

  BrowserChannelsIT(TwoNodes cluster, Chromium chromium) {
    this.cluster = cluster;
    this.pages = new Pages(chromium);
  }

  @AfterEach
  void closeSessions() {
    pages.closeAll();
  }

  @Test
  void myRoomsUnreadCountsAndMentionsAreTheSameOnBothDevicesAndAfterAReload() {
    BrowserUser annHere = new BrowserUser(open(cluster.a.uri()), Names.unique("ann")).signUp();
    String room = Names.unique("ours");
    annHere.createRoom(room);
    annHere.createRoom(Names.unique("elsewhere"));
    BrowserUser annThere = new BrowserUser(open(cluster.b.uri()), annHere.name).logIn(BrowserUser.PASSWORD);
    assertThat(roomRow(annThere, room)).hasClass(Pattern.compile("\\bmine\\b"));

    BrowserUser bob = new BrowserUser(open(cluster.b.uri()), Names.unique("bob")).signUp().openRoom(room);
    bob.say("plain");
    bob.say("look, @" + annHere.name);
    for (BrowserUser device : new BrowserUser[] {annHere, annThere}) {
      assertThat(roomRow(device, room).locator(".badge:not(.mention)")).hasText("2");
      assertThat(roomRow(device, room).locator(".badge.mention")).hasText("@1");
    }
    annHere.screenshot("browser-unread-and-mention");

    annThere.page.reload();
    assertThat(roomRow(annThere, room).locator(".badge.mention")).hasText("@1");

    annHere.page.bringToFront();
    annHere.openRoom(room);
    assertThat(annHere.message("look, @" + annHere.name)).hasClass(Pattern.compile("\\bmention\\b"));
    assertThat(roomRow(annThere, room).locator(".badge")).hasCount(0);

    // At a typist's pace: the notice bob's last message ended is told again past the server's second.
    bob.page.locator("#draft").pressSequentially("typing away, a longer line", new Locator.PressSequentiallyOptions().setDelay(100));
    assertThat(annHere.page.locator("#typing")).hasText(bob.name + " is typing…");
    annHere.screenshot("browser-typing");
    assertThat(annHere.page.locator("#typing")).hasText("", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
  }

  @Test
  void leavingARoomOnOneDeviceLeavesItOnTheOther() {
    BrowserUser annHere = new BrowserUser(open(cluster.a.uri()), Names.unique("ann")).signUp();
    String room = Names.unique("left");
    annHere.createRoom(room);
    BrowserUser annThere = new BrowserUser(open(cluster.b.uri()), annHere.name).logIn(BrowserUser.PASSWORD).openRoom(room);

    annHere.page.locator("#leaveRoom").click();
    assertThat(annThere.page.locator("#conversationTitle")).hasCount(0);
    assertThat(roomRow(annThere, room)).not().hasClass(Pattern.compile("\\bmine\\b"));
  }

  private static Locator roomRow(BrowserUser user, String room) {
    return user.page.locator("#rooms li.room", new Page.LocatorOptions().setHas(
        user.page.locator(".open[data-room='" + room + "']")));
  }

  private Page open(URI node) {
    return pages.open(node, 1280, 800);
  }
}
