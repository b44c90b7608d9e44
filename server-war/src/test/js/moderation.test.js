// What the page offers a user in a room, by how they stand in it, and what it says of a silence.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {actionsOn, powersIn, silenceNotice} from '../../main/webapp/app/moderation.js';

const USER = {username: 'bob', role: 'USER'};
const ADMIN = {username: 'root', role: 'ADMIN'};
const CAT = {username: 'cat', role: 'USER'};
const privateRoom = (role) => ({private: true, role, owner: 'Ann'});
/** A member the members list has not said anything of yet (role null), or as it says (role, silencedUntil). */
const unlisted = (user) => ({user, role: null});
const NOW = Date.parse('2030-01-02T03:00:00Z');
const offered = (member, room, me) => actionsOn(member.user ? member : unlisted(member), room, me, powersIn(room, me), NOW)
  .map((a) => [a.verb, a.minutes]);

test('the owner and the moderators moderate; the owner alone names moderators; an admin does all of it', () => {
  assert.deepEqual(powersIn(privateRoom('owner'), USER), {moderates: true, namesModerators: true, invites: true});
  assert.deepEqual(powersIn(privateRoom('moderator'), USER), {moderates: true, namesModerators: false, invites: true});
  assert.deepEqual(powersIn(privateRoom('member'), USER), {moderates: false, namesModerators: false, invites: false});
  assert.deepEqual(powersIn(privateRoom(null), ADMIN), {moderates: true, namesModerators: true, invites: true});
  assert.deepEqual(powersIn(null, USER), {moderates: false, namesModerators: false, invites: false}, 'no room known');
});

test('no one is invited to a public room, which anyone may join; its owner still moderates it', () => {
  assert.deepEqual(powersIn({private: false, role: 'owner', owner: 'bob'}, USER), {moderates: true, namesModerators: true, invites: false});
});

test('the owner is offered every action on a member; a moderator all but naming moderators', () => {
  assert.deepEqual(offered(CAT, privateRoom('owner'), USER),
    [['moderator', undefined], ['member', undefined], ['silence', 10], ['silence', 60], ['silence', 1440], ['silence', 0], ['remove', undefined]]);
  assert.deepEqual(offered(CAT, privateRoom('moderator'), USER),
    [['silence', 10], ['silence', 60], ['silence', 1440], ['silence', 0], ['remove', undefined]]);
  assert.deepEqual(offered(CAT, privateRoom('member'), USER), [], 'a member moderates no one');
});

test('nothing is offered on oneself, on the owner whatever the case of the name, nor on a service', () => {
  assert.deepEqual(offered({username: 'BOB', role: 'USER'}, privateRoom('owner'), USER), []);
  assert.deepEqual(offered({username: 'ann', role: 'USER'}, privateRoom('moderator'), USER), []);
  assert.deepEqual(offered({username: 'ann', role: 'USER'}, privateRoom(null), ADMIN), [], 'not even for an admin');
  assert.deepEqual(offered({username: 'deploy-bot', role: 'SERVICE'}, privateRoom('owner'), USER), []);
});

test('as the members list says they stand: a moderator named or unnamed, a silence lifted where one holds', () => {
  const member = {user: CAT, role: 'member'};
  assert.deepEqual(offered(member, privateRoom('owner'), USER),
    [['moderator', undefined], ['silence', 10], ['silence', 60], ['silence', 1440], ['remove', undefined]]);
  assert.deepEqual(offered({...member, silencedUntil: '2030-01-02T04:00:00Z'}, privateRoom('moderator'), USER),
    [['silence', 10], ['silence', 60], ['silence', 1440], ['silence', 0], ['remove', undefined]]);
  assert.deepEqual(offered({...member, silencedUntil: '2030-01-02T02:00:00Z'}, privateRoom('moderator'), USER),
    [['silence', 10], ['silence', 60], ['silence', 1440], ['remove', undefined]], 'a silence that is over');
  const moderator = {user: CAT, role: 'moderator'};
  assert.deepEqual(offered(moderator, privateRoom('owner'), USER),
    [['member', undefined], ['silence', 10], ['silence', 60], ['silence', 1440], ['remove', undefined]]);
  assert.deepEqual(offered(moderator, privateRoom('moderator'), USER), [], 'a moderator is the owner\'s to silence and remove');
  assert.deepEqual(offered({user: {username: 'zed', role: 'USER'}, role: 'owner'}, privateRoom(null), ADMIN), [], 'the owner, as the list says');
});

test('each action asks the server its route and says what it did', async () => {
  const asked = [];
  const api = new Proxy({}, {get: (_, name) => async (...args) => asked.push([name, ...args])});
  const actions = actionsOn(unlisted(CAT), privateRoom('owner'), USER, powersIn(privateRoom('owner'), USER));
  for (const action of actions) await action.run(api, 'den', 'cat');
  assert.deepEqual(asked, [
    ['moderator', 'den', 'cat', true], ['moderator', 'den', 'cat', false],
    ['silence', 'den', 'cat', 10], ['silence', 'den', 'cat', 60], ['silence', 'den', 'cat', 1440], ['silence', 'den', 'cat', 0],
    ['removeMember', 'den', 'cat'],
  ]);
  assert.deepEqual(actions.map((a) => a.done('cat')), [
    'cat is a moderator now.', 'cat is no longer a moderator.',
    'cat is silenced for 10 minutes.', 'cat is silenced for 1 hour.', 'cat is silenced for 1 day.', 'cat may speak again.',
    'cat was removed.',
  ]);
});

test('a silence says until when, by the clock; its end says so', () => {
  const until = new Date();
  until.setHours(14, 5, 0, 0);
  assert.match(silenceNotice('den', until.getTime()), /^You are silenced in #den until .*\b(14|02)\D05\b.*\.$/);
  assert.equal(silenceNotice('den', null), 'You may speak again in #den.');
});
