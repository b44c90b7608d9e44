package chat.desktop.text;

import java.util.List;

/** A block of a message's text: a line of its own, or lines that belong together. */
public sealed interface Block {

  /** A line of its own; empty for a blank line. */
  record Line(List<Inline> content) implements Block {}

  /** Consecutive lines that start with "> ", without it. */
  record Quote(List<List<Inline>> lines) implements Block {}

  /** Consecutive lines that start with "- ", without it. */
  record Bullets(List<List<Inline>> items) implements Block {}

  /** Consecutive lines that start with a number and ". ", each with its number as written. */
  record Numbered(List<Item> items) implements Block {

    public record Item(int number, List<Inline> content) {}
  }

  /** The lines between two lines of three backticks, as written. */
  record CodeBlock(String text) implements Block {}
}
