// Files in the words the page shows them: sizes, icons, the names of pasted pictures, a preview's size.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {attachedAs, filesSummary, humanSize, iconFor, pastedName, previewSize} from '../../main/webapp/app/files.js';

test('a size reads in bytes, KB, MB or GB, with one decimal below ten', () => {
  assert.equal(humanSize(0), '0 B');
  assert.equal(humanSize(1023), '1023 B');
  assert.equal(humanSize(1024), '1 KB');
  assert.equal(humanSize(1536), '1.5 KB');
  assert.equal(humanSize(10 * 1024 + 300), '10 KB');
  assert.equal(humanSize(1024 * 1024 - 1), '1 MB', 'rounding up to 1024 KB reads as the next unit');
  assert.equal(humanSize(25 * 1024 * 1024), '25 MB');
  assert.equal(humanSize(3.25 * 1024 ** 3), '3.3 GB');
  assert.equal(humanSize(2048 * 1024 ** 3), '2048 GB', 'no unit past GB');
});

test('an icon by the type the server read', () => {
  assert.equal(iconFor('image/png'), '🖼️');
  assert.equal(iconFor('application/pdf'), '📕');
  assert.equal(iconFor('text/plain'), '📄');
  assert.equal(iconFor('application/zip'), '🗜️');
  assert.equal(iconFor('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), '📊');
  assert.equal(iconFor('application/octet-stream'), '📎', 'anything else');
  assert.equal(iconFor(undefined), '📎', 'a type not known yet');
});

test('a pasted picture is named for the moment it was pasted, by the user clock, with its type extension', () => {
  const at = new Date(2026, 0, 5, 9, 7, 3); // 5 January 2026, 09:07:03 local time
  assert.equal(pastedName(at, 'image/png'), 'pasted-image-20260105-090703.png');
  assert.equal(pastedName(at, 'image/jpeg'), 'pasted-image-20260105-090703.jpg');
  assert.equal(pastedName(at, 'image/avif'), 'pasted-image-20260105-090703.avif');
});

test('only a picture pasted under the browser own name is renamed; dropped and picked files keep theirs', () => {
  const now = new Date(2026, 11, 8, 23, 59, 59);
  const screenshot = new File(['x'], 'image.png', {type: 'image/png'});
  const photo = new File(['x'], 'holiday.jpg', {type: 'image/jpeg'});
  const text = new File(['x'], 'notes.txt', {type: 'text/plain'});
  assert.deepEqual(attachedAs([screenshot, photo, text], {pasted: true, now}).map((a) => a.name),
    ['pasted-image-20261208-235959.png', 'holiday.jpg', 'notes.txt']);
  assert.deepEqual(attachedAs([screenshot], {now}).map((a) => a.name), ['image.png'], 'picked, not pasted');
  assert.equal(attachedAs([photo])[0].file, photo);
});

test('a preview is drawn at its picture size, shrunk to fit 320 pixels, never grown', () => {
  assert.deepEqual(previewSize({width: 1600, height: 1200}), {width: 320, height: 240});
  assert.deepEqual(previewSize({width: 600, height: 2400}), {width: 80, height: 320});
  assert.deepEqual(previewSize({width: 100, height: 50}), {width: 100, height: 50});
  assert.deepEqual(previewSize({width: 10_000, height: 1}), {width: 320, height: 1}, 'never thinner than a pixel');
});

test('a message without text is told by its files', () => {
  assert.equal(filesSummary([{name: 'plan.pdf'}]), '📎 plan.pdf');
  assert.equal(filesSummary([{name: 'a.png'}, {name: 'b.png'}, {name: 'c.txt'}]), '📎 3 files');
});
