// The browser's resume logic, with the cases of client-core's ResumeStateTest and ReceivedSeqsTest, and
// what pages and catch-ups tell the page once changes to messages take numbers too.

import assert from 'node:assert/strict';
import {beforeEach, test} from 'node:test';
import {directKey, roomKey} from '../../main/webapp/app/channels.js';
import {ReceivedSeqs, ResumeState, Seen, frameFor, pageEnd} from '../../main/webapp/app/resume.js';

const numbered = (seq) => ({id: 100 + seq, seq});
/** The message of seq `seq`, changed since: `changedSeq` is its last change's number. */
const changed = (seq, changedSeq) => ({id: 100 + seq, seq, changedSeq, room: 'general', text: `edited ${seq}`});
const tombstone = (seq, changedSeq) => ({id: 100 + seq, seq, changedSeq, room: 'general', deleted: true});

let resume;
beforeEach(() => {
  resume = new ResumeState();
});

test('a message is new only once per channel', () => {
  assert.equal(resume.see(roomKey('general'), numbered(5)), Seen.NEW);
  assert.equal(resume.see(roomKey('general'), numbered(5)), Seen.REPEAT);
  assert.equal(resume.see(roomKey('general'), numbered(6)), Seen.NEW);
  assert.equal(resume.see(roomKey('general'), numbered(6)), Seen.REPEAT);
  assert.equal(resume.see(directKey('bob'), numbered(5)), Seen.NEW, 'another channel keeps its own count');
});

test('the first message of a channel starts it, and what follows a missing one is a gap', () => {
  const general = roomKey('general');
  resume.see(general, numbered(5));
  assert.equal(resume.hasGap(general), false, 'what came before the first message is history');
  assert.equal(resume.see(general, numbered(7)), Seen.NEW);
  assert.equal(resume.hasGap(general), true, '6 is missing');
  assert.equal(resume.resumeSeq(general), 5);
  assert.equal(resume.highestSeq(general), 7);
  assert.equal(resume.see(general, numbered(6)), Seen.NEW, '6 was overtaken, not lost');
  assert.equal(resume.hasGap(general), false);
  assert.equal(resume.resumeSeq(general), 7);
});

test('a complete page fills the gaps it skipped', () => {
  // 6 and 8 were deleted: a page after 5 brings 7 and 9 only, and is complete up to 9.
  const general = roomKey('general');
  for (const seq of [5, 10, 7, 9]) resume.see(general, numbered(seq));
  resume.completeThrough(general, 9);
  assert.equal(resume.hasGap(general), false);
  assert.equal(resume.resumeSeq(general), 10);
});

test('received seqs: a late arrival closes the gap, and completing fills only below its seq', () => {
  const seqs = new ReceivedSeqs(10);
  assert.equal(seqs.add(12), true);
  assert.equal(seqs.add(12), false, 'received beyond the gap, so a repeat');
  assert.equal(seqs.add(11), true);
  assert.equal(seqs.through, 12);
  seqs.add(15);
  seqs.add(17);
  seqs.completeThrough(14);
  assert.equal(seqs.through, 15, '15 follows the completed range');
  assert.equal(seqs.hasGap(), true, '16 is still missing');
  assert.equal(seqs.add(13), false, 'below a completed range: a repeat');
});

test('a change to a message is a number of its own, and comes once', () => {
  const general = roomKey('general');
  resume.see(general, numbered(5));
  assert.equal(resume.see(general, changed(5, 6)), Seen.CHANGED, 'an edit of 5 is 6');
  assert.equal(resume.see(general, changed(5, 6)), Seen.REPEAT);
  assert.equal(resume.see(general, changed(7, 9)), Seen.NEW, 'a message not seen yet, changed since: the change overtook it');
  assert.equal(resume.hasGap(general), true, '8 is missing');
  assert.equal(resume.seeChange(general, 8), true, "a deletion's number");
  assert.equal(resume.seeChange(general, 8), false);
  assert.equal(resume.hasGap(general), false);
  assert.equal(resume.resumeSeq(general), 9);
  assert.equal(resume.see(general, numbered(7)), Seen.REPEAT, 'the original, after its change');
});

test('a channel first met through a change starts at its message, which is news', () => {
  const bob = directKey('bob');
  assert.equal(resume.see(bob, changed(3, 4)), Seen.NEW, "bob's new message, edited, came before the message itself");
  assert.equal(resume.see(bob, numbered(3)), Seen.REPEAT, 'the message itself is no news then');
  assert.equal(resume.resumeSeq(bob), 4);
});

test("a first join's newest page is all history to show, complete up to its highest number", () => {
  // 51 was edited after 52 and 53 were sent: its seq is the page's lowest, its change the highest.
  const general = roomKey('general');
  const page = [changed(51, 54), numbered(52), numbered(53)];
  assert.deepEqual(resume.roomPage(general, page), {history: page, changes: [], cursor: 54});
  assert.equal(resume.resumeSeq(general), 54);
  assert.equal(resume.hasGap(general), false);
});

test('a catch-up shows the messages new here and tells of the changes to the others, in its order', () => {
  const general = roomKey('general');
  resume.roomPage(general, [numbered(1), numbered(2), numbered(3)]);
  // After 3: 4 sent; 2 reacted to (5); 4 edited (6); 1 deleted (7); 2 again (8), whose 5 is overtaken.
  const catchUp = [tombstone(1, 7), changed(4, 6), changed(2, 8)];

  const {history, changes} = resume.roomPage(general, catchUp);

  assert.deepEqual(history, [changed(4, 6)], 'new here, as it now is');
  assert.deepEqual(changes, [
    {type: 'message_deleted', id: 101, seq: 7, messageSeq: 1, room: 'general'},
    {type: 'message_updated', message: changed(2, 8)},
  ]);
  assert.equal(resume.resumeSeq(general), 8, 'complete up to its last number, 5 included');
  assert.deepEqual(resume.roomPage(general, [changed(2, 8)]), {history: [], changes: [], cursor: 8}, 'a repeat tells nothing');
});

test("a page ends at its highest number, which for a catch-up is its last message's latest", () => {
  assert.equal(pageEnd([]), 0);
  assert.equal(pageEnd([changed(51, 54), numbered(52), numbered(53)]), 54);
  assert.equal(pageEnd([changed(2, 5), numbered(6), changed(1, 7)]), 7);
});

test('what a message received tells the page', () => {
  const room = roomKey('general');
  assert.equal(frameFor(room, numbered(4), Seen.REPEAT), null);
  assert.deepEqual(frameFor(room, {...numbered(4), room: 'general'}, Seen.NEW), {type: 'new_chat_message', message: {...numbered(4), room: 'general'}});
  assert.deepEqual(frameFor(room, changed(4, 9), Seen.CHANGED), {type: 'message_updated', message: changed(4, 9)});
  assert.deepEqual(frameFor(room, tombstone(4, 9), Seen.CHANGED), {type: 'message_deleted', id: 104, seq: 9, messageSeq: 4, room: 'general'});
  const direct = {id: 7, seq: 3, changedSeq: 5, to: 'alice', deleted: true};
  assert.deepEqual(frameFor(directKey('Bob'), direct, Seen.CHANGED), {type: 'message_deleted', id: 7, seq: 5, messageSeq: 3, with: 'bob'},
    "a conversation's tombstone names no sender: the channel says who it is with");
  assert.deepEqual(frameFor(directKey('bob'), {id: 8, seq: 6, to: 'bob', from: {id: 1}}, Seen.NEW).type, 'new_direct_message');
});

test('a channel is the same whatever the case of its name', () => {
  resume.see(roomKey('General'), numbered(5));
  assert.equal(resume.see(roomKey('GENERAL'), numbered(5)), Seen.REPEAT);
  resume.see(directKey('Bob'), numbered(2));
  assert.equal(resume.see(directKey('bob'), numbered(2)), Seen.REPEAT);
});

test('rejoins each room after the seq it has everything up to, then resends what was not acknowledged', () => {
  resume.joined('general');
  resume.joined('random');
  resume.see(roomKey('general'), numbered(41));
  resume.see(roomKey('general'), numbered(43));
  const hello = {type: 'new_chat_message', room: 'general', text: 'hello', clientId: 'c-1'};
  const hi = {type: 'new_direct_message', to: 'bob', text: 'hi', clientId: 'c-2'};
  resume.sending('c-1', hello);
  resume.sending('c-2', hi);

  assert.deepEqual(resume.resumeFrames(), [
    {type: 'join_room', room: 'general', afterSeq: 41, changes: true},
    {type: 'join_room', room: 'random'},
    hello,
    hi,
  ]);
});

test('an answered send is not sent again', () => {
  resume.sending('c-1', {type: 'new_chat_message', room: 'general', text: 'hello', clientId: 'c-1'});
  assert.equal(resume.answered('c-1'), true);
  assert.equal(resume.answered('c-1'), false, 'a second answer to the same send is a repeat');
  assert.equal(resume.answered(undefined), false);
  assert.deepEqual(resume.resumeFrames(), []);
});

test('a room left is neither rejoined nor remembered', () => {
  resume.joined('general');
  resume.see(roomKey('general'), numbered(9));
  resume.left('general');

  assert.deepEqual(resume.resumeFrames(), []);
  assert.equal(resume.resumeSeq(roomKey('general')), undefined);
});

test('catches up only on conversations with a message seen', () => {
  resume.see(roomKey('general'), numbered(3));
  resume.see(directKey('bob'), numbered(4));
  assert.deepEqual(resume.conversations(), [directKey('bob')]);
});

test('a socket opening rejoins the rooms the server lists and forgets ones left on another device', () => {
  for (const room of ['general', 'random']) {
    resume.joined(room);
    resume.answeredJoin(room);
  }
  resume.joined('just-now');

  assert.deepEqual(resume.memberOf(['General', 'elsewhere']), ['random'], 'left on another device');

  assert.equal(resume.isIn('general'), true);
  assert.equal(resume.isIn('elsewhere'), true, 'joined on another device');
  assert.equal(resume.isIn('just-now'), true, "a join not answered yet is the user's own, and stays");
  assert.equal(resume.isIn('random'), false);
});
