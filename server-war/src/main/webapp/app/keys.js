// What Enter does where a message is typed, the composer and the editor of one's message, as in chat
// apps: Enter sends, Shift+Enter starts a new line (a textarea's own way), and the Enter that ends an
// input method's composition (Japanese, Chinese, ...) only ends it.

/** Whether this keydown in a message's textarea sends the message, rather than typing into it. */
export function sendsOnEnter(event) {
  // Safari tells the Enter that ends a composition after the composition, with isComposing false but
  // keyCode 229 (a key the input method is processing).
  return event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229;
}
