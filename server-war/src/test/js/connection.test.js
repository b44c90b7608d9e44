// What the connection hands the page of changes to messages, live and from pages, without a socket:
// frames are handed to it as a socket would, and REST is a stand-in that answers pages.

import assert from 'node:assert/strict';
import {afterEach, beforeEach, mock, test} from 'node:test';
import {ChatConnection} from '../../main/webapp/app/connection.js';

const ME = {id: 1, username: 'alice'};
const BOB = {id: 2, username: 'bob'};

const sent = (seq) => ({id: 100 + seq, seq, room: 'general', from: BOB, text: `m${seq}`});
const changed = (seq, changedSeq) => ({...sent(seq), changedSeq, text: `edited ${seq}`});
const tombstone = (seq, changedSeq) => ({id: 100 + seq, seq, changedSeq, room: 'general', deleted: true});

let frames;
let asked;

/** Lets a fill that nothing awaits run to its end (its pages are answered at once). */
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** A connection as after its welcome, with pages of `maxHistoryPage` 2 answered from `pages` by afterSeq. */
function connection(pages = {}) {
  const api = {
    roomMessages: async (room, page) => {
      asked.push(page);
      return pages[page.afterSeq] ?? [];
    },
  };
  const chat = new ChatConnection(api, {onFrame: (frame) => frames.push(frame), onState: () => {}});
  chat.me = ME;
  chat.limits = {maxHistoryPage: 2};
  return chat;
}

beforeEach(() => {
  frames = [];
  asked = [];
  // The gap checks wait on timers, which none of these tests lets run.
  mock.timers.enable({apis: ['setTimeout']});
});

afterEach(() => mock.timers.reset());

test("a fill pages on after the greater number of each page's last message, and tells of each change", async () => {
  // After 3: 4 sent, 2 edited (5), 4 reacted to (6), 1 deleted (7), 8 sent. A page after a seq is in
  // the order of each message's latest number.
  const chat = connection({3: [changed(2, 5), changed(4, 6)], 6: [tombstone(1, 7), sent(8)]});
  chat.handle({type: 'room_joined', room: 'general', members: [], history: [sent(1), sent(2), sent(3)]});
  frames = [];

  await chat.fill('#general', 'general');

  assert.deepEqual(asked.map((page) => page.afterSeq), [3, 6, 8], "after 6, not after 4, the last message's seq");
  assert.deepEqual(frames, [
    {type: 'message_updated', message: changed(2, 5), readForMe: true},
    {type: 'new_chat_message', message: changed(4, 6), readForMe: true},
    {type: 'message_deleted', id: 101, seq: 7, messageSeq: 1, room: 'general', readForMe: true},
    {type: 'new_chat_message', message: sent(8), readForMe: true},
  ]);
  assert.deepEqual(asked.map((page) => page.changes), [true, true, true], 'the changes are asked for');
  assert.equal(chat.resume.resumeSeq('#general'), 8);
});

test("a live change is handed on once, with whose reaction it was; a deletion's number closes a gap", () => {
  const chat = connection();
  chat.handle({type: 'room_joined', room: 'general', members: [], history: [sent(1), sent(2)]});
  const reacted = {username: 'bob', emoji: '👍', on: true};
  chat.handle({type: 'message_updated', message: changed(1, 3), reacted});
  chat.handle({type: 'message_updated', message: changed(1, 3), reacted});
  chat.handle({type: 'message_deleted', id: 102, room: 'general', seq: 5});
  assert.equal(chat.resume.hasGap('#general'), true, '4 is missing');
  chat.handle({type: 'message_updated', message: changed(1, 4)});

  assert.deepEqual(frames.slice(1), [
    {type: 'message_updated', message: changed(1, 3), reacted},
    {type: 'message_deleted', id: 102, room: 'general', seq: 5},
    {type: 'message_updated', message: changed(1, 4), reacted: undefined},
  ]);
  assert.equal(chat.resume.hasGap('#general'), false);
  assert.equal(chat.resume.resumeSeq('#general'), 5);
});

test("a rejoin's catch-up shows what is new in the room, then what changed, read for me", () => {
  const chat = connection();
  chat.handle({type: 'room_joined', room: 'general', members: [], history: [sent(1), sent(2)]});
  chat.handle({type: 'room_joined', room: 'general', members: [ME], history: [sent(3), changed(1, 4), tombstone(2, 5)]});

  assert.deepEqual(frames.slice(1), [
    {type: 'room_joined', room: 'general', members: [ME], history: [sent(3)]},
    {type: 'message_updated', message: changed(1, 4), readForMe: true},
    {type: 'message_deleted', id: 102, seq: 5, messageSeq: 2, room: 'general', readForMe: true},
  ]);
});

test('a catch-up cut short is complete up to nothing until the rest is in, so a message changed after it comes as news', async () => {
  // After 3: 4 sent, 5 sent, then 4 reacted to (7) after 6 was sent. The catch-up is cut after 6: 4 is
  // in what remains, and must come as a message to show.
  const chat = connection({6: [changed(4, 7)]});
  chat.handle({type: 'room_joined', room: 'general', members: [], history: [sent(1), sent(2), sent(3)]});
  chat.handle({type: 'room_joined', room: 'general', members: [], history: [sent(5), sent(6)], more: true});
  assert.equal(chat.resume.resumeSeq('#general'), 3, 'not complete through 6: 4 is still to come');
  await flush();
  assert.deepEqual(asked.map((page) => page.afterSeq), [6], 'the rest, from where the catch-up stopped');
  assert.deepEqual(frames.at(-1), {type: 'new_chat_message', message: changed(4, 7), readForMe: true});
  assert.equal(chat.resume.resumeSeq('#general'), 7);
});
