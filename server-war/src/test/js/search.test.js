// The search as the browser asks for it and lists what it finds, without a browser: a stand-in
// document of elements and text nodes, enough for dom.js's h(), shows what the panel builds, and a
// stand-in fetch what the request asks.

import assert from 'node:assert/strict';
import {afterEach, beforeEach, test} from 'node:test';
import {Api, ApiError} from '../../main/webapp/app/api.js';
import {h} from '../../main/webapp/app/dom.js';
import {headline, partnerOf, placeOf, readQuery, SearchPanel} from '../../main/webapp/app/search.js';

class FakeNode {}

class FakeText extends FakeNode {
  constructor(text) {
    super();
    this.textContent = text;
  }
}

class FakeElement extends FakeNode {
  constructor(tag) {
    super();
    this.tagName = tag.toUpperCase();
    this.childNodes = [];
    this.attributes = new Map();
    this.listeners = new Map();
    this.className = '';
    this.hidden = false;
    this.disabled = false;
  }

  get children() {
    return this.childNodes.filter((node) => node instanceof FakeElement);
  }

  get textContent() {
    return this.childNodes.map((node) => node.textContent).join('');
  }

  set textContent(text) {
    this.childNodes = [new FakeText(text)];
  }

  setAttribute(name, value) {
    this.attributes.set(name, value);
    if (name === 'hidden') this.hidden = true;
  }

  getAttribute(name) {
    return this.attributes.get(name) ?? null;
  }

  addEventListener(type, listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  append(...nodes) {
    this.childNodes.push(...nodes);
  }

  replaceChildren(...nodes) {
    this.childNodes = nodes;
  }

  click() {
    for (const listener of this.listeners.get('click') ?? []) listener({currentTarget: this, preventDefault() {}});
  }

  focus() {}

  select() {}

  /** Every element below this one with the class, in document order. */
  all(className) {
    return this.children.flatMap((child) => [...(child.className.split(' ').includes(className) ? [child] : []), ...child.all(className)]);
  }

  one(className) {
    return this.all(className)[0];
  }

  /** Every element below this one, in document order. */
  descendants() {
    return this.children.flatMap((child) => [child, ...child.descendants()]);
  }
}

globalThis.Node = FakeNode;
globalThis.document = {createElement: (tag) => new FakeElement(tag), createTextNode: (text) => new FakeText(text)};

const ME = {id: 1, username: 'Bob', displayName: 'Bob', role: 'USER'};
const ANN = {id: 2, username: 'ann', displayName: 'Ann Lee', role: 'USER'};
const BOB = {id: 1, username: 'bob', displayName: 'Bob', role: 'USER'};

const inRoom = (id, text) => ({id, seq: id, room: 'General', from: ANN, text, sentAt: '2026-11-27T10:00:00Z'});
const found = (message, pieces = [{text: message.text, match: true}]) => ({message, headline: pieces});

test('from: and in: outside quotes narrow the search; the other words are its query as typed', () => {
  assert.deepEqual(readQuery('budget'), {q: 'budget'});
  assert.deepEqual(readQuery('  blue   budget '), {q: 'blue budget'});
  assert.deepEqual(readQuery('budget from:ann in:#General'), {q: 'budget', from: 'ann', room: 'General'});
  assert.deepEqual(readQuery('FROM:@ann IN:general "next week" or -draft'), {q: '"next week" or -draft', from: 'ann', room: 'general'});
  assert.deepEqual(readQuery('"from:ann in the title" from:cleo'), {q: '"from:ann in the title"', from: 'cleo'}, 'quoted, a filter is words');
  assert.deepEqual(readQuery('"an unclosed from:ann'), {q: '"an unclosed from:ann'});
  assert.deepEqual(readQuery('in: in:# from:@'), {q: 'in: in:# from:@'}, 'a filter names someone or something');
  assert.deepEqual(readQuery('from:ann'), {q: '', from: 'ann'});
});

test('a search asks GET /api/search with every value encoded, and leaves out what is not given', async () => {
  const asked = [];
  globalThis.fetch = async (path, init) => {
    asked.push({path, init});
    return {ok: true, status: 200, headers: new Map(), text: async () => '{"results": []}'};
  };
  try {
    const api = new Api('token-1');
    assert.deepEqual(await api.search({q: 'café & "a+b" #1?', room: 'Q&A room', from: 'ann', before: 'MTI=/+', limit: 5}), {results: []});
    await api.search({q: 'lunch', room: '', from: null, before: undefined});

    assert.deepEqual(asked.map((a) => a.path), [
      '/api/search?q=caf%C3%A9%20%26%20%22a%2Bb%22%20%231%3F&room=Q%26A%20room&from=ann&before=MTI%3D%2F%2B&limit=5',
      '/api/search?q=lunch',
    ]);
    assert.equal(asked[0].init.method, 'GET');
    assert.equal(asked[0].init.headers.Authorization, 'Bearer token-1');
  } finally {
    delete globalThis.fetch;
  }
});

test('a headline is its pieces as text nodes, those that matched in a mark, markup in them only text', () => {
  const line = h('p', {}, headline([{text: '…'}, {text: 'see the '}, {text: 'budget', match: true}, {text: ' <img src=x onerror=alert(1)> <b>now</b>'}]));

  assert.deepEqual(line.childNodes.map((node) => node.tagName ?? 'text'), ['text', 'text', 'MARK', 'text']);
  assert.equal(line.children[0].textContent, 'budget');
  assert.equal(line.textContent, '…see the budget <img src=x onerror=alert(1)> <b>now</b>');
});

test('a result says where it was said: its room, or the other user of a conversation, whoever sent it', () => {
  assert.equal(placeOf(inRoom(1, 'x'), ME), '# General');
  const toAnn = {id: 2, room: null, from: BOB, to: 'ann', text: 'x'};
  const fromAnn = {id: 3, room: null, from: ANN, to: 'bob', text: 'x'};
  assert.equal(partnerOf(toAnn, ME), 'ann', 'my own, told apart whatever the case of my name');
  assert.equal(partnerOf(fromAnn, ME), 'ann');
  assert.equal(placeOf(toAnn, ME), '@ ann');
});

let panel;
let asked;
let answers;
let opened;
let shown;

/** Lets the panel take the answers given so far. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  asked = [];
  answers = [];
  opened = [];
  shown = [];
  panel = new SearchPanel({
    search: (query) => {
      asked.push(query);
      return new Promise((resolve, reject) => answers.push({resolve, reject}));
    },
    open: (message) => opened.push(message),
    shown: (open) => shown.push(open),
  }, ME);
});

afterEach(settle);

const texts = () => panel.list.all('headline').map((line) => line.textContent);

test('results list sender, place, time and headline; Load more asks for the next page and goes on the last', async () => {
  const search = panel.run('budget in:#General');
  assert.equal(panel.status.textContent, 'Searching…');
  answers[0].resolve({results: [found(inRoom(9, 'The budget is in the blue folder'), [{text: 'The '}, {text: 'budget', match: true}, {text: ' is in the blue folder'}])], before: 'c1'});
  await search;

  assert.deepEqual(asked, [{q: 'budget', room: 'General', before: undefined}]);
  assert.deepEqual(shown, [true]);
  assert.equal(panel.status.textContent, 'Messages that match “budget” in # General, best first:');
  const result = panel.list.one('found');
  assert.equal(result.getAttribute('data-id'), '9');
  assert.equal(result.one('sender').textContent, 'Ann Lee (@ann)');
  assert.equal(result.one('place').textContent, '# General');
  assert.equal(result.descendants().find((e) => e.tagName === 'TIME').getAttribute('datetime'), '2026-11-27T10:00:00Z');
  assert.deepEqual(result.one('headline').children.map((e) => [e.tagName, e.textContent]), [['MARK', 'budget']]);
  assert.equal(panel.more.hidden, false);

  panel.more.click();
  assert.deepEqual(asked[1], {q: 'budget', room: 'General', before: 'c1'});
  assert.equal(panel.more.disabled, true, 'one page at a time');
  answers[1].resolve({results: [found(inRoom(3, 'Last year\'s budget'))]});
  await settle();
  assert.deepEqual(texts(), ['The budget is in the blue folder', 'Last year\'s budget']);
  assert.equal(panel.more.hidden, true);

  result.click();
  assert.deepEqual(opened.map((m) => m.id), [9]);
});

test('nothing found says so; a failure says why in words, and Load more can be tried again', async () => {
  const none = panel.run('zebra from:ann');
  answers[0].resolve({results: []});
  await none;
  assert.equal(panel.status.textContent, 'No messages match “zebra” from ann.');

  const limited = panel.run('lunch');
  answers[1].reject(new ApiError(429, 'rate_limited', 'too many searches; try again in 12 s', 12));
  await limited;
  assert.equal(panel.status.textContent, 'Too many searches. Try again in 12 s.');

  const slow = panel.run('a or b');
  answers[2].reject(new ApiError(503, 'unavailable', 'that search takes too long: narrow it with more words, a room or a sender'));
  await slow;
  assert.equal(panel.status.textContent, 'That search takes too long: narrow it with more words, a room or a sender.');

  const first = panel.run('lunch');
  answers[3].resolve({results: [found(inRoom(5, 'lunch'))], before: 'c5'});
  await first;
  panel.more.click();
  answers[4].reject(new ApiError(0, 'unreachable', 'cannot reach the server'));
  await settle();
  assert.equal(panel.status.textContent, 'The server is unreachable. Check your connection, or try again later.');
  assert.deepEqual(texts(), ['lunch'], 'the results listed stay');
  assert.equal(panel.more.hidden, false);
  assert.equal(panel.more.disabled, false);
});

test('a search without a word, or too long, is not asked; one overtaken by another, or closed, is dropped', async () => {
  await panel.run('from:ann');
  assert.equal(panel.status.textContent, 'Type a word to search for besides from: and in:.');
  await panel.run('   ');
  assert.equal(panel.status.textContent, 'Type a word to search for.');
  await panel.run('é'.repeat(201));
  assert.equal(panel.status.textContent, 'A search is at most 200 characters.');
  assert.deepEqual(asked, []);

  const slow = panel.run('old');
  const quick = panel.run('new');
  answers[1].resolve({results: [found(inRoom(2, 'new'))]});
  await quick;
  answers[0].resolve({results: [found(inRoom(1, 'old'))], before: 'c1'});
  await slow;
  assert.deepEqual(texts(), ['new']);
  assert.equal(panel.more.hidden, true);

  const closed = panel.run('late');
  panel.close();
  answers[2].resolve({results: [found(inRoom(3, 'late'))]});
  await closed;
  assert.deepEqual(texts(), []);
  assert.equal(shown.at(-1), false);
});
