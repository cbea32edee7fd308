import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runFactsOf, type Finding, type RunFacts } from '../../src/core/index.js';
import type { Overlay } from '../../src/discover/index.js';
import { readText, writeText } from '../../src/fix/files.js';
import { runFixes, type FixRunResult } from '../../src/fix/run.js';
import { validateFixes } from '../../src/github/artifact-fixes.js';
import { analyzeStatic } from '../../src/pipeline.js';
import { verificationLine } from '../../src/report/markdown-fixes.js';
import type { SmokeObservation } from '../../src/rules/lib/dynamic.js';
import { findRule } from '../../src/rules/registry.js';
import { parseBaseImage, parseInstalled, resolvedRef } from '../../src/smoke/steps/image-facts.js';
import { listeningPorts } from '../../src/smoke/steps/listening.js';
import { sqliteFileWritten } from '../../src/smoke/steps/release-one-off.js';

const temp = mkdtempSync(join(tmpdir(), 'tfr-informed-test-'));
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
  analyze: (overlay: Overlay) => analyzeStatic(root, noConfig, {}, overlay),
  read: (file: string) => readText(root, file),
  debug: () => {},
});

const live = (fs: Finding[], ruleId: string) => fs.filter((f) => f.ruleId === ruleId && !f.suppressed);

/**
 * Runs one rule's fixers with the facts of a run (as recorded), writes the result: the rule's findings are gone, no
 * finding is added, and a second run changes nothing.
 */
async function fixWithFacts(
  name: string,
  files: Record<string, string>,
  ruleId: string,
  facts: RunFacts,
  dynamicFindings?: Finding[],
): Promise<{ result: FixRunResult; read: (file: string) => string }> {
  const root = tree(name, files);
  const rule = findRule(ruleId)!;
  const before = (await analyzeStatic(root, noConfig)).findings;
  const options = { rules: [rule], facts, ...(dynamicFindings ? { dynamicFindings } : {}) };
  const result = await runFixes(ports(root), options);
  for (const [file, { after: text }] of result.changes) writeText(root, file, text);
  const fixed = (await analyzeStatic(root, noConfig)).findings;
  assert.deepEqual(
    live(fixed, ruleId).map((f) => `${f.file}:${f.line} ${f.message}`),
    [],
    `dropped: ${result.dropped.map((d) => d.reason).join('; ')}`,
  );
  const key = (f: Finding) => `${f.ruleId} ${f.file}`;
  for (const f of fixed.filter((x) => !x.suppressed))
    assert.ok(
      fixed.filter((x) => key(x) === key(f)).length <= before.filter((x) => key(x) === key(f)).length,
      `new finding: ${key(f)}`,
    );
  assert.equal((await runFixes(ports(root), options)).changes.size, 0, 'a second run changes nothing');
  return { result, read: (file) => readFileSync(join(root, file), 'utf8') };
}

const APP = { 'manage.py': '', '.dockerignore': '.git\n.env\n*.sqlite3\n' };
const INSTALLED: RunFacts = {
  installed: { django: '5.1.4', 'psycopg2-binary': '2.9.10', gunicorn: '23.0.0', pip: '24.3.1' },
};

test('TF0202: requirements lines pinned to the versions installed in the image, extras, markers and comments kept', async () => {
  const { read, result } = await fixWithFacts(
    'requirements',
    {
      ...APP,
      'requirements.txt': [
        '# web',
        'Django>=4.2  # the framework',
        'psycopg2_binary[c] ; python_version >= "3.8"',
        'gunicorn==23.0.0',
        '',
      ].join('\n'),
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
    },
    'TF0202',
    INSTALLED,
  );
  assert.equal(
    read('requirements.txt'),
    [
      '# web',
      'Django==5.1.4  # the framework',
      'psycopg2_binary[c]==2.9.10 ; python_version >= "3.8"',
      'gunicorn==23.0.0',
      '',
    ].join('\n'),
  );
  assert.ok(result.applied.every((f) => f.safety === 'safe'));
  // The fix's title names the pin as written, extras kept.
  assert.ok(
    result.applied.some((f) => f.title.startsWith('psycopg2_binary[c]==2.9.10,')),
    result.applied.map((f) => f.title).join('; '),
  );
});

test('TF0202: bare names in a Dockerfile pip install pinned in place; a package the image lacks leaves the line alone', async () => {
  const { read } = await fixWithFacts(
    'pip-run',
    {
      ...APP,
      Dockerfile: [
        'FROM python:3.12-slim',
        'RUN pip install --upgrade pip',
        'RUN pip install --no-cache-dir \\',
        '    django "gunicorn>=22"',
        'CMD ["gunicorn", "mysite.wsgi"]',
        '',
      ].join('\n'),
    },
    'TF0202',
    INSTALLED,
  );
  assert.match(read('Dockerfile'), /RUN pip install --upgrade pip==24\.3\.1\n/);
  assert.match(read('Dockerfile'), /\n {4}django==5\.1\.4 "gunicorn==23\.0\.0"\n/);
  const root = tree('pip-missing', {
    ...APP,
    Dockerfile: 'FROM python:3.12-slim\nRUN pip install django celery\nCMD ["gunicorn", "mysite.wsgi"]\n',
  });
  const result = await runFixes(ports(root), { rules: [findRule('TF0202')!], facts: INSTALLED });
  assert.equal(result.changes.size, 0, 'celery was not seen installed: nothing is pinned');
  const noFacts = await runFixes(ports(root), { rules: [findRule('TF0202')!] });
  assert.equal(noFacts.changes.size, 0, 'without a smoke run there is no fix');
});

test('TF0203: the packages a RUN installs by name written to a new requirements.txt, installed with COPY and pip install -r', async () => {
  const { read, result } = await fixWithFacts(
    'manifest-new',
    {
      ...APP,
      Dockerfile: [
        'FROM python:3.12-slim',
        'WORKDIR /app',
        'RUN pip install --upgrade pip && \\',
        '    pip install -q django "psycopg2-binary>=2.9" \\',
        '      gunicorn && python -c "import django"',
        'COPY . .',
        'CMD ["gunicorn", "mysite.wsgi"]',
        '',
      ].join('\n'),
    },
    'TF0203',
    INSTALLED,
  );
  assert.equal(read('requirements.txt'), 'django==5.1.4\npsycopg2-binary==2.9.10\ngunicorn==23.0.0\n');
  assert.equal(
    read('Dockerfile'),
    [
      'FROM python:3.12-slim',
      'WORKDIR /app',
      'COPY requirements.txt .',
      'RUN pip install --upgrade pip && \\',
      '    pip install --no-cache-dir -q -r requirements.txt && python -c "import django"',
      'COPY . .',
      'CMD ["gunicorn", "mysite.wsgi"]',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    result.applied.map((f) => [f.ruleId, f.safety]),
    [['TF0203', 'safe']],
  );
});

test('TF0203: a requirements.txt the image did not use gets the missing pins; a package the run did not see declines', async () => {
  const { read } = await fixWithFacts(
    'manifest-unused',
    {
      ...APP,
      'requirements.txt': '# web\nDjango\n',
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir django gunicorn\nCMD ["gunicorn", "mysite.wsgi"]\n',
    },
    'TF0203',
    INSTALLED,
  );
  assert.equal(read('requirements.txt'), '# web\nDjango==5.1.4\ngunicorn==23.0.0\n');
  assert.match(
    read('Dockerfile'),
    /\nCOPY \. \.\nCOPY requirements\.txt \.\nRUN pip install --no-cache-dir -r requirements\.txt\nCMD/,
  );
  for (const [name, files] of [
    ['manifest-unseen', { Dockerfile: 'FROM python:3.12-slim\nRUN pip install django celery\n' }],
    [
      'manifest-pyproject',
      {
        'pyproject.toml': '[project]\nname = "mysite"\n',
        Dockerfile: 'FROM python:3.12-slim\nRUN pip install django\n',
      },
    ],
    [
      'manifest-other-pin',
      {
        'requirements.txt': 'django==4.2.1\n',
        Dockerfile: 'FROM python:3.12-slim\nRUN pip install django\n',
      },
    ],
  ] as const) {
    const root = tree(name, { ...APP, ...files });
    const result = await runFixes(ports(root), { rules: [findRule('TF0203')!], facts: INSTALLED });
    assert.equal(result.changes.size, 0, name);
  }
});

test('TF0203 and TF0202 on one RUN: the pins apply first, the manifest supersedes them, and neither finding is left', async () => {
  const root = tree('manifest-and-pins', {
    ...APP,
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nRUN pip install django gunicorn\nCMD ["gunicorn", "mysite.wsgi"]\n',
  });
  const rules = [findRule('TF0202')!, findRule('TF0203')!];
  const result = await runFixes(ports(root), { rules, facts: INSTALLED });
  assert.deepEqual(
    result.applied.map((f) => f.ruleId),
    ['TF0202', 'TF0203'],
  );
  for (const [file, { after: text }] of result.changes) writeText(root, file, text);
  const fixed = (await analyzeStatic(root, noConfig)).findings;
  assert.deepEqual([...live(fixed, 'TF0202'), ...live(fixed, 'TF0203')], []);
  assert.equal(readFileSync(join(root, 'requirements.txt'), 'utf8'), 'django==5.1.4\ngunicorn==23.0.0\n');
  assert.match(
    readFileSync(join(root, 'Dockerfile'), 'utf8'),
    /\nCOPY requirements\.txt \.\nRUN pip install --no-cache-dir -r requirements\.txt\n/,
  );
  assert.equal((await runFixes(ports(root), { rules, facts: INSTALLED })).changes.size, 0);
});

const DIGEST = `sha256:${'ab'.repeat(32)}`;

test('TF0201: the FROM image pinned to the digest the build resolved; a local image (no digest) or another image pins nothing', async () => {
  const { read } = await fixWithFacts(
    'digest-arg',
    {
      ...APP,
      Dockerfile: 'ARG BASE_IMAGE=python:latest\nFROM ${BASE_IMAGE}\nCMD ["gunicorn", "mysite.wsgi"]\n',
    },
    'TF0201',
    { baseImage: { ref: 'python:latest', id: 'sha256:1', digest: DIGEST } },
  );
  assert.equal(
    read('Dockerfile'),
    `ARG BASE_IMAGE=python:latest@${DIGEST}\nFROM \${BASE_IMAGE}\nCMD ["gunicorn", "mysite.wsgi"]\n`,
  );
  const direct = await fixWithFacts(
    'digest-from',
    { ...APP, Dockerfile: 'FROM python AS base\nCMD ["gunicorn", "mysite.wsgi"]\n' },
    'TF0201',
    { baseImage: { ref: 'python', id: 'sha256:1', digest: DIGEST } },
  );
  assert.match(direct.read('Dockerfile'), new RegExp(`^FROM python@${DIGEST} AS base\n`));
  for (const [name, baseImage] of [
    ['digest-local', { ref: 'python:latest', id: 'sha256:1' }],
    ['digest-other', { ref: 'tfr-test/django-base:bookworm', id: 'sha256:1', digest: DIGEST }],
  ] as const) {
    const root = tree(name, { ...APP, Dockerfile: 'FROM python:latest\nCMD ["gunicorn", "mysite.wsgi"]\n' });
    const result = await runFixes(ports(root), { rules: [findRule('TF0201')!], facts: { baseImage } });
    assert.equal(result.changes.size, 0, name);
  }
});

test('TF0701/TF0704: EXPOSE of the port the server was seen listening on', async () => {
  const added = await fixWithFacts(
    'expose-add',
    {
      ...APP,
      Dockerfile:
        'FROM python:3.12-slim\nRUN pip install -r /dev/null\nCMD ["gunicorn", "-b", "0.0.0.0:8080", "mysite.wsgi"]\n',
    },
    'TF0701',
    { port: 8080 },
  );
  assert.match(added.read('Dockerfile'), /\nEXPOSE 8080\nCMD \[/);
  const changed = await fixWithFacts(
    'expose-change',
    {
      ...APP,
      Dockerfile: 'FROM python:3.12-slim\nEXPOSE 80\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]\n',
    },
    'TF0704',
    { port: 8000 },
  );
  assert.match(changed.read('Dockerfile'), /\nEXPOSE 8000\nCMD \[/);
});

const SQLITE_SETTINGS = {
  'mysite/settings.py': [
    'import os',
    'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
    'DEBUG = False',
    'ALLOWED_HOSTS = ["example.com"]',
    'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",',
    '                         "NAME": os.environ.get("SQLITE_PATH", "/data/db.sqlite3")}}',
    '',
  ].join('\n'),
};

test('TF0602: a VOLUME at the directory SQLite was seen writing, made and given to the non-root USER before it', async () => {
  const { read, result } = await fixWithFacts(
    'volume-user',
    {
      ...APP,
      ...SQLITE_SETTINGS,
      Dockerfile: [
        'FROM python:3.12-slim',
        'WORKDIR /app',
        'COPY . .',
        'RUN useradd app',
        'USER app',
        'CMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]',
        '',
      ].join('\n'),
    },
    'TF0602',
    { sqliteDir: '/data' },
  );
  assert.match(read('Dockerfile'), /\nRUN mkdir -p \/data && chown app \/data\nVOLUME \/data\nUSER app\n/);
  assert.equal(result.applied[0]?.safety, 'safe');
});

test('TF0604: the dynamic finding gets the VOLUME too (root image: no chown); without the directory seen, nothing', async () => {
  const files = {
    ...APP,
    ...SQLITE_SETTINGS,
    'compose.yaml': 'services:\n  web:\n    build: .\n    volumes:\n      - data:/srv\nvolumes:\n  data:\n',
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]\n',
  };
  const lost: Finding = {
    ruleId: 'TF0604',
    fingerprint: 'lost-1',
    file: 'mysite/settings.py',
    line: 6,
    severity: 'error',
    message: 'The data written by the first container is not in the second one',
  } as Finding;
  const { read, result } = await fixWithFacts('volume-lost', files, 'TF0604', { sqliteDir: '/data' }, [lost]);
  assert.deepEqual(
    result.applied.map((f) => f.ruleId),
    ['TF0604'],
  );
  assert.match(read('Dockerfile'), /COPY \. \.\nVOLUME \/data\nCMD \[/);
  const root = tree('volume-unseen', files);
  const none = await runFixes(ports(root), {
    rules: [findRule('TF0604')!],
    facts: {},
    dynamicFindings: [lost],
  });
  assert.equal(none.changes.size, 0);
});

test('run facts: the observations recorded become what the fixers read', () => {
  const listening = (...ports: number[]): SmokeObservation[] =>
    ports.map((port) => ({ kind: 'listening', engine: 'sqlite', port, answered: false }));
  assert.equal(runFactsOf(listening(8000, 8000)).port, 8000);
  assert.equal(runFactsOf(listening(8000, 9191)).port, undefined, 'several ports, none answered: no port');
  const observations: SmokeObservation[] = [
    { kind: 'installed-packages', packages: { Django: '5.1.4', 'zope.interface': '7.2' } },
    { kind: 'base-image', ref: 'python:3.12', id: 'sha256:1' },
    { kind: 'listening', engine: 'postgres', port: 9000, answered: false },
    { kind: 'listening', engine: 'sqlite', port: 8000, answered: true },
    { kind: 'sqlite-written', engine: 'sqlite', path: '/app/data/db.sqlite3' },
    { kind: 'first-answer', engine: 'sqlite', durationMs: 1, budgetMs: 2 },
  ];
  assert.deepEqual(runFactsOf(observations), {
    installed: { django: '5.1.4', 'zope-interface': '7.2' },
    baseImage: { ref: 'python:3.12', id: 'sha256:1' },
    port: 8000,
    sqliteDir: '/app/data',
  });
});

test('smoke facts parsers: installed packages, the base image inspected, /proc/net/tcp, the SQLite file written', () => {
  assert.deepEqual(parseInstalled('noise\ntfr-packages:{"Django": "5.1.4", "bad": "1 2", "n": 3}\n'), {
    kind: 'installed-packages',
    packages: { Django: '5.1.4' },
  });
  assert.equal(parseInstalled('tfr-packages:{oops'), undefined);
  const inspected = JSON.stringify({
    Id: 'sha256:1',
    RepoDigests: [`other@sha256:${'cd'.repeat(32)}`, `python@${DIGEST}`],
  });
  assert.deepEqual(parseBaseImage('docker.io/library/python:3.12', inspected), {
    kind: 'base-image',
    ref: 'docker.io/library/python:3.12',
    id: 'sha256:1',
    digest: DIGEST,
  });
  assert.deepEqual(
    parseBaseImage('tfr-test/django-base:bookworm', JSON.stringify({ Id: 'sha256:2', RepoDigests: [] })),
    {
      kind: 'base-image',
      ref: 'tfr-test/django-base:bookworm',
      id: 'sha256:2',
    },
  );
  const args = [{ name: 'BASE_IMAGE', default: 'python:latest' }];
  assert.equal(resolvedRef('${BASE_IMAGE}', args, {}), 'python:latest');
  assert.equal(resolvedRef('--platform=linux/amd64 ${BASE_IMAGE}', args, { BASE_IMAGE: 'x:1' }), 'x:1');
  assert.equal(resolvedRef('$NOPE', args, {}), undefined);
  const tcp = [
    '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
    '   0: 00000000:1F40 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1',
    '   1: 0100007F:1F40 0100007F:9C40 01 00000000:00000000 00:00000000 00000000  1000        0 2',
    '   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 0 0 0 0 0 3',
  ].join('\n');
  assert.deepEqual(listeningPorts(tcp), [8000, 8080]);
  assert.equal(
    sqliteFileWritten({ exitCode: 0, stdout: 'tfr-written\ntfr-sqlite-file:/app/db.sqlite3\n', stderr: '' }),
    '/app/db.sqlite3',
  );
  assert.equal(sqliteFileWritten({ exitCode: 0, stdout: 'tfr-written\n', stderr: '' }), undefined);
});

test('verification: the line of the comment, and an untrusted artifact carries it checked', () => {
  assert.equal(
    verificationLine({ engines: { sqlite: { status: 'passed' }, postgres: { status: 'warnings' } } }),
    'With these fixes: SQLite ✅ PostgreSQL ✅',
  );
  assert.equal(
    verificationLine({
      engines: {
        sqlite: { status: 'passed' },
        postgres: { status: 'failed', reason: 'Migrate: exit code 1.' },
      },
    }),
    'With these fixes: SQLite ✅ PostgreSQL ❌ Still failing: PostgreSQL: Migrate\\: exit code 1\\.',
  );
  assert.equal(
    verificationLine({ buildFailed: 'failed at RUN x', engines: {} }),
    'With these fixes: the image does not build (failed at RUN x).',
  );
  const base = { patch: '', withheld: [], variables: [], suggestions: [] };
  const applied = [{ ruleId: 'TF0202', fingerprint: 'f1', title: 'django==5.1.4' }];
  const verification = { engines: { sqlite: { status: 'passed' } } };
  assert.deepEqual(validateFixes({ ...base, applied, verification }, []), {
    ...base,
    applied,
    verification,
  });
  assert.equal(
    validateFixes({ ...base, applied: [], verification: { engines: { mysql: { status: 'passed' } } } }, []),
    'verification names an unknown engine or status',
  );
});

test('TF0602 waits for TF1301: the VOLUME comes in a later round, its directory made and given to the user created', async () => {
  const root = tree('volume-after-user', {
    ...APP,
    ...SQLITE_SETTINGS,
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r /dev/null\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]\n',
  });
  const result = await runFixes(ports(root), {
    rules: [findRule('TF0602')!, findRule('TF1301')!],
    facts: { sqliteDir: '/data' },
  });
  assert.deepEqual(
    result.applied.map((f) => f.ruleId),
    ['TF1301', 'TF0602'],
  );
  assert.match(
    result.changes.get('Dockerfile')!.after,
    /\nRUN useradd [^\n]*\nRUN mkdir -p \/data && chown app \/data\nVOLUME \/data\nUSER app\nCMD \[/,
  );
});

test('TF0602: a VOLUME where SQLite wrote, never over the code directory (SQLite beside manage.py)', async () => {
  const root = tree('volume-over-code', {
    ...APP,
    ...SQLITE_SETTINGS,
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]\n',
  });
  const result = await runFixes(ports(root), { rules: [findRule('TF0602')!], facts: { sqliteDir: '/app' } });
  assert.ok(!result.applied.some((f) => f.title.startsWith('VOLUME /app,')), 'no VOLUME on /app');
  assert.ok(!result.dropped.some((d) => d.fix.title.startsWith('VOLUME /app,')), 'none proposed either');
  const seen = await runFixes(ports(root), { rules: [findRule('TF0602')!], facts: { sqliteDir: '/data' } });
  assert.match(seen.changes.get('Dockerfile')?.after ?? '', /\nVOLUME \/data\nCMD \[/);
});

test('TF0602 on a base with no shell: no RUN mkdir/chown; a VOLUME only where a COPY --chown gives the user the directory', async () => {
  const dockerfile = (copy: string) =>
    [
      'FROM python:3.12-slim AS build',
      'WORKDIR /app',
      'COPY . .',
      'RUN mkdir /out-data',
      'FROM gcr.io/distroless/python3-debian12',
      'COPY --from=build --chown=nonroot:nonroot /app /app',
      copy,
      'WORKDIR /app',
      'USER nonroot',
      'CMD ["python3", "-m", "gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]',
      '',
    ].join('\n');
  const fixed = async (name: string, copy: string) => {
    const root = tree(name, { ...APP, ...SQLITE_SETTINGS, Dockerfile: dockerfile(copy) });
    const result = await runFixes(ports(root), {
      rules: [findRule('TF0602')!],
      facts: { sqliteDir: '/data' },
    });
    return result.changes.get('Dockerfile')?.after;
  };
  assert.equal(await fixed('shell-less-root-dir', 'COPY --from=build /out-data /data'), undefined);
  const given =
    (await fixed('shell-less-given-dir', 'COPY --from=build --chown=nonroot:nonroot /out-data /data')) ?? '';
  assert.match(given, /\nUSER nonroot\nVOLUME \/data\nCMD \[/);
  assert.doesNotMatch(given, /mkdir -p \/data|chown nonroot/);
});
