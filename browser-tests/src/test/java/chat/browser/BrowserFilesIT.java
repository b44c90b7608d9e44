package chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import chat.testing.Names;
import chat.testing.SharedTwoNodes;
import chat.testing.TwoNodes;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Files between pages on the two nodes of a cluster (docs/protocol.md, "Files"): attached through the
 * file chooser, dropped on the conversation or pasted from the clipboard, shown as chips while they
 * upload, and sent with a message; the other page shows a picture as its preview, full size in a
 * lightbox on a click, and any other file as a card that downloads the very bytes sent. A send waits
 * for its uploads and says so; a cancelled or refused upload leaves nothing sent; a message takes ten
 * files at most; a file whose message was deleted shows as unavailable.
 */
@ExtendWith({SharedTwoNodes.class, Chromium.Shared.class})
class BrowserFilesIT {

  private static final Pattern BLOB = Pattern.compile("^blob:");
  private static final Pattern DROPPING = Pattern.compile("\\bdropping\\b");
  private static final Pattern PASTED_NAME = Pattern.compile("^pasted-image-\\d{8}-\\d{6}\\.png$");

  private final TwoNodes cluster;
  private final Pages pages;

  BrowserFilesIT(TwoNodes cluster, Chromium chromium) {
    this.cluster = cluster;
    this.pages = new Pages(chromium);
  }

  @AfterEach
  void closeSessions() {
    pages.closeAll();
  }

  @Test
  void filesAttachedOnOneNodeShowOnTheOtherAndDownloadAsSent() throws IOException {
    BrowserUser ann = new BrowserUser(open(cluster.a.uri()), Names.unique("ann")).signUp();
    String room = Names.unique("venue");
    ann.createRoom(room);
    BrowserUser bob = new BrowserUser(open(cluster.b.uri()), Names.unique("bob")).signUp().openRoom(room);
    byte[] plan = pdf(3584);
    byte[] map = png(640, 400);
    String text = "The plan, and the map to the venue";

    ann.attach(new FilePayload("map.png", "image/png", map), new FilePayload("plan.pdf", "application/pdf", plan));
    assertThat(attachments(ann).locator(".name")).hasText(new String[] {"map.png", "plan.pdf"});
    assertThat(attachments(ann).nth(0)).hasAttribute("data-state", "done");
    assertThat(attachments(ann).nth(1)).hasAttribute("data-state", "done");
    assertThat(attachments(ann).nth(1).locator(".size")).hasText("3.5 KB");
    ann.say(text);

    assertThat(attachments(ann)).hasCount(0);
    assertThat(ann.page.locator("#draft")).hasValue("");
    // The picture as its preview (the server's, 320 pixels wide), drawn at that size from the start.
    Locator preview = bob.message(text).locator(".picture img.preview");
    assertThat(preview).hasAttribute("width", "320");
    assertThat(preview).hasAttribute("height", "200");
    assertThat(preview).hasAttribute("src", BLOB);
    assertThat(preview).hasJSProperty("naturalWidth", 320);
    Locator planCard = bob.message(text).locator(".file-card");
    assertThat(planCard.locator(".name")).hasText("plan.pdf");
    assertThat(planCard.locator(".size")).hasText("3.5 KB");
    assertThat(planCard.locator(".icon")).hasText("📕");

    Download download = bob.page.waitForDownload(planCard::click);
    assertEquals("plan.pdf", download.suggestedFilename());
    assertArrayEquals(plan, Files.readAllBytes(download.path()));

    bob.message(text).locator(".picture").click();
    Locator full = bob.page.locator("#lightboxPicture");
    assertThat(full).hasAttribute("src", BLOB);
    assertThat(full).hasJSProperty("naturalWidth", 640);
    assertThat(bob.page.locator("#lightbox .caption")).hasText(Pattern.compile("^map\\.png · \\d+(\\.\\d)? KB$"));
    assertThat(bob.page.locator("#lightboxDownload")).hasAttribute("download", "map.png");
    bob.page.keyboard().press("Escape");
    assertThat(bob.page.locator("#lightbox")).isHidden();

    paste(bob, png(200, 120));
    assertThat(attachments(bob).locator(".name")).hasText(PASTED_NAME);
    assertThat(attachments(bob)).hasAttribute("data-state", "done");
    bob.screenshot("browser-files");
    String pastedName = attachments(bob).locator(".name").textContent();
    bob.page.locator("#draft").press("Enter");

    // A picture alone: the message has no text, and the picture is smaller than a preview's bounds.
    Locator fromBob = ann.page.locator(".picture[title='" + pastedName + "']");
    assertThat(fromBob.locator("img.preview")).hasJSProperty("naturalWidth", 200);
    Locator message = ann.page.locator("#messages .message").last();
    assertThat(message.locator(".sender")).hasText(bob.name);
    assertThat(message.locator(".text")).hasCount(0);
    assertThat(message.locator(".picture")).hasCount(1);
    assertThat(attachments(bob)).hasCount(0);
  }

  @Test
  void aSendWaitsForItsUploadAndACancelledOneLeavesNothingSent() {
    BrowserUser ann = new BrowserUser(open(cluster.a.uri()), Names.unique("ann")).signUp().friendsTab();
    BrowserUser bob = new BrowserUser(open(cluster.b.uri()), Names.unique("bob")).signUp().friendsTab();
    ann.page.locator("#friendName").fill(bob.name);
    ann.page.locator("#addFriend").click();
    bob.person("incoming", ann.name).locator(".accept").click();
    ann.person("friends", bob.name).locator(".message").click();
    bob.person("friends", ann.name).locator(".message").click();
    // Every upload of Ann's waits at the page's edge until the test lets it go on, or her page drops it.
    BlockingQueue<Route> uploads = new LinkedBlockingQueue<>();
    ann.page.route(url -> url.contains("/api/files?"), uploads::add);

    JSHandle dragged =
        ann.page.evaluateHandle(
            """
            () => {
              const dragged = new DataTransfer();
              dragged.items.add(new File(['the notes\\n'], 'notes.txt', {type: 'text/plain'}));
              return dragged;
            }""");
    ann.page.locator("#messages").dispatchEvent("dragover", Map.of("dataTransfer", dragged));
    assertThat(ann.page.locator("#conversation")).hasClass(DROPPING);
    ann.page.locator("#messages").dispatchEvent("drop", Map.of("dataTransfer", dragged));
    assertThat(ann.page.locator("#conversation")).not().hasClass(DROPPING);
    assertThat(attachments(ann).locator(".name")).hasText("notes.txt");
    Route notes = held(ann, uploads);
    assertThat(attachments(ann)).hasAttribute("data-state", "uploading");
    assertThat(attachments(ann).locator("progress")).isVisible();
    ann.say("The notes follow");
    assertThat(ann.page.locator("#attachmentsNote")).hasText("Sending once the uploads finish (1 to go)…");
    assertThat(ann.page.locator("#draft")).hasValue("The notes follow");
    assertThat(ann.page.locator("#draft")).not().isEditable();
    notes.resume();

    assertThat(bob.message("The notes follow").locator(".file-card .name")).hasText("notes.txt");
    assertThat(bob.message("The notes follow").locator(".file-card .size")).hasText("10 B");
    assertThat(ann.page.locator("#draft")).hasValue("");
    assertThat(ann.page.locator("#attachmentsNote")).isHidden();

    ann.attach(new FilePayload("draft.txt", "text/plain", "not this one\n".getBytes(StandardCharsets.UTF_8)));
    held(ann, uploads);
    attachments(ann).locator(".remove").click();
    assertThat(attachments(ann)).hasCount(0);
    ann.say("No file after all");
    assertThat(bob.message("No file after all")).hasCount(1);
    assertThat(bob.message("No file after all").locator(".file-card")).hasCount(0);

    ann.attach(new FilePayload("slides.txt", "text/plain", "slides\n".getBytes(StandardCharsets.UTF_8)));
    held(ann, uploads);
    ann.say("With the slides");
    assertThat(ann.page.locator("#attachmentsNote")).hasText("Sending once the uploads finish (1 to go)…");
    attachments(ann).locator(".remove").click();
    assertThat(ann.page.locator("#attachmentsNote"))
        .hasText("Not sent: an attachment was removed while it waited. Send again to send the rest.");
    assertThat(ann.page.locator("#draft")).hasValue("With the slides");
    assertThat(ann.page.locator("#draft")).isEditable();
    ann.say("Last one");

    assertThat(bob.messages()).hasText(new String[] {"The notes follow", "No file after all", "Last one"});
    assertThat(ann.messages()).hasText(new String[] {"The notes follow", "No file after all", "Last one"});
  }

  @Test
  void aRefusedUploadSaysWhyAndIsNeverSentAndAMessageTakesTenFiles() {
    BrowserUser ann = new BrowserUser(open(cluster.a.uri()), Names.unique("ann")).signUp();
    String room = Names.unique("files");
    ann.createRoom(room);
    BrowserUser bob = new BrowserUser(open(cluster.b.uri()), Names.unique("bob")).signUp().openRoom(room);
    List<FilePayload> files = new ArrayList<>();
    files.add(new FilePayload("x".repeat(201) + ".txt", "text/plain", "too long a name".getBytes(StandardCharsets.UTF_8)));
    IntStream.rangeClosed(1, 10)
        .forEach(i -> files.add(new FilePayload("part-" + i + ".txt", "text/plain", ("part " + i).getBytes(StandardCharsets.UTF_8))));

    ann.attach(files.toArray(FilePayload[]::new));

    assertThat(attachments(ann)).hasCount(10);
    assertThat(ann.page.locator("#attachmentsNote")).hasText("A message takes at most 10 files: 1 was left out.");
    Locator refused = attachments(ann).nth(0);
    assertThat(refused).hasAttribute("data-state", "failed");
    assertThat(refused.locator(".error")).hasText("'name' is at most 200 characters.");
    for (int i = 1; i < 10; i++) {
      assertThat(attachments(ann).nth(i)).hasAttribute("data-state", "done");
    }
    ann.say("Nine parts");
    assertThat(ann.page.locator("#attachmentsNote")).hasText("Not sent: an upload failed. Remove it (×), then send again.");
    assertThat(ann.page.locator("#draft")).hasValue("Nine parts");

    refused.locator(".remove").click();
    assertThat(attachments(ann)).hasCount(9);
    ann.page.locator("#draft").press("Enter");

    Locator cards = bob.message("Nine parts").locator(".file-card .name");
    assertThat(cards).hasText(IntStream.rangeClosed(1, 9).mapToObj(i -> "part-" + i + ".txt").toArray(String[]::new));
    assertThat(bob.messages()).hasText(new String[] {"Nine parts"});
  }

  @Test
  void aFileWhoseMessageWasDeletedShowsAsUnavailable() {
    BrowserUser ann = new BrowserUser(open(cluster.a.uri()), Names.unique("ann")).signUp();
    String room = Names.unique("gone");
    ann.createRoom(room);
    BrowserUser bob = new BrowserUser(open(cluster.b.uri()), Names.unique("bob")).signUp();
    // Bob's page never hears of a deletion, as when it is still on its way: his socket passes every
    // frame but those.
    bob.page.routeWebSocket(
        Pattern.compile(".*/ws\\?.*"),
        page -> {
          WebSocketRoute server = page.connectToServer();
          server.onMessage(
              frame -> {
                String kept =
                    frame.text().lines().filter(line -> !line.contains("\"message_deleted\"")).collect(Collectors.joining("\n"));
                if (!kept.isEmpty()) {
                  page.send(kept);
                }
              });
        });
    bob.page.reload();
    bob.openRoom(room);
    ann.attach(new FilePayload("minutes.txt", "text/plain", "the minutes\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(attachments(ann)).hasAttribute("data-state", "done");
    ann.say("Soon gone");
    Locator card = bob.message("Soon gone").locator(".file-card");
    assertThat(card.locator(".name")).hasText("minutes.txt");

    ann.act("Soon gone", "delete");
    assertThat(ann.message("Soon gone")).hasCount(0);
    ann.say("After it");
    assertThat(bob.messages()).hasText(new String[] {"Soon gone", "After it"});
    card.click();

    assertThat(card).hasClass(Pattern.compile("\\bunavailable\\b"));
    assertThat(card.locator(".size")).hasText("unavailable");
    assertThat(card.locator(".name")).hasText("minutes.txt");
  }

  /** The upload of Ann's page now held at its edge, once it got there. */
  private static Route held(BrowserUser user, BlockingQueue<Route> uploads) {
    user.page.waitForCondition(() -> !uploads.isEmpty());
    return uploads.remove();
  }

  private static Locator attachments(BrowserUser user) {
    return user.page.locator("#attachments .attachment");
  }

  /** A picture pasted into the draft, as the browser hands one from the clipboard: a File named "image.png". */
  private static void paste(BrowserUser user, byte[] png) {
    user.page.locator("#draft").focus();
    user.page
        .locator("#draft")
        .evaluate(
            """
            (draft, base64) => {
              const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
              const clipboard = new DataTransfer();
              clipboard.items.add(new File([bytes], 'image.png', {type: 'image/png'}));
              draft.dispatchEvent(new ClipboardEvent('paste', {clipboardData: clipboard, bubbles: true, cancelable: true}));
            }""",
            Base64.getEncoder().encodeToString(png));
  }

  /** A PNG of a map: water, land and a pin. */
  private static byte[] png(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x9cc3e6));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(0xb9d99a));
    g.fillOval(-width / 4, height / 5, width, height);
    g.setColor(new Color(0xc0392b));
    g.fillOval(width * 3 / 5, height * 2 / 5, width / 16, width / 16);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A PDF's signature and trailer around a comment that makes it {@code size} bytes long. */
  private static byte[] pdf(int size) {
    String start = "%PDF-1.4\n%";
    String end = "\n%%EOF\n";
    return (start + "x".repeat(size - start.length() - end.length()) + end).getBytes(StandardCharsets.US_ASCII);
  }

  private Page open(URI node) {
    return pages.open(node, 1280, 800);
  }
}
