import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, test } from 'node:test';
import { cli, type CliIo } from '../../src/cli.js';
import type { Finding } from '../../src/core/index.js';
import type { Project } from '../../src/model/types/project.js';
import { runnerCommands } from '../support/workflow-commands.js';
import { finding } from './report-fixture.js';

const temp = mkdtempSync(join(tmpdir(), 'tfr-cli-many-'));
after(() => rmSync(temp, { recursive: true, force: true }));

function dir(path: string, files: Record<string, string> = {}): string {
  const d = join(temp, path);
  mkdirSync(d, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(d, file), text);
  return d;
}

const EMPTY_PROJECT: Project = {
  root: '',
  apps: [],
  parseErrors: [],
  suppressions: [],
  suppressionProblems: [],
};
const WARNING = finding('TF0201', { file: 'Dockerfile', line: 1, message: 'Base image python has no tag.' });
const ERROR = finding('TF0301', {
  file: 'mysite/settings.py',
  line: 23,
  message: 'SECRET_KEY is a literal value.',
});

/** The CLI in-process; the static analysis stands in with the findings of each project's directory name. */
async function run(argv: string[], findingsOf: Record<string, Finding[]> = {}) {
  let stdout = '';
  let stderr = '';
  const roots: string[] = [];
  const io: Partial<CliIo> = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    color: false,
    cwd: temp,
    analyze: async (root) => {
      roots.push(root);
      return { project: { ...EMPTY_PROJECT, root }, findings: findingsOf[basename(root)] ?? [] };
    },
  };
  const code = await cli(argv, io);
  return { code, stdout, stderr, roots };
}

test('several directories: a JSON array of the single reports, in the order given; the exit code is the worst', async () => {
  dir('a');
  dir('b');
  const single = await run(['check', 'b', '--format', 'json'], { b: [WARNING] });
  const { code, stdout, roots } = await run(['check', 'b', 'a', '--format', 'json'], {
    a: [ERROR],
    b: [WARNING],
  });
  assert.equal(code, 1);
  assert.deepEqual(roots, [join(temp, 'b'), join(temp, 'a')]);
  const reports = JSON.parse(stdout);
  assert.ok(Array.isArray(reports));
  assert.deepEqual(
    reports.map((r: { directory: string; verdict: string }) => [r.directory, r.verdict]),
    [
      ['b', 'pass'],
      ['a', 'fail'],
    ],
  );
  const withoutTime = (r: { durationMs?: number }) => ({ ...r, durationMs: 0 });
  assert.deepEqual(
    withoutTime(reports[0]),
    withoutTime(JSON.parse(single.stdout)),
    'each entry is the single report',
  );
  assert.equal((await run(['check', 'a', 'b'], { b: [WARNING] })).code, 0);
});

test('--each: every visible subdirectory is a project, sorted; files and hidden directories are not', async () => {
  const cls = dir('class');
  for (const name of ['carol', 'alice', 'bob', '.git']) dir(`class/${name}`);
  writeFileSync(join(cls, 'notes.txt'), 'x');
  symlinkSync(join(cls, 'alice'), join(cls, 'alias'));
  const { code, stdout, roots } = await run(['check', '--each', 'class', '--format', 'json'], {
    bob: [ERROR],
  });
  assert.equal(code, 1);
  // The link is reviewed where it leads, and reported under its own name.
  assert.deepEqual(
    roots.map((r) => basename(r)),
    ['alice', 'alice', 'bob', 'carol'],
  );
  assert.deepEqual(
    JSON.parse(stdout).map((r: { directory: string }) => r.directory),
    ['class/alias', 'class/alice', 'class/bob', 'class/carol'],
  );
  const one = dir('one/only');
  assert.ok(one);
  const single = await run(['check', '--each', 'one', '--format', 'json']);
  assert.ok(Array.isArray(JSON.parse(single.stdout)), '--each always reports per project, even for one');
});

test('several projects in SARIF: one run per project, each with its category and only the rules it uses', async () => {
  dir('s/x');
  dir('s/y');
  const { stdout } = await run(['check', '--each', 's', '--format', 'sarif'], { x: [ERROR, WARNING] });
  const sarif = JSON.parse(stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs.length, 2);
  assert.deepEqual(
    sarif.runs.map((r: { automationDetails: { id: string } }) => r.automationDetails.id),
    ['twelve-factor-review/s/x/', 'twelve-factor-review/s/y/'],
  );
  const [x, y] = sarif.runs;
  assert.deepEqual(x.tool.driver.rules.map((r: { id: string }) => r.id).sort(), ['TF0201', 'TF0301']);
  for (const result of x.results) assert.equal(x.tool.driver.rules[result.ruleIndex].id, result.ruleId);
  assert.equal(x.results[0].locations[0].physicalLocation.artifactLocation.uri.startsWith('s/x/'), true);
  assert.deepEqual(y.results, []);
});

test('several projects in text and markdown: one table, a row per project, the file system names escaped', async () => {
  dir('t/web-app');
  dir('t/pipe|name');
  const findings = { 'web-app': [ERROR, WARNING, WARNING] };
  const text = await run(['check', '--each', 't'], findings);
  const lines = text.stdout.split('\n');
  assert.match(lines[0], /^project\s+verdict\s+errors\s+warnings\s+notices\s+suppressed\s+rules$/);
  assert.match(lines[1], /^t\/pipe\|name\s+pass\s+0\s+0\s+0\s+0$/);
  assert.match(lines[2], /^t\/web-app\s+fail\s+1\s+2\s+0\s+0\s+TF0201×2 TF0301$/);
  assert.match(text.stdout, /✖ 2 projects: 1 fail, 1 pass\n$/);
  const md = await run(['check', '--each', 't', '--format', 'markdown'], findings);
  assert.ok(md.stdout.includes('| t/pipe\\|name | ✅ pass | 0 | 0 | 0 | 0 |  |'), md.stdout);
  assert.ok(md.stdout.includes('| t/web\\-app | ❌ fail | 1 | 2 | 0 | 0 | TF0201×2 TF0301 |'), md.stdout);
});

test("a project that cannot be reviewed exits 2 after the others' reports", async () => {
  dir('c/good');
  dir('c/bad/.github');
  writeFileSync(join(temp, 'c/bad/.github/twelve-factor.yml'), 'fail-on: [\n');
  const { code, stdout, stderr } = await run(['check', '--each', 'c', '--format', 'json'], {
    good: [WARNING],
  });
  assert.equal(code, 2);
  assert.deepEqual(
    JSON.parse(stdout).map((r: { directory: string }) => r.directory),
    ['c/good'],
  );
  assert.match(stderr, /^twelve-factor-review: c\/bad: .*twelve-factor\.yml/);
});

test('--format github through the CLI: annotations per project, a hostile file name kept inside its command', async () => {
  dir('g/one');
  dir('g/two');
  const hostile = 'x.py,line=9::forged\n::add-mask::django';
  const { code, stdout } = await run(['check', '--each', 'g', '--format', 'github'], {
    one: [{ ...ERROR, file: hostile }],
    two: [WARNING],
  });
  assert.equal(code, 1);
  const commands = runnerCommands(stdout).filter((c) => c.command === 'error' || c.command === 'warning');
  assert.deepEqual(
    commands.map((c) => [c.command, c.properties.file, c.properties.line]),
    [
      ['error', `g/one/${hostile}`, '23'],
      ['warning', 'g/two/Dockerfile', '1'],
    ],
  );
  assert.ok(!runnerCommands(stdout).some((c) => c.command === 'add-mask'), stdout);
});

test('many projects: each report is written as soon as the projects before it are done, in the order given', async () => {
  for (let i = 1; i <= 20; i++) dir(`stream/p${String(i).padStart(2, '0')}`);
  const names = Array.from({ length: 20 }, (_, i) => `stream/p${String(i + 1).padStart(2, '0')}`);
  const runWith = async (slow: string) => {
    let stdout = '';
    const seenBefore = new Map<string, string>();
    const io: Partial<CliIo> = {
      stdout: (t) => void (stdout += t),
      stderr: () => {},
      color: false,
      cwd: temp,
      analyze: async (root) => {
        seenBefore.set(basename(root), stdout);
        await new Promise((r) => setTimeout(r, basename(root) === slow ? 40 : 1));
        return { project: { ...EMPTY_PROJECT, root }, findings: [] };
      },
    };
    assert.equal(await cli(['check', '--each', 'stream', '--format', 'json'], io), 0);
    assert.deepEqual(
      JSON.parse(stdout).map((r: { directory: string }) => r.directory),
      names,
    );
    return seenBefore;
  };
  const quick = await runWith('none');
  assert.match(
    quick.get('p20') ?? '',
    /"directory": "stream\/p01"/,
    'p01 is out before the last project starts',
  );
  // A slow first project holds back the reports of the projects done after it: nothing is written out of order.
  assert.equal((await runWith('p01')).get('p20'), '');
});

test('many projects: JSON and SARIF are the single stringify of every report, byte for byte, and --output holds it', async () => {
  dir('bytes/a');
  dir('bytes/b');
  const findings = { a: [ERROR], b: [WARNING, { ...ERROR, message: 'multi\nline "quoted" — text' }] };
  const { stdout } = await run(['check', '--each', 'bytes', '--format', 'json'], findings);
  assert.equal(stdout, `${JSON.stringify(JSON.parse(stdout), null, 2)}\n`);
  const sarif = await run(['check', '--each', 'bytes', '--format', 'sarif'], findings);
  assert.equal(sarif.stdout, `${JSON.stringify(JSON.parse(sarif.stdout), null, 2)}\n`);
  assert.equal(JSON.parse(sarif.stdout).runs.length, 2);
  const file = join(temp, 'many-report.json');
  const written = await run(['check', '--each', 'bytes', '--format', 'json', '--output', file], findings);
  assert.equal(written.stdout, '');
  const text = readFileSync(file, 'utf8');
  assert.deepEqual(
    JSON.parse(text).map((r: { directory: string }) => r.directory),
    ['bytes/a', 'bytes/b'],
  );
});

test('many projects, none reviewed: an empty JSON array and an empty SARIF log, exit 2', async () => {
  dir('none/bad/.github');
  writeFileSync(join(temp, 'none/bad/.github/twelve-factor.yml'), 'fail-on: [\n');
  const json = await run(['check', '--each', 'none', '--format', 'json']);
  assert.equal(json.code, 2);
  assert.equal(json.stdout, '[]\n');
  const sarif = await run(['check', '--each', 'none', '--format', 'sarif']);
  assert.deepEqual(JSON.parse(sarif.stdout).runs, []);
  assert.equal(sarif.stdout, `${JSON.stringify(JSON.parse(sarif.stdout), null, 2)}\n`);
});
