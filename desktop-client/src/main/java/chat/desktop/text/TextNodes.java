package chat.desktop.text;

import chat.desktop.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Draws the tree {@link Conventions} reads: each line a TextFlow of Text nodes styled by class (bold,
 * italic, code, emoji in an outline emoji font), links as Hyperlinks that show their URL on hover. The
 * sender's characters only ever become the text of a node, never anything that is interpreted.
 */
public final class TextNodes {

  private TextNodes() {}

  /** The blocks one below the other, in a box of the {@link Styles#MESSAGE_TEXT} class. */
  public static VBox of(List<Block> blocks, LinkOpener links) {
    VBox box = new VBox(2);
    box.getStyleClass().add(Styles.MESSAGE_TEXT);
    for (Block block : blocks) {
      box.getChildren().add(block(block, links));
    }
    return box;
  }

  private static Node block(Block block, LinkOpener links) {
    return switch (block) {
      case Block.Line line -> flow(line.content(), links);
      case Block.Quote quote -> {
        VBox lines = new VBox(2);
        quote.lines().forEach(line -> lines.getChildren().add(flow(line, links)));
        lines.getStyleClass().add(Styles.QUOTED);
        yield lines;
      }
      case Block.Bullets bullets -> {
        VBox items = new VBox(2);
        bullets.items().forEach(item -> items.getChildren().add(item("•", item, links)));
        yield items;
      }
      case Block.Numbered numbered -> {
        VBox items = new VBox(2);
        numbered.items().forEach(item -> items.getChildren().add(item(item.number() + ".", item.content(), links)));
        yield items;
      }
      case Block.CodeBlock code -> {
        TextFlow flow = new TextFlow(text(code.text(), List.of()));
        flow.getStyleClass().add(Styles.CODE_BLOCK);
        yield flow;
      }
    };
  }

  /** A list's item: its marker beside its line, which wraps under itself rather than under the marker. */
  private static Node item(String marker, List<Inline> content, LinkOpener links) {
    Text bullet = text(marker, List.of(Styles.LIST_MARKER));
    TextFlow line = flow(content, links);
    HBox.setHgrow(line, Priority.ALWAYS);
    HBox item = new HBox(6, bullet, line);
    item.setFillHeight(false);
    return item;
  }

  /** One line; an empty one holds an empty Text, so that it is a line high. */
  private static TextFlow flow(List<Inline> content, LinkOpener links) {
    List<Node> nodes = new ArrayList<>();
    content.forEach(inline -> add(inline, List.of(), nodes, links));
    if (nodes.isEmpty()) {
      nodes.add(text("", List.of()));
    }
    TextFlow flow = new TextFlow(nodes.toArray(Node[]::new));
    flow.setMinWidth(0);
    return flow;
  }

  /** {@code styles}: the classes of the bold and italic around it. */
  private static void add(Inline inline, List<String> styles, List<Node> nodes, LinkOpener links) {
    switch (inline) {
      case Inline.Plain plain -> nodes.add(text(plain.text(), styles));
      case Inline.Bold bold -> bold.content().forEach(inner -> add(inner, with(styles, Styles.BOLD), nodes, links));
      case Inline.Italic italic -> italic.content().forEach(inner -> add(inner, with(styles, Styles.ITALIC), nodes, links));
      case Inline.Code code -> nodes.add(text(code.text(), with(styles, Styles.CODE_SPAN)));
      case Inline.Emoji emoji -> {
        Text text = text(emoji.emoji(), with(styles, Styles.EMOJI));
        Tooltip.install(text, new Tooltip(":" + emoji.name() + ":"));
        nodes.add(text);
      }
      case Inline.Link link -> nodes.add(isWeb(link.url()) ? link(link.url(), styles, links) : text(link.url(), styles));
    }
  }

  /**
   * Only ever an http(s) URL: the parser finds no other, and this is checked again where a click would
   * open it.
   */
  private static Node link(String url, List<String> styles, LinkOpener links) {
    Hyperlink link = new Hyperlink(url);
    link.getStyleClass().addAll(styles);
    link.setTooltip(new Tooltip(url));
    link.setOnAction(e -> links.open(url));
    return link;
  }

  static boolean isWeb(String url) {
    return url.startsWith("https://") || url.startsWith("http://");
  }

  private static Text text(String characters, List<String> styles) {
    Text text = new Text(characters);
    text.getStyleClass().add(Styles.TEXT_RUN);
    text.getStyleClass().addAll(styles);
    return text;
  }

  private static List<String> with(List<String> styles, String style) {
    List<String> more = new ArrayList<>(styles);
    more.add(style);
    return more;
  }
}
