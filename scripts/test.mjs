// npm test: every suite, on Node 24, from a clean clone. Installs what the suites need first (npm dependencies;
// a Docker engine and the local test images only when a selected suite needs them), so none is ever skipped.
//
//   npm test                                  every suite
//   npm test -- __tests__/unit/shell.test.ts  the given files (Docker is prepared only for Docker suites)
//   npm run test:unit                         the pure suites, in parallel, without Docker or the bundle
//
// Pure suites (unit, rules, robust) run several files at once. The suites that run the bundle or the Docker engine
// (e2e, docker) run one file at a time after them: they share dist/ and assert on global Docker state (no new
// untagged layers, no containers left behind), so two of them must not overlap.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { ensureDeps, ensureDocker, ROOT } from './ensure-deps.mjs';

const PURE = ['__tests__/unit/**/*.test.ts', '__tests__/rules/**/*.test.ts', '__tests__/robust/**/*.test.ts'];
const INTEGRATION = ['__tests__/e2e/**/*.test.ts', '__tests__/docker/**/*.test.ts'];
const INTEGRATION_DIRS = ['__tests__/e2e/', '__tests__/docker/'];

/** Several pure files at once even on a two-core machine: much of their time is spent waiting on files and children. */
export const PURE_CONCURRENCY = Math.max(4, availableParallelism());

/** Whether a test file (or glob) needs the bundle and possibly Docker, judged by the folder it is in. */
export function isIntegration(file) {
  const rel = relative(ROOT, resolve(ROOT, file)).split(sep).join('/');
  return INTEGRATION_DIRS.some((dir) => rel.startsWith(dir));
}

function runTests(files, concurrency, env = {}) {
  if (files.length === 0) return 0;
  const r = spawnSync(
    join(ROOT, 'scripts/node24'),
    ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } },
  );
  return r.status ?? 1;
}

/** Builds dist/ once for every integration file, so their processes never rebuild it under one another. */
function bundle() {
  const r = spawnSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run bundle failed');
}

function main(args) {
  ensureDeps();
  const unitOnly = args[0] === '--unit';
  const selected = unitOnly ? args.slice(1) : args;
  const pure = selected.length ? selected.filter((f) => !isIntegration(f)) : PURE;
  const integration = unitOnly ? [] : selected.length ? selected.filter(isIntegration) : INTEGRATION;
  if (unitOnly && selected.some(isIntegration)) {
    console.error('test:unit runs pure suites only; run e2e and Docker suites with npm test -- FILE');
    return 2;
  }
  let status = runTests(pure, PURE_CONCURRENCY);
  if (integration.length) {
    ensureDocker();
    bundle();
    status = runTests(integration, 1, { TFR_BUNDLED: '1' }) || status;
  }
  return status;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  process.exitCode = main(process.argv.slice(2));
}
