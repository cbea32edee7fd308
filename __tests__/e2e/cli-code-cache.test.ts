/**
 * dist/cli.js runs the CLI's bundle through a V8 code cache it keeps in a private directory of its own: the cache
 * changes nothing in what the CLI prints, a damaged cache is replaced, and a directory others can write is not used
 * (a cache is code: one another user wrote would run as ours).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { bundleOnce, ROOT } from '../support/runner.js';

const temp = mkdtempSync(join(tmpdir(), 'tfr-code-cache-'));
before(() => bundleOnce());
after(() => rmSync(temp, { recursive: true, force: true }));

/** The CLI outside CI, its cache under `cacheRoot`: NODE_COMPILE_CACHE, or the temporary directory when `tmp`. */
function check(
  cacheRoot: string,
  args = ['check', 'examples/hardcoded', '--format', 'json'],
  extra = {},
  tmp = false,
) {
  const {
    NODE_DISABLE_COMPILE_CACHE: _off,
    NODE_COMPILE_CACHE: _dir,
    CI: _ci,
    GITHUB_ACTIONS: _gha,
    ...env
  } = process.env;
  const where = tmp ? { TMPDIR: cacheRoot } : { NODE_COMPILE_CACHE: cacheRoot };
  return spawnSync(join(ROOT, 'scripts/node24'), [join(ROOT, 'dist/cli.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...env, ...where, ...extra, NO_COLOR: '1' },
  });
}

/** The report without its duration, which is all a cache may change. */
const report = (stdout: string): unknown => ({ ...JSON.parse(stdout), durationMs: 0 });

const cachesIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.v8cache'));

test('the first check writes a private cache, the next one reads it, and both print the same report', () => {
  const root = join(temp, 'fresh');
  const first = check(root);
  assert.equal(first.status, 1, first.stderr);
  const dir = join(root, 'twelve-factor-review');
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  const [cache] = cachesIn(dir);
  assert.ok(cache, 'a cache was written');
  assert.equal(statSync(join(dir, cache)).mode & 0o777, 0o600);
  const written = statSync(join(dir, cache)).mtimeMs;

  const second = check(root);
  assert.equal(second.status, 1, second.stderr);
  assert.deepEqual(report(second.stdout), report(first.stdout));
  assert.equal(statSync(join(dir, cache)).mtimeMs, written, 'an accepted cache is not written again');
});

test('a damaged cache is rejected by V8, the run is right, and the cache is made anew', () => {
  const root = join(temp, 'damaged');
  const reference = report(check(root).stdout);
  const dir = join(root, 'twelve-factor-review');
  const [cache] = cachesIn(dir);
  writeFileSync(join(dir, cache!), Buffer.alloc(4096, 7), { mode: 0o600 });
  const run = check(root);
  assert.deepEqual(report(run.stdout), reference, run.stderr);
  assert.ok(statSync(join(dir, cache!)).size > 100_000, 'the cache was made anew');
});

test('a cache directory that others can write is not used', () => {
  const root = join(temp, 'shared');
  const dir = join(root, 'twelve-factor-review');
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777);
  const run = check(root);
  assert.equal(run.status, 1, run.stderr);
  assert.deepEqual(cachesIn(dir), []);
});

test('printing the version writes no cache: the cache holds what an analysis compiles', () => {
  const root = join(temp, 'version');
  const run = check(root, ['--version']);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(cachesIn(join(root, 'twelve-factor-review')), []);
});

test('in CI the temporary directory holds no cache (a runner may keep it for the next job); a named one does', () => {
  const uid = process.getuid!();
  const reference = report(check(join(temp, 'ci-reference')).stdout);
  for (const ci of [{ CI: 'true' }, { GITHUB_ACTIONS: 'true' }]) {
    const root = join(temp, `ci-tmp-${Object.keys(ci)[0]}`);
    mkdirSync(root);
    const run = check(root, undefined, ci, true);
    assert.deepEqual(report(run.stdout), reference, run.stderr);
    assert.deepEqual(readdirSync(root), [], `no cache directory under ${JSON.stringify(ci)}`);
  }
  const outside = join(temp, 'ci-false');
  mkdirSync(outside);
  check(outside, undefined, { CI: 'false' }, true);
  assert.deepEqual(cachesIn(join(outside, `twelve-factor-review-${uid}`)).length, 1, 'CI=false is not CI');
  const named = join(temp, 'ci-named');
  check(named, undefined, { CI: 'true' });
  assert.equal(
    cachesIn(join(named, 'twelve-factor-review')).length,
    1,
    "NODE_COMPILE_CACHE is the user's choice",
  );
});
