// Runs the action's main job on an example project the way a GitHub runner does: the committed bundle
// dist/index.js under Node 24, with INPUT_* from action.yml's defaults and the runner's file commands.
// Usage: npm run demo [-- DIR] (default examples/hardcoded). Output goes to .tfr-out/.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureDeps, ensureDocker } from './ensure-deps.mjs';

const root = resolve(import.meta.dirname, '..');
const dir = process.argv[2] ?? 'examples/hardcoded';
const out = join(root, '.tfr-out');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'temp'), { recursive: true });

ensureDeps();
// The smoke test needs a Docker engine and, with no registry reachable, the local base images.
ensureDocker();
const { parse } = await import('yaml');

const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
const env = { ...process.env };
for (const [name, input] of Object.entries(action.inputs)) {
  const value = String(input.default ?? '').includes('${{') ? '' : String(input.default ?? '');
  env[`INPUT_${name.toUpperCase()}`] = value;
}
Object.assign(env, {
  'INPUT_WORKING-DIRECTORY': dir,
  'INPUT_SARIF-FILE': '.tfr-out/twelve-factor-review.sarif',
  // Examples build FROM ${BASE_IMAGE}; here it is the local Debian image, since no registry is reachable.
  'INPUT_BUILD-ARGS': 'BASE_IMAGE=tfr-test/django-base:bookworm',
  'INPUT_POSTGRES-IMAGE': 'tfr-test/postgres:15',
  'INPUT_FAIL-ON': 'never',
});
writeFileSync(join(out, 'event.json'), JSON.stringify({ inputs: {}, ref: 'refs/heads/main' }));
for (const f of ['output', 'summary.md', 'state', 'env', 'path']) writeFileSync(join(out, f), '');
Object.assign(env, {
  CI: 'true',
  GITHUB_ACTIONS: 'true',
  GITHUB_EVENT_NAME: 'workflow_dispatch',
  GITHUB_EVENT_PATH: join(out, 'event.json'),
  GITHUB_WORKSPACE: root,
  GITHUB_REPOSITORY: 'example/twelve-factor-demo',
  GITHUB_SHA: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(),
  GITHUB_REF: 'refs/heads/main',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_RUN_ID: '1',
  GITHUB_OUTPUT: join(out, 'output'),
  GITHUB_STEP_SUMMARY: join(out, 'summary.md'),
  GITHUB_STATE: join(out, 'state'),
  GITHUB_ENV: join(out, 'env'),
  GITHUB_PATH: join(out, 'path'),
  RUNNER_TEMP: join(out, 'temp'),
  RUNNER_OS: 'Linux',
  RUNNER_ARCH: 'X64',
});

const node = join(root, 'scripts/node24');
const main = spawnSync(node, [join(root, 'dist/index.js')], { cwd: root, env, stdio: 'inherit' });
// The post step runs after the main step, as on a runner: it removes anything a killed main step left behind.
const state = readFileSync(join(out, 'state'), 'utf8');
const post = spawnSync(node, [join(root, 'dist/post.js')], {
  cwd: root,
  env: {
    ...env,
    ...Object.fromEntries(Object.entries(fileCommand(state)).map(([k, v]) => [`STATE_${k}`, v])),
  },
  stdio: 'inherit',
});
console.log(`\nmain step exit code ${main.status}, post step exit code ${post.status}`);
console.log('outputs:');
for (const [name, value] of Object.entries(fileCommand(readFileSync(join(out, 'output'), 'utf8')))) {
  console.log(`  ${name}: ${value}`);
}
console.log(`job summary: .tfr-out/summary.md`);
process.exitCode = main.status ?? 1;

/** GITHUB_OUTPUT and GITHUB_STATE hold `name<<delimiter\nvalue\ndelimiter` records. */
function fileCommand(text) {
  const values = {};
  for (const m of text.matchAll(/^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) values[m[1]] = m[3];
  return values;
}
