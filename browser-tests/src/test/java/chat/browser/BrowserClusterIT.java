package chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.dto.Delivered;
import chat.dto.Notify;
import chat.dto.ServiceMessage;
import chat.dto.WireJson;
import chat.testing.Names;
import chat.testing.OtherService;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pages on two nodes of a cluster: what is done through one node shows, live, on a page of the other. */
@ExtendWith({SharedTwoNodes.class, Chromium.Shared.class})
class BrowserClusterIT {

  private final TwoNodes cluster;
  private final Pages pages;

  BrowserClusterIT(TwoNodes cluster, Chromium chromium) {
    this.cluster = cluster;
    this.pages = new Pages(chromium);
  }

  @AfterEach
  void closeSessions() {
    pages.closeAll();
  }

  @Test
  void aProfileChangedOnOneNodeShowsOnAPageOfTheOther() {
    BrowserUser ann = new BrowserUser(open(cluster.a.uri()), Names.unique("ann")).signUp();
    String room = Names.unique("room");
    ann.createRoom(room);
    ann.say("Hello from node A");
    BrowserUser bob = new BrowserUser(open(cluster.b.uri()), Names.unique("bob")).signUp().openRoom(room);
    assertThat(bob.messages()).hasText(new String[] {"Hello from node A"});

    ann.page.locator("#editProfile").click();
    ann.page.locator("#displayName").fill("Ann of the Page");
    ann.page.locator("#status").fill("away till noon");
    ann.page.locator("#saveProfile").click();

    String shown = "Ann of the Page (@" + ann.name + ")";
    assertThat(ann.page.locator("#me")).hasText(shown + " · USER");
    assertThat(bob.message("Hello from node A").locator(".sender")).hasText(shown);
    assertThat(bob.person("members", ann.name)).containsText(shown);
    assertThat(bob.person("members", ann.name).locator(".sender")).hasAttribute("title", "away till noon");
    ann.say("Still me");
    assertThat(bob.message("Still me").locator(".sender")).hasText(shown);
    bob.screenshot("browser-profile");

    ann.page.locator("#editProfile").click();
    ann.page.locator("#displayName").fill("\u202eevil");
    ann.page.locator("#saveProfile").click();
    assertThat(ann.page.locator("#profileError")).containsText("invisible or reordering");
  }

  @Test
  void anAdminMakesAKeyAndTheServiceReachesAPageOnTheOtherNodeUntilRevoked() {
    BrowserUser admin = new BrowserUser(open(cluster.a.uri()), TwoNodes.ADMIN).logIn(TwoNodes.ADMIN_PASSWORD);
    String service = Names.unique("shop");
    admin.page.locator("#openAdmin").click();
    admin.page.locator("#keyName").fill(service);
    admin.page.locator("#scopeNotify").check();
    admin.page.locator("#createKey").click();
    assertThat(admin.page.locator("#newKeySecret")).hasValue(Pattern.compile("^chk_.+"));
    String key = admin.page.locator("#newKeySecret").inputValue();
    Locator listed = admin.page.locator("#apiKeys .api-key", new Page.LocatorOptions().setHasText(service));
    assertThat(listed).containsText("rooms:publish, users:notify");
    admin.screenshot("browser-admin-keys");

    BrowserUser cleo = new BrowserUser(open(cluster.b.uri()), Names.unique("cleo")).signUp();
    String room = Names.unique("deals");
    cleo.createRoom(room);
    OtherService shop = new OtherService(key);
    assertEquals(200, shop.post(cluster.a.uri(), "/api/s2s/rooms/" + room + "/messages",
        WireJson.toJson(new ServiceMessage("Double points this weekend", "promo-1"))).statusCode());
    assertThat(cleo.message("Double points this weekend").locator(".sender .tag.service")).hasText("service");

    HttpResponse<String> notified = shop.post(cluster.a.uri(), "/api/s2s/users/" + cleo.name + "/notify",
        WireJson.toJson(new Notify("reward", Json.createObjectBuilder().add("code", "WELCOME-42").build())));
    assertEquals(new Delivered(1), WireJson.fromJson(notified.body(), Delivered.class));
    Locator toast = cleo.page.locator("#toasts .toast");
    assertThat(toast).containsText("reward");
    assertThat(toast).containsText("WELCOME-42");
    cleo.screenshot("browser-notification");

    listed.locator(".revoke").click();
    assertThat(listed).hasCount(0);
    assertEquals(401, shop.post(cluster.b.uri(), "/api/s2s/users/" + cleo.name + "/notify",
        WireJson.toJson(new Notify("late", null))).statusCode());
  }

  private Page open(URI node) {
    return pages.open(node, 1280, 800);
  }
}
