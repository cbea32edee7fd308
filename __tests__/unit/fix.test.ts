import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cli } from '../../src/cli.js';
import { insertLines, replaceLines } from '../../src/core/index.js';
import { unifiedDiff } from '../../src/fix/diff.js';
import { fixCommand } from '../../src/fix-cli.js';
import { applyFileEdits } from '../../src/fix/edits.js';
import type { Overlay } from '../../src/discover/index.js';
import { makeScratch, readText, ScratchTooLarge, writeText } from '../../src/fix/files.js';
import { patchOf } from '../../src/fix/patch.js';
import { runFixes } from '../../src/fix/run.js';
import { analyzeStatic } from '../../src/pipeline.js';
import { runReview } from '../../src/review.js';
import type { Rule } from '../../src/rules/lib/rule.js';
import { findRule, RULES } from '../../src/rules/registry.js';

const repo = join(import.meta.dirname, '..', '..');
const temp = mkdtempSync(join(tmpdir(), 'tfr-fix-test-'));
after(() => rmSync(temp, { recursive: true, force: true }));
const noConfig = { rules: {}, exclude: [], allowSuppressions: true };

function tree(name: string, files: Record<string, string>): string {
  const d = join(temp, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(d, file, '..'), { recursive: true });
    writeFileSync(join(d, file), text);
  }
  return d;
}

async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: temp });
  return { code, out, err };
}

const ports = (root: string) => ({
  analyze: (overlay: Overlay) => analyzeStatic(root, noConfig, {}, overlay),
  read: (file: string) => readText(root, file),
  debug: () => {},
});

test('edits keep the line endings of the file and change only their lines', () => {
  const text = 'FROM python:3.12\r\n# keep me\r\nCMD gunicorn app\r\n';
  const out = applyFileEdits(text, [
    replaceLines('Dockerfile', 3, 3, ['CMD ["gunicorn", "app"]']),
    insertLines('Dockerfile', 3, ['USER app']),
  ]);
  assert.equal(out, 'FROM python:3.12\r\n# keep me\r\nUSER app\r\nCMD ["gunicorn", "app"]\r\n');
});

test('the patch applies with git apply, new files included, paths under the repository prefix', () => {
  const root = tree('apply/sub', { Dockerfile: 'FROM x\nCMD run\n', 'keep.txt': 'a\n' });
  const changes = new Map([
    ['Dockerfile', { before: 'FROM x\nCMD run\n', after: 'FROM x\nCMD ["run"]\n' }],
    ['.dockerignore', { before: undefined, after: '.git\n.env*\n' }],
  ]);
  const patch = patchOf(changes, 'sub/');
  assert.match(
    patch,
    /^diff --git a\/sub\/\.dockerignore b\/sub\/\.dockerignore\nnew file mode 100644\n--- \/dev\/null/,
  );
  const top = join(root, '..');
  spawnSync('git', ['init', '-q'], { cwd: top });
  const r = spawnSync('git', ['apply', '-'], { cwd: top, input: patch, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), 'FROM x\nCMD ["run"]\n');
  assert.equal(readFileSync(join(root, '.dockerignore'), 'utf8'), '.git\n.env*\n');
  assert.equal(unifiedDiff('same', 'a\n', 'a\n'), '');
});

test('a fix whose result adds a finding is dropped, and the reason is logged', async () => {
  const root = tree('bad-fix', {
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY manage.py .\nCMD gunicorn mysite.wsgi\n',
    'manage.py': '',
  });
  const real = findRule('TF0901')!;
  // Fixes its finding, but bakes a secret into the image: the proof must see the new TF0306.
  const bad: Rule = {
    ...real,
    fix: {
      safety: 'safe',
      summary: 'bad',
      make: ({ finding }) => ({
        title: 'bad',
        edits: [
          replaceLines(finding.file, 4, 4, [
            'ENV SECRET_KEY=abcdef0123456789',
            'CMD ["gunicorn", "mysite.wsgi"]',
          ]),
        ],
      }),
    },
  };
  const logged: string[] = [];
  const result = await runFixes({ ...ports(root), debug: (m) => logged.push(m) }, { rules: [bad] });
  assert.equal(result.applied.length, 0);
  assert.equal(result.changes.size, 0);
  assert.match(result.dropped[0].reason, /adds a TF0306 finding in Dockerfile/);
  assert.match(logged.join('\n'), /Fix for TF0901 .* dropped: it adds a TF0306 finding/);
  // The real fixer passes the same proof.
  const good = await runFixes(ports(root), { rules: [real] });
  assert.deepEqual(
    good.applied.map((f) => f.ruleId),
    ['TF0901'],
  );
  assert.equal(good.changes.get('Dockerfile')?.after.split('\n')[3], 'CMD ["gunicorn", "mysite.wsgi"]');
});

test('exec form keeps $PORT working through sh -c "exec …"', async () => {
  const root = tree('port', {
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY manage.py .\n  CMD gunicorn --bind 0.0.0.0:$PORT mysite.wsgi\n',
    'manage.py': '',
  });
  const result = await runFixes(ports(root), { rules: [findRule('TF0901')!] });
  assert.equal(
    result.changes.get('Dockerfile')?.after.split('\n')[3],
    '  CMD ["sh", "-c", "exec gunicorn --bind 0.0.0.0:$PORT mysite.wsgi"]',
  );
});

test('fix --write on examples/hardcoded, then check: no finding of a fixed rule is left, none is added, a second run changes nothing', async () => {
  const root = join(temp, 'hardcoded');
  cpSync(join(repo, 'examples', 'hardcoded'), root, { recursive: true });
  // Suggested fixes (TF0201 without a known version) are never written.
  const fixable = new Set(RULES.filter((r) => r.fix?.safety === 'safe').map((r) => r.id));
  const before = (await analyzeStatic(root, noConfig)).findings;
  const printed = await runCli(['fix', 'hardcoded']);
  assert.equal(printed.code, 0, printed.err);
  assert.match(printed.out, /^diff --git a\//);
  const written = await runCli(['fix', 'hardcoded', '--write']);
  assert.equal(written.code, 0, written.err);
  const afterFix = (await analyzeStatic(root, noConfig)).findings;
  const count = (fs: typeof before) => {
    const m = new Map<string, number>();
    for (const f of fs) m.set(`${f.ruleId} ${f.file}`, (m.get(`${f.ruleId} ${f.file}`) ?? 0) + 1);
    return m;
  };
  for (const [key, n] of count(afterFix))
    assert.ok(n <= (count(before).get(key) ?? 0), `new finding: ${key}`);
  const fixedRules = new Set(
    afterFix.filter((f) => fixable.has(f.ruleId)).map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message}`),
  );
  assert.deepEqual([...fixedRules], []);
  const again = await runCli(['fix', 'hardcoded']);
  assert.equal(again.out, '');
  assert.match(again.err, /^0 fix\(es\)/);
});

test('fix: --rule chooses the rules, unknown or fix-less rules are usage errors', async () => {
  const root = join(temp, 'choose');
  cpSync(join(repo, 'examples', 'hardcoded'), root, { recursive: true });
  const only = await runCli(['fix', 'choose', '--rule', 'binds-loopback']);
  assert.equal(only.code, 0, only.err);
  assert.match(only.out, /runserver 0\.0\.0\.0:8000/);
  assert.doesNotMatch(only.out, /exec python/);
  assert.equal((await runCli(['fix', 'choose', '--only', 'TF9999'])).code, 2);
  const none = await runCli(['fix', 'choose', '--rule', 'TF0801']);
  assert.equal(none.code, 2);
  assert.match(none.err, /TF0801 \(dev-server\) has no fix/);
});

test('the scratch copy stands in a sparse file of the same size for one over the read cap, and leaves out .git', () => {
  const root = mkdtempSync(join(tmpdir(), 'tfr-scratch-'));
  try {
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, '.git', 'config'), '[core]\n');
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'data', 'dump.sql'), Buffer.alloc(3 * 1024 * 1024, 'x'));
    writeFileSync(join(root, 'Dockerfile'), 'FROM python:3.12\n');
    const scratch = makeScratch(root);
    try {
      const big = statSync(join(scratch.dir, 'data', 'dump.sql'));
      assert.equal(big.size, 3 * 1024 * 1024);
      assert.ok(big.blocks * 512 < 1024 * 1024, 'no data was copied');
      assert.equal(readFileSync(join(scratch.dir, 'Dockerfile'), 'utf8'), 'FROM python:3.12\n');
      assert.equal(existsSync(join(scratch.dir, '.git')), false);
    } finally {
      scratch.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the scratch copy takes a bounded number of files: above it, it stops, leaves nothing behind and says why', () => {
  const root = tree('cap', { Dockerfile: 'FROM python:3.12\n', 'a/b.py': '', 'a/c.py': '', 'd.txt': '' });
  const tmp = mkdtempSync(join(tmpdir(), 'tfr-scratch-tmp-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    assert.throws(() => makeScratch(root, 4), ScratchTooLarge);
    assert.throws(() => makeScratch(root, 4), /more than 4 files and directories outside \.git/);
    assert.deepEqual(readdirSync(tmp), [], 'the partial copy is removed');
    const scratch = makeScratch(root, 5);
    assert.equal(readFileSync(join(scratch.dir, 'Dockerfile'), 'utf8'), 'FROM python:3.12\n');
    scratch.dispose();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('fixes are proven without a copy of the project: nothing is written, not even to the temporary directory', async () => {
  const root = join(temp, 'no-copy');
  cpSync(join(repo, 'examples', 'hardcoded'), root, { recursive: true });
  const before = readdirSync(root, { recursive: true }).sort();
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = join(temp, 'no-such-directory');
  try {
    let err = '';
    let out = '';
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (err += t), cwd: temp };
    assert.equal(await fixCommand(['no-copy'], io), 0, err);
    assert.match(
      out,
      /^diff --git a\/\.dockerignore b\/\.dockerignore\nnew file mode/m,
      'a new file is proven too',
    );
    let patch: string | undefined;
    const report = await runReview(
      { base: temp, directory: 'no-copy', directoryOption: 'Directory', discovery: {}, failOn: 'never' },
      {
        smoke: async () => assert.fail('no smoke test was asked for'),
        log: { info: () => {}, stage: (_name, run) => run() },
        now: () => 0,
        secrets: () => [],
        fixes: { patch: (p) => (patch = p) },
      },
    );
    assert.ok(report.fixes && report.fixes.suggestions.length > 0);
    assert.equal(patch, out);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
  assert.deepEqual(readdirSync(root, { recursive: true }).sort(), before, 'the project is left as it was');
});

test('each tree the fix engine tries is analysed once, though the next round starts from the last one tried', async () => {
  const root = join(temp, 'once');
  cpSync(join(repo, 'examples', 'hardcoded'), root, { recursive: true });
  const trees: string[] = [];
  const result = await runFixes(
    {
      ...ports(root),
      analyze: (overlay) => {
        trees.push(JSON.stringify([...overlay].sort()));
        return analyzeStatic(root, noConfig, {}, overlay);
      },
    },
    { rules: RULES },
  );
  assert.ok(result.applied.length > 5, 'several rounds of fixes');
  assert.equal(new Set(trees).size, trees.length);
});

test('a rewrite waits for the fixes inside its lines: the DB_ENGINE switch keeps the SQLite path the data-directory fix wrote', async () => {
  const root = join(temp, 'cis92-lab');
  cpSync(join(repo, '__tests__', 'fixtures', 'fix', 'cis92-lab'), root, { recursive: true });
  const written = await runCli(['fix', 'cis92-lab', '--write']);
  assert.equal(written.code, 0, written.err);
  assert.match(written.err, /TF0602: .*\n(.*\n)* {2}TF0305: /);
  const settings = readFileSync(join(root, 'mysite', 'settings.py'), 'utf8');
  assert.match(
    settings,
    /\n {4}'sqlite': \{\n.*\n {8}'NAME': Path\(os\.environ\.get\('DATA_DIR', BASE_DIR\)\) \/ 'db\.sqlite3',\n/,
  );
  assert.match(settings, /\nDATABASES\['default'\] = DATABASES\[os\.environ\['DB_ENGINE'\]\]\n/);
  // The data directory is handed to the user the image switches to.
  assert.match(
    readFileSync(join(root, 'Dockerfile'), 'utf8'),
    /\nRUN useradd [^\n]*\nRUN mkdir -p \/data && chown app \/data\nENV DATA_DIR=\/data\nVOLUME \/data\nUSER app\n/,
  );
});

test('a fix reads a UTF-16 or UTF-8-with-BOM file as text and writes it back in the encoding it had', () => {
  const root = mkdtempSync(join(temp, 'enc-'));
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('django\r\n', 'utf16le')]);
  writeFileSync(join(root, 'requirements.txt'), le);
  writeFileSync(join(root, 'Dockerfile'), Buffer.from('\uFEFFFROM python:3.12\n', 'utf8'));
  assert.equal(readText(root, 'requirements.txt'), 'django\r\n');
  assert.equal(readText(root, 'Dockerfile'), 'FROM python:3.12\n');
  writeText(root, 'requirements.txt', 'django==5.1.4\r\n');
  writeText(root, 'Dockerfile', 'FROM python:3.12-slim\n');
  writeText(root, 'new.txt', 'x\n');
  assert.deepEqual(
    readFileSync(join(root, 'requirements.txt')),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('django==5.1.4\r\n', 'utf16le')]),
  );
  assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), '\uFEFFFROM python:3.12-slim\n');
  assert.equal(readFileSync(join(root, 'new.txt'), 'utf8'), 'x\n');
});
