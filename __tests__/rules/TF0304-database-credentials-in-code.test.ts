import { databaseCredentialsInCode } from '../../src/rules/TF0304-database-credentials-in-code.js';
import assert from 'node:assert/strict';
import test from 'node:test';
import { fixture, lines, settingsProjectOf, settingsRuleCases } from '../support/settings-rule-cases.js';

const PG_LITERAL = lines(
  'DATABASES = {',
  "    'default': {",
  "        'ENGINE': 'django.db.backends.postgresql',",
  "        'NAME': 'shop',",
  "        'USER': 'shop',",
  "        'PASSWORD': 's3cret',",
  "        'HOST': 'db',",
  "        'PORT': 5432,",
  '    }',
  '}',
);

settingsRuleCases(databaseCredentialsInCode, [
  { name: 'literal USER, PASSWORD and HOST for PostgreSQL', settings: PG_LITERAL, expect: [[5], [6], [7]] },
  {
    name: 'PASSWORD and HOST read from the environment with empty fallbacks: no credential in code',
    settings: lines(
      'import os',
      "DATABASES = {'default': {",
      "    'ENGINE': 'django.db.backends.postgresql',",
      "    'NAME': 'app',",
      "    'PASSWORD': os.environ.get('DB_PASSWORD', ''),",
      "    'HOST': os.environ.get('DB_HOST', ''),",
      '}}',
    ),
    expect: [],
  },
  {
    name: 'an empty PASSWORD and HOST are written in code too: no password, localhost',
    settings: lines(
      "DATABASES = {'default': {",
      "    'ENGINE': 'django.db.backends.postgresql',",
      "    'NAME': 'app',",
      "    'PASSWORD': '',",
      "    'HOST': '',",
      '}}',
    ),
    expect: [[4], [5]],
  },
  {
    name: 'a URL default held in a variable built by a conditional: the literal password, at the line of the literal',
    settings: lines(
      'import os',
      'from pathlib import Path',
      'from decouple import config',
      'from dj_database_url import parse as dburl',
      'BASE_DIR = Path(__file__).resolve().parent.parent',
      "USE_DOCKER = os.environ.get('USE_DOCKER', '') == '1'",
      "default_dburl = 'postgres://user:pw@db:5432/app' if USE_DOCKER else 'sqlite:///' + str(BASE_DIR / 'db.sqlite3')",
      '',
      "DATABASES = {'default': config('DATABASE_URL', default=default_dburl, cast=dburl)}",
    ),
    expect: [[7, 'notice']],
  },
  {
    name: 'the same with env.db, dj_database_url.config and os.environ.get',
    settings: lines(
      'import os',
      'import dj_database_url',
      'import environ',
      'env = environ.Env()',
      "USE_DOCKER = os.environ.get('USE_DOCKER', '') == '1'",
      "a = 'postgres://u:pw-a@db/app' if USE_DOCKER else 'sqlite:///a.sqlite3'",
      "b = 'postgres://u:pw-b@db/app' if USE_DOCKER else 'sqlite:///b.sqlite3'",
      "c = 'postgres://u:pw-c@db/app' if USE_DOCKER else 'sqlite:///c.sqlite3'",
      'DATABASES = {',
      "    'default': env.db('DATABASE_URL', default=a),",
      "    'b': dj_database_url.config(env='B_URL', default=b),",
      "    'c': dj_database_url.parse(os.environ.get('C_URL', c)),",
      '}',
    ),
    expect: [
      [6, 'notice'],
      [7, 'notice'],
      [8, 'notice'],
    ],
  },
  {
    name: 'literal password for MySQL, the rest from the environment',
    settings: lines(
      'import os',
      "DATABASES = {'default': {",
      "    'ENGINE': 'django.db.backends.mysql',",
      "    'USER': os.environ['DB_USER'],",
      "    'PASSWORD': 'hunter2',",
      "    'HOST': os.environ['DB_HOST'],",
      '}}',
    ),
    expect: [[5]],
  },
  {
    name: 'env with a literal password fallback',
    settings: lines(
      'import os',
      "DATABASES = {'default': {",
      "    'ENGINE': 'django.db.backends.postgresql',",
      "    'USER': os.environ.get('DB_USER', 'django'),",
      "    'PASSWORD': os.environ.get('DB_PASSWORD', 'django'),",
      "    'HOST': os.environ.get('DB_HOST', 'localhost'),",
      '}}',
    ),
    expect: [[5, 'notice']],
  },
  {
    name: 'testdriven.io style: engine from SQL_ENGINE with literal fallbacks',
    settings: lines(
      'import os',
      'DATABASES = {',
      '    "default": {',
      '        "ENGINE": os.environ.get("SQL_ENGINE", "django.db.backends.sqlite3"),',
      '        "NAME": os.environ.get("SQL_DATABASE", "db.sqlite3"),',
      '        "USER": os.environ.get("SQL_USER", "user"),',
      '        "PASSWORD": os.environ.get("SQL_PASSWORD", "password"),',
      '        "HOST": os.environ.get("SQL_HOST", "localhost"),',
      '        "PORT": os.environ.get("SQL_PORT", "5432"),',
      '    }',
      '}',
    ),
    expect: [[7, 'notice']],
  },
  {
    name: 'a literal postgres case of a DB_ENGINE switch',
    settings: lines(
      'import os',
      'DBS = {',
      "    'sqlite': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'},",
      "    'postgres': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'app',",
      "                 'PASSWORD': 's3cret', 'HOST': os.environ['DB_HOST']},",
      '}',
      "DATABASES = {'default': DBS[os.environ.get('DB_ENGINE', 'sqlite')]}",
    ),
    expect: [[5]],
  },
  {
    name: 'credentials in a fixed database URL',
    settings: lines(
      'import dj_database_url',
      "DATABASES = {'default': dj_database_url.parse('postgres://shop:s3cret@db/shop')}",
    ),
    expect: [[2], [2], [2]],
  },
  {
    name: 'credentials in the default of dj_database_url.config',
    settings: lines(
      'import dj_database_url',
      "DATABASES = {'default': dj_database_url.config(default='postgres://shop:s3cret@localhost/shop')}",
    ),
    expect: [[2, 'notice']],
  },
  {
    name: 'a password in the default of a DATABASE_URL parsed by hand with urlparse',
    settings: lines(
      'import os',
      'from urllib.parse import unquote, urlparse',
      "url = urlparse(os.environ.get('DATABASE_URL', 'postgres://notes:n0tes@localhost:5432/notes'))",
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': url.path[1:],",
      "    'USER': url.username, 'PASSWORD': unquote(url.password), 'HOST': url.hostname, 'PORT': url.port}}",
    ),
    expect: [[5, 'notice']],
  },
  {
    name: 'SQLite has no credentials',
    settings: lines(
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3', 'USER': 'x', 'HOST': 'y'}}",
    ),
    expect: [],
  },
  {
    name: 'everything from the environment, fallbacks only for user and host',
    settings: lines(
      'import os',
      "DATABASES = {'default': {",
      "    'ENGINE': 'django.db.backends.postgresql',",
      "    'USER': os.environ.get('DB_USER', 'postgres'),",
      "    'PASSWORD': os.environ['DB_PASSWORD'],",
      "    'HOST': os.environ.get('DB_HOST', 'db'),",
      '}}',
    ),
    expect: [],
  },
  {
    name: 'credentials read from a DATABASE_URL parsed by hand, no default',
    settings: lines(
      'import os',
      'import urllib.parse',
      "url = urllib.parse.urlsplit(os.environ['DATABASE_URL'])",
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': url.path[1:],",
      "    'USER': url.username, 'PASSWORD': url.password, 'HOST': url.hostname, 'PORT': url.port or 5432}}",
    ),
    expect: [],
  },
  { name: 'the twelve-factor switch', settings: fixture('twelve_factor.py'), expect: [] },
  {
    name: 'a fallback password in an except KeyError handler: a notice at the literal',
    settings: lines(
      'import os',
      'try:',
      "    DB_PASSWORD = os.environ['DB_PASSWORD']",
      'except KeyError:',
      "    DB_PASSWORD = 'pw-in-repo'",
      "DATABASES = {'default': {",
      "    'ENGINE': 'django.db.backends.postgresql',",
      "    'USER': os.environ['DB_USER'],",
      "    'PASSWORD': DB_PASSWORD,",
      "    'HOST': os.environ['DB_HOST'],",
      '}}',
    ),
    expect: [[5, 'notice']],
  },
]);

test('the message names the engine the credential belongs to, not the SQLite fallback of the variable', () => {
  const settings = lines(
    'import os',
    "DATABASES = {'default': {",
    "    'ENGINE': os.environ.get('DB_ENGINE', 'django.db.backends.sqlite3'),",
    "    'NAME': os.environ.get('DB_NAME', 'db.sqlite3'),",
    "    'PASSWORD': 'hunter2',",
    '}}',
  );
  const [finding, ...rest] = databaseCredentialsInCode.check(settingsProjectOf(settings));
  assert.equal(rest.length, 0);
  assert.match(finding!.message, /\(the server engine DB_ENGINE selects\) has PASSWORD/);
  assert.doesNotMatch(finding!.message, /sqlite/i);
});

test('a literal replaced from DATABASE_URL only in a branch is a literal, used unless that branch is taken', () => {
  const settings = lines(
    'import os',
    'import dj_database_url',
    "ENVIRONMENT = os.environ.get('ENVIRONMENT', 'development')",
    "DATABASES = {'default': {",
    "    'ENGINE': 'django.db.backends.postgresql',",
    "    'USER': 'postgres',",
    "    'PASSWORD': 'postgres',",
    "    'HOST': 'db',",
    '}}',
    "if ENVIRONMENT == 'production':",
    "    DATABASES['default'].update(dj_database_url.config(conn_max_age=500))",
  );
  const findings = databaseCredentialsInCode.check(settingsProjectOf(settings));
  assert.deepEqual(
    findings.map((f) => [f.line, f.severity ?? 'error']),
    [
      [6, 'error'],
      [7, 'error'],
      [8, 'error'],
    ],
  );
  for (const f of findings) {
    assert.match(
      f.message,
      /as a literal value in code, used unless ENVIRONMENT is 'production' \(where DATABASE_URL, when set, replaces it\)/,
    );
    assert.doesNotMatch(f.message, /falls back|reads PASSWORD from DATABASE_URL/);
  }
});

test('a URL merged over SQL_* reads: the message names the read with the literal fallback, not the URL', () => {
  const settings = lines(
    'import os',
    'import dj_database_url',
    'DATABASES = {',
    "    'default': {",
    "        'ENGINE': os.environ.get('SQL_ENGINE', 'django.db.backends.sqlite3'),",
    "        'PASSWORD': os.environ.get('SQL_PASSWORD', 'password'),",
    '    }',
    '}',
    "DATABASE_URL = os.environ.get('DATABASE_URL')",
    "DATABASES['default'].update(dj_database_url.config(default=DATABASE_URL))",
  );
  const [finding] = databaseCredentialsInCode.check(settingsProjectOf(settings));
  assert.equal(finding?.line, 6);
  assert.match(finding!.message, /\(the server engine SQL_ENGINE selects, or DATABASE_URL when set\)/);
  assert.match(finding!.message, /reads PASSWORD from SQL_PASSWORD \(DATABASE_URL, when set, replaces it\)/);
  assert.doesNotMatch(finding!.message, /PASSWORD from DATABASE_URL|engine DATABASE_URL selects/);
});

test('a helper that returns its default from except KeyError reads the variable with that literal as fallback', () => {
  const settings = lines(
    'import os',
    'def get_env_variable(name, default=None):',
    '    try:',
    '        return os.environ[name]',
    '    except KeyError:',
    '        if default is None:',
    '            raise Exception(name)',
    '        return default',
    'DATABASES = {"default": {',
    '    "ENGINE": "django.db.backends.postgresql",',
    '    "NAME": get_env_variable("DJANGO_DATABASE_NAME"),',
    '    "PASSWORD": get_env_variable("DJANGO_DATABASE_PASSWORD", "password"),',
    '}}',
  );
  const findings = databaseCredentialsInCode.check(settingsProjectOf(settings));
  assert.deepEqual(
    findings.map((f) => [f.line, f.severity]),
    [[12, 'notice']],
  );
  assert.match(
    findings[0]!.message,
    /reads PASSWORD from DJANGO_DATABASE_PASSWORD but falls back to a literal password when it is unset/,
  );
  assert.doesNotMatch(findings[0]!.message, /as a literal value in code/);
});
