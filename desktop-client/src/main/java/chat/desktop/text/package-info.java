/**
 * A message's text as chats write it (docs/protocol.md, "Text as chats write it"): {@link
 * chat.desktop.text.Conventions} reads it into a tree of {@link chat.desktop.text.Block}s and {@link
 * chat.desktop.text.Inline}s by the same rules as the browser's {@code format.js} (both are held to
 * test-support's {@code text-conventions.json}), and {@link chat.desktop.text.TextNodes} draws the tree
 * as Text nodes and links, never as markup.
 */
package chat.desktop.text;
