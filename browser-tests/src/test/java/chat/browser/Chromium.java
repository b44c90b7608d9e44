package chat.browser;

import chat.testing.OnePerRun;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine's headless Chromium (Debian's, at {@code chat.it.chromium}), started once per run and
 * driven by Playwright. Each browser session a test opens is a context of its own: its own storage, as
 * another person on another computer.
 */
public final class Chromium implements AutoCloseable {

  /** Flags that keep Chromium off the network it would otherwise reach for (stack.md). */
  private static final List<String> QUIET =
      List.of(
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  private final Playwright playwright;
  private final Browser browser;

  private Chromium() {
    Path executable = Path.of(System.getProperty("chat.it.chromium", "/usr/bin/chromium"));
    if (!Files.isExecutable(executable)) {
      throw new IllegalStateException(
          "no Chromium at " + executable + ": install Debian's chromium (bash .ci/run does), or point"
              + " -Dchat.it.chromium at one");
    }
    PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    playwright = Playwright.create();
    browser =
        playwright
            .chromium()
            .launch(new BrowserType.LaunchOptions().setExecutablePath(executable).setHeadless(true).setArgs(QUIET));
  }

  /** A new session with its own storage, a window of this size, and {@code site} as its base. */
  public Page open(URI site, int width, int height) {
    BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setBaseURL(site.toString()).setViewportSize(width, height));
    context.setDefaultTimeout(30_000);
    return context.newPage();
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }

  /** Gives each test that asks for it the run's one Chromium, closed when the run ends. */
  public static final class Shared extends OnePerRun<Chromium> {

    public Shared() {
      super(Chromium.class);
    }

    @Override
    protected Chromium create() {
      return new Chromium();
    }
  }
}
