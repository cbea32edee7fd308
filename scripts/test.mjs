// npm test: every suite, on Node 24, from a clean clone. Installs what the suites need first (npm dependencies,
// a Docker engine and the local test images), so none of them is ever skipped for want of it.
// Extra arguments select test files: npm test -- __tests__/unit/shell.test.ts
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureDeps, ensureDocker, ROOT } from './ensure-deps.mjs';

ensureDeps();
ensureDocker();
const files = process.argv.slice(2);
const r = spawnSync(
  join(ROOT, 'scripts/node24'),
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    ...(files.length ? files : ['__tests__/**/*.test.ts']),
  ],
  { cwd: ROOT, stdio: 'inherit' },
);
process.exitCode = r.status ?? 1;
