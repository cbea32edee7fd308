import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compareText } from '../../src/util/compare-text.js';

const sign = (n: number) => Math.sign(n);

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 12,
});
// Few characters, so that strings often share a prefix or differ in case only.
const pathLike = fc.string({
  unit: fc.constantFrom('a', 'A', 'b', 'B', '-', '.', '/', '_', '0', '1', ' '),
  maxLength: 8,
});

test('compareText orders printable ASCII exactly as localeCompare does', () => {
  for (const arb of [printable, pathLike]) {
    fc.assert(
      fc.property(arb, arb, (a, b) => sign(compareText(a, b)) === sign(a.localeCompare(b))),
      { numRuns: 5000 },
    );
  }
});

test('compareText: every pair of one or two printable characters as localeCompare', () => {
  const chars = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
  const words = [...chars, ...chars.flatMap((c) => ['a', 'Z', '-', '.', '1'].map((d) => c + d))];
  for (const a of words)
    for (const b of words) assert.equal(sign(compareText(a, b)), sign(a.localeCompare(b)), `${a} ${b}`);
});

test('compareText: paths as the report sorts them, case and punctuation before the code-point order', () => {
  const files = [
    'mysite/settings.py',
    'Dockerfile',
    'docker-compose.yml',
    '.env',
    'requirements.txt',
    'Makefile',
  ];
  assert.deepEqual([...files].sort(compareText), [
    '.env',
    'docker-compose.yml',
    'Dockerfile',
    'Makefile',
    'mysite/settings.py',
    'requirements.txt',
  ]);
});

test('compareText: text outside printable ASCII is left to localeCompare', () => {
  for (const [a, b] of [
    ['é', 'f'],
    ['Straße', 'Strasse'],
    ['a\tb', 'a b'],
    ['ä', 'a'],
  ])
    assert.equal(sign(compareText(a, b)), sign(a.localeCompare(b)), `${a} ${b}`);
});
