package chat.desktop.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the desktop draws of a text: its characters as Text nodes, and a link only for http(s). */
class TextNodesTest {

  private static final Map<String, String> EMOJI = Map.of("tada", "\uD83C\uDF89");

  private final List<String> opened = new ArrayList<>();

  @BeforeAll
  static void startToolkit() {
    try {
      Platform.startup(() -> {});
    } catch (IllegalStateException alreadyStarted) {
      // another test of this JVM started it
    }
  }

  @Test
  void aJavascriptUrlIsNoLink() {
    Node drawn = draw("javascript:alert(1) JavaScript:alert(1) data:text/html,<script>alert(1)</script>");

    assertEquals(List.of(), all(drawn, Hyperlink.class));
    assertEquals("javascript:alert(1) JavaScript:alert(1) data:text/html,<script>alert(1)</script>", characters(drawn));
  }

  @Test
  void hostileMarkupIsTextWithTheSameCharacters() {
    String hostile = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\"> &lt;b&gt; \u202eevil\u202c \u200b";
    Node drawn = draw(hostile);

    assertEquals(hostile, characters(drawn));
    assertEquals(List.of(), all(drawn, Hyperlink.class));
  }

  @Test
  void markupInBoldIsBoldText() {
    Node drawn = draw("**<b>x</b>**");

    Text bold = all(drawn, Text.class).getFirst();
    assertEquals("<b>x</b>", bold.getText());
    assertTrue(bold.getStyleClass().contains("bold"));
  }

  @Test
  void anHttpsLinkOpensItsUrlAndShowsItOnHover() {
    Node drawn = draw("see https://example.com/a?b=c.");

    Hyperlink link = all(drawn, Hyperlink.class).getFirst();
    assertEquals("https://example.com/a?b=c", link.getText());
    assertEquals("https://example.com/a?b=c", link.getTooltip().getText());
    onFx(() -> {
      link.fire();
      return null;
    });
    assertEquals(List.of("https://example.com/a?b=c"), opened);
  }

  @Test
  void aLinkThatIsNotHttpIsTextEvenInATreeMadeByHand() {
    List<Block> tree = List.of(new Block.Line(List.of(new Inline.Link("javascript:alert(1)"))));
    Node drawn = onFx(() -> TextNodes.of(tree, opened::add));

    assertEquals(List.of(), all(drawn, Hyperlink.class));
    assertEquals("javascript:alert(1)", characters(drawn));
  }

  @Test
  void anEmojiShortcodeIsItsEmojiInTheEmojiStyle() {
    Text emoji = all(draw("yay :tada:"), Text.class).stream().filter(t -> t.getStyleClass().contains("emoji")).findFirst().orElseThrow();

    assertEquals("\uD83C\uDF89", emoji.getText());
  }

  private Node draw(String text) {
    return onFx(() -> TextNodes.of(Conventions.parse(text, EMOJI), opened::add));
  }

  /** The characters of every Text drawn, in order (a Hyperlink's are its text). */
  private static String characters(Node node) {
    return all(node, Node.class).stream()
        .map(n -> n instanceof Hyperlink link ? link.getText() : n instanceof Text text && !(n.getParent() instanceof Hyperlink) ? text.getText() : "")
        .reduce("", String::concat);
  }

  private static <T> List<T> all(Node node, Class<T> type) {
    return descendants(node).filter(type::isInstance).map(type::cast).toList();
  }

  private static Stream<Node> descendants(Node node) {
    Stream<Node> below = node instanceof Parent parent && !(node instanceof Hyperlink)
        ? parent.getChildrenUnmodifiable().stream().flatMap(TextNodesTest::descendants)
        : Stream.empty();
    return Stream.concat(Stream.of(node), below);
  }

  private static <T> T onFx(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        result.complete(work.call());
      } catch (Exception | AssertionError e) {
        result.completeExceptionally(e);
      }
    });
    try {
      return result.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
