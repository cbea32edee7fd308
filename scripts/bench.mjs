// Static-analysis timings of the real bundle, whole process included, beside two peer linters on the same inputs
// (dclint for the compose files, dockerfilelint for the Dockerfiles): prints a markdown table of medians, ratios of
// paired runs and the goals; asserts nothing. The action's bundle runs too, as a runner starts it, with the
// smoke test off and nothing to publish to: its static part beside the CLI's.
// Usage: npm run bench [-- --runs N --many N --projects N --no-bundle]
//   --runs N       rounds of the one-project group (default 20); the tree groups get a quarter of that
//   --many N       projects of the small tree, checked in one process with --each (default 38)
//   --projects N   projects of the large tree (default 900)
//   --no-bundle    use dist/ as it is
// Each round runs every command of a group once, in an order that rotates round by round, so a machine that slows
// down weighs on all of them alike; a ratio is the median of the ratios of the same round.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { generateProjects } from './gen-projects.mjs';

const root = resolve(import.meta.dirname, '..');
const node = process.execPath;
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    many: { type: 'string', default: '38' },
    projects: { type: 'string', default: '900' },
    'no-bundle': { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const TREE_RUNS = Math.max(1, Math.ceil(RUNS / 4));
const MANY = Number(values.many);
const PROJECTS = Number(values.projects);
const ONE = 'examples/hardcoded';

if (!existsSync(join(root, ONE))) {
  console.error(`bench: ${ONE} is missing; the benchmark runs it.`);
  process.exit(2);
}
if (!values['no-bundle']) {
  console.log('Bundling dist/ (npm run bundle)...');
  execFileSync('npm', ['run', '--silent', 'bundle'], { cwd: root, stdio: 'inherit' });
}
const cliJs = join(root, 'dist/cli.js');
const dclint = join(root, 'node_modules/dclint/bin/dclint.cjs');
const dockerfilelint = join(root, 'node_modules/dockerfilelint/bin/dockerfilelint');

const work = mkdtempSync(join(tmpdir(), 'tfr-bench-'));
const usageFile = join(work, 'usage.txt');
// CPU time and peak memory of each run as the kernel counted them, by GNU time; without it, each Node process writes
// its own at exit (a preloaded hook, which adds its own start-up to every command alike).
const GNU_TIME = '/usr/bin/time';
const hasGnuTime = spawnSync(GNU_TIME, ['-f', '%M', '-o', usageFile, 'true']).status === 0;
const USAGE_HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    "import { writeFileSync } from 'node:fs';" +
      'process.on("exit", () => { const u = process.resourceUsage();' +
      ' writeFileSync(process.env.TFR_BENCH_USAGE, `${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6} ${u.maxRSS}`); });',
  );

/** One whole process: wall ms (spawn to exit), CPU ms and peak resident memory (MiB). */
function run(command) {
  rmSync(usageFile, { force: true });
  const [file, args] = hasGnuTime
    ? [GNU_TIME, ['-f', '%U %S %M', '-o', usageFile, node, ...command.args]]
    : [node, ['--import', USAGE_HOOK, ...command.args]];
  command.prepare?.();
  const started = process.hrtime.bigint();
  const r = spawnSync(file, args, {
    cwd: command.cwd ?? root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...(command.env ?? process.env), TFR_BENCH_USAGE: usageFile, NO_COLOR: '1' },
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status === null || (command.ok !== 'any' && ![0, 1].includes(r.status)) || !existsSync(usageFile)) {
    throw new Error(`${command.name} exited with ${r.status ?? r.signal}: ${r.stderr.slice(0, 2000)}`);
  }
  // GNU time may print a line of its own first (a non-zero exit): the figures are the last line.
  const [user, system, maxKiB] = readFileSync(usageFile, 'utf8')
    .trim()
    .split('\n')
    .pop()
    .split(' ')
    .map(Number);
  return { wall, cpu: (user + system) * 1000, mib: maxKiB / 1024, stdout: r.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs the group's commands `rounds` times in rotating order (after one warm-up each); samples per command. */
function measure(commands, rounds) {
  for (const c of commands) run(c);
  const samples = commands.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < commands.length; k++) {
      const i = (k + round) % commands.length;
      samples[i].push(run(commands[i]));
    }
  }
  return samples;
}

const ms = (x) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const ratioOf = (a, b) => median(a.map((s, i) => s.wall / b[i].wall));
const rows = [];
function row(input, name, samples, ratios = '', goal = '') {
  rows.push([
    input,
    name,
    ms(median(samples.map((s) => s.wall))),
    ms(median(samples.map((s) => s.cpu))),
    `${Math.round(Math.max(...samples.map((s) => s.mib)))}`,
    ratios,
    goal,
  ]);
}
const verdict = (ok) => (ok ? 'met' : 'NOT MET');
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${availableParallelism()} CPUs`;

// Each peer exits with its own code for findings (dockerfilelint: their number): any exit is a finished run.
const peers = (dir, composeFiles, dockerfiles) => [
  { name: 'dclint', args: [dclint, ...(composeFiles ? composeFiles : ['-r', dir])], ok: 'any' },
  { name: 'dockerfilelint', args: [dockerfilelint, ...dockerfiles], ok: 'any' },
];
const dockerfilesOf = (dir) => readdirSync(dir).map((p) => join(dir, p, 'Dockerfile'));

/**
 * dist/index.js as a runner starts a node24 action (the environment of __tests__/support/runner.ts): a push event,
 * every input at its action.yml default but `smoke: false` and no token (and `fixes: false` unless `fixes`), so the
 * run is the static part alone (analysis, fix proposals, annotations, job summary, outputs, the SARIF file) and
 * publishes nothing. The workspace is a copy of the project; the file commands are emptied before each run.
 */
function actionCommand(project, fixes) {
  const dir = join(work, fixes ? 'runner' : 'runner-no-fixes');
  const workspace = join(dir, 'workspace');
  cpSync(join(root, project), workspace, { recursive: true });
  mkdirSync(join(dir, 'temp'));
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
  };
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'octo/app' } }));
  const inputs = parseYaml(readFileSync(join(root, 'action.yml'), 'utf8')).inputs;
  const given = { smoke: 'false', 'github-token': '', ...(fixes ? {} : { fixes: 'false' }) };
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    // Nothing listens there: a run that tried to publish would fail, not go unnoticed.
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: join(dir, 'temp'),
    ...files,
  };
  for (const [name, input] of Object.entries(inputs))
    env[`INPUT_${name.toUpperCase()}`] = name in given ? given[name] : String(input.default ?? '');
  return {
    name: `dist/index.js (action, smoke off${fixes ? '' : ', fixes off'})`,
    args: [join(root, 'dist/index.js')],
    cwd: workspace,
    env,
    // Exit 1 is the verdict (setFailed) as for the CLI.
    prepare: () => {
      for (const f of Object.values(files)) writeFileSync(f, '');
    },
  };
}

try {
  console.log(`\nNode ${process.version}, ${load()}`);
  console.log(
    `One project: ${RUNS} rounds; trees: ${TREE_RUNS} rounds; after one warm-up run of each command.\n`,
  );

  // One project, beside Node's own start-up and the peers on the same files.
  const one = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'dist/cli.js --version', args: [cliJs, '--version'] },
    { name: `dist/cli.js check ${ONE}`, args: [cliJs, 'check', ONE, '--format', 'json'] },
    // The same check as a fresh machine runs it, without the code cache: the action's counterpart, since a hosted
    // runner starts each job with no cache.
    {
      name: `dist/cli.js check ${ONE} (no code cache)`,
      args: [cliJs, 'check', ONE, '--format', 'json'],
      env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' },
    },
    ...peers(ONE, [join(ONE, 'docker-compose.yml')], [join(ONE, 'Dockerfile')]),
    // The CLI's counterpart of the action's fix proposals: the same engine, the patch on stdout.
    { name: `dist/cli.js fix ${ONE}`, args: [cliJs, 'fix', ONE] },
    {
      name: `dist/cli.js fix ${ONE} (no code cache)`,
      args: [cliJs, 'fix', ONE],
      env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' },
    },
    actionCommand(ONE, false),
    actionCommand(ONE, true),
  ];
  const [bare, version, check, checkCold, dc, dfl, fix, fixCold, actionNoFixes, action] = measure(one, RUNS);
  const checkWall = median(check.map((s) => s.wall));
  const checkVsBare = ratioOf(check, bare);
  row(ONE, 'node -e 0', bare);
  row(ONE, 'dist/cli.js --version', version, `${ratioOf(version, bare).toFixed(2)}× node -e 0`);
  row(
    ONE,
    'dist/cli.js check',
    check,
    `${checkVsBare.toFixed(2)}× node -e 0; ${ratioOf(check, dc).toFixed(2)}× dclint; ${ratioOf(check, dfl).toFixed(2)}× dockerfilelint`,
    `≤ 100 ms: ${verdict(checkWall <= 100)}; ≤ 3× node -e 0: ${verdict(checkVsBare <= 3)}`,
  );
  row(
    ONE,
    'dist/cli.js check, no code cache',
    checkCold,
    `${ratioOf(checkCold, check).toFixed(2)}× dist/cli.js check; ${ratioOf(checkCold, bare).toFixed(2)}× node -e 0`,
  );
  row(ONE, 'dclint (compose file)', dc);
  row(ONE, 'dockerfilelint (Dockerfile)', dfl);
  row(ONE, 'dist/cli.js fix', fix, `${ratioOf(fix, check).toFixed(2)}× dist/cli.js check`);
  row(ONE, 'dist/cli.js fix, no code cache', fixCold, `${ratioOf(fixCold, fix).toFixed(2)}× dist/cli.js fix`);
  // The goal: the action's static part costs what the CLI's does, plus the runner's file commands (5 %). The action
  // keeps no code cache (a self-hosted runner's cache is writable by the code it reviews), and the CLI keeps none in
  // CI for the same reason: the CLI as it runs where the action runs is the one without its cache.
  row(
    ONE,
    'dist/index.js (action, smoke off, fixes off)',
    actionNoFixes,
    `${ratioOf(actionNoFixes, check).toFixed(2)}× dist/cli.js check; ` +
      `${ratioOf(actionNoFixes, checkCold).toFixed(2)}× dist/cli.js check without its code cache; ` +
      `${ratioOf(actionNoFixes, bare).toFixed(2)}× node -e 0`,
    `≤ 1.05× dist/cli.js check in CI (no code cache): ${verdict(ratioOf(actionNoFixes, checkCold) <= 1.05)}`,
  );
  row(
    ONE,
    'dist/index.js (action, smoke off, inputs by default: fixes on)',
    action,
    `${ratioOf(action, fixCold).toFixed(2)}× dist/cli.js fix without its code cache; ` +
      `${ratioOf(action, fix).toFixed(2)}× dist/cli.js fix; ${ratioOf(action, check).toFixed(2)}× dist/cli.js check`,
    `≤ 1.05× dist/cli.js fix in CI (no code cache): ${verdict(ratioOf(action, fixCold) <= 1.05)}`,
  );

  // Trees of generated projects, each checked in one process.
  for (const [count, budgetMs] of [
    [MANY, 1500],
    [PROJECTS, 3000],
  ]) {
    const tree = join(work, `tree-${count}`);
    generateProjects(tree, count);
    const input = `${count} projects`;
    const ours = {
      name: 'dist/cli.js check --each',
      args: [cliJs, 'check', '--each', tree, '--format', 'json'],
    };
    const [mine, dcTree, dflTree] = measure(
      [ours, ...peers(tree, undefined, dockerfilesOf(tree))],
      TREE_RUNS,
    );
    const reports = JSON.parse(mine[0].stdout);
    if (!Array.isArray(reports) || reports.length !== count) {
      throw new Error(`--each reported ${reports.length} projects, not ${count}`);
    }
    const wall = median(mine.map((s) => s.wall));
    const peak = Math.max(...mine.map((s) => s.mib));
    row(
      input,
      'dist/cli.js check --each',
      mine,
      `${ratioOf(mine, dcTree).toFixed(2)}× dclint; ${ratioOf(mine, dflTree).toFixed(2)}× dockerfilelint`,
      `≤ ${ms(budgetMs)}: ${verdict(wall <= budgetMs)}` +
        (count === PROJECTS ? `; < 200 MiB: ${verdict(peak < 200)}` : ''),
    );
    row(input, 'dclint -r', dcTree);
    row(input, 'dockerfilelint', dflTree);
  }

  const header = [
    'input',
    'command',
    'wall (median)',
    'CPU (median)',
    'peak MiB',
    'ratio of paired runs (wall)',
    'goal',
  ];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => ' --- ').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\nAt the end: ${load()}.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
