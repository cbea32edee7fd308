// The settings rules together through the real pipeline, on whole settings modules. Each rule's own cases are in
// __tests__/rules/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles } from '../support/analyze.js';
import { fixture, lines } from '../support/settings-rule-cases.js';

const STARTPROJECT = fixture('startproject_django5.py');
const TWELVE = fixture('twelve_factor.py');

const MANAGE_PY = (module: string) => `#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "${module}")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
`;

const MINE = ['TF0301', 'TF0302', 'TF0303', 'TF0304', 'TF0305', 'TF0310', 'TF0602', 'TF1003'];

async function settingsFindings(files: Record<string, string>) {
  const result = await analyzeFiles(files);
  return {
    mine: result.findings
      .filter((f) => MINE.includes(f.ruleId))
      .map((f) => [f.ruleId, f.file, f.line, f.severity]),
    all: result.findings,
  };
}

test('pipeline: Django 5 startproject gives TF0301 and TF0302, and not TF0303', async () => {
  const { mine } = await settingsFindings({
    'manage.py': MANAGE_PY('mysite.settings'),
    'mysite/__init__.py': '',
    'mysite/settings.py': STARTPROJECT,
  });
  assert.deepEqual(mine, [
    ['TF0301', 'mysite/settings.py', 23, 'error'],
    ['TF0302', 'mysite/settings.py', 26, 'warning'],
    ['TF0305', 'mysite/settings.py', 76, 'error'],
  ]);
});

test('pipeline: the twelve-factor settings with a DB_ENGINE switch give no error', async () => {
  const { mine, all } = await settingsFindings({
    'manage.py': MANAGE_PY('mysite.settings'),
    'mysite/__init__.py': '',
    'mysite/settings.py': TWELVE,
  });
  assert.deepEqual(mine, []);
  assert.deepEqual(
    all.filter((f) => f.file === 'mysite/settings.py' && f.severity === 'error'),
    [],
  );
});

test('pipeline: django-environ settings', async () => {
  const { mine } = await settingsFindings({
    'manage.py': MANAGE_PY('config.settings'),
    'config/__init__.py': '',
    'config/settings.py': lines(
      'from pathlib import Path',
      'import environ',
      '',
      'BASE_DIR = Path(__file__).resolve().parent.parent',
      'env = environ.Env(DEBUG=(bool, False))',
      "environ.Env.read_env(BASE_DIR / '.env')",
      '',
      "SECRET_KEY = env('SECRET_KEY')",
      "DEBUG = env('DEBUG')",
      "ALLOWED_HOSTS = env.list('ALLOWED_HOSTS', default=['localhost'])",
      "DATABASES = {'default': env.db('DATABASE_URL', default=f'sqlite:///{BASE_DIR / \"db.sqlite3\"}')}",
    ),
  });
  assert.deepEqual(mine, [['TF1003', 'config/settings.py', 11, 'notice']]);
});

test('pipeline: dj-database-url settings with a literal fallback key', async () => {
  const { mine } = await settingsFindings({
    'manage.py': MANAGE_PY('shop.settings'),
    'shop/__init__.py': '',
    'shop/settings.py': lines(
      'import os',
      'import dj_database_url',
      '',
      "SECRET_KEY = os.environ.get('SECRET_KEY', 'insecure-dev-key')",
      "DEBUG = os.environ.get('DEBUG', '0') == '1'",
      "ALLOWED_HOSTS = os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')",
      "DATABASES = {'default': dj_database_url.config(conn_max_age=600)}",
    ),
  });
  assert.deepEqual(mine, [['TF0301', 'shop/settings.py', 4, 'warning']]);
});

test('pipeline: split settings, production module imports base with *', async () => {
  const { mine, all } = await settingsFindings({
    'manage.py': MANAGE_PY('mysite.settings.production'),
    'mysite/__init__.py': '',
    'mysite/settings/__init__.py': '',
    'mysite/settings/base.py': lines(
      'from pathlib import Path',
      'BASE_DIR = Path(__file__).resolve().parent.parent.parent',
      "SECRET_KEY = 'django-insecure-base'",
      'DEBUG = True',
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': BASE_DIR / 'db.sqlite3'}}",
    ),
    'mysite/settings/production.py': lines(
      'import os',
      'import dj_database_url',
      'from .base import *  # noqa',
      '',
      'DEBUG = False',
      "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']",
      "ALLOWED_HOSTS = os.environ['DJANGO_ALLOWED_HOSTS'].split(',')",
      "DATABASES = {'default': dj_database_url.config()}",
    ),
  });
  assert.deepEqual(mine, []);
  assert.deepEqual(
    all.filter((f) => f.ruleId === 'TF0001'),
    [],
  );
});

test('pipeline: a settings module with a syntax error gives TF0001 at its line, and the rules still read the rest', async () => {
  const { mine, all } = await settingsFindings({
    'manage.py': MANAGE_PY('mysite.settings'),
    'mysite/__init__.py': '',
    'mysite/settings.py': lines("SECRET_KEY = 'abc'", 'INSTALLED_APPS = [', "    'polls'", 'DEBUG = True'),
  });
  const parse = all.filter((f) => f.ruleId === 'TF0001' && f.file === 'mysite/settings.py');
  assert.equal(parse.length, 1);
  assert.ok(parse[0].line! >= 2 && parse[0].line! <= 4);
  assert.deepEqual(mine, [['TF0301', 'mysite/settings.py', 1, 'error']]);
});

test('pipeline: values merged from modules star-imported in branches carry the file and line of the module that set them', async () => {
  const { mine } = await settingsFindings({
    'manage.py': MANAGE_PY('mysite.settings.base'),
    Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'mysite/__init__.py': '',
    'mysite/settings/__init__.py': '',
    'mysite/settings/base.py': lines(
      'import os',
      'from pathlib import Path',
      'BASE_DIR = Path(__file__).resolve().parent.parent.parent',
      "SECRET_KEY = os.environ['SECRET_KEY']",
      "DEBUG = os.environ.get('DJANGO_DEBUG', '1') == '1'",
      "ALLOWED_HOSTS = ['example.com']",
      'if DEBUG:',
      '    from .development import *',
      'else:',
      '    from .production import *',
    ),
    'mysite/settings/development.py': lines(
      'from pathlib import Path',
      '',
      'BASE_DIR = Path(__file__).resolve().parent.parent.parent',
      '',
      '',
      'DATABASES = {',
      '    "default": {',
      '        "ENGINE": "django.db.backends.sqlite3",',
      '        "NAME": BASE_DIR / "db.sqlite3",',
      '    }',
      '}',
    ),
    'mysite/settings/production.py': lines(
      'DATABASES = {',
      '    "default": {',
      '        "ENGINE": "django.db.backends.postgresql",',
      '        "NAME": "app",',
      '        "USER": "app",',
      '        "PASSWORD": "s3cret-pw",',
      '        "HOST": "localhost",',
      '    }',
      '}',
    ),
  });
  assert.deepEqual(
    mine
      .filter(([rule]) => ['TF0304', 'TF0602'].includes(rule as string))
      .sort((a, b) => String(a).localeCompare(String(b))),
    [
      ['TF0304', 'mysite/settings/production.py', 5, 'error'],
      ['TF0304', 'mysite/settings/production.py', 6, 'error'],
      ['TF0304', 'mysite/settings/production.py', 7, 'error'],
      ['TF0602', 'mysite/settings/development.py', 9, 'error'],
    ],
  );
});

test('pipeline: literals the settings import from other project modules are reported where they are written', async () => {
  const { mine, all } = await settingsFindings({
    'manage.py': MANAGE_PY('mysite.settings'),
    'mysite/__init__.py': '',
    'mysite/keys.py': lines('# committed', "SECRET_KEY = 'k3#9vq2!xm8p0z7r4t1w6y5u-b2n8m4l0j6h3g9f'"),
    'config/__init__.py': '',
    'config/env.py': lines('import os', "DB_PASSWORD = 'pg-pass-in-repo'"),
    'config/values.py': lines("DB_USER = 'owner'"),
    'mysite/settings.py': lines(
      'import os',
      'from config import values as V',
      'from config.env import DB_PASSWORD',
      'from .keys import SECRET_KEY',
      "DEBUG = os.environ.get('DEBUG', '') == '1'",
      "ALLOWED_HOSTS = ['example.com']",
      'DATABASES = {',
      "    'default': {",
      "        'ENGINE': os.environ.get('DB_ENGINE', 'django.db.backends.postgresql'),",
      "        'NAME': os.environ.get('DB_NAME', 'app'),",
      "        'USER': V.DB_USER,",
      "        'PASSWORD': DB_PASSWORD,",
      "        'HOST': os.environ.get('DB_HOST', 'db'),",
      '    }',
      '}',
    ),
  });
  assert.deepEqual(
    mine
      .filter(([rule]) => ['TF0301', 'TF0304'].includes(rule as string))
      .sort((a, b) => String(a).localeCompare(String(b))),
    [
      ['TF0301', 'mysite/keys.py', 2, 'error'],
      ['TF0304', 'config/env.py', 2, 'error'],
      ['TF0304', 'config/values.py', 1, 'error'],
    ],
  );
  const key = all.find((f) => f.ruleId === 'TF0301');
  assert.match(key!.message, /becomes SECRET_KEY \(in mysite\/settings\.py at line 4/);
});

test('pipeline: DEBUG and ALLOWED_HOSTS imported by name, and a module named env imported whole, at their literals', async () => {
  const { mine, all } = await settingsFindings({
    'manage.py': MANAGE_PY('mysite.settings'),
    'mysite/__init__.py': '',
    'mysite/env.py': lines(
      '# committed',
      "SECRET_KEY = 'k3#9vq2!xm8p0z7r4t1w6y5u-b2n8m4l0j6h3g9f'",
      'DEBUG = True',
      "ALLOWED_HOSTS = ['*']",
    ),
    'mysite/settings.py': lines(
      'import os',
      'from . import env',
      'from .env import ALLOWED_HOSTS, DEBUG',
      'SECRET_KEY = env.SECRET_KEY',
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.environ.get('DB', 'db.sqlite3')}}",
    ),
  });
  assert.deepEqual(
    mine
      .filter(([rule]) => ['TF0301', 'TF0302', 'TF0303'].includes(rule as string))
      .sort((a, b) => String(a).localeCompare(String(b))),
    [
      ['TF0301', 'mysite/env.py', 2, 'error'],
      ['TF0302', 'mysite/env.py', 3, 'warning'],
      ['TF0303', 'mysite/env.py', 4, 'notice'],
    ],
  );
  const debug = all.find((f) => f.ruleId === 'TF0302');
  assert.match(debug!.message, /becomes DEBUG \(in mysite\/settings\.py at line 3/);
  const hosts = all.find((f) => f.ruleId === 'TF0303');
  assert.match(
    hosts!.message,
    /^ALLOWED_HOSTS \(in mysite\/settings\.py at line 3, from this module\) contains/,
  );
});

test("pipeline: a project loader's literal fallback (one level of return) reaches SECRET_KEY and DATABASES", async () => {
  const { mine } = await settingsFindings({
    'manage.py': MANAGE_PY('mysite.settings'),
    'mysite/__init__.py': '',
    'mysite/secrets.py': lines(
      'import json',
      'def getter(path):',
      '    try:',
      '        with open(path) as f:',
      '            return json.load(f)',
      '    except FileNotFoundError:',
      "        return {'secret_key': 'a-literal-key-in-the-repo', 'db_password': 'x-literal'}",
    ),
    'mysite/settings.py': lines(
      'import os',
      'from . import secrets',
      "SECRETS = secrets.getter('/run/secrets/app.json')",
      "SECRET_KEY = SECRETS['secret_key']",
      "DEBUG = os.environ.get('DEBUG', '') == '1'",
      "ALLOWED_HOSTS = ['example.com']",
      "DATABASES = {'default': {",
      "    'ENGINE': os.environ.get('DB_ENGINE', 'django.db.backends.postgresql'),",
      "    'NAME': os.environ.get('DB_NAME', 'app'),",
      "    'PASSWORD': SECRETS['db_password'],",
      '}}',
    ),
  });
  assert.deepEqual(
    mine.filter(([rule]) => ['TF0301', 'TF0304'].includes(rule as string)),
    [
      ['TF0301', 'mysite/secrets.py', 7, 'error'],
      ['TF0304', 'mysite/secrets.py', 7, 'error'],
    ],
  );
});

test('pipeline: names re-bound to themselves after a star-import are reported where the imported module sets them', async () => {
  const { all } = await settingsFindings({
    'manage.py': MANAGE_PY('shop.settings'),
    'shop/__init__.py': '',
    'shop/config.py': lines(
      'import os',
      "DEBUG = os.environ.get('DEBUG', '1') == '1'",
      "ALLOWED_HOSTS = os.environ.get('ALLOWED_HOSTS', 'localhost')",
      "SECRET_KEY = os.environ['SECRET_KEY']",
    ),
    'shop/settings.py': lines(
      'from shop.config import *',
      'DEBUG = DEBUG',
      'ALLOWED_HOSTS = ALLOWED_HOSTS',
      'SECRET_KEY = SECRET_KEY,',
    ),
  });
  const at = (rule: string) => all.filter((f) => f.ruleId === rule).map((f) => [f.file, f.line]);
  assert.deepEqual(at('TF0302'), [['shop/config.py', 2]]);
  // the raw string is config.py's; the tuple (a stray comma on the re-export) is the settings' own line
  assert.deepEqual(at('TF0314'), [
    ['shop/config.py', 3],
    ['shop/settings.py', 4],
  ]);
});
