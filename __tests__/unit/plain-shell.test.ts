import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { plainCommands } from '../../src/parse/plain-shell.js';
import { parseShell, parseShellFully } from '../../src/parse/shell.js';

const piece = fc.constantFrom(
  'pip',
  'install',
  'pkg==1.0',
  '-r',
  'requirements.txt',
  'exec',
  '-a',
  'name',
  'gunicorn',
  'sh',
  '/bin/bash',
  'if',
  'done',
  'export',
  'A=1',
  'x+=2',
  '==x',
  'a,b',
  'u@h:p',
  '50%',
  '.',
  '-',
  '--',
  ' ',
  ' ',
  '\t',
  '\n',
  ';',
  ';;',
  '&&',
  '||',
  '|',
  '&',
  '|&',
  ' \\\n',
  '\\\n',
  '\\',
  '#',
  '$X',
  '"q"',
  "'q'",
  '>',
  '*',
);

test('a plain script reads as the full parser reads it, and anything else is left to the full parser', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 24 }), fc.integer({ min: 1, max: 50 }), (pieces, firstLine) => {
      const text = pieces.join('');
      const full = parseShellFully(text, firstLine);
      if (plainCommands(text) === undefined) return;
      assert.equal(full.parseError, undefined, `the full parser rejects ${JSON.stringify(text)}`);
      assert.deepEqual(parseShell(text, firstLine), full, JSON.stringify(text));
    }),
    { numRuns: 4000 },
  );
});

test('the fast reading covers the plain RUN lines of a Dockerfile, not quoting or expansion', () => {
  assert.ok(
    plainCommands(
      'pip install --no-cache-dir -r requirements.txt && \\\n    python manage.py collectstatic --noinput',
    ),
  );
  assert.ok(plainCommands('apt-get update\napt-get install -y libpq5 | tee log'));
  for (const text of [
    'echo "$HOME"',
    'A=1 cmd',
    'if true; then x; fi',
    'cmd > out',
    'ls *.py',
    'a & b',
    'x # c',
    'a\\\nb',
  ])
    assert.equal(plainCommands(text), undefined, text);
});
