import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpusFixtures, scoreFixture } from '../support/corpus.js';

// Each corpus fixture reproduces a layout seen in real repositories; its expected findings were written first.
for (const name of corpusFixtures()) {
  test(`corpus ${name}: exactly the expected findings`, async () => {
    const s = await scoreFixture(name);
    assert.deepEqual(
      { missing: s.missing, unexpected: s.unexpected, wrongMessages: s.wrongMessages },
      { missing: [], unexpected: [], wrongMessages: [] },
    );
  });
}

test('the corpus holds at least 25 fixtures', () => {
  assert.ok(corpusFixtures().length >= 25, `${corpusFixtures().length} fixtures`);
});
