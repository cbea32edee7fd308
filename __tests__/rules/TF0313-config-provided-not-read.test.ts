import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const URL_SETTINGS = [
  'import os', //1
  'import dj_database_url', //2
  "SECRET_KEY = os.environ['SECRET_KEY']", //3
  "DATABASES = {'default': dj_database_url.config(default='sqlite:///db.sqlite3')}", //4
  '',
].join('\n');

const project = (settings: string, compose: string) => ({
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': settings,
  Dockerfile:
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]\n',
  'compose.yaml': compose,
});

const DB_PARTS =
  'services:\n  web:\n    build: .\n    environment:\n      DB_HOST: db\n      DB_NAME: app\n      DB_USER: app\n';

test('TF0313 fires when compose provides DB_* while the settings read DATABASE_URL with an SQLite fallback', async () => {
  const result = await analyzeFiles(project(URL_SETTINGS, DB_PARTS));
  assert.deepEqual(findingsOf(result, 'TF0313'), [['mysite/settings.py', 4]]);
  const f = result.findings.find((x) => x.ruleId === 'TF0313')!;
  assert.match(f.message, /DATABASE_URL/);
  assert.match(f.message, /DB_HOST, DB_NAME, DB_USER/);
  assert.match(f.message, /sqlite3/);
});

test('TF0313 is silent when the variable the settings read is provided', async () => {
  const compose =
    'services:\n  web:\n    build: .\n    environment:\n      DATABASE_URL: postgres://app:${DB_PASSWORD}@db/app\n      DB_HOST: db\n';
  const result = await analyzeFiles(project(URL_SETTINGS, compose));
  assert.deepEqual(findingsOf(result, 'TF0313'), []);
});

test('TF0313 the other way round: DATABASE_URL provided, a DB_ENGINE switch read and left unset', async () => {
  const settings = [
    'import os',
    "SECRET_KEY = os.environ['SECRET_KEY']",
    "if os.environ.get('DB_ENGINE') == 'postgres':", //3
    "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'HOST': os.environ['DB_HOST']}}",
    'else:',
    "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}",
    '',
  ].join('\n');
  const compose =
    'services:\n  web:\n    build: .\n    environment:\n      DATABASE_URL: postgres://app:pw@db/app\n';
  const result = await analyzeFiles(project(settings, compose));
  assert.equal(findingsOf(result, 'TF0313').length, 1);
  assert.match(result.findings.find((x) => x.ruleId === 'TF0313')!.message, /DB_ENGINE/);
});

test('TF0313 stays silent when it cannot tell: a .env loaded at run time, an unreadable env_file, no fallback', async () => {
  const dotenv = URL_SETTINGS.replace(
    'import os',
    'import os\nfrom dotenv import load_dotenv\nload_dotenv()',
  );
  assert.deepEqual(findingsOf(await analyzeFiles(project(dotenv, DB_PARTS)), 'TF0313'), []);
  const envFile = `${DB_PARTS}    env_file: .env\n`;
  assert.deepEqual(findingsOf(await analyzeFiles(project(URL_SETTINGS, envFile)), 'TF0313'), []);
  const noDefault = URL_SETTINGS.replace("default='sqlite:///db.sqlite3'", '');
  assert.deepEqual(findingsOf(await analyzeFiles(project(noDefault, DB_PARTS)), 'TF0313'), []);
});

const DECOUPLE_PARTS = [
  'from decouple import config', //1
  "SECRET_KEY = config('SECRET_KEY')", //2
  'DATABASES = {', //3
  "    'default': {", //4
  "        'ENGINE': 'django.db.backends.postgresql',", //5
  "        'NAME': config('DB_NAME', default='app'),", //6
  "        'HOST': config('DB_HOST', default='localhost'),", //7
  '    }',
  '}',
  '',
].join('\n');

const URL_PROVIDED =
  'services:\n  web:\n    build: .\n    environment:\n      DATABASE_URL: postgres://app:pw@db:5432/app\n';

test('TF0313 when DATABASE_URL is provided and python-decouple reads DB_* with fallbacks: at the host read, not at a name the URL agrees with', async () => {
  const result = await analyzeFiles(project(DECOUPLE_PARTS, URL_PROVIDED));
  assert.deepEqual(findingsOf(result, 'TF0313'), [['mysite/settings.py', 7]]);
  const f = result.findings.find((x) => x.ruleId === 'TF0313')!;
  assert.match(f.message, /DB_HOST/);
  assert.match(f.message, /DATABASE_URL is provided/);
  assert.match(f.message, /HOST localhost/);
  // NAME falls back to what the URL says: not part of the problem
  assert.doesNotMatch(f.message, /DB_NAME/);
});

test('TF0313 is silent when the fallbacks are what the provided URL says, or a .env decouple reads reaches the container', async () => {
  const same = URL_PROVIDED.replace('@db:5432', '@localhost:5432');
  assert.deepEqual(findingsOf(await analyzeFiles(project(DECOUPLE_PARTS, same)), 'TF0313'), []);
  const withEnv = { ...project(DECOUPLE_PARTS, URL_PROVIDED), '.env': 'DB_HOST=db\n' };
  assert.deepEqual(findingsOf(await analyzeFiles(withEnv), 'TF0313'), []);
  // Left out of the image, but the bind mount shows it to the container.
  const mounted = `${URL_PROVIDED}    volumes:\n      - .:/app\n`;
  const mountedEnv = {
    ...project(DECOUPLE_PARTS, mounted),
    '.env': 'DB_HOST=db\n',
    '.dockerignore': '.env\n',
  };
  assert.deepEqual(findingsOf(await analyzeFiles(mountedEnv), 'TF0313'), []);
  // A directory outside the repository cannot be seen: it may hold one.
  const outside = `${URL_PROVIDED}    volumes:\n      - ../secrets-dir:/app\n`;
  assert.deepEqual(findingsOf(await analyzeFiles(project(DECOUPLE_PARTS, outside)), 'TF0313'), []);
});

test('TF0313 fires through a bind mount of a directory of the checkout that holds no .env or settings.ini', async () => {
  const mounted = `${URL_PROVIDED}    volumes:\n      - .:/app\n`;
  assert.deepEqual(findingsOf(await analyzeFiles(project(DECOUPLE_PARTS, mounted)), 'TF0313'), [
    ['mysite/settings.py', 7],
  ]);
});

test('TF0313 at an engine switch left on its SQLite fallback while the pieces are provided under names nothing reads', async () => {
  const settings = [
    'from decouple import config', //1
    "SECRET_KEY = config('SECRET_KEY')", //2
    'DATABASES = {', //3
    "    'default': {", //4
    "        'ENGINE': config('SQL_ENGINE', default='django.db.backends.sqlite3'),", //5
    "        'NAME': config('SQL_DATABASE', default='db.sqlite3'),", //6
    "        'HOST': config('SQL_HOST', default='localhost'),", //7
    '    }',
    '}',
    '',
  ].join('\n');
  const compose =
    'services:\n  web:\n    build: .\n    environment:\n      POSTGRES_DATABASE_NAME: shop\n      POSTGRES_DATABASE_HOST: db\n';
  const result = await analyzeFiles(project(settings, compose));
  assert.deepEqual(findingsOf(result, 'TF0313'), [['mysite/settings.py', 5]]);
  const f = result.findings.find((x) => x.ruleId === 'TF0313')!;
  assert.match(f.message, /from SQL_ENGINE, .*POSTGRES_DATABASE_NAME, POSTGRES_DATABASE_HOST are provided/);
  assert.match(f.message, /fallback database \(sqlite3\)/);
  assert.match(f.message, /names the settings read, SQL_DATABASE, SQL_HOST/);
});

test('TF0313 through a star-imported config module: settings and database pieces provided under other names', async () => {
  const files = {
    ...project(
      'from mysite.config import *\nSECRET_KEY = SECRET_KEY\nALLOWED_HOSTS = ALLOWED_HOSTS\n',
      'services:\n  web:\n    build: .\n    environment:\n      SECRET_KEY: ${SECRET_KEY}\n      ALLOWED_HOST: example.com\n      POSTGRES_HOST: db\n      POSTGRES_DB: app\n',
    ),
    'mysite/config.py': [
      'import os', //1
      "SECRET_KEY = os.environ.get('SECRET', 'dev')", //2
      "ALLOWED_HOSTS = os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')", //3
      "DB_NAME = os.environ.get('DB_NAME', 'app')", //4
      "DB_HOST = os.environ.get('DB_HOST', '127.0.0.1')", //5
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': DB_NAME, 'HOST': DB_HOST}}", //6
      '',
    ].join('\n'),
  };
  const result = await analyzeFiles(files);
  assert.deepEqual(findingsOf(result, 'TF0313'), [
    ['mysite/config.py', 2],
    ['mysite/config.py', 3],
    ['mysite/config.py', 5],
  ]);
  const messages = result.findings.filter((x) => x.ruleId === 'TF0313').map((x) => x.message);
  assert.match(messages[0], /SECRET_KEY is read from SECRET.*SECRET_KEY is provided/);
  assert.match(messages[1], /ALLOWED_HOST is provided/);
  assert.match(messages[2], /POSTGRES_HOST is provided/);
});

test('TF0313 at the host read when a switch left unset falls back to a server read piece by piece', async () => {
  const settings = [
    'from decouple import config', //1
    "SECRET_KEY = config('SECRET_KEY')", //2
    "if config('USE_SQLITE', default=False, cast=bool):", //3
    "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}",
    'else:',
    '    DATABASES = {', //6
    "        'default': {",
    "            'ENGINE': 'django.db.backends.postgresql',",
    "            'HOST': config('DB_HOST', default='localhost'),", //9
    '        }',
    '    }',
    '',
  ].join('\n');
  const result = await analyzeFiles(project(settings, URL_PROVIDED));
  assert.deepEqual(findingsOf(result, 'TF0313'), [['mysite/settings.py', 9]]);
});

test('TF0313 leaves DEBUG to TF0302: off by its fallback while compose sets another name is what is wanted', async () => {
  const settings =
    "import os\nSECRET_KEY = os.environ['SECRET_KEY']\nDEBUG = os.environ.get('DJANGO_DEBUG', '') == '1'\n";
  const compose = 'services:\n  web:\n    build: .\n    environment:\n      DEBUG: "True"\n';
  assert.deepEqual(findingsOf(await analyzeFiles(project(settings, compose)), 'TF0313'), []);
});

test('TF0313 at each database piece read, compose passing the pieces on under other names', async () => {
  const settings = [
    'import os', //1
    "SECRET_KEY = os.environ['SECRET_KEY']", //2
    "DB_NAME = os.environ.get('DB_NAME', 'app')", //3
    "DB_HOST = os.environ.get('DB_HOST', '127.0.0.1')", //4
    "DB_PORT = os.environ.get('DB_PORT', '5432')", //5
    "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': DB_NAME, 'HOST': DB_HOST, 'PORT': DB_PORT}}",
    '',
  ].join('\n');
  const compose =
    'services:\n  web:\n    build: .\n    environment:\n      POSTGRES_DB: ${POSTGRES_DB:-app}\n      POSTGRES_HOST: db\n      POSTGRES_PORT: "5432"\n';
  const result = await analyzeFiles(project(settings, compose));
  // PORT: a literal 5432 provided is what the fallback says; NAME: passed on from the deploy, ignored by the app.
  assert.deepEqual(findingsOf(result, 'TF0313'), [
    ['mysite/settings.py', 3],
    ['mysite/settings.py', 4],
  ]);
  const [name, host] = result.findings.filter((x) => x.ruleId === 'TF0313').map((x) => x.message);
  assert.match(
    name,
    /database NAME from DB_NAME.*POSTGRES_DB is provided.*fallback NAME app whatever the deploy sets POSTGRES_DB to/,
  );
  assert.doesNotMatch(name, /DB_HOST|POSTGRES_HOST/);
  assert.match(
    host,
    /database HOST from DB_HOST.*POSTGRES_HOST is provided.*silently connects with its fallback HOST 127\.0\.0\.1/,
  );
  assert.doesNotMatch(host, /DB_NAME|POSTGRES_DB/);
});

test("TF0313 names only the variables of the entry's server: POSTGRES_USER is no login for a MySQL entry", async () => {
  const settings = [
    'import os',
    "SECRET_KEY = os.environ['SECRET_KEY']",
    "DATABASES = {'default': {",
    "    'ENGINE': os.environ.get('DB_ENGINE', 'django.db.backends.mysql'),",
    "    'USER': os.environ.get('DB_USER', 'app'),", //5
    "    'HOST': os.environ.get('DB_HOST', 'localhost'),", //6
    '}}',
    '',
  ].join('\n');
  const given = (more: string) =>
    `services:\n  web:\n    build: .\n    environment:\n      POSTGRES_USER: postgres\n      MARIADB_HOST: mariadb\n${more}`;
  const mysql = await analyzeFiles(project(settings, given('')));
  assert.deepEqual(findingsOf(mysql, 'TF0313'), [['mysite/settings.py', 6]]);
  assert.match(mysql.findings.find((x) => x.ruleId === 'TF0313')!.message, /Read MARIADB_HOST/);
  const postgres = await analyzeFiles(
    project(settings, given('      DB_ENGINE: django.db.backends.postgresql\n')),
  );
  assert.deepEqual(findingsOf(postgres, 'TF0313'), [['mysite/settings.py', 5]]);
  assert.match(postgres.findings.find((x) => x.ruleId === 'TF0313')!.message, /Read POSTGRES_USER/);
});

test('TF0313: a variable an entrypoint script sets for itself is not provided to the app; an exported one is', async () => {
  const files = (script: string) => ({
    ...project(URL_SETTINGS, 'services:\n  web:\n    build: .\n'),
    Dockerfile:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/app/wait.sh"]\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "mysite.wsgi"]\n',
    'wait.sh': script,
  });
  const local = await analyzeFiles(
    files('#!/bin/sh\nDB_HOST="$1"\nDB_NAME=app\nuntil nc -z "$DB_HOST" 5432; do sleep 1; done\nexec "$@"\n'),
  );
  assert.deepEqual(findingsOf(local, 'TF0313'), []);
  const exported = await analyzeFiles(
    files('#!/bin/sh\nDB_HOST=db\nexport DB_HOST\nexport DB_NAME=app\nexec "$@"\n'),
  );
  assert.deepEqual(findingsOf(exported, 'TF0313'), [['mysite/settings.py', 4]]);
  assert.match(exported.findings.find((f) => f.ruleId === 'TF0313')!.message, /DB_HOST, DB_NAME/);
});

test('TF0313 is silent when a switch left unset falls back to a server whose host is provided: a DATABASE_URL beside it is only left over', async () => {
  const settings = [
    'import os',
    "SECRET_KEY = os.environ['SECRET_KEY']",
    "if os.environ.get('USE_SQLITE') == '1':", //3
    "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}",
    'else:',
    "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': os.environ.get('DB_NAME', 'app'),",
    "                             'HOST': os.environ.get('DB_HOST', 'localhost')}}",
    '',
  ].join('\n');
  const both =
    'services:\n  web:\n    build: .\n    environment:\n      DATABASE_URL: postgres://app:pw@db/app\n      DB_HOST: db\n      DB_NAME: app\n';
  assert.deepEqual(findingsOf(await analyzeFiles(project(settings, both)), 'TF0313'), []);
  // Without DB_HOST the fallback connects to localhost: reported at the host read, not at the switch.
  const urlOnly =
    'services:\n  web:\n    build: .\n    environment:\n      DATABASE_URL: postgres://app:pw@db/app\n';
  assert.deepEqual(findingsOf(await analyzeFiles(project(settings, urlOnly)), 'TF0313'), [
    ['mysite/settings.py', 7],
  ]);
});
