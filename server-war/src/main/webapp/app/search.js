// Search over the user's rooms and conversations (GET /api/search): the box in the top bar, where
// from:ann and in:#room narrow what its words find, and the panel of results beside the conversation,
// best first, each with its sender, where it was said and when, and the part of its text around the
// words found, those marked. A click opens the message in its conversation. The server's pieces of a
// headline are set as text, the ones that matched in a <mark>, never read as markup.

import {ApiError, describe} from './api.js';
import {fill, h, when} from './dom.js';
import {nameOf} from './names.js';

/** The longest query the server takes, in characters (SearchResults.MAX_QUERY). */
export const MAX_QUERY = 200;

/** from:ann or from:@ann, in:room or in:#room; a quote in the name makes it words. */
const FILTER = /^(from:@?|in:#?)([^\s"#@][^\s"]*)$/i;

/**
 * The box's text as a search, {q, room?, from?}: the filters outside quotes narrow it, the other words
 * are the query as typed, for the server to read as a web search box does ("a phrase", or, -word).
 */
export function readQuery(text) {
  const words = [];
  const asked = {};
  for (const token of tokens(text)) {
    const filter = FILTER.exec(token);
    if (!filter) words.push(token);
    else if (filter[1].toLowerCase().startsWith('from')) asked.from = filter[2];
    else asked.room = filter[2];
  }
  return {q: words.join(' '), ...asked};
}

/** The text cut at spaces outside quotes: a quoted phrase stays one token, quotes and all. */
function tokens(text) {
  return text.match(/(?:"[^"]*"?|[^\s"]+)+/g) ?? [];
}

/** Who the user talks with in the conversation of a direct message. */
export function partnerOf(message, me) {
  return message.from.username.toLowerCase() === me.username.toLowerCase() ? message.to : message.from.username;
}

/** Where a message was said, named as its conversation's title is: "# room" or "@ the other user". */
export function placeOf(message, me) {
  return message.room ? `# ${message.room}` : `@ ${partnerOf(message, me)}`;
}

/** A result's headline as children for h(): the pieces as text, those that matched marked. */
export function headline(pieces) {
  return pieces.map((piece) => (piece.match ? h('mark', {}, piece.text) : piece.text));
}

/** What was searched, in words: “lunch” in # general from ann. */
export function searched(asked) {
  return `“${asked.q}”${asked.room ? ` in # ${asked.room}` : ''}${asked.from ? ` from ${asked.from}` : ''}`;
}

/** Why a search failed, in words: its own rate, or what the server said (too slow, a room not joined...). */
export function failureText(failure) {
  if (failure instanceof ApiError && failure.code === 'rate_limited') {
    return `Too many searches. Try again${failure.retryAfterSeconds ? ` in ${failure.retryAfterSeconds} s` : ' later'}.`;
  }
  return describe(failure);
}

export class SearchPanel {
  /**
   * actions: {search({q, room?, from?, before?}) -> Promise<{results, before?}>, open(message),
   * shown(open): the panel comes into sight or goes}; me: the user looking.
   */
  constructor(actions, me) {
    this.actions = actions;
    this.me = me;
    this.asked = null; // the search whose results are listed
    this.before = null; // the cursor of its next page, null on the last
    this.runs = 0; // counts the pages asked for: the answer to one overtaken by another is dropped
    this.input = h('input', {id: 'search', type: 'search', autocomplete: 'off', placeholder: 'Search messages',
      'aria-label': 'Search messages', title: 'Search messages (Ctrl+K). Narrow it with from:name or in:#room.'});
    this.input.addEventListener('keydown', (e) => e.key === 'Escape' && this.close());
    this.box = h('form', {id: 'searchBox', class: 'search-box', role: 'search', onsubmit: (e) => {
      e.preventDefault();
      this.run(this.input.value);
    }}, this.input);
    this.status = h('p', {id: 'searchStatus', class: 'muted', role: 'status'});
    this.list = h('ol', {id: 'searchResults', class: 'list results'});
    this.more = h('button', {id: 'searchMore', type: 'button', class: 'more', hidden: true, onclick: () => this.page(this.before)}, 'Load more');
    this.element = h('aside', {id: 'searchPanel', 'aria-label': 'Search results'},
      h('header', {class: 'conversation-header'},
        h('h2', {}, 'Search'),
        h('button', {id: 'closeSearch', type: 'button', class: 'close', 'aria-label': 'Close the search', onclick: () => this.close()}, '×')),
      this.status, this.list, this.more);
  }

  /** Ctrl+K: the box, its text selected to type another search over it. */
  focus() {
    this.input.focus();
    this.input.select();
  }

  /** Searches for what the box says, in place of the results listed. */
  run(text) {
    const asked = readQuery(text);
    fill(this.list);
    this.more.hidden = true;
    this.runs++;
    this.actions.shown(true);
    if (!asked.q) {
      this.status.textContent = asked.room || asked.from ? 'Type a word to search for besides from: and in:.' : 'Type a word to search for.';
      return Promise.resolve();
    }
    if ([...asked.q].length > MAX_QUERY) {
      this.status.textContent = `A search is at most ${MAX_QUERY} characters.`;
      return Promise.resolve();
    }
    this.asked = asked;
    return this.page(null);
  }

  /** The page of the search listed after `before` (its first for null), added below the others. */
  async page(before) {
    const run = ++this.runs;
    const asked = this.asked;
    this.status.textContent = 'Searching…';
    this.more.disabled = true;
    let found;
    try {
      found = await this.actions.search({...asked, before: before ?? undefined});
    } catch (failure) {
      if (run !== this.runs) return;
      this.status.textContent = failureText(failure);
      this.more.disabled = false;
      return;
    }
    if (run !== this.runs) return;
    this.list.append(...found.results.map((result) => this.item(result)));
    this.before = found.before ?? null;
    this.more.hidden = this.before === null;
    this.more.disabled = false;
    this.status.textContent = this.list.children.length === 0 ? `No messages match ${searched(asked)}.` : `Messages that match ${searched(asked)}, best first:`;
  }

  item({message, headline: pieces}) {
    return h('li', {class: 'result'},
      h('button', {type: 'button', class: 'found', 'data-id': message.id, title: 'Show it in its conversation', onclick: () => this.actions.open(message)},
        h('span', {class: 'meta'},
          h('strong', {class: 'sender'}, nameOf(message.from)),
          h('span', {class: 'place'}, placeOf(message, this.me)),
          h('time', {datetime: message.sentAt, class: 'muted'}, when(message.sentAt))),
        h('span', {class: 'headline'}, headline(pieces))));
  }

  /** Out of sight; an answer still on its way is dropped. */
  close() {
    this.runs++;
    this.actions.shown(false);
  }
}
