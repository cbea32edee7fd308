// Static-analysis timings of the real bundle, whole process included: prints figures beside their budgets, asserts
// nothing. Usage: npm run bench (runs `npm run bundle` first; Node is the one running this script, scripts/node24).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const node = process.execPath;
const RUNS = 20;
const PROJECTS = 900;
const BUDGET_PER_PROJECT_MS = 300;
const BUDGET_TREE_MS = 15_000;
const EXAMPLES = ['examples/production', 'examples/hardcoded'];

for (const example of EXAMPLES) {
  if (!existsSync(join(root, example))) {
    console.error(`bench: ${example} is missing; the benchmark runs the examples.`);
    process.exit(2);
  }
}

console.log('Bundling dist/ (npm run bundle)...');
execFileSync('npm', ['run', '--silent', 'bundle'], { cwd: root, stdio: 'inherit' });
const cliJs = join(root, 'dist/cli.js');

/** Wall time of one process, start to exit, in ms. */
function time(args, options = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(node, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`${args.join(' ')} exited with ${r.status ?? r.signal}: ${r.stderr.slice(0, 2000)}`);
  }
  return { ms, stdout: r.stdout };
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p90: at(0.9) };
}

const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const verdict = (ms, budget) => (ms <= budget ? 'within budget' : 'OVER BUDGET');

// Wall times scale with the machine's load: say what it was, so figures from a busy machine are read as such.
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${availableParallelism()} CPUs`;
console.log(`\nNode ${process.version} (${node}), ${load()}`);
console.log(`${RUNS} runs each, interleaved so both see the same machine load.\n`);

// Interleaved: Node's own start-up beside the whole check, in the same conditions.
const bare = [];
const check = [];
let findings = 0;
time(['-e', '0']);
time([cliJs, 'check', 'examples/production', '--format', 'json']);
for (let i = 0; i < RUNS; i++) {
  bare.push(time(['-e', '0']).ms);
  const r = time([cliJs, 'check', 'examples/production', '--format', 'json']);
  check.push(r.ms);
  findings = JSON.parse(r.stdout).findings.length;
}
const b = stats(bare);
const c = stats(check);
const rows = [
  ['node -e 0', b, ''],
  [
    'node dist/cli.js check examples/production --format json',
    c,
    `budget ${BUDGET_PER_PROJECT_MS} ms incl. Node start: p90 ${verdict(c.p90, BUDGET_PER_PROJECT_MS)}`,
  ],
];
for (const [name, s, note] of rows) {
  console.log(
    `${name.padEnd(58)} median ${fmt(s.median).padStart(7)}  p90 ${fmt(s.p90).padStart(7)}  ${note}`,
  );
}
console.log(
  `${'  the check beyond Node start-up (medians)'.padEnd(58)} ${fmt(c.median - b.median).padStart(14)}`,
);
console.log(`${'  findings on examples/production'.padEnd(58)} ${String(findings).padStart(14)}`);

// One call over a tree of 900 apps, half of each example.
const tree = mkdtempSync(join(tmpdir(), 'tfr-bench-'));
try {
  const started = process.hrtime.bigint();
  for (let i = 0; i < PROJECTS; i++) {
    const example = EXAMPLES[i % EXAMPLES.length];
    const name = `${example.split('/').pop()}-${String(i).padStart(3, '0')}`;
    cpSync(join(root, example), join(tree, 'apps', name), { recursive: true });
  }
  const genMs = Number(process.hrtime.bigint() - started) / 1e6;
  const r = time([cliJs, 'check', tree, '--format', 'json']);
  const report = JSON.parse(r.stdout);
  console.log(
    `\n${`check of ${PROJECTS} projects in one call (tree made in ${fmt(genMs)})`.padEnd(58)} ` +
      `${fmt(r.ms).padStart(14)}  budget ${fmt(BUDGET_TREE_MS)}: ${verdict(r.ms, BUDGET_TREE_MS)}`,
  );
  console.log(
    `${'  per project'.padEnd(58)} ${`${(r.ms / PROJECTS).toFixed(1)} ms`.padStart(14)}  ` +
      `${report.findings.length} findings`,
  );
} finally {
  rmSync(tree, { recursive: true, force: true });
}
console.log(`\nAt the end: ${load()}.`);
