package chat.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The pages one test opened, each at the node's "/" and watched for exceptions no script caught. */
final class Pages {

  private final Chromium chromium;
  private final List<Page> opened = new ArrayList<>();
  private final List<String> uncaught = new CopyOnWriteArrayList<>();

  Pages(Chromium chromium) {
    this.chromium = chromium;
  }

  Page open(URI node, int width, int height) {
    return open(node, width, height, "");
  }

  /** With {@code initScript} run before the page's own scripts, on every load. */
  Page open(URI node, int width, int height, String initScript) {
    Page page = chromium.open(node, width, height);
    if (!initScript.isEmpty()) {
      page.addInitScript(initScript);
    }
    page.onPageError(uncaught::add);
    opened.add(page);
    page.navigate("/");
    return page;
  }

  /** Closes every page; a script's uncaught exception on any of them fails the test. */
  void closeAll() {
    opened.forEach(page -> page.context().close());
    opened.clear();
    assertEquals(List.of(), uncaught, "exceptions no script caught");
  }
}
