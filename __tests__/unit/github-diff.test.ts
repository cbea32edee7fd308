import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commentableLines } from '../../src/github/diff.js';

const cases: { name: string; patch: string | undefined; lines: number[] }[] = [
  { name: 'no patch (binary or too large): nothing', patch: undefined, lines: [] },
  { name: 'a new file: every added line', patch: '@@ -0,0 +1,3 @@\n+a\n+b\n+c', lines: [1, 2, 3] },
  {
    name: 'context and added lines count, removed ones do not',
    patch: '@@ -10,4 +10,4 @@ def f():\n ctx10\n-old11\n+new11\n ctx12\n ctx13',
    lines: [10, 11, 12, 13],
  },
  {
    name: 'two hunks, with the gap between them not commentable',
    patch: '@@ -1,2 +1,3 @@\n a\n+b\n c\n@@ -20,2 +21,2 @@\n x\n-y\n+z',
    lines: [1, 2, 3, 21, 22],
  },
  {
    name: '"No newline at end of file" is not a line',
    patch: '@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file',
    lines: [1],
  },
  { name: 'a hunk header without a count', patch: '@@ -3 +3 @@\n-x\n+y', lines: [3] },
  { name: 'a deleted file: nothing on the RIGHT side', patch: '@@ -1,2 +0,0 @@\n-a\n-b', lines: [] },
];

for (const c of cases) {
  test(`commentableLines: ${c.name}`, () => {
    assert.deepEqual(
      [...commentableLines(c.patch)].sort((a, b) => a - b),
      c.lines,
    );
  });
}
