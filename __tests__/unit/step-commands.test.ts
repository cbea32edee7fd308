/**
 * src/step-commands.ts writes what @actions/core writes, byte for byte: the same workflow commands on stdout (the
 * same escaping) and the same file commands (the same `name<<ghadelimiter_<uuid>` heredocs), with the same errors.
 * Each implementation runs the same script (__tests__/support/step-commands-script.ts) in its own process; the
 * delimiters are random, so they are compared by form and then replaced by their order of appearance.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { randomUuid } from '../../src/step-commands.js';

const repo = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'tfr-step-commands-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const FILES = ['OUTPUT', 'STATE', 'STEP_SUMMARY'] as const;
const DELIMITER = /ghadelimiter_([0-9a-f-]{36})/g;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Written {
  code: number | null;
  stdout: string;
  files: Record<string, string | undefined>;
}

/** Runs the script with `impl`; `files` says which of the runner's files exist ('missing': named but absent). */
function run(impl: 'core' | 'port', files: 'present' | 'unset' | 'missing'): Written {
  const dir = mkdtempSync(join(temp, `${impl}-`));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    INPUT_MY_INPUT: '  spaced value \n',
    INPUT_OTHER: 'x',
    STATE_RUN: 'tfr-run-1',
  };
  for (const name of FILES) {
    if (files === 'unset') continue;
    const path = join(dir, name.toLowerCase());
    if (files === 'present') writeFileSync(path, name === 'STEP_SUMMARY' ? 'before\n' : '');
    env[`GITHUB_${name}`] = path;
  }
  const r = spawnSync(
    join(repo, 'scripts/node24'),
    ['--import', 'tsx', join(repo, '__tests__/support/step-commands-script.ts'), impl],
    { cwd: repo, encoding: 'utf8', env },
  );
  assert.equal(r.stderr, '', r.stderr);
  const read = (name: string) => {
    try {
      return readFileSync(join(dir, name.toLowerCase()), 'utf8');
    } catch {
      return undefined;
    }
  };
  const written = {
    code: r.status,
    stdout: r.stdout,
    files: Object.fromEntries(FILES.map((f) => [f, read(f)])),
  };
  // The missing files' paths differ between the two runs' directories.
  return JSON.parse(JSON.stringify(written).replaceAll(dir, '<dir>')) as Written;
}

/** Each delimiter is a version-4 UUID, used twice (opening and closing), and replaced by its number. */
function normalised(w: Written): Written {
  const seen = new Map<string, number>();
  const replace = (text: string | undefined) =>
    text?.replace(DELIMITER, (_, uuid: string) => {
      assert.match(uuid, UUID_V4);
      if (!seen.has(uuid)) seen.set(uuid, seen.size);
      return `ghadelimiter_<${seen.get(uuid)}>`;
    });
  return {
    code: w.code,
    stdout: replace(w.stdout)!,
    files: Object.fromEntries(Object.entries(w.files).map(([k, v]) => [k, replace(v)])),
  };
}

for (const files of ['present', 'unset', 'missing'] as const) {
  test(`the same bytes as @actions/core, the runner's files ${files}`, () => {
    const core = run('core', files);
    const port = run('port', files);
    assert.equal(port.code, 1);
    assert.deepEqual(normalised(port), normalised(core));
    if (files === 'present') {
      assert.match(port.files.OUTPUT!, /^errors<<ghadelimiter_/);
      assert.match(port.files.STEP_SUMMARY!, /^before\n# Summary\n/);
      assert.match(port.stdout, /^::add-mask::p%25a:s,s%0Aw%0Dord$/m);
    }
  });
}

test('the delimiters are random version-4 UUIDs, as crypto.randomUUID() makes them', () => {
  assert.equal(randomUuid(Buffer.alloc(16, 0xff)), 'ffffffff-ffff-4fff-bfff-ffffffffffff');
  assert.equal(randomUuid(Buffer.alloc(16, 0)), '00000000-0000-4000-8000-000000000000');
  const many = new Set(Array.from({ length: 100 }, () => randomUuid()));
  assert.equal(many.size, 100);
  for (const uuid of many) assert.match(uuid, UUID_V4);
});
