// The browser's resume logic, with the cases of client-core's ResumeStateTest and ReceivedSeqsTest.

import assert from 'node:assert/strict';
import {beforeEach, test} from 'node:test';
import {directKey, roomKey} from '../../main/webapp/app/channels.js';
import {ReceivedSeqs, ResumeState} from '../../main/webapp/app/resume.js';

const numbered = (seq) => ({id: 100 + seq, seq});

let resume;
beforeEach(() => {
  resume = new ResumeState();
});

test('a message is new only once per channel', () => {
  assert.equal(resume.see(roomKey('general'), numbered(5)), true);
  assert.equal(resume.see(roomKey('general'), numbered(5)), false);
  assert.equal(resume.see(roomKey('general'), numbered(6)), true);
  assert.equal(resume.see(roomKey('general'), numbered(6)), false);
  assert.equal(resume.see(directKey('bob'), numbered(5)), true, 'another channel keeps its own count');
});

test('the first message of a channel starts it, and what follows a missing one is a gap', () => {
  const general = roomKey('general');
  resume.see(general, numbered(5));
  assert.equal(resume.hasGap(general), false, 'what came before the first message is history');
  assert.equal(resume.see(general, numbered(7)), true);
  assert.equal(resume.hasGap(general), true, '6 is missing');
  assert.equal(resume.resumeSeq(general), 5);
  assert.equal(resume.highestSeq(general), 7);
  assert.equal(resume.see(general, numbered(6)), true, '6 was overtaken, not lost');
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

test('a channel is the same whatever the case of its name', () => {
  resume.see(roomKey('General'), numbered(5));
  assert.equal(resume.see(roomKey('GENERAL'), numbered(5)), false);
  resume.see(directKey('Bob'), numbered(2));
  assert.equal(resume.see(directKey('bob'), numbered(2)), false);
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
    {type: 'join_room', room: 'general', afterSeq: 41},
    {type: 'join_room', room: 'random', afterSeq: undefined},
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
