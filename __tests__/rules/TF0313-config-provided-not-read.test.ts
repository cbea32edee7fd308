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
