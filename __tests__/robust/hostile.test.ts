import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/config.js';
import type { Finding } from '../../src/model/types/finding.js';
import { analyzeStatic } from '../../src/pipeline.js';

// Hostile repositories: each must give a clear TF0001 or a normal report, quickly, without reading outside the tree.
const HANG_GUARD = { timeout: 60_000 };
const base = mkdtempSync(join(tmpdir(), 'tfr-hostile-'));
after(() => rmSync(base, { recursive: true, force: true }));

let n = 0;
function repo(files: Record<string, string | Buffer>): string {
  const root = join(base, `repo${n++}`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const GOOD_SETTINGS = "import os\nSECRET_KEY = os.environ['SECRET_KEY']\nDEBUG = False\n";
const MANAGE = "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n";

async function analyze(root: string): Promise<Finding[]> {
  const { findings } = await analyzeStatic(root, DEFAULT_CONFIG);
  return findings;
}

function parseErrorsIn(findings: Finding[], file: string): Finding[] {
  return findings.filter((f) => f.ruleId === 'TF0001' && f.file === file);
}

test('symlinks pointing outside the repository are never followed nor read', HANG_GUARD, async () => {
  const outside = join(base, 'outside');
  mkdirSync(outside, { recursive: true });
  const marker = `outside-marker-${process.pid}`;
  writeFileSync(join(outside, 'Dockerfile'), `FROM ${marker}:latest\n`);
  writeFileSync(join(outside, 'settings.py'), `SECRET_KEY = '${marker}'\n`);
  mkdirSync(join(outside, 'tree'), { recursive: true });
  writeFileSync(join(outside, 'tree', 'compose.yaml'), `services:\n  ${marker}:\n    image: ${marker}\n`);
  const root = repo({ 'manage.py': MANAGE, 'mysite/__init__.py': '' });
  symlinkSync(join(outside, 'Dockerfile'), join(root, 'Dockerfile'));
  symlinkSync(join(outside, 'settings.py'), join(root, 'mysite', 'settings.py'));
  symlinkSync(join(outside, 'tree'), join(root, 'linked'));
  symlinkSync('/', join(root, 'rootfs'));
  const { project, findings } = await analyzeStatic(root, DEFAULT_CONFIG);
  assert.doesNotMatch(JSON.stringify({ project, findings }), new RegExp(marker));
});

test('a directory named Dockerfile is not a Dockerfile', HANG_GUARD, async () => {
  const root = repo({ 'Dockerfile/README': 'not a Dockerfile', 'manage.py': MANAGE });
  const findings = await analyze(root);
  assert.deepEqual(parseErrorsIn(findings, 'Dockerfile'), []);
});

test('a Dockerfile of tens of megabytes is reported as too large, not read', HANG_GUARD, async () => {
  const line = 'RUN echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n';
  const root = repo({ Dockerfile: 'FROM python:3.12-slim\n' + line.repeat(400_000), 'manage.py': MANAGE });
  const errors = parseErrorsIn(await analyze(root), 'Dockerfile');
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /large|MiB|MB|size/i);
});

test('deeply nested YAML gives TF0001 on the compose file', HANG_GUARD, async () => {
  const root = repo({
    'compose.yaml': 'services:\n  web:\n    x: ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n',
  });
  const findings = await analyze(root);
  assert.equal(parseErrorsIn(findings, 'compose.yaml').length, 1);
});

test('a YAML alias bomb gives TF0001 with bounded memory', HANG_GUARD, async () => {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 12; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const root = repo({
    'compose.yaml': `x-bomb:\n${levels.map((l) => '  ' + l).join('\n')}\nservices:\n  web:\n    image: *l\n`,
  });
  const before = process.memoryUsage().rss;
  const findings = await analyze(root);
  assert.equal(parseErrorsIn(findings, 'compose.yaml').length, 1);
  assert.ok(process.memoryUsage().rss - before < 512 * 1024 * 1024, 'the alias bomb must not be expanded');
});

test('thousands of compose services give a normal report', HANG_GUARD, async () => {
  const services = Array.from({ length: 5000 }, (_, i) => `  svc${i}:\n    image: redis:7\n`).join('');
  const root = repo({ 'compose.yaml': `services:\n${services}`, 'manage.py': MANAGE });
  const findings = await analyze(root);
  assert.deepEqual(parseErrorsIn(findings, 'compose.yaml'), []);
});

test(
  'non-UTF-8 and NUL bytes in a Dockerfile and in settings give TF0001 for each, and the rest goes on',
  HANG_GUARD,
  async () => {
    const root = repo({
      Dockerfile: Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0xfe, 0x00, 0x0a]),
      'manage.py': MANAGE,
      'mysite/__init__.py': '',
      'mysite/settings.py': Buffer.concat([
        Buffer.from("SECRET_KEY = 'x'\n"),
        Buffer.from([0xc3, 0x28, 0x00]),
      ]),
      'compose.yaml': 'services:\n  db:\n    image: postgres\n',
    });
    const findings = await analyze(root);
    assert.equal(parseErrorsIn(findings, 'Dockerfile').length, 1);
    assert.equal(parseErrorsIn(findings, 'mysite/settings.py').length, 1);
    assert.ok(
      findings.some((f) => f.ruleId === 'TF0205' && f.file === 'compose.yaml'),
      'compose is still judged',
    );
  },
);

test('an unterminated heredoc gives TF0001 or a normal report, never a crash', HANG_GUARD, async () => {
  const root = repo({
    Dockerfile: 'FROM python:3.12-slim\nRUN <<EOF\npip install django\nCMD ["gunicorn"]\n',
  });
  const findings = await analyze(root);
  for (const f of findings) if (f.file === 'Dockerfile' && f.line !== undefined) assert.ok(f.line <= 5);
});

test(
  'compose values of the wrong type give TF0001 at their line, and the valid parts are still judged',
  HANG_GUARD,
  async () => {
    const root = repo({
      'compose.yaml': [
        'services:',
        '  web:',
        '    build: .',
        '    ports: 8000',
        '    environment: 12',
        '    volumes: "oops"',
        '    container_name: web',
        '  broken: 5',
        '  db:',
        '    image: postgres:latest',
        '',
      ].join('\n'),
      Dockerfile:
        'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]\n',
      'manage.py': MANAGE,
      'mysite/settings.py': GOOD_SETTINGS,
    });
    const findings = await analyze(root);
    const errors = parseErrorsIn(findings, 'compose.yaml');
    assert.ok(errors.length >= 1 && errors.every((e) => e.line !== undefined), JSON.stringify(errors));
    assert.ok(
      findings.some((f) => f.ruleId === 'TF0205' && f.line === 10),
      'the db service is still judged',
    );
  },
);

test('empty files everywhere give a normal report', HANG_GUARD, async () => {
  const root = repo({
    Dockerfile: '',
    'compose.yaml': '',
    'manage.py': '',
    'mysite/settings.py': '',
    '.dockerignore': '',
  });
  await analyze(root);
});
