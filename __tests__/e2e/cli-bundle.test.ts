/**
 * The CLI's bundle runs what its path uses: a static check runs none of the action's GitHub code (@actions/*,
 * octokit, src/github/) and none of the smoke stage (Docker, HTTP) until --smoke asks for it, nor loads the 1.5 MB
 * shell parser when no script needs it. Each run records the files Node loaded (module.registerHooks sees ESM and
 * require) and, through V8's coverage, which bundled modules had a function run.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Module from 'node:module';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bundleOnce, ROOT } from '../support/runner.js';

const temp = mkdtempSync(join(tmpdir(), 'tfr-cli-bundle-'));
before(() => bundleOnce());
after(() => rmSync(temp, { recursive: true, force: true }));

const RECORD_LOADS =
  'data:text/javascript,' +
  encodeURIComponent(
    `import { registerHooks } from 'node:module'; import { writeFileSync } from 'node:fs';
     const loaded = [];
     registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
     process.on('exit', () => writeFileSync(process.env.TFR_LOADED, loaded.join('\\n')));`,
  );

/** Node's own modules a process loaded beyond those every process starts with, as the CLI's exit leaves them. */
const RECORD_BUILTINS =
  'data:text/javascript,' +
  encodeURIComponent(
    `import { writeFileSync } from 'node:fs';
     const start = new Set(process.moduleLoadList);
     process.on('exit', () => writeFileSync(process.env.TFR_BUILTINS, process.moduleLoadList.filter((m) => !start.has(m)).join('\\n')));`,
  );

/** The bundled modules of dist/cli-main.cjs, as esbuild heads each with a `// path` comment, by offset. */
function sections(text: string): { start: number; source: string }[] {
  return [...text.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)].map((m) => ({
    start: m.index,
    source: m[1]!,
  }));
}

/** The bundled modules a function of which ran, read from V8's coverage of the run (offsets in the wrapped script). */
function sourcesRun(coverageDir: string): string[] {
  const bundle = join(ROOT, 'dist/cli-main.cjs');
  const wrapped = Module.wrap(readFileSync(bundle, 'utf8'));
  const marks = sections(wrapped);
  const ran = new Set<string>();
  for (const file of readdirSync(coverageDir)) {
    const { result } = JSON.parse(readFileSync(join(coverageDir, file), 'utf8')) as {
      result: { url: string; functions: { ranges: { startOffset: number; count: number }[] }[] }[];
    };
    for (const script of result.filter((r) => r.url.endsWith('/dist/cli-main.cjs')))
      for (const fn of script.functions.slice(1)) {
        const range = fn.ranges[0]!;
        if (range.count === 0) continue;
        const section = marks.findLast((m) => m.start <= range.startOffset);
        if (section) ran.add(section.source);
      }
  }
  return [...ran];
}

/** Runs dist/cli.js; returns its result, the dist/ files it loaded and the bundled modules that ran. */
function runCli(args: string[], env: Record<string, string> = {}) {
  const record = join(temp, `loaded-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync(
    join(ROOT, 'scripts/node24'),
    ['--import', RECORD_LOADS, '--import', RECORD_BUILTINS, join(ROOT, 'dist/cli.js'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        ...env,
        TFR_LOADED: record,
        TFR_BUILTINS: `${record}-builtins`,
        NODE_V8_COVERAGE: `${record}-coverage`,
        NO_COLOR: '1',
      },
    },
  );
  const builtins = readFileSync(`${record}-builtins`, 'utf8').split('\n');
  const files = readFileSync(record, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith(`file://${ROOT}/dist/`))
    .map((url) => basename(fileURLToPath(url)));
  return { ...r, files, sources: sourcesRun(`${record}-coverage`), builtins };
}

/** Sources that belong to the action or to the smoke stage, not to a static check (smoke's two pure helpers aside). */
function foreign(sources: string[]): string[] {
  return sources.filter(
    (s) =>
      /^node_modules\/(@actions|@octokit)\//.test(s) ||
      s.startsWith('src/github/') ||
      (s.startsWith('src/smoke/') && !['src/smoke/limits.ts', 'src/smoke/redact.ts'].includes(s)),
  );
}

test('a static check loads no GitHub or smoke code, and no shell parser when every script is plain', () => {
  const r = runCli(['check', 'examples/production', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).verdict, 'pass');
  assert.ok(r.sources.includes('src/rules/TF0201-base-image-unpinned.ts'), 'the analysis ran');
  assert.deepEqual(foreign(r.sources), []);
  assert.ok(!r.files.includes('mvdan-sh.cjs'), r.files.join(' '));
  // Built-ins come through require(): an import of node:fs would evaluate its promises API, and readline with it.
  assert.ok(!r.builtins.includes('NativeModule fs/promises'), r.builtins.join(' '));

  const version = runCli(['--version']);
  assert.equal(version.status, 0);
  assert.deepEqual(foreign(version.sources), []);
});

test('the full shell parser is loaded when a script needs it, and the smoke stage with --smoke', () => {
  const dir = mkdtempSync(join(temp, 'app-'));
  cpSync(join(ROOT, 'examples/production'), dir, { recursive: true });
  const dockerfile = join(dir, 'Dockerfile');
  writeFileSync(
    dockerfile,
    readFileSync(dockerfile, 'utf8').replace(/^CMD .*$/m, 'CMD gunicorn mysite.wsgi > "$LOG_FILE"'),
  );
  const shell = runCli(['check', dir, '--format', 'json']);
  assert.ok(shell.files.includes('mvdan-sh.cjs'), shell.files.join(' '));
  assert.ok(JSON.parse(shell.stdout).findings.some((f: { ruleId: string }) => f.ruleId === 'TF0901'));

  // No engine answers at this socket: the smoke stage is loaded, finds Docker unreachable and reports statically.
  const smoke = runCli(['check', 'examples/production', '--smoke', '--format', 'json'], {
    DOCKER_HOST: `unix://${join(temp, 'no-docker.sock')}`,
  });
  assert.equal(smoke.status, 0, smoke.stderr);
  assert.equal(JSON.parse(smoke.stdout).smoke.status, 'skipped');
  assert.ok(smoke.sources.includes('src/smoke/docker.ts'), smoke.sources.join(' '));
  assert.deepEqual(
    foreign(smoke.sources).filter((s) => !s.startsWith('src/smoke/')),
    [],
    'not even --smoke loads the GitHub code',
  );
});

test('every bundle is ASCII, so Node reads each source as a one-byte string', () => {
  const dist = join(ROOT, 'dist');
  const sources = readdirSync(dist).filter((f) => /\.c?js$/.test(f));
  assert.ok(sources.includes('cli-main.cjs') && sources.includes('index.js'));
  for (const file of sources) {
    const bytes = readFileSync(join(dist, file));
    const at = bytes.findIndex((b) => b > 0x7f);
    assert.equal(at, -1, `${file}: a non-ASCII byte at offset ${at}`);
  }
});

test('the bundles carry no dockerfile-ast nor vscode-languageserver: the Dockerfile is split by our own code', () => {
  for (const file of readdirSync(join(ROOT, 'dist')).filter((f) => /\.c?js$/.test(f))) {
    assert.doesNotMatch(
      readFileSync(join(ROOT, 'dist', file), 'utf8'),
      /node_modules\/(dockerfile-ast|vscode-languageserver)/,
      file,
    );
  }
});
