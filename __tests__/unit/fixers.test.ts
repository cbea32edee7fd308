import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Finding } from '../../src/core/index.js';
import { makeScratch, readText, writeText } from '../../src/fix/files.js';
import { runFixes, type FixRunResult } from '../../src/fix/run.js';
import { analyzeStatic } from '../../src/pipeline.js';
import { findRule } from '../../src/rules/registry.js';

const temp = mkdtempSync(join(tmpdir(), 'tfr-fixers-test-'));
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

const ports = (root: string) => ({
  analyze: (dir: string) => analyzeStatic(dir, noConfig),
  read: (file: string) => readText(root, file),
  scratch: () => makeScratch(root),
  debug: () => {},
});

const count = (fs: Finding[]) => {
  const m = new Map<string, number>();
  for (const f of fs.filter((x) => !x.suppressed))
    m.set(`${f.ruleId} ${f.file}`, (m.get(`${f.ruleId} ${f.file}`) ?? 0) + 1);
  return m;
};

/**
 * Runs one rule's fixer on a tree and writes the result: the rule's findings are gone, no finding is added, and a
 * second run changes nothing. Returns the run and a reader of the fixed files.
 */
async function fixTree(
  name: string,
  files: Record<string, string>,
  ruleId: string,
): Promise<{ result: FixRunResult; read: (file: string) => string }> {
  const root = tree(name, files);
  const rule = findRule(ruleId)!;
  const before = (await analyzeStatic(root, noConfig)).findings;
  assert.ok(
    before.some((f) => f.ruleId === ruleId),
    `${ruleId} does not fire on the tree before the fix`,
  );
  const result = await runFixes(ports(root), { rules: [rule] });
  for (const [file, { after: text }] of result.changes) writeText(root, file, text);
  const afterFix = (await analyzeStatic(root, noConfig)).findings;
  assert.deepEqual(
    afterFix
      .filter((f) => f.ruleId === ruleId && !f.suppressed)
      .map((f) => `${f.file}:${f.line} ${f.message}`),
    [],
    `dropped: ${result.dropped.map((d) => d.reason).join('; ')}`,
  );
  for (const [key, n] of count(afterFix))
    assert.ok(n <= (count(before).get(key) ?? 0), `new finding: ${key}`);
  const again = await runFixes(ports(root), { rules: [rule] });
  assert.equal(again.changes.size, 0, 'a second run changes nothing');
  return { result, read: (file) => readFileSync(join(root, file), 'utf8') };
}

const APP = { 'manage.py': '', '.dockerignore': '.git\n.env\n*.sqlite3\n' };

test('TF1301: a created user after the last RUN, owning the workdir, before CMD', async () => {
  const { read } = await fixTree(
    'user',
    {
      ...APP,
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install gunicorn==22.0.0\n# start\nCMD ["gunicorn", "mysite.wsgi"]\n',
    },
    'TF1301',
  );
  assert.equal(
    read('Dockerfile'),
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install gunicorn==22.0.0\n# start\nRUN useradd --create-home --uid 10001 app && chown app /app\nUSER app\nCMD ["gunicorn", "mysite.wsgi"]\n',
  );
});

test('TF1301: USER root after the last RUN is replaced; Alpine gets adduser', async () => {
  const { read } = await fixTree(
    'user-root',
    {
      ...APP,
      Dockerfile:
        'FROM python:3.12-alpine\nRUN pip install gunicorn==22.0.0\nUSER root\nCMD ["gunicorn", "mysite.wsgi"]\n',
    },
    'TF1301',
  );
  assert.equal(
    read('Dockerfile'),
    'FROM python:3.12-alpine\nRUN pip install gunicorn==22.0.0\nRUN adduser -D -u 10001 app\nUSER app\nCMD ["gunicorn", "mysite.wsgi"]\n',
  );
});

test("TF0904: a Python TCP check of the exposed port, before CMD, in the start command's python", async () => {
  const { read, result } = await fixTree(
    'health',
    {
      ...APP,
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 8080\nCMD ["python3", "manage.py", "runserver", "0.0.0.0:8080"]\n',
    },
    'TF0904',
  );
  assert.equal(result.applied[0].title, 'HEALTHCHECK on port 8080');
  assert.equal(
    read('Dockerfile').split('\n').slice(4, 6).join('\n'),
    [
      'HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \\',
      `  CMD ["python3", "-c", "import socket; socket.create_connection(('127.0.0.1', 8080), timeout=3).close()"]`,
    ].join('\n'),
  );
});

test('TF0904: HEALTHCHECK NONE is replaced; a compose service that disables its check is left alone', async () => {
  const { read } = await fixTree(
    'health-none',
    { ...APP, Dockerfile: 'FROM python:3.12-slim\nHEALTHCHECK NONE\nCMD ["gunicorn", "mysite.wsgi"]\n' },
    'TF0904',
  );
  assert.match(
    read('Dockerfile'),
    /^FROM python:3.12-slim\nHEALTHCHECK --interval[^]*8000[^]*\nCMD \["gunicorn"/,
  );
  const root = tree('health-disabled', {
    ...APP,
    Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'compose.yaml': 'services:\n  web:\n    build: .\n    healthcheck:\n      disable: true\n',
  });
  const result = await runFixes(ports(root), { rules: [findRule('TF0904')!] });
  assert.equal(result.changes.size, 0);
});
