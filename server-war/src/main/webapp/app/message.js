// One message as a conversation shows it: who and when, whether and when it was edited, what it
// answers (a click brings the original into view), its text or the editor of it, its files
// (message-files.js), its reactions, and what one can do with it: reply, react, edit one's own,
// delete one's own (any, for an admin, and in a room for its owner and moderators).
// Everything users and the server supply is set as text, never parsed as markup (dom.js): the text's
// formatting (format.js) becomes elements holding text nodes, and a link an href that is http(s).

import {h, when} from './dom.js';
import {parse} from './format.js';
import {sendsOnEnter} from './keys.js';
import {nameOf} from './names.js';
import {whoReacted} from './reactions.js';

/**
 * parts: {me, moderates: whether the user moderates the room (moderation.js), sender(user): the element
 * naming them, editor: this message's open editor or null, emoji: a Map of shortcode to emoji (empty
 * until the list is loaded), files(files): the element showing them, reply(), pick(anchor),
 * react(emoji, on), edit(), remove(), reveal()}
 */
export function messageItem(message, parts) {
  const mine = message.from.id === parts.me.id;
  const me = parts.me.username.toLowerCase();
  const mentioned = (message.mentions ?? []).some((name) => name.toLowerCase() === me);
  return h('li', {class: ['message', mine && 'mine', mentioned && 'mention'].filter(Boolean).join(' '), 'data-id': message.id},
    h('div', {class: 'meta'},
      parts.sender(message.from),
      h('time', {datetime: message.sentAt, class: 'muted'}, when(message.sentAt)),
      message.editedAt && h('span', {class: 'edited muted', title: `Edited ${when(message.editedAt)}`}, '(edited)'),
      actions(mine, parts)),
    message.replyTo && quote(message.replyTo, parts.reveal),
    // With files, the text may be empty: then nothing stands for it.
    parts.editor ?? (message.text !== '' && h('div', {class: 'text'}, formatted(parse(message.text, parts.emoji)))),
    message.files?.length > 0 && parts.files(message.files),
    message.reactions?.length > 0 && reactions(message.reactions, parts.react));
}

function actions(mine, parts) {
  const action = (name, label, onclick, text) => h('button', {type: 'button', class: name, 'aria-label': label, onclick}, text);
  return h('span', {class: 'actions'},
    action('reply', 'Reply to this message', parts.reply, 'Reply'),
    action('react', 'React to this message', (e) => parts.pick(e.currentTarget), 'React'),
    mine && action('edit', 'Edit this message', parts.edit, 'Edit'),
    (mine || parts.moderates || parts.me.role === 'ADMIN') && action('delete', 'Delete this message', parts.remove, 'Delete'));
}

/** What a reply answers, as the original is now; a click on a live one brings it into view. */
function quote(replyTo, reveal) {
  const from = h('span', {class: 'quote-from'}, nameOf(replyTo.from));
  if (replyTo.deleted) return h('div', {class: 'quote deleted'}, from, h('span', {class: 'quote-text'}, 'The original message was deleted.'));
  // No text: its author is someone the reader blocks (the server leaves it out). An empty text: it
  // carried files only, which a quote does not name.
  const said = replyTo.text ?? 'A message you do not see.';
  return h('button', {type: 'button', class: 'quote', title: 'Show the original', onclick: reveal},
    from, h('span', {class: 'quote-text'}, said || '📎 Files'));
}

/** The blocks of format.js's tree as elements; the text in them is only ever text nodes. */
function formatted(blocks) {
  return blocks.map((block) => {
    if ('line' in block) return line('div', block.line);
    if ('quote' in block) return h('blockquote', {}, block.quote.map((content) => line('div', content)));
    if ('bullets' in block) return h('ul', {}, block.bullets.map((item) => line('li', item)));
    if ('numbered' in block) return h('ol', {}, block.numbered.map(({number, item}) => line('li', item, {value: number})));
    return h('pre', {}, h('code', {}, block.codeBlock));
  });
}

/** A line of inlines; an empty one still takes a line's height. */
function line(tag, content, attributes = {}) {
  return h(tag, {class: 'line', ...attributes}, content.length === 0 ? h('br') : content.map(inline));
}

function inline(node) {
  if (typeof node === 'string') return node;
  if ('bold' in node) return h('strong', {}, node.bold.map(inline));
  if ('italic' in node) return h('em', {}, node.italic.map(inline));
  if ('link' in node) return link(node.link);
  if ('emoji' in node) return h('span', {class: 'emoji', title: `:${node.name}:`}, node.emoji);
  return h('code', {}, node.code);
}

/**
 * A link opens in a new tab, out of this page's reach (noopener) and without telling the site where
 * it came from. format.js finds only http:// and https:// links; the URL is checked again as the
 * browser reads it, so an href is never anything else.
 */
function link(written) {
  let url;
  try {
    url = new URL(written);
  } catch {
    return written;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return written;
  return h('a', {href: url.href, target: '_blank', rel: 'noopener noreferrer', title: url.href}, written);
}

/** A chip per emoji: its count, who reacted in its tooltip, pressed when one of them is the user. */
function reactions(list, react) {
  return h('div', {class: 'reactions'}, list.map((reaction) =>
    h('button', {type: 'button', class: reaction.mine ? 'reaction mine' : 'reaction', 'data-emoji': reaction.emoji,
      'aria-pressed': String(Boolean(reaction.mine)), title: `${whoReacted(reaction)} reacted with ${reaction.emoji}`,
      onclick: () => react(reaction.emoji, !reaction.mine)},
    h('span', {class: 'emoji'}, reaction.emoji), h('span', {class: 'count'}, String(reaction.count)))));
}

/**
 * The inline editor of one's message: Enter saves, Shift+Enter starts a new line, Escape cancels. A
 * textarea, since a message may hold several lines. save(text) is called with a changed, non-blank text.
 */
export function messageEditor(text, maxText, {save, cancel}) {
  const field = h('textarea', {class: 'edit-text', 'aria-label': 'Edit the message', maxlength: maxText,
    rows: Math.min(6, text.split('\n').length)});
  field.value = text;
  const submit = () => {
    const edited = field.value.trim();
    if (edited === text) cancel();
    else if (edited) save(edited);
  };
  field.addEventListener('keydown', (e) => {
    if (sendsOnEnter(e)) {
      e.preventDefault();
      submit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
  });
  return h('form', {class: 'editor', onsubmit: (e) => {
    e.preventDefault();
    submit();
  }}, field, h('div', {class: 'editor-actions'},
    h('span', {class: 'muted'}, 'Enter to save · Esc to cancel'),
    h('button', {type: 'button', class: 'cancel-edit', onclick: cancel}, 'Cancel'),
    h('button', {type: 'submit', class: 'save-edit primary'}, 'Save')));
}
