// Enter sends, Shift+Enter starts a new line, and an input method's Enter only ends its composition.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {sendsOnEnter} from '../../main/webapp/app/keys.js';

const key = (key, more = {}) => ({key, shiftKey: false, isComposing: false, keyCode: key === 'Enter' ? 13 : 65, ...more});

test('Enter sends', () => {
  assert.equal(sendsOnEnter(key('Enter')), true);
});

test('Shift+Enter starts a new line instead', () => {
  assert.equal(sendsOnEnter(key('Enter', {shiftKey: true})), false);
});

test('the Enter that ends a composition does not send, however the browser tells it', () => {
  assert.equal(sendsOnEnter(key('Enter', {isComposing: true})), false);
  assert.equal(sendsOnEnter(key('Enter', {keyCode: 229})), false, "Safari's, after compositionend");
});

test('other keys only type', () => {
  assert.equal(sendsOnEnter(key('a')), false);
  assert.equal(sendsOnEnter(key('Escape')), false);
});
