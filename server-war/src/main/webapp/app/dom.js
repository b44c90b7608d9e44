// The one way this client builds the page: elements with text, never markup from strings, so text
// from users is always shown as text.

/**
 * h('button', {id: 'send', class: 'primary', onclick: fn}, 'Send') makes an element. Children are
 * elements or strings (set as text); null and false children are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of element. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const clock = new Intl.DateTimeFormat(undefined, {hour: '2-digit', minute: '2-digit'});
const day = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});

/** "14:05" today, "23 Nov 2026, 14:05" before. */
export function when(iso) {
  const at = new Date(iso);
  return at.toDateString() === new Date().toDateString() ? clock.format(at) : day.format(at);
}
