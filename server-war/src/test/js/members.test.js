// Whom the members panel lists: the members the server listed and everyone in the room now.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {membersShown} from '../../main/webapp/app/members.js';

const ANN = {id: 1, username: 'ann', displayName: 'ann'};
const BOB = {id: 2, username: 'Bob', displayName: 'Bob'};
const CAT = {id: 3, username: 'cat', displayName: 'cat'};
const DAN = {id: 4, username: 'dan', displayName: 'dan'};

test('every member listed, online as presence says, and those here past the page, by name ignoring case', () => {
  const listed = [
    {user: ANN, role: 'owner', online: false},
    {user: BOB, role: 'moderator', online: true, silencedUntil: '2030-01-02T03:00:00Z'},
    {user: CAT, role: 'member', online: false},
  ];
  const shown = membersShown(listed, [DAN, ANN]);
  assert.deepEqual(shown.map((m) => [m.user.username, m.role, m.online]),
    [['ann', 'owner', true], ['Bob', 'moderator', false], ['cat', 'member', false], ['dan', null, true]]);
  assert.equal(shown[1].silencedUntil, '2030-01-02T03:00:00Z');
});

test('a member here shows the profile presence keeps, which follows changes live', () => {
  const renamed = {...ANN, displayName: 'Ann the Architect'};
  assert.equal(membersShown([{user: ANN, role: 'owner', online: true}], [renamed])[0].user.displayName, 'Ann the Architect');
});
