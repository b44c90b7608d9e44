// The browser's resume logic, with the cases of client-core's ResumeStateTest and RecentIdsTest.

import assert from 'node:assert/strict';
import {beforeEach, test} from 'node:test';
import {directKey, roomKey} from '../../main/webapp/app/channels.js';
import {REMEMBERED, RESUME_OVERLAP, ResumeState} from '../../main/webapp/app/resume.js';

let resume;
beforeEach(() => {
  resume = new ResumeState();
});

test('a message is new only once per channel', () => {
  assert.equal(resume.see(roomKey('general'), 5), true);
  assert.equal(resume.see(roomKey('general'), 5), false);
  assert.equal(resume.see(roomKey('general'), 6), true);
  assert.equal(resume.see(roomKey('general'), 6), false);
  assert.equal(resume.see(directKey('bob'), 5), true, 'another channel keeps its own count');
});

test('a message overtaken by a later one is still new, once', () => {
  // Two nodes store 6 and 7 in that order; the socket hears 7 first, from its own node.
  resume.see(roomKey('general'), 5);
  assert.equal(resume.see(roomKey('general'), 7), true);
  assert.equal(resume.see(roomKey('general'), 6), true, '6 was never delivered');
  assert.equal(resume.see(roomKey('general'), 6), false);
});

test('a new socket asks again for the newest few, so a message overtaken in flight still comes', () => {
  for (let id = 1; id <= 100; id++) if (id !== 90) resume.see(roomKey('general'), id); // 90 was lost with the socket
  const after = resume.resumeAfter(roomKey('general'));
  assert.ok(after < 90, `the new socket asks from ${after}`);
  assert.equal(resume.see(roomKey('general'), 90), true);
  assert.equal(resume.see(roomKey('general'), 95), false, 'what was delivered is dropped as a repeat');
});

test('once a channel remembers its fill of ids, anything older than all of them is a repeat', () => {
  for (let id = 1; id <= REMEMBERED; id++) resume.see(roomKey('general'), id * 10);
  assert.equal(resume.see(roomKey('general'), 15), true, 'between remembered ids: a straggler, new');
  assert.equal(resume.see(roomKey('general'), 10), false, 'the oldest was forgotten to make room');
  assert.equal(resume.see(roomKey('general'), 5), false);
  assert.equal(resume.resumeAfter(roomKey('general')), (REMEMBERED - RESUME_OVERLAP + 1) * 10);
});

test('a channel is the same whatever the case of its name', () => {
  resume.see(roomKey('General'), 5);
  assert.equal(resume.see(roomKey('GENERAL'), 5), false);
  resume.see(directKey('Bob'), 2);
  assert.equal(resume.see(directKey('bob'), 2), false);
});

test('rejoins each room from its last seen id, then resends what was not acknowledged', () => {
  resume.joined('general');
  resume.joined('random');
  resume.see(roomKey('general'), 41);
  const hello = {type: 'new_chat_message', room: 'general', text: 'hello', clientId: 'c-1'};
  const hi = {type: 'new_direct_message', to: 'bob', text: 'hi', clientId: 'c-2'};
  resume.sending('c-1', hello);
  resume.sending('c-2', hi);

  assert.deepEqual(resume.resumeFrames(), [
    {type: 'join_room', room: 'general', after: 41},
    {type: 'join_room', room: 'random', after: undefined},
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
  resume.see(roomKey('general'), 9);
  resume.left('general');

  assert.deepEqual(resume.resumeFrames(), []);
  assert.equal(resume.resumeAfter(roomKey('general')), undefined);
});

test('catches up only on conversations with a message seen', () => {
  resume.see(roomKey('general'), 3);
  resume.see(directKey('bob'), 4);
  assert.deepEqual(resume.conversations(), [directKey('bob')]);
});
