package chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import chat.client.ChatApi;
import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A private room in pages on the two nodes of a cluster (docs/protocol.md, "Private rooms"): listed with
 * a lock to its members only; its owner invites from the page and the room comes to the invitee's list
 * on the other node without a reload; the owner names a moderator, who deletes another member's message
 * and silences them, which that member's page shows and obeys, after a reload too; the owner removes a
 * member, whose list loses the room. The members panel lists every member, online or not, with the
 * owner's and the moderators' roles, and shows moderators who is silenced.
 */
@ExtendWith({SharedTwoNodes.class, Chromium.Shared.class})
class BrowserRoomsIT {

  private static final String LOCK = "🔒";

  private final TwoNodes cluster;
  private final Pages pages;

  BrowserRoomsIT(TwoNodes cluster, Chromium chromium) {
    this.cluster = cluster;
    this.pages = new Pages(chromium);
  }

  @AfterEach
  void closeSessions() {
    pages.closeAll();
  }

  @Test
  void aPrivateRoomIsItsMembersOnlyAndItsOwnerAndModeratorsRunItFromThePage() {
    BrowserUser ann = new BrowserUser(open(cluster.a.uri()), Names.unique("ann")).signUp();
    String den = Names.unique("den");
    String hall = Names.unique("hall");
    createPrivateRoom(ann, den);
    assertThat(ann.page.locator("#conversationLock")).isVisible();
    assertThat(ann.page.locator("#conversationLock")).hasText(LOCK);
    assertThat(roomRow(ann, den).locator(".lock")).hasText(LOCK);
    assertThat(ann.page.locator("#inviteForm")).isVisible();
    assertThat(member(ann, ann).locator(".tag.role")).hasText("owner");
    ann.createRoom(hall);
    assertThat(ann.page.locator("#conversationLock")).isHidden();
    assertThat(ann.page.locator("#inviteForm")).isHidden();
    ann.openRoom(den);

    // Bob's list has the public room made after the private one, and not the private one.
    BrowserUser bob = new BrowserUser(open(cluster.b.uri()), Names.unique("bob")).signUp();
    assertThat(roomRow(bob, hall)).hasCount(1);
    assertThat(roomRow(bob, den)).hasCount(0);

    invite(ann, "nobody_" + bob.name);
    assertThat(ann.page.locator("#membersNotice")).hasText("No user 'nobody_" + bob.name + "'.");
    assertThat(ann.page.locator("#membersNotice")).hasClass(Pattern.compile("\\berror\\b"));
    invite(ann, bob.name);
    assertThat(ann.page.locator("#membersNotice")).hasText(bob.name + " is invited.");
    assertThat(ann.page.locator("#inviteName")).hasValue("");

    assertThat(roomRow(bob, den)).hasClass(Pattern.compile("\\bmine\\b"));
    assertThat(roomRow(bob, den).locator(".lock")).hasText(LOCK);
    bob.openRoom(den);
    assertThat(bob.page.locator("#conversationLock")).isVisible();
    assertThat(bob.page.locator("#inviteForm")).isHidden();
    assertThat(member(bob, ann).locator(".tag.role")).hasText("owner");
    assertThat(member(bob, ann).locator(".member-actions")).hasCount(0);
    bob.say("Thanks for the invite");
    assertThat(ann.messages()).hasText(new String[] {"Thanks for the invite"});
    ann.say("Welcome, Bob");
    assertThat(bob.messages()).hasText(new String[] {"Thanks for the invite", "Welcome, Bob"});

    moderate(ann, bob, "moderator", null);
    assertThat(ann.page.locator("#membersNotice")).hasText(bob.name + " is a moderator now.");

    BrowserUser cat = new BrowserUser(open(cluster.a.uri()), Names.unique("cat")).signUp();
    invite(ann, cat.name);
    assertThat(roomRow(cat, den).locator(".lock")).hasText(LOCK);
    cat.openRoom(den);
    cat.say("Cat was here");
    assertThat(ann.message("Cat was here")).hasCount(1);
    // A member deletes only their own: Cat's page offers no Delete on the others' messages.
    assertThat(cat.message("Welcome, Bob")).hasCount(1);
    assertThat(cat.message("Welcome, Bob").locator(".delete")).hasCount(0);
    assertThat(cat.page.locator("#members .member-actions")).hasCount(0);

    // Bob's page learns of his new role from the list it reads every few seconds (no frame tells it).
    assertThat(member(bob, bob).locator(".tag.role")).hasText("moderator");
    assertThat(bob.message("Cat was here").locator(".delete")).hasCount(1);
    bob.act("Cat was here", "delete");
    assertThat(ann.message("Cat was here")).hasCount(0);
    assertThat(cat.message("Cat was here")).hasCount(0);

    moderate(bob, cat, "silence", 10);
    assertThat(bob.page.locator("#membersNotice")).hasText(cat.name + " is silenced for 10 minutes.");
    assertThat(cat.page.locator("#silence")).hasText(Pattern.compile("^You are silenced in #" + den + " until .*\\d.*\\.$"));
    assertThat(cat.page.locator("#draft")).isDisabled();
    assertThat(cat.page.locator("#send")).isDisabled();
    assertThat(member(cat, cat).locator(".tag.silenced")).hasText("silenced");
    assertThat(cat.page.locator("#notice")).hasText(Pattern.compile("^You are silenced in #" + den));

    // The picture: the lock, the members with what the owner may do to one, the invitation.
    openActions(ann, cat);
    assertThat(ann.page.locator("#memberMenu [data-action=remove]")).isVisible();
    ann.screenshot("browser-private-room");
    ann.page.locator("#memberMenu [data-action=remove]").click();
    assertThat(ann.page.locator("#membersNotice")).hasText(cat.name + " was removed.");
    assertThat(roomRow(cat, den)).hasCount(0);
    assertThat(cat.page.locator("#conversationTitle")).hasCount(0);
    assertThat(member(ann, cat)).hasCount(0);
    assertThat(member(bob, cat)).hasCount(0);
  }

  @Test
  void theMembersPanelListsEveryMemberWithTheirRoleAndASilenceHoldsAcrossAReload() {
    BrowserUser ann = new BrowserUser(open(cluster.a.uri()), Names.unique("ann")).signUp();
    String den = Names.unique("den");
    createPrivateRoom(ann, den);
    // Dan has an account and has never opened a page: a member all the same, offline.
    String dan = Names.unique("dan");
    ChatApi.of(cluster.b.uri()).signUp(dan, BrowserUser.PASSWORD);
    invite(ann, dan);
    assertThat(ann.page.locator("#membersNotice")).hasText(dan + " is invited.");
    assertThat(ann.person("members", dan)).hasClass(Pattern.compile("\\boffline\\b"));
    assertThat(ann.person("members", dan).locator(".dot")).not().hasClass(Pattern.compile("\\bonline\\b"));
    assertThat(ann.person("members", dan).locator(".tag")).hasCount(0);

    BrowserUser bob = new BrowserUser(open(cluster.b.uri()), Names.unique("bob")).signUp();
    invite(ann, bob.name);
    moderate(ann, bob, "moderator", null);
    assertThat(member(ann, bob).locator(".tag.role")).hasText("moderator");
    assertThat(member(ann, bob).locator(".dot")).hasClass(Pattern.compile("\\bonline\\b"));

    bob.openRoom(den);
    assertThat(member(bob, ann).locator(".tag.role")).hasText("owner");
    assertThat(member(bob, bob).locator(".tag.role")).hasText("moderator");
    assertThat(bob.person("members", dan)).hasClass(Pattern.compile("\\boffline\\b"));
    assertThat(bob.page.locator("#members .person")).hasCount(3);

    BrowserUser cat = new BrowserUser(open(cluster.a.uri()), Names.unique("cat")).signUp();
    invite(ann, cat.name);
    cat.openRoom(den);
    assertThat(member(cat, bob).locator(".tag.role")).hasText("moderator");
    moderate(bob, cat, "silence", 60);
    assertThat(cat.page.locator("#silence")).hasText(Pattern.compile("^You are silenced in #" + den + " until .*\\d.*\\.$"));
    assertThat(member(bob, cat).locator(".tag.silenced")).hasText("silenced");
    // A moderator is offered a lift where a silence holds, and no naming of moderators (the owner's).
    openActions(bob, cat);
    assertThat(bob.page.locator("#memberMenu [data-action=silence][data-minutes='0']")).hasCount(1);
    assertThat(bob.page.locator("#memberMenu [data-action=moderator]")).hasCount(0);
    bob.page.keyboard().press("Escape");

    String notice = cat.page.locator("#silence").textContent();
    cat.page.reload();
    cat.openRoom(den);
    assertThat(cat.page.locator("#silence")).hasText(notice);
    assertThat(cat.page.locator("#draft")).isDisabled();
    assertThat(cat.page.locator("#send")).isDisabled();

    moderate(bob, cat, "silence", 0);
    assertThat(cat.page.locator("#draft")).isEnabled();
    assertThat(member(bob, cat).locator(".tag.silenced")).hasCount(0);
    cat.say("Back again");
    assertThat(bob.messages()).hasText(new String[] {"Back again"});
  }

  private static void createPrivateRoom(BrowserUser user, String room) {
    user.page.locator("#newRoom").fill(room);
    user.page.locator("#newRoomPrivate").check();
    user.page.locator("#createRoom").click();
    assertThat(user.page.locator("#conversationTitle")).hasText("# " + room);
    assertThat(user.page.locator("#newRoomPrivate")).not().isChecked();
  }

  private static void invite(BrowserUser user, String username) {
    user.page.locator("#inviteName").fill(username);
    user.page.locator("#invite").click();
  }

  /** Picks one of the actions the members panel offers on {@code member}: its verb, and minutes for a silence. */
  private static void moderate(BrowserUser user, BrowserUser member, String verb, Integer minutes) {
    openActions(user, member);
    String which = "[data-action=" + verb + "]" + (minutes == null ? "" : "[data-minutes='" + minutes + "']");
    user.page.locator("#memberMenu " + which).click();
  }

  private static void openActions(BrowserUser user, BrowserUser member) {
    member(user, member).locator(".member-actions").click();
    assertThat(user.page.locator("#memberMenu")).isVisible();
  }

  private static Locator member(BrowserUser user, BrowserUser member) {
    return user.person("members", member.name);
  }

  private static Locator roomRow(BrowserUser user, String room) {
    return user.page.locator("#rooms li.room", new Page.LocatorOptions().setHas(
        user.page.locator(".open[data-room='" + room + "']")));
  }

  private Page open(URI node) {
    return pages.open(node, 1280, 800);
  }
}
