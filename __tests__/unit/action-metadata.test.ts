/**
 * action.yml, the README's tables and the code agree: every input is documented and read by inputs.ts (and nothing
 * else is read), every output is documented and set by the code (and nothing else is set). The lists come from
 * action.yml, so a new input or output needs no change here.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { readInputs } from '../../src/inputs.js';

const root = join(import.meta.dirname, '..', '..');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: unknown }>;
  outputs: Record<string, { description: string }>;
};
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Name → description of the rows of a README table between <!-- NAME:start --> and <!-- NAME:end -->. */
function readmeTable(name: string): Map<string, string> {
  const m = new RegExp(`<!-- ${name}:start -->([\\s\\S]*?)<!-- ${name}:end -->`).exec(readme);
  assert.ok(m, `README.md has a ${name} table`);
  const rows = new Map<string, string>();
  for (const line of m[1].split('\n')) {
    const row = /^\| `([^`]+)` \| (.*?) \|/.exec(line);
    if (row) rows.set(row[1], row[2]);
  }
  return rows;
}

const unescape = (md: string) => md.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
const sorted = (names: Iterable<string>) => [...names].sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}
const sources = sourceFiles(join(root, 'src')).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

test('every input of action.yml is in the README table with its description, and only those', () => {
  const table = readmeTable('inputs');
  assert.deepEqual(sorted(table.keys()), sorted(Object.keys(action.inputs)));
  for (const [name, input] of Object.entries(action.inputs))
    assert.equal(unescape(table.get(name)!), input.description.trim(), `README description of ${name}`);
});

test('every output of action.yml is in the README table with its description, and only those', () => {
  const table = readmeTable('outputs');
  assert.deepEqual(sorted(table.keys()), sorted(Object.keys(action.outputs)));
  for (const [name, output] of Object.entries(action.outputs))
    assert.equal(unescape(table.get(name)!), output.description.trim(), `README description of ${name}`);
});

test('inputs.ts reads every input of action.yml, and no input action.yml does not declare', () => {
  const asked = new Set<string>();
  readInputs((name) => {
    asked.add(name);
    const d = action.inputs[name]?.default;
    return d === undefined ? '' : String(d).replace('${{ github.token }}', 'ghs_token');
  });
  assert.deepEqual(sorted(asked), sorted(Object.keys(action.inputs)));
});

test('inputs are read in inputs.ts only', () => {
  const elsewhere = sources.filter((s) => !s.file.endsWith('/src/inputs.ts') && /\bgetInput\(/.test(s.text));
  assert.deepEqual(
    elsewhere.map((s) => s.file),
    [],
  );
});

test('the code sets every output of action.yml, and no output action.yml does not declare', () => {
  const set = new Set(
    sources.flatMap((s) => [...s.text.matchAll(/\bsetOutput\(\s*'([^']+)'/g)].map((m) => m[1])),
  );
  assert.deepEqual(sorted(set), sorted(Object.keys(action.outputs)));
});
