// npm test: every suite, on Node 24, from a clean clone. Installs what the suites need first (npm dependencies;
// a Docker engine and the local test images only when a selected suite needs them), so none is ever skipped.
//
//   npm test                                  every suite
//   npm test -- __tests__/unit/shell.test.ts  the given files (Docker is prepared only for Docker suites)
//   npm run test:unit                         the pure suites, in parallel, without Docker, Chromium or the bundle
//
// Pure suites (unit, rules, robust) run first, in one process per core. The suites that run the bundle or the Docker
// engine (e2e, docker) run one file at a time after them: they share dist/ and assert on global Docker state (no new
// untagged layers, no containers left behind), so two of them must not overlap. The screenshot suite renders the
// examples' comments with headless Chromium (installed with apt-get when missing, like Docker) and runs last.
import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { ensureChromium, ensureDeps, ensureDocker, ROOT } from './ensure-deps.mjs';

const PURE_DIRS = ['__tests__/unit', '__tests__/rules', '__tests__/robust'];
const INTEGRATION_DIRS = ['__tests__/e2e', '__tests__/docker'];
const SCREENSHOT_DIRS = ['__tests__/screenshots'];

/** One test process per core (at least two): the pure files are shared out among them by size. */
const SHARDS = Math.max(2, availableParallelism());

/** Whether a test file (or glob) needs the bundle and possibly Docker, judged by the folder it is in. */
export function isIntegration(file) {
  return inDirs(file, INTEGRATION_DIRS);
}

/** Whether a test file needs headless Chromium (the screenshot suite). */
export function isScreenshot(file) {
  return inDirs(file, SCREENSHOT_DIRS);
}

function inDirs(file, dirs) {
  const rel = relative(ROOT, resolve(ROOT, file)).split(sep).join('/');
  return dirs.some((dir) => rel.startsWith(`${dir}/`));
}

/** The *.test.ts files under a folder of the repository, relative to it. */
function testFiles(dir) {
  const out = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.test.ts')) {
      out.push(
        relative(ROOT, join(entry.parentPath ?? entry.path, entry.name))
          .split(sep)
          .join('/'),
      );
    }
  }
  return out.sort();
}

const testArgs = (concurrency, files, extra = []) => [
  '--import',
  'tsx',
  '--test',
  `--test-concurrency=${concurrency}`,
  ...extra,
  ...files,
];

/** Runs test files in one process per file, `concurrency` at a time, printing as they go. */
function runTests(files, concurrency, env = {}) {
  if (files.length === 0) return 0;
  const r = spawnSync(join(ROOT, 'scripts/node24'), testArgs(concurrency, files), {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return r.status ?? 1;
}

/** Shares files out among `count` groups of about the same total size, largest first. */
export function shard(files, count, sizeOf) {
  const groups = Array.from({ length: count }, () => ({ files: [], size: 0 }));
  for (const file of [...files].sort((a, b) => sizeOf(b) - sizeOf(a))) {
    const smallest = groups.reduce((a, b) => (b.size < a.size ? b : a));
    smallest.files.push(file);
    smallest.size += sizeOf(file);
  }
  return groups.map((g) => g.files.sort()).filter((g) => g.length > 0);
}

function runShard(files) {
  return new Promise((done) => {
    const child = spawn(
      join(ROOT, 'scripts/node24'),
      testArgs(1, files, ['--test-isolation=none', '--test-reporter=spec']),
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => done({ code: code ?? 1, output: Buffer.concat(output).toString() }));
  });
}

/**
 * The pure suites, shared out among a few processes that each load their files into one process (no process per
 * file: starting one costs more than most of these files take to run). Prints each process's report, then the sums.
 */
async function runPureSharded(files) {
  const shards = shard(files, SHARDS, (file) => statSync(join(ROOT, file)).size);
  const results = await Promise.all(shards.map(runShard));
  const total = { tests: 0, pass: 0, fail: 0 };
  for (const { output } of results) {
    process.stdout.write(output);
    for (const key of Object.keys(total)) {
      total[key] += Number(new RegExp(`^ℹ ${key} (\\d+)$`, 'm').exec(output)?.[1] ?? 0);
    }
  }
  console.log(
    `\n${files.length} files in ${shards.length} processes: ${total.tests} tests, ${total.pass} pass, ${total.fail} fail`,
  );
  return results.some((r) => r.code !== 0) ? 1 : 0;
}

function dockerIds(args) {
  const r = spawnSync('docker', args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n').filter(Boolean) : [];
}

/**
 * What a run of the smoke test may leave if its cleanup failed: anything labelled as a run's, a layer handed over and
 * never removed, or an untagged image made during the suites (each test removes its own, foreign builds included).
 */
function leftOnTheEngine(before) {
  const label = 'label=twelve-factor-review.run';
  return [
    ...dockerIds(['ps', '-a', '--filter', label, '--format', 'container {{.Names}}']),
    ...dockerIds(['network', 'ls', '--filter', label, '--format', 'network {{.Name}}']),
    ...dockerIds(['volume', 'ls', '--filter', label, '--format', 'volume {{.Name}}']),
    ...dockerIds(['images', 'twelve-factor-review-handoff', '--format', 'image {{.Repository}}:{{.Tag}}']),
    ...dockerIds(['images', '--filter', 'dangling=true', '-q', '--no-trunc'])
      .filter((id) => !before.has(id))
      .map((id) => `untagged image ${id}`),
  ];
}

/** Builds dist/ once for every integration file, so their processes never rebuild it under one another. */
function bundle() {
  const r = spawnSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run bundle failed');
}

async function main(args) {
  ensureDeps();
  const unitOnly = args[0] === '--unit';
  const selected = unitOnly ? args.slice(1) : args;
  if (unitOnly && selected.some((f) => isIntegration(f) || isScreenshot(f))) {
    console.error(
      'test:unit runs pure suites only; run e2e, Docker and screenshot suites with npm test -- FILE',
    );
    return 2;
  }
  let status = selected.length
    ? runTests(
        selected.filter((f) => !isIntegration(f) && !isScreenshot(f)),
        SHARDS,
      )
    : await runPureSharded(PURE_DIRS.flatMap(testFiles));
  const integration = unitOnly
    ? []
    : selected.length
      ? selected.filter(isIntegration)
      : INTEGRATION_DIRS.flatMap(testFiles);
  if (integration.length) {
    ensureDocker();
    bundle();
    const before = new Set(dockerIds(['images', '-a', '-q', '--no-trunc']));
    status = runTests(integration, 1, { TFR_BUNDLED: '1' }) || status;
    const left = leftOnTheEngine(before);
    if (left.length) {
      console.error(`The suites left these on the Docker engine:\n  ${left.join('\n  ')}`);
      status = 1;
    }
  }
  const screenshots = unitOnly
    ? []
    : selected.length
      ? selected.filter(isScreenshot)
      : SCREENSHOT_DIRS.flatMap(testFiles);
  if (screenshots.length) {
    ensureChromium();
    status = runTests(screenshots, 1) || status;
  }
  return status;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  process.exitCode = await main(process.argv.slice(2));
}
