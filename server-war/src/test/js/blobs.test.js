// blob: URLs loaded once while shown, and revoked once they are not: memory bounded by what is in view.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {BlobUrls, RELEASED} from '../../main/webapp/app/blobs.js';

/** A URL maker that counts what it made and what was revoked. */
function urls() {
  const made = [];
  const revoked = [];
  return {made, revoked, createObjectURL: (blob) => made.push(blob) && `blob:${made.length}`, revokeObjectURL: (url) => revoked.push(url)};
}

/** A loader whose loads the test ends: load(key) is answered by resolve(key, blob) or reject(key, failure). */
function loader() {
  const waiting = new Map();
  const loads = [];
  return {
    loads,
    load: (key) => new Promise((resolve, reject) => {
      loads.push(key);
      waiting.set(key, {resolve, reject});
    }),
    resolve: (key, blob) => waiting.get(key).resolve(blob),
    reject: (key, failure) => waiting.get(key).reject(failure),
  };
}

test('bytes are loaded once however often they are drawn, and their URL revoked when released', async () => {
  const made = urls();
  const bytes = loader();
  const blobs = new BlobUrls(bytes.load, made);
  const first = blobs.url(7);
  const again = blobs.url(7);
  bytes.resolve(7, 'png bytes');
  assert.equal(await first, 'blob:1');
  assert.equal(await again, 'blob:1');
  assert.equal(await blobs.url(7), 'blob:1');
  assert.deepEqual(bytes.loads, [7]);
  assert.equal(blobs.loaded(7), 'blob:1', 'drawn again: shown at once');
  assert.equal(blobs.loaded(8), null);

  blobs.release(7);
  assert.equal(blobs.loaded(7), null);
  assert.deepEqual(made.revoked, ['blob:1']);
  blobs.url(7);
  assert.deepEqual(bytes.loads, [7, 7], 'drawn again after release: loaded again');
});

test('bytes released while on their way never get a URL', async () => {
  const made = urls();
  const bytes = loader();
  const blobs = new BlobUrls(bytes.load, made);
  const late = blobs.url(1);
  blobs.release(1);
  bytes.resolve(1, 'bytes');
  await assert.rejects(late, (e) => e === RELEASED);
  assert.deepEqual(made.made, []);
  assert.deepEqual(made.revoked, []);
});

test('releasing all revokes every URL made, and a failure is loaded again next time', async () => {
  const made = urls();
  const bytes = loader();
  const blobs = new BlobUrls(bytes.load, made);
  const one = blobs.url(1);
  const two = blobs.url(2);
  const three = blobs.url(3);
  bytes.resolve(1, 'a');
  bytes.resolve(2, 'b');
  bytes.reject(3, {code: 'not_found'});
  await one;
  await two;
  await assert.rejects(three, {code: 'not_found'});

  blobs.releaseAll();
  assert.deepEqual(made.revoked.sort(), ['blob:1', 'blob:2']);
  blobs.url(3);
  assert.deepEqual(bytes.loads, [1, 2, 3, 3]);
});
