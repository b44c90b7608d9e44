// Who reacted, in the words of a reaction's tooltip.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isMine, reactionsAsSeen, whoReacted} from '../../main/webapp/app/reactions.js';

test('who reacted: the names the server lists, and how many more there are past them', () => {
  assert.equal(whoReacted({count: 1, users: ['ann']}), 'ann');
  assert.equal(whoReacted({count: 2, users: ['ann', 'bob']}), 'ann and bob');
  assert.equal(whoReacted({count: 3, users: ['ann', 'bob', 'cleo']}), 'ann, bob and cleo');
  const twenty = Array.from({length: 20}, (_, i) => `u${i}`);
  assert.equal(whoReacted({count: 23, users: twenty}), `${twenty.join(', ')} and 3 more`);
});

test('a reaction is mine only with its own emoji', () => {
  const message = {reactions: [{emoji: '👍', count: 2, users: ['ann', 'me'], mine: true}, {emoji: '🎉', count: 1, users: ['ann']}]};
  assert.equal(isMine(message, '👍'), true);
  assert.equal(isMine(message, '🎉'), false);
  assert.equal(isMine({}, '👍'), false, 'no reactions at all');
});

test('the users one blocks are left out of what a live change lists: names, counts, an emoji only they chose', () => {
  const blocks = (name) => name.toLowerCase() === 'zed';
  const twenty = Array.from({length: 19}, (_, i) => `u${i}`).concat('Zed');
  const live = [{emoji: '👍', count: 25, users: twenty}, {emoji: '🎉', count: 1, users: ['zed']}, {emoji: '🔥', count: 1, users: ['ann']}];
  assert.deepEqual(reactionsAsSeen([], live, {reacted: {username: 'zed', emoji: '🎉', on: true}}, 'me', blocks), [
    {emoji: '👍', count: 24, users: twenty.slice(0, 19)},
    {emoji: '🔥', count: 1, users: ['ann']},
  ], 'past the names listed, the others stay counted');
  assert.equal(reactionsAsSeen([], [{emoji: '🎉', count: 1, users: ['zed']}], {}, 'me', blocks), undefined);
  assert.deepEqual(reactionsAsSeen([], live, {}, 'me'), live, 'blocking no one, all of them');
});
