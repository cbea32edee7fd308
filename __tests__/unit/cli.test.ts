import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cli, type CliIo } from '../../src/cli.js';
import type { Config } from '../../src/config.js';
import type { DiscoverOptions } from '../../src/discover/types.js';
import { type Finding, type SmokeResult, stamp } from '../../src/core/index.js';
import type { Project } from '../../src/model/types/project.js';
import { parseConfig, parseFailOn } from '../../src/options.js';
import { findRule } from '../../src/rules/registry.js';
import type { SmokeOptions } from '../../src/smoke/index.js';
import { finding } from './report-fixture.js';

const repo = join(import.meta.dirname, '..', '..');
const temp = mkdtempSync(join(tmpdir(), 'tfr-cli-'));
after(() => rmSync(temp, { recursive: true, force: true }));

function dir(name: string, files: Record<string, string> = {}): string {
  const d = join(temp, name);
  mkdirSync(d, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(d, file, '..'), { recursive: true });
    writeFileSync(join(d, file), text);
  }
  return d;
}

const EMPTY_PROJECT: Project = {
  root: '',
  apps: [],
  parseErrors: [],
  suppressions: [],
  suppressionProblems: [],
};

/** Runs the CLI in-process with a stand-in for the static analysis that returns `findings`. */
async function run(argv: string[], findings: Finding[] = []) {
  let stdout = '';
  let stderr = '';
  const calls: { root: string; config: Config; options: DiscoverOptions }[] = [];
  const io: Partial<CliIo> = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    color: false,
    cwd: temp,
    analyze: async (root, config, options = {}) => {
      calls.push({ root, config, options });
      return { project: { ...EMPTY_PROJECT, root }, findings };
    },
  };
  const code = await cli(argv, io);
  return { code, stdout, stderr, calls };
}

const WARNING = finding('TF0201', { file: 'Dockerfile', line: 1, message: 'Base image python has no tag.' });
const NOTICE = finding('TF0701', { file: 'Dockerfile', message: 'No port declared.' });
const ERROR = finding('TF0301', {
  file: 'mysite/settings.py',
  line: 23,
  message: 'SECRET_KEY is a literal value.',
});

test('exit code: 0 below --fail-on (default error), 1 at or above it, never with never', async () => {
  const app = dir('app');
  const cases: [string[], Finding[], number][] = [
    [[], [WARNING, NOTICE], 0],
    [[], [ERROR], 1],
    [['--fail-on', 'warning'], [WARNING], 1],
    [['--fail-on', 'warning'], [NOTICE], 0],
    [['--fail-on', 'notice'], [NOTICE], 1],
    [['--fail-on', 'never'], [ERROR, WARNING], 0],
    [['--fail-on', 'error'], [{ ...ERROR, suppressed: { by: 'inline' } }], 0],
    [[], [], 0],
  ];
  for (const [flags, findings, expected] of cases) {
    const { code, stderr } = await run(['check', app, ...flags], findings);
    assert.equal(
      code,
      expected,
      `${flags.join(' ')} with ${findings.map((f) => f.severity).join(',')}: ${stderr}`,
    );
  }
});

test('exit code 2 with a message naming what was wrong and what is accepted', async () => {
  const app = dir('app');
  writeFileSync(join(temp, 'file.txt'), 'x');
  const cases: [string[], string][] = [
    [
      ['check', app, '--fail-on', 'warn'],
      "Invalid --fail-on 'warn'. Expected one of error, warning, notice, never.",
    ],
    [
      ['check', app, '--format', 'html'],
      "Invalid --format 'html'. Expected one of text, json, markdown, sarif, github.",
    ],
    [['check', app, '--bogus'], "Unknown option '--bogus'."],
    [['check', 'missing-dir'], "Directory 'missing-dir' does not exist."],
    [['check', 'file.txt'], "'file.txt' is not a directory."],
    [['lint', app], "Unknown command 'lint'. Expected: check [DIR ...]."],
    [[], 'Missing command. Expected: check [DIR ...].'],
    [['check', app, 'other'], "Directory 'other' does not exist."],
    [['check', '--each', 'file.txt'], "--each 'file.txt' is not a directory."],
    [['check', '--each', app], `--each '${app}' holds no directory. Expected one per project.`],
    [['check', app, app, '--smoke'], '--smoke reviews one directory at a time.'],
    [
      ['check', app, '--settings-module', 'my-site'],
      "Invalid --settings-module 'my-site'. Expected a dotted Python module name",
    ],
    [['check', app, '--config', 'nope.yml'], "Cannot read config file '"],
    [['check', app, '--smoke', '--port', '0'], "Invalid --port '0'. Expected a port number from 1 to 65535."],
    [['check', app, '--fail-on'], "Option '--fail-on <value>' argument missing"],
  ];
  for (const [argv, message] of cases) {
    const { code, stderr, stdout } = await run(argv);
    assert.equal(code, 2, argv.join(' '));
    assert.ok(stderr.includes(message), `${argv.join(' ')}: ${stderr}`);
    assert.equal(stdout, '');
  }
});

test('--help and --version', async () => {
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: twelve-factor-review check \[DIR \.\.\.\] \[--each DIR\]/);
  assert.match(help.stdout, /--fail-on SEVERITY/);
  const version = await run(['--version']);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('formats: json, sarif, markdown and text all render the same findings', async () => {
  const app = dir('app');
  const json = JSON.parse((await run(['check', app, '--format', 'json'], [ERROR, WARNING])).stdout);
  assert.equal(json.verdict, 'fail');
  assert.deepEqual(
    json.findings.map((f: { ruleId: string; file: string; line: number | null }) => [
      f.ruleId,
      f.file,
      f.line,
    ]),
    [
      ['TF0301', 'mysite/settings.py', 23],
      ['TF0201', 'Dockerfile', 1],
    ],
  );
  const sarif = JSON.parse((await run(['check', app, '--format', 'sarif'], [ERROR])).stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0].results[0].ruleId, 'TF0301');
  const md = (await run(['check', app, '--format', 'markdown'], [ERROR])).stdout;
  assert.match(md, /❌ Twelve-factor review: fail/);
  const text = (await run(['check', app], [ERROR])).stdout;
  assert.match(text, /23:1 {2}error/);
  assert.ok(!text.includes('\u001B['), 'no colour when the io says no');
});

test('the directory is reported as given, so SARIF and links resolve against the repository', async () => {
  const app = dir('nested/app');
  const json = JSON.parse((await run(['check', 'nested/app/', '--format', 'json'])).stdout);
  assert.equal(json.directory, 'nested/app');
  const calls = (await run(['check', 'nested/app'])).calls;
  assert.equal(calls[0].root, app);
});

test('--output writes the report to a file, relative to the working directory', async () => {
  const app = dir('app');
  const { code, stdout } = await run(['check', app, '--format', 'json', '--output', 'out.json'], [WARNING]);
  assert.equal(code, 0);
  assert.equal(stdout, '');
  assert.equal(JSON.parse(readFileSync(join(temp, 'out.json'), 'utf8')).findings[0].ruleId, 'TF0201');
});

test('discovery flags reach the static analysis', async () => {
  const app = dir('app');
  const { calls } = await run([
    'check',
    app,
    '--dockerfile',
    'docker/Dockerfile.prod',
    '--compose-file',
    'compose.yml',
    '--compose-file',
    'compose.prod.yml',
    '--settings-module',
    'mysite.settings.prod',
  ]);
  assert.deepEqual(calls[0].options, {
    dockerfile: 'docker/Dockerfile.prod',
    composeFiles: ['compose.yml', 'compose.prod.yml'],
    settingsModule: 'mysite.settings.prod',
  });
});

test('config: the default file is used when present, --verbose says which, names become ids', async () => {
  const plain = dir('plain');
  const none = await run(['check', plain, '--verbose']);
  assert.match(none.stderr, /^config: none \(defaults\)\n/);
  assert.deepEqual(none.calls[0].config, { rules: {}, exclude: [], allowSuppressions: true });

  const configured = dir('configured', {
    '.github/twelve-factor.yml':
      'rules:\n  TF0201: off\n  debug-in-code: notice\nexclude:\n  - legacy/**\nallow-suppressions: false\n',
  });
  const withConfig = await run(['check', configured, '--verbose', '--format', 'json']);
  assert.match(withConfig.stderr, /^config: \.github\/twelve-factor\.yml\n/);
  assert.deepEqual(withConfig.calls[0].config, {
    rules: { TF0201: 'off', TF0302: 'notice' },
    exclude: ['legacy/**'],
    allowSuppressions: false,
    file: '.github/twelve-factor.yml',
  });
  assert.equal(JSON.parse(withConfig.stdout).configFile, '.github/twelve-factor.yml');

  writeFileSync(join(temp, 'custom.yml'), 'rules:\n  TF0301: warning\n');
  const custom = await run(['check', plain, '--config', 'custom.yml', '--verbose']);
  assert.equal(custom.code, 0);
  assert.deepEqual(custom.calls[0].config.rules, { TF0301: 'warning' });
});

test('config errors name the file, the key and what is accepted', () => {
  const cases: [string, RegExp][] = [
    ['rules:\n  TF9999: off\n', /unknown rule 'TF9999'\. Expected a rule id \(TF0301\) or name/],
    [
      'rules:\n  TF0301: loud\n',
      /rules\.TF0301: invalid value 'loud'\. Expected one of off, error, warning, notice\./,
    ],
    ['exclude: legacy\n', /exclude must be a list of path globs/],
    ['allow-suppressions: maybe\n', /allow-suppressions must be true or false/],
    ['colour: red\n', /unknown key 'colour'\. Expected rules, exclude, allow-suppressions\./],
    ['- a\n', /expected a mapping/],
    ['rules: [\n', /Invalid config file 'x\.yml'/],
  ];
  for (const [text, message] of cases) assert.throws(() => parseConfig(text, 'x.yml'), message);
  assert.deepEqual(parseConfig('', 'x.yml'), { rules: {}, exclude: [], allowSuppressions: true });
});

test('parseFailOn is shared with the action inputs and names its source', () => {
  assert.equal(parseFailOn('warning', 'fail-on'), 'warning');
  assert.throws(() => parseFailOn('warn', 'fail-on'), {
    message: "Invalid fail-on 'warn'. Expected one of error, warning, notice, never.",
  });
});

test('--smoke runs the smoke stage with its flags; its findings get the config and count for the exit code', async () => {
  const app = dir('smoked', { '.github/twelve-factor.yml': 'rules:\n  slow-startup: off\n' });
  const calls: SmokeOptions[] = [];
  const smokeResult: SmokeResult = {
    status: 'failed',
    app: '.',
    durationMs: 5000,
    engines: { sqlite: { engine: 'sqlite', status: 'failed', durationMs: 4000, steps: [] } },
  };
  const dynamic = (ruleId: string, message: string) =>
    stamp(findRule(ruleId)!, { file: 'mysite/settings.py', line: 80, message });
  let stderr = '';
  let stdout = '';
  const code = await cli(
    [
      'check',
      app,
      '--smoke',
      '--format',
      'json',
      '--postgres-image',
      'postgres:15',
      '--port',
      '5000',
      '--build-arg',
      'BASE_IMAGE=local/base',
      '--smoke-env',
      'postgres.DB_PORT=5433',
      '--smoke-env',
      'DB_PORT=5432',
      '--smoke-memory',
      '512m',
      '--smoke-cpus',
      '0.75',
    ],
    {
      cwd: temp,
      color: false,
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      analyze: async (root) => ({ project: { ...EMPTY_PROJECT, root }, findings: [WARNING] }),
      smoke: async (_project, options, log) => {
        calls.push(options);
        log.info('building the image');
        return {
          result: smokeResult,
          findings: [dynamic('TF1001', 'migrate failed on SQLite.'), dynamic('TF0903', 'slow start.')],
        };
      },
    },
  );
  assert.equal(code, 1, stderr);
  assert.deepEqual(calls, [
    {
      postgresImage: 'postgres:15',
      port: 5000,
      buildArgs: { BASE_IMAGE: 'local/base' },
      env: { sqlite: { DB_PORT: '5432' }, postgres: { DB_PORT: '5433' } },
      limits: { pids: 512, memoryBytes: 512 * 1024 ** 2, cpus: 0.75 },
    },
  ]);
  assert.match(stderr, /building the image/);
  const json = JSON.parse(stdout);
  assert.equal(json.smoke.status, 'failed');
  assert.deepEqual(
    json.findings.map((f: { ruleId: string }) => f.ruleId),
    ['TF0201', 'TF1001'],
    'TF0903 is off in the config; findings are sorted by file',
  );
});

test('--smoke-pids-limit, --smoke-memory and --smoke-cpus are validated', async () => {
  const { code, stderr } = await run(['check', dir('app'), '--smoke', '--smoke-pids-limit', 'lots']);
  assert.equal(code, 2);
  assert.match(
    stderr,
    /Invalid --smoke-pids-limit 'lots'\. Expected a whole number of processes, at least 16\./,
  );
  const memory = await run(['check', dir('app'), '--smoke', '--smoke-memory', '1 tb']);
  assert.equal(memory.code, 2);
  assert.match(
    memory.stderr,
    /Invalid --smoke-memory '1 tb'\. Expected an amount of memory such as 1g or 768m/,
  );
});

test('--smoke-env keys are validated', async () => {
  const { code, stderr } = await run(['check', dir('app'), '--smoke', '--smoke-env', 'mysql.X=1']);
  assert.equal(code, 2);
  assert.match(
    stderr,
    /Invalid --smoke-env key 'mysql\.X'\. Expected NAME, sqlite\.NAME or postgres\.NAME\./,
  );
});

// The real process: the entry point sets the exit code and writes to the real streams.
function spawnCli(args: string[], cwd = repo) {
  return spawnSync(join(repo, 'scripts/node24'), ['--import', 'tsx', join(repo, 'src/cli.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

test('as a process: exit 0 with a JSON report, exit 2 with a usage error on stderr', () => {
  const app = dir('spawned', { 'manage.py': '' });
  const ok = spawnCli(['check', app, '--format', 'json']);
  assert.equal(ok.status, 0, ok.stderr);
  const json = JSON.parse(ok.stdout);
  assert.equal(json.tool.name, 'twelve-factor-review');
  assert.equal(json.verdict, 'pass');
  for (const f of json.findings) {
    assert.ok(!f.file.includes('\\') && !f.file.startsWith('/'), f.file);
    assert.ok(f.line === null || f.line >= 1);
  }
  const bad = spawnCli(['check', app, '--fail-on', 'warn']);
  assert.equal(bad.status, 2);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /Invalid --fail-on 'warn'\. Expected one of error, warning, notice, never\./);
});

test('as a process on a real tree: exit 1 at the threshold, findings with relative file and 1-based line', () => {
  const app = dir('real', {
    'manage.py': '',
    'compose.yml': 'services:\n  web:\n    build: .\n  db:\n    image: postgres\n',
    Dockerfile: 'FROM python:3.12-slim\n',
  });
  const warning = spawnCli(['check', app, '--fail-on', 'warning', '--format', 'json']);
  assert.equal(warning.status, 1, warning.stderr);
  const json = JSON.parse(warning.stdout);
  const unpinned = json.findings.find((f: { ruleId: string }) => f.ruleId === 'TF0205');
  assert.equal(unpinned.file, 'compose.yml');
  assert.equal(unpinned.line, 5);
  assert.equal(json.verdict, 'fail');
  const error = spawnCli(['check', app, '--fail-on', 'error', '--format', 'json']);
  assert.equal(error.status, JSON.parse(error.stdout).counts.error > 0 ? 1 : 0);
  const verbose = spawnCli(['check', app, '--verbose']);
  assert.match(
    verbose.stderr,
    /^config: none \(defaults\)\napp: \.: Dockerfile, compose\.yml\nstatic analysis: \d+ finding\(s\) in \d+ ms\n$/,
  );
  const never = spawnCli(['check', app, '--fail-on', 'never']);
  assert.equal(never.status, 0);
  assert.match(never.stdout, /compose\.yml\n/);
});
