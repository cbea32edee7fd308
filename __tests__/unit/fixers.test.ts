import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Finding } from '../../src/core/index.js';
import type { Overlay } from '../../src/discover/index.js';
import { readText, writeText } from '../../src/fix/files.js';
import { suggestionOf } from '../../src/fix/publish.js';
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
  analyze: (overlay: Overlay) => analyzeStatic(root, noConfig, {}, overlay),
  read: (file: string) => readText(root, file),
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

const WEB = {
  ...APP,
  Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
};

test('TF0307: literal secrets in compose become ${VAR} (mapping and list, quotes and comments kept), named for the user', async () => {
  const { read, result } = await fixTree(
    'compose-secret',
    {
      ...WEB,
      'compose.yaml': [
        'services:',
        '  web:',
        '    build: .',
        '    environment:',
        "      DB_PASSWORD: 'hunter2-db'  # keep me",
        '      DEBUG: "0"',
        '  db:',
        '    image: postgres:16',
        '    environment:',
        '      - "POSTGRES_PASSWORD=hunter2-db"',
        '',
      ].join('\n'),
    },
    'TF0307',
  );
  assert.equal(
    read('compose.yaml'),
    [
      'services:',
      '  web:',
      '    build: .',
      '    environment:',
      '      DB_PASSWORD: ${DB_PASSWORD}  # keep me',
      '      DEBUG: "0"',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      - "POSTGRES_PASSWORD=${POSTGRES_PASSWORD}"',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    result.applied.flatMap((f) => f.variables),
    ['DB_PASSWORD', 'POSTGRES_PASSWORD'],
  );
  assert.doesNotMatch(JSON.stringify(result.applied.map((f) => f.title)), /hunter2/);
});

test('TF0306: an ENV of one secret is removed, a secret pair among others is cut out', async () => {
  const { read, result } = await fixTree(
    'dockerfile-secret',
    {
      ...APP,
      Dockerfile:
        'FROM python:3.12-slim\nENV DJANGO_SECRET_KEY=not-a-real-secret-1234\nENV A=1 API_TOKEN="abc def" B=2\nENV DB_PASSWORD=pw1234 C=3\nCMD ["gunicorn", "mysite.wsgi"]\n',
    },
    'TF0306',
  );
  assert.equal(
    read('Dockerfile'),
    'FROM python:3.12-slim\nENV A=1 B=2\nENV C=3\nCMD ["gunicorn", "mysite.wsgi"]\n',
  );
  assert.deepEqual(result.applied.flatMap((f) => f.variables).sort(), [
    'API_TOKEN',
    'DB_PASSWORD',
    'DJANGO_SECRET_KEY',
  ]);
});

test('TF0402: a list depends_on takes the long syntax, PostgreSQL gets a pg_isready healthcheck', async () => {
  const { read } = await fixTree(
    'depends-list',
    {
      ...WEB,
      'compose.yaml': [
        'services:',
        '  web:',
        '    build: .',
        '    depends_on:',
        '      - cache',
        '      - db',
        '  cache:',
        '    image: redis:7',
        '  db:',
        '    image: postgres:16',
        '',
      ].join('\n'),
    },
    'TF0402',
  );
  assert.equal(
    read('compose.yaml'),
    [
      'services:',
      '  web:',
      '    build: .',
      '    depends_on:',
      '      cache:',
      '        condition: service_started',
      '      db:',
      '        condition: service_healthy',
      '  cache:',
      '    image: redis:7',
      '  db:',
      '    healthcheck:',
      '      test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]',
      '      interval: 5s',
      '      timeout: 5s',
      '      retries: 10',
      '    image: postgres:16',
      '',
    ].join('\n'),
  );
});

test('TF0402: flow lists and long syntax keep their indentation; a condition written is replaced', async () => {
  const flow = await fixTree(
    'depends-flow',
    {
      ...WEB,
      'compose.yaml':
        'services:\n    web:\n        build: .\n        depends_on: [db]\n    db:\n        image: postgres:16\n        healthcheck:\n            test: ["CMD", "pg_isready"]\n',
    },
    'TF0402',
  );
  assert.match(
    flow.read('compose.yaml'),
    /\n {8}depends_on:\n {12}db:\n {16}condition: service_healthy\n {4}db:\n/,
  );
  const long = await fixTree(
    'depends-long',
    {
      ...WEB,
      'compose.yaml':
        'services:\n  web:\n    build: .\n    depends_on:\n      db:\n        condition: service_started\n        restart: true\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n',
    },
    'TF0402',
  );
  assert.match(long.read('compose.yaml'), /\n {6}db:\n {8}condition: service_healthy\n {8}restart: true\n/);
});

const SETTINGS_HEAD = [
  'import os',
  'from pathlib import Path',
  '',
  'BASE_DIR = Path(__file__).resolve().parent.parent',
  "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']",
  'DEBUG = False',
  "ALLOWED_HOSTS = ['example.com']",
  '',
];

test('TF0305/TF0304: a hard-coded PostgreSQL DATABASES becomes the DB_ENGINE switch, its values as fallbacks but the password; SQLite under DATA_DIR on a VOLUME', async () => {
  const files = {
    ...WEB,
    'mysite/settings.py': [
      ...SETTINGS_HEAD,
      'DATABASES = {',
      "    'default': {",
      "        'ENGINE': 'django.db.backends.postgresql',",
      "        'NAME': 'mysite',",
      "        'USER': 'mysite',",
      "        'PASSWORD': 'mysite-password',",
      "        'HOST': 'db',",
      "        'PORT': '5432',",
      '    }',
      '}',
      "STATIC_URL = 'static/'",
      '',
    ].join('\n'),
  };
  for (const rule of ['TF0305', 'TF0304']) {
    const { read, result } = await fixTree(`switch-${rule}`, files, rule);
    assert.equal(
      read('mysite/settings.py'),
      [
        ...SETTINGS_HEAD,
        'DATABASES = {',
        "    'sqlite': {",
        "        'ENGINE': 'django.db.backends.sqlite3',",
        "        'NAME': Path(os.environ.get('DATA_DIR', BASE_DIR)) / 'db.sqlite3',",
        '    },',
        "    'postgres': {",
        "        'ENGINE': 'django.db.backends.postgresql',",
        "        'NAME': os.environ.get('DB_NAME', 'mysite'),",
        "        'USER': os.environ.get('DB_USER', 'mysite'),",
        "        'PASSWORD': os.environ.get('DB_PASSWORD', ''),",
        "        'HOST': os.environ.get('DB_HOST', 'db'),",
        "        'PORT': os.environ.get('DB_PORT', '5432'),",
        '    },',
        '}',
        "DATABASES['default'] = DATABASES[os.environ.get('DB_ENGINE', 'postgres')]",
        "STATIC_URL = 'static/'",
        '',
      ].join('\n'),
    );
    // A SQLite file under /app would die with the container: the image keeps DATA_DIR on a volume.
    assert.equal(
      read('Dockerfile'),
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENV DATA_DIR=/data\nVOLUME /data\nCMD ["gunicorn", "mysite.wsgi"]\n',
    );
    assert.deepEqual(result.applied[0].variables, ['DB_PASSWORD']);
    assert.doesNotMatch(JSON.stringify(result.applied.map((f) => [f.title, f.edits])), /mysite-password/);
    assert.deepEqual(result.applied[0].secrets, ['mysite-password']);
  }
});

const POSTGRES_DATABASES = [
  'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "mysite", "HOST": "db"}}',
  '',
];

test("TF0305: the switch's SQLite file in os.path form under DATA_DIR, quoted as the file quotes; with a non-root USER /data is made and handed over before it", async () => {
  const { read } = await fixTree(
    'switch-data-dir-user',
    {
      ...WEB,
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN useradd app\nUSER app\nCMD ["gunicorn", "mysite.wsgi"]\n',
      'mysite/settings.py': [
        'import os',
        'BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))',
        'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
        'DEBUG = False',
        'ALLOWED_HOSTS = ["example.com"]',
        ...POSTGRES_DATABASES,
      ].join('\n'),
    },
    'TF0305',
  );
  assert.match(
    read('mysite/settings.py'),
    /\n {8}"NAME": os\.path\.join\(os\.environ\.get\("DATA_DIR", BASE_DIR\), "db\.sqlite3"\),\n/,
  );
  assert.equal(
    read('Dockerfile'),
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN useradd app\nRUN mkdir -p /data && chown app /data\nENV DATA_DIR=/data\nVOLUME /data\nUSER app\nCMD ["gunicorn", "mysite.wsgi"]\n',
  );
});

test('TF0305: an image that already keeps DATA_DIR on VOLUME /data is left as it is; a hard-coded SQLite keeps its own path and the Dockerfile', async () => {
  const ready =
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENV DATA_DIR=/data\nVOLUME /data\nCMD ["gunicorn", "mysite.wsgi"]\n';
  const withVolume = await fixTree(
    'switch-data-dir-ready',
    {
      ...WEB,
      Dockerfile: ready,
      'mysite/settings.py': [...SETTINGS_HEAD, ...POSTGRES_DATABASES].join('\n'),
    },
    'TF0305',
  );
  assert.match(
    withVolume.read('mysite/settings.py'),
    /\n {8}"NAME": Path\(os\.environ\.get\("DATA_DIR", BASE_DIR\)\) \/ "db\.sqlite3",\n/,
  );
  assert.equal(withVolume.read('Dockerfile'), ready);
  const sqlite = await fixTree(
    'switch-sqlite-no-volume',
    {
      ...WEB,
      'mysite/settings.py': [
        ...SETTINGS_HEAD,
        "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': '/data/db.sqlite3'}}",
        '',
      ].join('\n'),
    },
    'TF0305',
  );
  assert.match(sqlite.read('mysite/settings.py'), /\n {8}'NAME': '\/data\/db\.sqlite3',\n/);
  assert.equal(sqlite.read('Dockerfile'), WEB.Dockerfile);
});

test('TF0305: a hard-coded SQLite DATABASES keeps its NAME as written, DB_ENGINE required (no silent SQLite default); double quotes kept', async () => {
  const { read } = await fixTree(
    'switch-sqlite',
    {
      ...WEB,
      'mysite/settings.py': [
        'from pathlib import Path',
        'BASE_DIR = Path(__file__).resolve().parent.parent',
        'SECRET_KEY = __import__("os").environ["DJANGO_SECRET_KEY"]',
        'DEBUG = False',
        'ALLOWED_HOSTS = ["example.com"]',
        'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",',
        '                         "NAME": BASE_DIR / "data" / "db.sqlite3"}}',
        '',
      ].join('\n'),
    },
    'TF0305',
  );
  const text = read('mysite/settings.py');
  assert.match(text, /^import os\nfrom pathlib import Path\n/);
  assert.match(text, /\n {8}"NAME": BASE_DIR \/ "data" \/ "db\.sqlite3",\n/);
  assert.match(text, /\nDATABASES\["default"\] = DATABASES\[os\.environ\["DB_ENGINE"\]\]\n$/);
});

test('TF0304: in a DATABASES chosen from the environment, a literal credential is read from DB_*', async () => {
  const { read } = await fixTree(
    'credential',
    {
      ...WEB,
      'mysite/settings.py': [
        ...SETTINGS_HEAD,
        'DATABASES = {',
        "    'default': {",
        "        'ENGINE': os.environ.get('DB_BACKEND', 'django.db.backends.postgresql'),",
        "        'NAME': os.environ.get('DB_NAME', 'app'),",
        "        'USER': 'app',  # the lab's user",
        "        'PASSWORD': 'app-password',",
        "        'HOST': os.environ.get('DB_HOST', 'db'),",
        '    }',
        '}',
        '',
      ].join('\n'),
    },
    'TF0304',
  );
  const text = read('mysite/settings.py');
  assert.match(text, /'USER': os\.environ\.get\('DB_USER', 'app'\), {2}# the lab's user\n/);
  assert.match(text, /'PASSWORD': os\.environ\.get\('DB_PASSWORD', ''\),\n/);
});

test('TF0401: compose hosts become the service of their kind, the image ENV goes, settings read the host from the environment', async () => {
  const compose = await fixTree(
    'backing-compose',
    {
      ...WEB,
      'compose.yaml': [
        'services:',
        '  web:',
        '    build: .',
        '    environment:',
        '      DATABASE_HOST: localhost  # the laptop',
        '      REDIS_URL: redis://127.0.0.1:6379/0',
        '  db:',
        '    image: postgres:16',
        '  cache:',
        '    image: redis:7',
        '',
      ].join('\n'),
    },
    'TF0401',
  );
  assert.match(
    compose.read('compose.yaml'),
    /\n {6}DATABASE_HOST: db {2}# the laptop\n {6}REDIS_URL: redis:\/\/cache:6379\/0\n/,
  );
  const image = await fixTree(
    'backing-env',
    {
      ...APP,
      Dockerfile:
        'FROM python:3.12-slim\nENV DB_HOST=localhost DB_PORT=5432\nCMD ["gunicorn", "mysite.wsgi"]\n',
    },
    'TF0401',
  );
  assert.match(image.read('Dockerfile'), /\nENV DB_PORT=5432\n/);
  const settings = await fixTree(
    'backing-settings',
    {
      ...WEB,
      'mysite/settings.py': [
        ...SETTINGS_HEAD,
        'DATABASES = {',
        "    'default': {",
        "        'ENGINE': os.environ.get('DB_BACKEND', 'django.db.backends.postgresql'),",
        "        'NAME': os.environ.get('DB_NAME', 'app'),",
        "        'HOST': '127.0.0.1',",
        '    }',
        '}',
        "CELERY_BROKER_URL = 'redis://localhost:6379/0'",
        '',
      ].join('\n'),
    },
    'TF0401',
  );
  const text = settings.read('mysite/settings.py');
  assert.match(text, /'HOST': os\.environ\.get\('DB_HOST', '127\.0\.0\.1'\),\n/);
  assert.match(
    text,
    /\nCELERY_BROKER_URL = os\.environ\.get\('CELERY_BROKER_URL', 'redis:\/\/localhost:6379\/0'\)\n/,
  );
});

test('TF0201: suggested only, the python tag of the version the repository names, where the image is written', async () => {
  const root = tree('tag-arg', {
    ...APP,
    '.python-version': '3.12.4\n',
    Dockerfile: 'ARG BASE_IMAGE=python:latest\nFROM ${BASE_IMAGE}\nCMD ["gunicorn", "mysite.wsgi"]\n',
  });
  const result = await runFixes(ports(root), { rules: [findRule('TF0201')!] });
  assert.equal(result.changes.size, 0, 'a suggestion is never applied');
  assert.deepEqual(
    result.suggestions.map((s) => suggestionOf(s, (f) => readText(root, f))?.lines),
    [['ARG BASE_IMAGE=python:3.12']],
  );
  const direct = tree('tag-from', {
    ...APP,
    'runtime.txt': 'python-3.11.9\n',
    Dockerfile: 'FROM python AS base\nCMD ["gunicorn", "mysite.wsgi"]\n',
  });
  const pinned = await runFixes(ports(direct), { rules: [findRule('TF0201')!] });
  assert.equal(pinned.suggestions[0]?.title, 'python pinned to python:3.11');
  const unknown = tree('tag-unknown', {
    ...APP,
    Dockerfile: 'FROM python:latest\nCMD ["gunicorn", "mysite.wsgi"]\n',
  });
  assert.deepEqual((await runFixes(ports(unknown), { rules: [findRule('TF0201')!] })).suggestions, []);
});

test('TF0103: the missing patterns are appended to the .dockerignore, its own lines kept', async () => {
  const { read } = await fixTree(
    'dockerignore-gaps',
    {
      'manage.py': '',
      '.env': 'SECRET=1\n',
      'db.sqlite3': '',
      '.dockerignore': '# mine\nnode_modules',
      Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
    },
    'TF0103',
  );
  // The file had no final newline: one is added before the appended patterns.
  assert.equal(read('.dockerignore'), '# mine\nnode_modules\n.env*\n*.sqlite3\n');
});

const SQLITE_SETTINGS = (name: string, extra: string[] = []) =>
  [
    'import os',
    'from pathlib import Path',
    'BASE_DIR = Path(__file__).resolve().parent.parent',
    'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
    'DEBUG = False',
    'ALLOWED_HOSTS = ["example.com"]',
    "if os.environ.get('DB_ENGINE', 'sqlite') == 'sqlite':",
    "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3',",
    `                             'NAME': ${name}}}`,
    'else:',
    "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'PASSWORD': os.environ['DB_PASSWORD']}}",
    ...extra,
    '',
  ].join('\n');

test('TF0601: the SQLite files are appended to the .dockerignore (nested ones with **), its lines kept', async () => {
  const { read } = await fixTree(
    'sqlite-ignore',
    {
      ...WEB,
      '.dockerignore': '.git\n# local\n.env',
      'db.sqlite3': 'SQLite format 3',
      'data/old.sqlite3': 'SQLite format 3',
    },
    'TF0601',
  );
  assert.equal(read('.dockerignore'), '.git\n# local\n.env\n*.sqlite3\n**/*.sqlite3\n');
});

test('TF0601: without a .dockerignore a whole one is created; a COPY naming the database is left alone', async () => {
  const { read } = await fixTree(
    'sqlite-new-ignore',
    { 'manage.py': '', Dockerfile: WEB.Dockerfile, 'db.sqlite3': 'SQLite format 3' },
    'TF0601',
  );
  assert.match(read('.dockerignore'), /^\.git\n(.*\n)*\*\.sqlite3\n/);
  const root = tree('sqlite-named', {
    'manage.py': '',
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY manage.py db.sqlite3 ./\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'db.sqlite3': 'SQLite format 3',
  });
  const findings = (await analyzeStatic(root, noConfig)).findings;
  assert.ok(findings.some((f) => f.ruleId === 'TF0601'));
  const result = await runFixes(ports(root), { rules: [findRule('TF0601')!] });
  assert.equal(result.changes.size, 0, 'ignoring a file the COPY names would break the build');
});

test('TF0501: a RUN whose one command is the build-time migrate is removed; one chained with others is left', async () => {
  const { read } = await fixTree(
    'build-migrate',
    {
      ...WEB,
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN python manage.py migrate\nCMD ["gunicorn", "mysite.wsgi"]\n',
    },
    'TF0501',
  );
  assert.equal(
    read('Dockerfile'),
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
  );
  const root = tree('build-migrate-chained', {
    ...WEB,
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN python manage.py collectstatic --noinput && python manage.py migrate\nCMD ["gunicorn", "mysite.wsgi"]\n',
  });
  assert.ok((await analyzeStatic(root, noConfig)).findings.some((f) => f.ruleId === 'TF0501'));
  const result = await runFixes(ports(root), { rules: [findRule('TF0501')!] });
  assert.equal(result.changes.size, 0);
});

test('TF0602: the SQLite path under DATA_DIR (BASE_DIR its default), ENV DATA_DIR=/data and VOLUME /data before CMD', async () => {
  const { read, result } = await fixTree(
    'data-dir',
    { ...WEB, 'mysite/settings.py': SQLITE_SETTINGS("BASE_DIR / 'db.sqlite3'") },
    'TF0602',
  );
  assert.match(
    read('mysite/settings.py'),
    /\n {29}'NAME': Path\(os\.environ\.get\('DATA_DIR', BASE_DIR\)\) \/ 'db\.sqlite3'\}\}\n/,
  );
  assert.equal(
    read('Dockerfile'),
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENV DATA_DIR=/data\nVOLUME /data\nCMD ["gunicorn", "mysite.wsgi"]\n',
  );
  assert.deepEqual(result.applied[0].variables ?? [], []);
});

test('TF0602: a path two names under BASE_DIR is left alone (under DATA_DIR its directory would not exist)', async () => {
  const root = tree('data-dir-nested', {
    ...WEB,
    'mysite/settings.py': SQLITE_SETTINGS("BASE_DIR / 'data' / 'db.sqlite3'"),
  });
  const findings = (await analyzeStatic(root, noConfig)).findings;
  assert.ok(findings.some((f) => f.ruleId === 'TF0602'));
  const result = await runFixes(ports(root), { rules: [findRule('TF0602')!] });
  assert.equal(result.changes.size, 0);
});

test('TF0602: with a non-root USER the directory is made and handed over before it; MEDIA_ROOT follows into /data', async () => {
  const { read } = await fixTree(
    'data-dir-user',
    {
      ...WEB,
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN useradd app\nUSER app\nCMD ["gunicorn", "mysite.wsgi"]\n',
      'mysite/settings.py': SQLITE_SETTINGS("os.path.join(BASE_DIR, 'db.sqlite3')", [
        "MEDIA_ROOT = os.path.join(BASE_DIR, 'media')  # uploads",
      ]),
    },
    'TF0602',
  );
  const settings = read('mysite/settings.py');
  assert.match(
    settings,
    /'NAME': os\.path\.join\(os\.environ\.get\('DATA_DIR', BASE_DIR\), 'db\.sqlite3'\)\}\}/,
  );
  assert.match(
    settings,
    /\nMEDIA_ROOT = os\.path\.join\(os\.environ\.get\('DATA_DIR', BASE_DIR\), 'media'\) {2}# uploads\n/,
  );
  assert.equal(
    read('Dockerfile'),
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN useradd app\nRUN mkdir -p /data && chown app /data\nENV DATA_DIR=/data\nVOLUME /data\nUSER app\nCMD ["gunicorn", "mysite.wsgi"]\n',
  );
});

test('TF1301: a VOLUME after the last RUN is made and handed to app before it; a user the image creates is switched to', async () => {
  const { read } = await fixTree(
    'user-volume',
    {
      ...APP,
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install gunicorn==22.0.0\nVOLUME /data\nCMD ["gunicorn", "mysite.wsgi"]\n',
    },
    'TF1301',
  );
  assert.equal(
    read('Dockerfile'),
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install gunicorn==22.0.0\nRUN useradd --create-home --uid 10001 app && mkdir -p /data && chown app /app /data\nUSER app\nVOLUME /data\nCMD ["gunicorn", "mysite.wsgi"]\n',
  );
  const existing = await fixTree(
    'user-existing',
    {
      ...APP,
      Dockerfile:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN useradd --create-home -s /bin/sh web && chown web /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
    },
    'TF1301',
  );
  assert.match(existing.read('Dockerfile'), /chown web \/app\nUSER web\nCMD/);
});

test("TF0307: a pasted key with a '$' in it is replaced too; TF0301 keeps the variable the code already reads", async () => {
  const { read } = await fixTree(
    'compose-dollar',
    {
      ...WEB,
      'compose.yaml':
        'services:\n  web:\n    build: .\n    environment:\n      - SECRET_KEY=django-insecure-k2(!x=c$mt4&p0zq8\n',
    },
    'TF0307',
  );
  assert.match(read('compose.yaml'), /\n {6}- SECRET_KEY=\$\{SECRET_KEY\}\n/);
  const key = await fixTree(
    'key-fallback',
    {
      ...WEB,
      'mysite/settings.py': SQLITE_SETTINGS("'/data/db.sqlite3'").replace(
        'os.environ["DJANGO_SECRET_KEY"]',
        'os.environ.get("SECRET_KEY", "insecure-fallback-key-for-dev")',
      ),
    },
    'TF0301',
  );
  assert.match(key.read('mysite/settings.py'), /\nSECRET_KEY = os\.environ\['SECRET_KEY'\]\n/);
});
