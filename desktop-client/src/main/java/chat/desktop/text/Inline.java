package chat.desktop.text;

import java.util.List;

/** A part of a line of a message's text. */
public sealed interface Inline {

  /** Text as written; adjacent text is one. */
  record Plain(String text) implements Inline {}

  record Bold(List<Inline> content) implements Inline {}

  record Italic(List<Inline> content) implements Inline {}

  /** A code span's text, as written. */
  record Code(String text) implements Inline {}

  /** An http:// or https:// URL, as written. */
  record Link(String url) implements Inline {}

  /** What the shortcode {@code :name:} stands for. */
  record Emoji(String emoji, String name) implements Inline {}
}
