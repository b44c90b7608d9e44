// The attachments of a message being written: uploads a few at a time, a send that waits for them, and
// what a failure, a removal or the limit of files does to it.

import assert from 'node:assert/strict';
import {beforeEach, test} from 'node:test';
import {FILES_PER_MESSAGE, PendingUploads, UPLOADS_AT_ONCE} from '../../main/webapp/app/uploads.js';

/** A server the test answers: each upload waits until the test says how it ended. */
class Transport {
  constructor() {
    this.uploads = []; // {name, progress, resolve, reject, aborted}
    this.discarded = [];
  }

  upload(file, name, progress) {
    const upload = {name, progress, aborted: false};
    upload.done = new Promise((resolve, reject) => Object.assign(upload, {resolve, reject}));
    this.uploads.push(upload);
    return {done: upload.done, abort: () => {
      upload.aborted = true;
      upload.reject({code: 'aborted'});
    }};
  }

  discard(id) {
    this.discarded.push(id);
    return Promise.resolve();
  }

  running() {
    return this.uploads.filter((u) => !u.settled).map((u) => u.name);
  }

  /** Ends the named upload as the server would: stored as a File, or refused. */
  async finish(name, id) {
    const upload = this.last(name);
    upload.settled = true;
    upload.resolve({id, name, type: 'text/plain', size: 3});
    await settle();
  }

  async refuse(name, failure) {
    const upload = this.last(name);
    upload.settled = true;
    upload.reject(failure);
    await settle();
  }

  last(name) {
    return this.uploads.findLast((u) => u.name === name);
  }
}

/** Lets the promise callbacks of what just ended run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));
const file = (name, size = 3) => ({file: {size, type: 'text/plain'}, name});

let transport;
let told;
let later;
let pending;
beforeEach(() => {
  transport = new Transport();
  told = {delivered: [], released: []};
  later = [];
  pending = new PendingUploads(transport, {
    changed: () => {},
    deliver: (text, ids, replyTo) => told.delivered.push({text, ids, replyTo}),
    released: (why, text) => told.released.push({why, text}),
  }, (run, ms) => later.push({run, ms}));
});

const states = () => pending.items.map((i) => `${i.name}:${i.state}`);

test('uploads run a few at a time, in the order attached, each counting its bytes', async () => {
  assert.equal(UPLOADS_AT_ONCE, 2);
  pending.add([file('a'), file('b'), file('c')]);
  assert.deepEqual(states(), ['a:uploading', 'b:uploading', 'c:queued']);
  transport.last('a').progress(2);
  assert.equal(pending.items[0].sent, 2);

  await transport.finish('a', 11);
  assert.deepEqual(states(), ['a:done', 'b:uploading', 'c:uploading']);
  assert.equal(pending.items[0].uploaded.id, 11);
  assert.equal(pending.unfinished(), 2);
});

test('a send with every upload done goes at once, with the files in the order attached', async () => {
  pending.add([file('a'), file('b')]);
  await transport.finish('b', 22);
  await transport.finish('a', 21);

  assert.equal(pending.send('the notes', 5), 'sent');
  assert.deepEqual(told.delivered, [{text: 'the notes', ids: [21, 22], replyTo: 5}]);
  assert.deepEqual(pending.items, [], 'the next message starts without attachments');
});

test('a send while uploads run waits for them, then goes; its text may be empty once it has files', async () => {
  pending.add([file('a'), file('b')]);
  await transport.finish('a', 1);
  assert.equal(pending.send('', undefined), 'waiting');
  assert.deepEqual(pending.held, {text: '', replyTo: undefined});
  assert.deepEqual(told.delivered, []);

  await transport.finish('b', 2);
  assert.deepEqual(told.delivered, [{text: '', ids: [1, 2], replyTo: undefined}]);
  assert.equal(pending.held, null);
});

test('nothing to send is no send', () => {
  assert.equal(pending.send('', undefined), 'empty');
  assert.equal(pending.send('hello', undefined), 'sent', 'text alone goes as it always did');
  assert.deepEqual(told.delivered, [{text: 'hello', ids: [], replyTo: undefined}]);
});

test('a failed upload shows its refusal and is never sent: the send it held is released, and no send goes until it is removed', async () => {
  pending.add([file('a'), file('big')]);
  pending.send('both', undefined);
  await transport.refuse('big', {code: 'payload_too_large', message: 'a file is at most 26214400 bytes'});

  assert.deepEqual(states(), ['a:uploading', 'big:failed']);
  assert.equal(pending.items[1].error.code, 'payload_too_large');
  assert.deepEqual(told.released, [{why: 'failed', text: 'both'}]);
  await transport.finish('a', 1);
  assert.deepEqual(told.delivered, [], 'a finished upload does not send what was released');
  assert.equal(pending.send('both', undefined), 'failed');

  pending.remove(pending.items[1].key);
  assert.equal(pending.send('just one', undefined), 'sent');
  assert.deepEqual(told.delivered, [{text: 'just one', ids: [1], replyTo: undefined}]);
});

test('removing a running upload aborts it and the next queued one starts; removing a finished one deletes it on the server', async () => {
  pending.add([file('a'), file('b'), file('c')]);
  pending.remove(pending.items[0].key);
  assert.equal(transport.last('a').aborted, true);
  await settle();
  assert.deepEqual(states(), ['b:uploading', 'c:uploading']);

  await transport.finish('b', 2);
  pending.remove(pending.items[0].key);
  assert.deepEqual(transport.discarded, [2]);
  assert.deepEqual(states(), ['c:uploading']);
});

test('a removal while a send waits releases it, nothing sent, whatever is left', async () => {
  pending.add([file('a'), file('b')]);
  await transport.finish('a', 1);
  pending.send('look', 9);
  pending.remove(pending.items[1].key);

  assert.deepEqual(told.released, [{why: 'removed', text: 'look'}]);
  assert.equal(pending.held, null);
  assert.deepEqual(told.delivered, []);
  assert.deepEqual(states(), ['a:done']);
});

test('an upload whose answer beat its abort is deleted on the server', async () => {
  pending.add([file('a')]);
  const upload = transport.last('a');
  upload.reject = () => {}; // the server had answered: the abort changes nothing
  pending.remove(pending.items[0].key);
  upload.resolve({id: 5});
  await settle();
  assert.deepEqual(transport.discarded, [5]);
  assert.deepEqual(pending.items, []);
});

test('a message takes at most ten files: those past it are left out and counted', () => {
  assert.equal(FILES_PER_MESSAGE, 10);
  assert.equal(pending.add(Array.from({length: 8}, (_, i) => file(`f${i}`))), 0);
  assert.equal(pending.add([file('x'), file('y'), file('z')]), 1);
  assert.equal(pending.items.length, 10);
  assert.deepEqual(pending.items.slice(-2).map((i) => i.name), ['x', 'y']);
  assert.equal(pending.add([file('w')]), 1);
});

test('a refusal to wait a moment (one upload too many at once) is waited out and tried again, a few times', async () => {
  pending.add([file('a')]);
  await transport.refuse('a', {code: 'rate_limited', retryAfterSeconds: 1});
  assert.deepEqual(states(), ['a:queued']);
  assert.deepEqual(later.map((l) => l.ms), [1000]);
  assert.deepEqual(transport.running(), []);

  later.shift().run();
  assert.deepEqual(states(), ['a:uploading']);
  await transport.refuse('a', {code: 'rate_limited', retryAfterSeconds: 1});
  later.shift().run();
  await transport.refuse('a', {code: 'rate_limited', retryAfterSeconds: 1});
  assert.deepEqual(states(), ['a:failed'], 'the third refusal stands');

  pending.add([file('day')]);
  await transport.refuse('day', {code: 'rate_limited', retryAfterSeconds: 3600});
  assert.deepEqual(states(), ['a:failed', 'day:failed'], 'the day\'s bytes are not waited for');
});

test('discarding everything aborts what runs and deletes what is done', async () => {
  pending.add([file('a'), file('b')]);
  await transport.finish('a', 1);
  pending.discardAll();
  assert.equal(transport.last('b').aborted, true);
  assert.deepEqual(transport.discarded, [1]);
  assert.deepEqual(pending.items, []);
});
