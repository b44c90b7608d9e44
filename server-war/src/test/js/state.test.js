// What the browser client shows, driven by the frames a server sends, without a browser.

import assert from 'node:assert/strict';
import {beforeEach, test} from 'node:test';
import {ChatState} from '../../main/webapp/app/state.js';

const ME = {id: 1, username: 'alice', role: 'USER'};
const BOB = {id: 2, username: 'Bob', role: 'USER'};
const LIMITS = {maxText: 2000, historyPage: 3, maxHistoryPage: 200};

let state;
let heard;

/** Records every change the state announces, as [name, ...arguments]. */
function recorder() {
  return new Proxy({}, {get: (_, name) => (...args) => heard.push([name, ...args])});
}

function message(id, from = BOB, room = 'General', extra = {}) {
  return {id, seq: id, room, to: null, from, text: `m${id}`, sentAt: '2026-11-27T10:00:00Z', ...extra};
}

function direct(id, from, to) {
  return {id, seq: id, room: null, to, from, text: `d${id}`, sentAt: '2026-11-27T10:00:00Z'};
}

const ids = (conversation) => conversation.messages.map((m) => m.id);
const named = (name) => heard.filter(([n]) => n === name);

beforeEach(() => {
  heard = [];
  state = new ChatState(ME, recorder());
  state.frame({type: 'welcome', user: ME, node: 'a', heartbeat: 25, limits: LIMITS});
});

test('the limits come from the welcome', () => {
  assert.deepEqual(state.limits, LIMITS);
  assert.deepEqual(named('limitsChanged'), [['limitsChanged', LIMITS]]);
});

test('messages are kept in id order, each once, whatever order they arrive in', () => {
  const {conversation} = state.openRoom('General');
  state.frame({type: 'room_joined', room: 'general', members: [ME, BOB], history: [message(4), message(6)]});
  state.frame({type: 'new_chat_message', message: message(5)});
  state.frame({type: 'new_chat_message', message: message(6)});
  state.olderLoaded(conversation, [message(1), message(2), message(4)]);

  assert.deepEqual(ids(conversation), [1, 2, 4, 5, 6]);
});

test('a full first page leaves older messages to load; a short one is the whole history', () => {
  const {conversation: full} = state.openRoom('full');
  state.frame({type: 'room_joined', room: 'full', members: [], history: [message(1, BOB, 'full'), message(2, BOB, 'full'), message(3, BOB, 'full')]});
  assert.equal(full.olderAvailable, true);

  const {conversation: short} = state.openRoom('short');
  state.frame({type: 'room_joined', room: 'short', members: [], history: [message(7, BOB, 'short')]});
  assert.equal(short.olderAvailable, false);

  state.olderLoaded(full, [message(0, BOB, 'full')]);
  assert.equal(full.olderAvailable, false, 'a short page of older messages reaches the start');
});

test('a rejoin with few messages says nothing about older ones', () => {
  const {conversation} = state.openRoom('General');
  state.frame({type: 'room_joined', room: 'General', members: [], history: [message(1), message(2), message(3)]});
  state.frame({type: 'room_joined', room: 'General', members: [], history: [message(4)]});
  assert.equal(conversation.olderAvailable, true);
});

test('before the welcome only an empty page is known to be the oldest', () => {
  const early = new ChatState(ME, recorder());
  const {conversation} = early.openDirect('Bob');
  early.olderLoaded(conversation, [direct(1, BOB, 'alice')]);
  assert.equal(conversation.olderAvailable, true);
  early.olderLoaded(conversation, []);
  assert.equal(conversation.olderAvailable, false);
});

test('rooms and people are the same whatever the case of their names', () => {
  state.mergeRooms([{name: 'General', online: 2}]);
  const {conversation, created} = state.openRoom('general');
  assert.equal(created, true);
  state.frame({type: 'new_chat_message', message: message(1, BOB, 'GENERAL')});
  assert.deepEqual(ids(conversation), [1]);
  assert.equal(state.rooms.size, 1);

  const {conversation: dm} = state.openDirect('bob');
  state.frame({type: 'new_direct_message', message: direct(2, BOB, 'ALICE')});
  assert.deepEqual(ids(dm), [2]);
  assert.equal(state.openDirect('BOB').created, false);
});

test('messages in a room not in view are unread until it is opened', () => {
  state.mergeRooms([{name: 'General', online: 2}, {name: 'random', online: 1}]);
  state.openRoom('General');
  state.openRoom('random');
  state.frame({type: 'new_chat_message', message: message(1)});
  state.frame({type: 'new_chat_message', message: message(2)});
  state.frame({type: 'new_chat_message', message: message(3, BOB, 'random')});

  assert.equal(state.unreadInRooms(), 2, 'only the room not in view counts');
  state.openRoom('General');
  assert.equal(state.unreadInRooms(), 0);
});

test("one's own messages, from another tab, are not unread", () => {
  state.mergeRooms([{name: 'General', online: 2}]);
  state.frame({type: 'new_chat_message', message: message(1, ME)});
  state.frame({type: 'new_direct_message', message: direct(2, ME, 'Bob')});
  assert.equal(state.unreadInRooms(), 0);
  assert.equal(state.unreadDirectMessages(), 0);
});

test('direct messages from a friend not in view are unread by sender until the conversation opens', () => {
  state.frame({type: 'new_direct_message', message: direct(1, BOB, 'alice')});
  state.frame({type: 'new_direct_message', message: direct(2, BOB, 'alice')});
  assert.equal(state.unreadDirect.get('bob'), 2);
  assert.ok(named('friendsChanged').length > 0);

  state.openDirect('Bob');
  assert.equal(state.unreadDirectMessages(), 0);
});

test('a refusal is shown in the conversation that sent it, and cleared by its next send', () => {
  const {conversation} = state.openRoom('General');
  state.sent(conversation, 'c-1');
  state.frame({type: 'error', code: 'payload_too_large', message: 'a message is at most 2000 characters', ref: 'c-1'});
  assert.equal(conversation.error, 'Not sent: a message is at most 2000 characters');
  assert.deepEqual(named('say'), []);

  state.sent(conversation, 'c-2');
  assert.equal(conversation.error, '');
});

test('a refusal of nothing sent from a conversation goes to the status line', () => {
  state.frame({type: 'error', code: 'rate_limited', message: 'slow down'});
  assert.deepEqual(named('say'), [['say', 'slow down']]);
});

test('an acknowledgement clears the error of the conversation that sent it', () => {
  const {conversation} = state.openRoom('General');
  state.sent(conversation, 'c-1');
  state.setError(conversation, 'Not sent: try again');
  state.frame({type: 'new_chat_message', message: message(3, ME, 'General', {clientId: 'c-1'})});
  assert.equal(conversation.error, '');
  assert.deepEqual(ids(conversation), [3]);
});

test('a deleted message leaves every conversation that shows it', () => {
  const {conversation} = state.openRoom('General');
  state.frame({type: 'room_joined', room: 'General', members: [], history: [message(1), message(2)]});
  state.frame({type: 'message_deleted', id: 1, room: 'General'});
  assert.deepEqual(ids(conversation), [2]);
  assert.deepEqual(named('removed'), [['removed', conversation, 1]]);
});

test('members join and leave a room once each, and its count follows', () => {
  state.mergeRooms([{name: 'General', online: 5}]);
  const {conversation} = state.openRoom('General');
  state.frame({type: 'room_joined', room: 'General', members: [ME], history: []});
  state.frame({type: 'member_joined', room: 'General', user: BOB});
  state.frame({type: 'member_joined', room: 'General', user: BOB});
  assert.deepEqual(conversation.members, [ME, BOB]);
  assert.equal(state.rooms.get('#general').online, 2);

  state.frame({type: 'member_left', room: 'General', user: BOB});
  assert.deepEqual(conversation.members, [ME]);
  state.mergeRooms([{name: 'General', online: 9}]);
  assert.equal(state.rooms.get('#general').online, 1, 'a joined room counts the members it was told of');
});

test('leaving the room in view forgets it', () => {
  state.mergeRooms([{name: 'General', online: 2}]);
  state.openRoom('General');
  const left = state.leaveRoomInView();
  assert.equal(left.name, 'General');
  assert.equal(state.inViewConversation(), null);
  assert.equal(state.rooms.get('#general').joined, false);
  assert.equal(state.openRoom('General').created, true);
});

test('rooms are listed by name ignoring case', () => {
  state.mergeRooms([{name: 'beta', online: 0}, {name: 'Alpha', online: 0}, {name: 'gamma', online: 0}]);
  assert.deepEqual(state.sortedRooms().map((r) => r.name), ['Alpha', 'beta', 'gamma']);
});

test('friend frames ask for the account again; a request is told', () => {
  state.frame({type: 'friend_request', user: BOB});
  state.frame({type: 'friend_added', user: BOB});
  assert.deepEqual(named('friendRequested'), [['friendRequested', BOB]]);
  assert.equal(named('accountStale').length, 1);

  state.accountLoaded({friends: [BOB], incoming: [], outgoing: [], blocked: [], online: ['Bob']});
  assert.ok(state.online.has('Bob'));
});

test('a new profile shows on every message and member, in the lists, and a late live message does not undo it', () => {
  const {conversation} = state.openRoom('General');
  state.frame({type: 'room_joined', room: 'General', members: [ME, BOB], history: [message(1), message(2, ME)]});
  state.accountLoaded({friends: [BOB], incoming: [], outgoing: [], blocked: [], online: ['Bob']});
  const builder = {...BOB, displayName: 'Bob the Builder', status: 'fixing it'};

  state.frame({type: 'identity_changed', user: builder});
  state.frame({type: 'new_chat_message', message: message(3)});

  assert.deepEqual(conversation.messages.map((m) => m.from), [builder, ME, builder]);
  assert.deepEqual(conversation.members, [ME, builder]);
  assert.deepEqual(state.account.friends, [builder]);
  assert.deepEqual(named('renamed'), [['renamed', builder]]);
  assert.deepEqual(named('meChanged'), []);
});

test('my own new profile is told as mine', () => {
  const renamed = {...ME, displayName: 'Alice A.', status: ''};
  state.frame({type: 'identity_changed', user: renamed});
  assert.deepEqual(named('meChanged'), [['meChanged', renamed]]);
  assert.deepEqual(state.me, renamed);
});

test("a service's notification is handed to the page as it came", () => {
  const notification = {type: 'notification', from: {id: 9, username: 'rewards', displayName: 'rewards', status: '', role: 'SERVICE'}, kind: 'reward', data: {code: 'X'}};
  state.frame(notification);
  assert.deepEqual(named('notified'), [['notified', notification]]);
});

test("the server's counts show my rooms first, and what arrives after my marker adds to them", () => {
  state.mergeRooms([{name: 'alpha', online: 0}, {name: 'General', online: 2}]);
  state.channelsLoaded([
    {room: 'General', lastSeq: 7, readSeq: 5, unread: 2, mentions: 1, muted: false},
    {with: BOB, lastSeq: 3, readSeq: 1, unread: 2, mentions: 0, muted: true},
  ]);
  assert.deepEqual(state.sortedRooms().map((r) => [r.name, r.mine]), [['General', true], ['alpha', false]]);
  assert.equal(state.rooms.get('#general').mentions, 1);
  assert.equal(state.unreadDirect.get('bob'), 2);

  state.frame({type: 'room_joined', room: 'General', members: [ME, BOB], history: []});
  state.frame({type: 'new_chat_message', message: message(8, BOB, 'General', {mentions: ['Alice']})});
  assert.equal(state.rooms.get('#general').unread, 3);
  assert.equal(state.rooms.get('#general').mentions, 2, 'a mention, whatever the case of my name');
  assert.deepEqual(named('attention').map(([, m]) => m.id), [8]);
});

test('a mention or a direct message of a muted channel asks for no attention', () => {
  state.channelsLoaded([{room: 'General', lastSeq: 0, readSeq: 0, unread: 0, mentions: 0, muted: true}]);
  state.frame({type: 'new_chat_message', message: message(1, BOB, 'General', {mentions: ['alice']})});
  state.frame({type: 'muted', with: 'Bob', muted: true});
  state.frame({type: 'new_direct_message', message: direct(2, BOB, 'alice')});
  assert.deepEqual(named('attention'), []);
  state.frame({type: 'muted', with: 'Bob', muted: false});
  state.frame({type: 'new_direct_message', message: direct(3, BOB, 'alice')});
  assert.deepEqual(named('attention').map(([, m]) => m.id), [3]);
});

test('a read on another device clears what this page has up to it, or asks the server again', () => {
  state.channelsLoaded([{room: 'General', lastSeq: 2, readSeq: 0, unread: 2, mentions: 0, muted: false}]);
  state.frame({type: 'room_joined', room: 'General', members: [], history: [message(1), message(2)]});
  state.frame({type: 'read', room: 'General', seq: 1});
  assert.equal(named('channelsStale').length, 1, 'message 2 is still unread');
  state.frame({type: 'read', room: 'General', seq: 2});
  assert.equal(state.rooms.get('#general').unread, 0);
});

test('a room joined on another device becomes mine; one left on another device goes from view', () => {
  state.frame({type: 'membership', room: 'General', member: true});
  assert.equal(state.rooms.get('#general').mine, true);
  state.openRoom('General');
  state.frame({type: 'membership', room: 'general', member: false});
  assert.equal(state.rooms.get('#general').mine, false);
  assert.equal(state.inViewConversation(), null);
  assert.equal(named('leftElsewhere').length, 1);
});

test('who is typing shows until a few seconds after their last notice, or until their message', () => {
  const {conversation} = state.openRoom('General');
  state.typing({type: 'typing', room: 'General', user: BOB}, 1_000);
  assert.deepEqual(state.typingNow(conversation, 2_000), [BOB]);
  assert.deepEqual(state.typingNow(conversation, 1_000 + 6_000), [], 'gone by itself');
  state.typing({type: 'typing', room: 'General', user: BOB}, Date.now());
  state.frame({type: 'new_chat_message', message: message(1)});
  assert.deepEqual(state.typingNow(conversation), [], 'gone with the message');
});

// ---- edits, replies and reactions (docs/protocol.md, "Working with messages") ----

const LIKE = '👍';
const edited = (id, changedSeq, text, extra = {}) => message(id, BOB, 'General', {text, changedSeq, editedAt: '2026-11-27T10:05:00Z', ...extra});
const reactedTo = (id, changedSeq, reactions) => message(id, BOB, 'General', {changedSeq, reactions});
const textOf = (conversation, id) => conversation.messages.find((m) => m.id === id).text;
const reactionsOf = (conversation, id) => conversation.messages.find((m) => m.id === id).reactions;

function roomWith(...history) {
  const {conversation} = state.openRoom('General');
  state.frame({type: 'room_joined', room: 'General', members: [ME, BOB], history});
  heard = [];
  return conversation;
}

test('an edit shows in place, and an older version of the message that comes after it does not undo it', () => {
  const conversation = roomWith(message(1), message(2));
  state.frame({type: 'message_updated', message: edited(1, 4, 'fixed')});
  assert.equal(textOf(conversation, 1), 'fixed');
  assert.deepEqual(named('changed'), [['changed', conversation, 1]]);
  assert.deepEqual(named('inserted'), []);

  state.frame({type: 'message_updated', message: edited(1, 3, 'first try')});
  state.frame({type: 'new_chat_message', message: message(1)});
  assert.equal(textOf(conversation, 1), 'fixed', 'the version changed last stays');
  assert.deepEqual(ids(conversation), [1, 2]);
});

test('a change is no new message: nothing more is unread, and no one is called', () => {
  state.mergeRooms([{name: 'General', online: 2}, {name: 'random', online: 1}]);
  roomWith(message(1));
  state.openRoom('random');
  state.frame({type: 'message_updated', message: edited(1, 2, 'now naming @alice', {mentions: ['alice']})});
  assert.equal(state.unreadInRooms(), 0);
  assert.deepEqual(named('attention'), []);
});

test('a change to a message the page never loaded is not shown', () => {
  const conversation = roomWith(message(60), message(61));
  state.frame({type: 'message_updated', message: edited(10, 70, 'old, edited')});
  state.frame({type: 'message_updated', message: {...edited(12, 71, 'elsewhere'), room: 'random'}});
  assert.deepEqual(ids(conversation), [60, 61]);
  assert.deepEqual(heard, []);
});

test('a change that overtook its message on the way from another node shows the message', () => {
  const conversation = roomWith(message(1));
  state.frame({type: 'new_chat_message', message: reactedTo(2, 3, [{emoji: LIKE, count: 1, users: ['alice']}]),
    reacted: {username: 'Alice', emoji: LIKE, on: true}});
  assert.deepEqual(ids(conversation), [1, 2]);
  assert.deepEqual(reactionsOf(conversation, 2), [{emoji: LIKE, count: 1, users: ['alice'], mine: true}]);
});

test("my reaction is mine as a live change says; another's leaves mine as it was", () => {
  const conversation = roomWith(message(1));
  state.frame({type: 'message_updated', message: reactedTo(1, 2, [{emoji: LIKE, count: 1, users: ['alice']}]),
    reacted: {username: 'ALICE', emoji: LIKE, on: true}});
  assert.deepEqual(reactionsOf(conversation, 1), [{emoji: LIKE, count: 1, users: ['alice'], mine: true}], 'whatever the case of my name');

  // Bob adds the same emoji and another; the frames, read for no one, say nothing of mine.
  state.frame({type: 'message_updated', message: reactedTo(1, 3, [{emoji: LIKE, count: 2, users: ['alice', 'Bob']}]),
    reacted: {username: 'Bob', emoji: LIKE, on: true}});
  state.frame({type: 'message_updated', message: reactedTo(1, 4, [{emoji: LIKE, count: 2, users: ['alice', 'Bob']}, {emoji: '🎉', count: 1, users: ['Bob']}]),
    reacted: {username: 'Bob', emoji: '🎉', on: true}});
  assert.deepEqual(reactionsOf(conversation, 1), [
    {emoji: LIKE, count: 2, users: ['alice', 'Bob'], mine: true},
    {emoji: '🎉', count: 1, users: ['Bob']},
  ]);

  state.frame({type: 'message_updated', message: reactedTo(1, 5, [{emoji: LIKE, count: 1, users: ['Bob']}, {emoji: '🎉', count: 1, users: ['Bob']}]),
    reacted: {username: 'alice', emoji: LIKE, on: false}});
  assert.deepEqual(reactionsOf(conversation, 1).map((r) => r.mine ?? false), [false, false], 'taken back');

  state.frame({type: 'message_updated', message: edited(1, 6, 'edited', {reactions: [{emoji: LIKE, count: 1, users: ['Bob']}]})});
  assert.equal(reactionsOf(conversation, 1)[0].mine, undefined, 'an edit says nothing of reactions: mine stays as it was');
});

test('past the names a reaction lists, only the change that was mine tells that it is mine', () => {
  const users = Array.from({length: 20}, (_, i) => `user${i}`);
  const conversation = roomWith(message(1));
  state.frame({type: 'message_updated', message: reactedTo(1, 2, [{emoji: LIKE, count: 21, users}]), reacted: {username: 'alice', emoji: LIKE, on: true}});
  state.frame({type: 'message_updated', message: reactedTo(1, 3, [{emoji: LIKE, count: 22, users}]), reacted: {username: 'zed', emoji: LIKE, on: true}});
  assert.equal(reactionsOf(conversation, 1)[0].mine, true, "not among the 20 names, and still mine");
});

test('the reactions of whom I block are left out of a live change, which lists them for everyone', () => {
  const conversation = roomWith(message(1));
  state.accountLoaded({friends: [], incoming: [], outgoing: [], blocked: [{id: 3, username: 'Zed', role: 'USER'}], online: []});
  state.frame({type: 'message_updated', message: reactedTo(1, 2, [{emoji: LIKE, count: 2, users: ['Bob', 'zed']}, {emoji: '🎉', count: 1, users: ['zed']}]),
    reacted: {username: 'zed', emoji: '🎉', on: true}});
  assert.deepEqual(reactionsOf(conversation, 1), [{emoji: LIKE, count: 1, users: ['Bob']}], "zed's name and count gone, and the emoji only zed chose");
  state.frame({type: 'message_updated', message: reactedTo(1, 3, [{emoji: '🎉', count: 1, users: ['zed']}]), reacted: {username: 'Bob', emoji: LIKE, on: false}});
  assert.equal(reactionsOf(conversation, 1), undefined, 'nothing left to show');
  assert.deepEqual(named('changed').length, 2, 'each change shown');
});

test('a page or a catch-up is read for me: its mine is the server’s', () => {
  const conversation = roomWith(reactedTo(1, 2, [{emoji: LIKE, count: 1, users: ['Bob']}]));
  state.frame({type: 'message_updated', message: reactedTo(1, 3, [{emoji: LIKE, count: 2, users: ['Bob', 'alice'], mine: true}]), readForMe: true});
  assert.equal(reactionsOf(conversation, 1)[0].mine, true, 'reacted on another device while this page was away');
  state.frame({type: 'message_updated', message: reactedTo(1, 4, [{emoji: LIKE, count: 1, users: ['Bob']}]), readForMe: true});
  assert.equal(reactionsOf(conversation, 1)[0].mine, undefined);
});

test('a reply quotes its original as it now is: edited, or deleted', () => {
  const quote = {id: 1, seq: 1, from: BOB, text: 'm1'};
  const conversation = roomWith(message(1), message(2, ME, 'General', {replyTo: quote}), message(3));
  state.frame({type: 'message_updated', message: edited(1, 4, 'the question, better put')});
  assert.equal(conversation.messages[1].replyTo.text, 'the question, better put');
  assert.deepEqual(named('changed').map(([, , id]) => id), [1, 2]);

  state.frame({type: 'message_deleted', id: 1, room: 'General', seq: 5});
  assert.deepEqual(ids(conversation), [2, 3]);
  assert.deepEqual(conversation.messages[0].replyTo, {id: 1, seq: 1, from: BOB, deleted: true});
  assert.deepEqual(named('changed').map(([, , id]) => id), [1, 2, 2]);
});

test('a quote of a long original keeps as much of it as the server would', () => {
  const conversation = roomWith(message(1), message(2, ME, 'General', {replyTo: {id: 1, seq: 1, from: BOB, text: 'm1'}}));
  state.frame({type: 'message_updated', message: edited(1, 3, '😄'.repeat(250))});
  assert.equal(conversation.messages[1].replyTo.text, '😄'.repeat(200), 'characters, not UTF-16 units');
});

test('a page asked for in a larger size is the oldest when shorter than that size', () => {
  const {conversation} = state.openDirect('Bob');
  state.olderLoaded(conversation, [direct(1, BOB, 'alice'), direct(2, BOB, 'alice'), direct(3, BOB, 'alice')], 200);
  assert.equal(conversation.olderAvailable, false, 'three of 200');
});

test("a private room is listed as such, with its owner and my role, which follows the server's list", () => {
  state.roomsListed([{name: 'General', online: 2}, {name: 'den', online: 0, private: true, role: 'member', createdBy: 'Ann'}]);
  const den = state.rooms.get('#den');
  assert.deepEqual([den.private, den.role, den.owner], [true, 'member', 'Ann']);
  assert.deepEqual([state.rooms.get('#general').private, state.rooms.get('#general').role], [false, null]);

  state.roomsListed([{name: 'General', online: 2}, {name: 'den', online: 0, private: true, role: 'moderator', createdBy: 'Ann'}]);
  assert.equal(state.rooms.get('#den').role, 'moderator');
  const {conversation} = state.openRoom('den');
  assert.equal(state.roomOf(conversation), state.rooms.get('#den'));
  assert.equal(state.roomOf(state.openDirect('Bob').conversation), null);
});

test('an invitation makes the room mine at once, and asks for the list to learn the rest', () => {
  state.frame({type: 'membership', room: 'den', member: true});
  assert.equal(state.rooms.get('#den').mine, true);
  assert.equal(named('roomsChanged').length, 1);
  assert.equal(named('roomsStale').length, 1);
});

test('removed from a private room, it leaves my list and my view; from a public one, only my rooms', () => {
  state.roomsListed([{name: 'General', online: 1}, {name: 'den', online: 1, private: true, role: 'member', createdBy: 'Ann'}]);
  state.openRoom('den');
  state.frame({type: 'silenced', room: 'den', until: new Date(Date.now() + 60_000).toISOString()});
  state.frame({type: 'membership', room: 'den', member: false});
  assert.equal(state.rooms.has('#den'), false);
  assert.equal(state.inViewConversation(), null);
  assert.equal(named('leftElsewhere').length, 1);
  state.frame({type: 'membership', room: 'den', member: true});
  assert.equal(state.silencedUntil(state.openRoom('den').conversation), null, 'a silence goes with the membership');

  state.frame({type: 'membership', room: 'General', member: false});
  assert.equal(state.rooms.get('#general').mine, false);
});

test("a room the server's list no longer has goes, unless the page has a conversation in it", () => {
  state.roomsListed([{name: 'General', online: 1}, {name: 'den', online: 1, private: true}, {name: 'lair', online: 1, private: true}]);
  state.openRoom('lair');
  state.roomsListed([{name: 'General', online: 1}]);
  assert.deepEqual(state.sortedRooms().map((r) => r.name), ['General', 'lair']);
});

test('a silence holds until its time, or until it is lifted; the page is told when, in ms', () => {
  const {conversation} = state.openRoom('den');
  const until = '2030-01-02T03:04:05.123456Z';
  state.frame({type: 'silenced', room: 'Den', until});
  assert.deepEqual(named('silenceChanged'), [['silenceChanged', 'Den', Date.parse(until)]]);
  assert.equal(state.silencedUntil(conversation, Date.parse('2030-01-02T03:00:00Z')), Date.parse(until));
  assert.equal(state.silencedUntil(conversation, Date.parse(until) + 1), null, 'over');
  assert.equal(state.silencedUntil(conversation, Date.parse('2030-01-02T03:00:00Z')), null, 'and forgotten');

  state.frame({type: 'silenced', room: 'den', until});
  state.frame({type: 'silenced', room: 'den'});
  assert.equal(state.silencedUntil(conversation, Date.parse('2030-01-02T03:00:00Z')), null, 'lifted');
  assert.deepEqual(named('silenceChanged').at(-1), ['silenceChanged', 'den', null]);
  assert.equal(state.silencedUntil(state.openDirect('Bob').conversation), null, 'a conversation has no silence');
});

test('every join says whether the user is silenced there: after a reload, and after a lift missed while away', () => {
  const {conversation} = state.openRoom('den');
  const until = '2030-01-02T03:04:05Z';
  state.frame({type: 'room_joined', room: 'den', members: [ME], history: [], silencedUntil: until});
  assert.equal(state.silencedUntil(conversation, Date.parse('2030-01-02T03:00:00Z')), Date.parse(until), 'as a fresh page learns it');
  assert.deepEqual(named('silenceChanged'), [['silenceChanged', 'den', Date.parse(until)]]);

  state.frame({type: 'room_joined', room: 'den', members: [ME], history: [], silencedUntil: until});
  assert.equal(named('silenceChanged').length, 1, 'the same silence again is no news');

  state.frame({type: 'room_joined', room: 'den', members: [ME], history: []});
  assert.equal(state.silencedUntil(conversation, Date.parse('2030-01-02T03:00:00Z')), null, 'lifted meanwhile');
  assert.deepEqual(named('silenceChanged').at(-1), ['silenceChanged', 'den', null]);
  state.frame({type: 'room_joined', room: 'den', members: [ME], history: []});
  assert.equal(named('silenceChanged').length, 2, 'a join of a room where the user may speak says nothing');
});
