// The text conventions as the browser reads them: the cases both apps share, and hostile input that
// would cost a backtracking parser minutes.

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {parse} from '../../main/webapp/app/format.js';

/** The desktop's ConventionsTest reads the same file from its classpath. */
const shared = JSON.parse(readFileSync(new URL('../../../../test-support/src/main/resources/chat/testing/text-conventions.json', import.meta.url), 'utf8'));
const emoji = new Map(Object.entries(shared.emoji));

for (const {about, text, blocks} of shared.cases) {
  test(`shared case: ${about}`, () => assert.deepEqual(parse(text, emoji), blocks));
}

test('hostile runs of markers take time in proportion to their length', () => {
  const hostile = ['*a ', '_a ', '**a ', '` `` ``` ', ':a', 'https://', '*a _b **c `d ', '```\n', '> *', '- _'];
  for (const unit of hostile) {
    const text = unit.repeat(Math.ceil(100_000 / unit.length));
    const started = performance.now();
    parse(text, emoji);
    const took = performance.now() - started;
    assert.ok(took < 1_000, `${JSON.stringify(unit)} x ${text.length / unit.length}: ${took} ms`);
  }
});
