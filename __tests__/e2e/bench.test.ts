/**
 * `npm run bench` runs end to end on tiny inputs (timings are printed, never asserted), and the project trees it
 * measures are the same bytes on every run and machine.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { bundleOnce, ROOT } from '../support/runner.js';

const temp = mkdtempSync(join(tmpdir(), 'tfr-bench-'));
before(() => bundleOnce());
after(() => rmSync(temp, { recursive: true, force: true }));

test('the benchmark prints one row per command and input, with the peers beside us and the goals', () => {
  const r = spawnSync(
    join(ROOT, 'scripts/node24'),
    ['scripts/bench.mjs', '--runs', '1', '--many', '2', '--projects', '3', '--no-bundle'],
    { cwd: ROOT, encoding: 'utf8', timeout: 240_000 },
  );
  assert.equal(r.status, 0, r.stderr);
  const rows = r.stdout.split('\n').filter((l) => /^\| (examples|\d+ projects)/.test(l));
  const cells = rows.map((l) => l.split(' | ').map((c) => c.replace(/^\| /, '')));
  assert.deepEqual(
    cells.map((c) => `${c[0]}: ${c[1]}`),
    [
      'examples/hardcoded: node -e 0',
      'examples/hardcoded: dist/cli.js --version',
      'examples/hardcoded: dist/cli.js check',
      'examples/hardcoded: dist/cli.js check, no code cache',
      'examples/hardcoded: dclint (compose file)',
      'examples/hardcoded: dockerfilelint (Dockerfile)',
      'examples/hardcoded: dist/cli.js fix',
      'examples/hardcoded: dist/cli.js fix, no code cache',
      'examples/hardcoded: dist/index.js (action, smoke off, fixes off)',
      'examples/hardcoded: dist/index.js (action, smoke off, inputs by default: fixes on)',
      '2 projects: dist/cli.js check --each',
      '2 projects: dclint -r',
      '2 projects: dockerfilelint',
      '3 projects: dist/cli.js check --each',
      '3 projects: dclint -r',
      '3 projects: dockerfilelint',
    ],
  );
  for (const c of cells) assert.match(c[2], /^\d+ (ms|s)$/, c.join(' | '));
  assert.match(rows[2], /× node -e 0; [\d.]+× dclint; [\d.]+× dockerfilelint \| ≤ 100 ms: (met|NOT MET)/);
  // The action's static part, run as a runner starts it, against the CLI on the same project: without fixes against
  // check, with them against fix.
  // A fresh runner has no code cache: the CLI's check without one stands beside it.
  assert.match(rows[3], /[\d.]+× dist\/cli\.js check; [\d.]+× node -e 0/);
  assert.match(rows[7], /[\d.]+× dist\/cli\.js fix/);
  // The action keeps no code cache, nor does the CLI in CI: the goals are against the CLI without its cache.
  assert.match(
    rows[8],
    /[\d.]+× dist\/cli\.js check; [\d.]+× dist\/cli\.js check without its code cache; [\d.]+× node -e 0 \| ≤ 1\.05× dist\/cli\.js check in CI \(no code cache\): (met|NOT MET)/,
  );
  assert.match(
    rows[9],
    /[\d.]+× dist\/cli\.js fix without its code cache; [\d.]+× dist\/cli\.js fix; [\d.]+× dist\/cli\.js check \| ≤ 1\.05× dist\/cli\.js fix in CI \(no code cache\): (met|NOT MET)/,
  );
  assert.match(rows[13], /≤ 3000 ms: (met|NOT MET); < 200 MiB: (met|NOT MET)/);
});

test('the generated project trees are the same bytes for the same count and seed', async () => {
  const { generateProjects } = (await import(join(ROOT, 'scripts/gen-projects.mjs'))) as {
    generateProjects: (dir: string, count: number, seed?: number) => string[];
  };
  const read = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const path = join(e.parentPath, e.name);
        return [path.slice(dir.length), readFileSync(path, 'utf8')];
      })
      .sort();
  const a = generateProjects(join(temp, 'a'), 12);
  generateProjects(join(temp, 'b'), 12);
  assert.equal(a.length, 12);
  assert.deepEqual(read(join(temp, 'a')), read(join(temp, 'b')));
  generateProjects(join(temp, 'c'), 12, 2);
  assert.notDeepEqual(read(join(temp, 'a')), read(join(temp, 'c')), 'another seed, other projects');
  const kinds = new Set(read(join(temp, 'a')).map(([p]) => p.split('/').slice(2).join('/')));
  for (const file of [
    'Dockerfile',
    'manage.py',
    'mysite/settings.py',
    'requirements.txt',
    'docker-compose.yml',
  ])
    assert.ok(kinds.has(file), `${file} in ${[...kinds].join(' ')}`);
});
