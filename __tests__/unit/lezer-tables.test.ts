/**
 * The bundles carry the Python grammar's parse tables decoded at build time, and leave its editor highlighting out
 * (scripts/lezer-tables.mjs): the parser built from them holds the same tables as @lezer/python's own and parses to
 * the same trees.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { parser as original } from '@lezer/python';
import type { LRParser } from '@lezer/lr';

const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(join(ROOT, 'package.json'));
const temp = mkdtempSync(join(tmpdir(), 'tfr-lezer-tables-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const { preDecodedTables, withoutHighlighting } = (await import(join(ROOT, 'scripts/lezer-tables.mjs'))) as {
  preDecodedTables(source: string): string;
  withoutHighlighting(source: string): string;
};
const SOURCE = readFileSync(require.resolve('@lezer/python').replace(/\.js$/, '.cjs'), 'utf8');

/** The transformed module, as the bundles carry it, loaded from a file of its own with its imports resolved. */
function loadTransformed(): LRParser {
  const text = preDecodedTables(withoutHighlighting(SOURCE)).replace(
    /require\((['"])(@lezer\/\w+)\1\)/g,
    (_, _quote, name: string) => `require(${JSON.stringify(require.resolve(name))})`,
  );
  const file = join(temp, 'python.cjs');
  writeFileSync(file, text);
  return (createRequire(file)(file) as { parser: LRParser }).parser;
}

interface Tables {
  states: Uint32Array;
  data: Uint16Array;
  goto: Uint16Array;
  tokenizers: { data?: Uint16Array }[];
}

test('the pre-decoded tables are the ones @lezer/lr decodes, and no encoded table is left', () => {
  assert.doesNotMatch(preDecodedTables(SOURCE), /\b(states|stateData|goto|tokenData): "/);
  const mine = loadTransformed() as unknown as Tables;
  const theirs = original as unknown as Tables;
  assert.ok(mine.states instanceof Uint32Array && mine.data instanceof Uint16Array);
  assert.deepEqual(mine.states, theirs.states);
  assert.deepEqual(mine.data, theirs.data);
  assert.deepEqual(mine.goto, theirs.goto);
  assert.deepEqual(
    mine.tokenizers.map((t) => t.data),
    theirs.tokenizers.map((t) => t.data),
  );
});

test('the parser built from them parses to the same trees', () => {
  const mine = loadTransformed();
  const texts = [
    readFileSync(join(ROOT, 'examples/hardcoded/mysite/settings.py'), 'utf8'),
    'import os\nDEBUG = os.environ.get("DEBUG", "0") == "1"\nclass A:\n    def f(self, *a, **k):\n        return f"{a!r}"\n',
    'x = [\n  1,\n  2,  # comment\n]\nif x:\n\tpass\nelse:\n  y = lambda: (yield)\n',
  ];
  for (const text of texts) assert.equal(mine.parse(text).toString(), original.parse(text).toString());
});

test('a source without the encoded tables is refused, so a changed @lezer/python fails the build', () => {
  assert.throws(() => preDecodedTables('export const parser = null;'), /expected 4 encoded tables, found 0/);
});

test('the highlighting is left out of both module formats, and a source without it is refused', () => {
  const esm = readFileSync(require.resolve('@lezer/python').replace(/\.cjs$/, '.js'), 'utf8');
  for (const source of [SOURCE, esm]) assert.doesNotMatch(withoutHighlighting(source), /highlight|styleTags/);
  assert.throws(
    () => withoutHighlighting('export const parser = null;'),
    /its highlighting cannot be left out/,
  );
});
