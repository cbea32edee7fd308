import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { modelSettings } from '../../src/model/settings.js';
import type { ComposeService, ComposeVolumeMount } from '../../src/model/types/compose.js';
import type { Stage } from '../../src/model/types/dockerfile.js';
import type { Severity } from '../../src/model/types/finding.js';
import type { App, Project } from '../../src/model/types/project.js';
import { findRule } from '../../src/rules/registry.js';
import { similarNames } from '../../src/rules/TF0310-config-var-mismatch.js';
import { analyzeFiles } from '../support/analyze.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/settings/${name}`, import.meta.url), 'utf8');
const SETTINGS = 'mysite/settings.py';

interface Deploy {
  /** Target stage of the Dockerfile; false for an app without Dockerfile. */
  stage?: { env?: Record<string, string | undefined>; volumes?: string[]; workdir?: string } | false;
  service?: {
    environment?: Record<string, string | undefined>;
    volumes?: Partial<ComposeVolumeMount>[];
    envFiles?: string[];
    envFileEntries?: Record<string, Record<string, string>>;
  };
  imageSourceDir?: string | null;
  managePy?: string;
  settingsFile?: string;
  sentFiles?: string[];
}

function stageOf(o: {
  env?: Record<string, string | undefined>;
  volumes?: string[];
  workdir?: string;
}): Stage {
  return {
    index: 0,
    from: { line: 1, endLine: 1, raw: 'FROM python:3.12-slim', image: 'python:3.12-slim', scratch: false },
    instructions: [],
    lastLine: 6,
    workdir: o.workdir ?? '/app',
    env: o.env ?? {},
    exposes: [],
    volumes: (o.volumes ?? []).map((p, i) => ({
      keyword: 'VOLUME',
      line: 3 + i,
      endLine: 3 + i,
      paths: [p],
    })),
  };
}

function serviceOf(o: NonNullable<Deploy['service']>): ComposeService {
  const at = { file: 'docker-compose.yml', line: 3 };
  const environment: ComposeService['environment'] = Object.entries(o.environment ?? {}).map(
    ([name, value], i) => ({
      file: 'docker-compose.yml',
      line: 5 + i,
      name,
      ...(value === undefined ? {} : { value, raw: value }),
      interpolated: false,
      source: 'environment' as const,
    }),
  );
  for (const [path, entries] of Object.entries(o.envFileEntries ?? {}))
    for (const [name, value] of Object.entries(entries))
      environment.push({
        file: path,
        line: 1,
        name,
        value,
        raw: value,
        interpolated: false,
        source: 'env_file',
      });
  return {
    ...at,
    name: 'web',
    environment,
    envFiles: (o.envFiles ?? []).map((path) => ({ ...at, path })),
    ports: [],
    expose: [],
    volumes: (o.volumes ?? []).map((v, i) => ({
      file: 'docker-compose.yml',
      line: 10 + i,
      type: v.type ?? 'volume',
      target: v.target ?? '/',
      readOnly: false,
      ...(v.source ? { source: v.source } : {}),
    })),
    dependsOn: [],
    secrets: [],
    role: 'app',
  };
}

function projectOf(settings: string, deploy: Deploy = {}): Project {
  const file = deploy.settingsFile ?? SETTINGS;
  const { model } = modelSettings(file, 'mysite.settings', settings);
  const app: App = {
    dir: '.',
    managePy: deploy.managePy ?? 'manage.py',
    settings: model,
    requirements: [],
    entrypointScripts: [],
  };
  if (deploy.stage !== false) {
    const stage = stageOf(deploy.stage ?? {});
    app.dockerfile = {
      file: 'Dockerfile',
      stages: [stage],
      targetStage: stage,
      builtStages: [stage],
      globalArgs: [],
    };
    app.context = { dir: '.', files: deploy.sentFiles ?? [], sentFiles: deploy.sentFiles ?? [] };
    if (deploy.imageSourceDir !== null) app.imageSourceDir = deploy.imageSourceDir ?? '/app';
  }
  if (deploy.service) {
    const service = serviceOf(deploy.service);
    app.compose = { files: ['docker-compose.yml'], services: [service], appService: service, volumes: [] };
  }
  return { root: '/repo', apps: [app], parseErrors: [], suppressions: [], suppressionProblems: [] };
}

/** [line, severity] of the findings of one rule; severity only when it differs from the rule's default. */
function check(ruleId: string, settings: string, deploy?: Deploy): [number | undefined, Severity?][] {
  const rule = findRule(ruleId)!;
  return rule.check(projectOf(settings, deploy)).map((f) => {
    assert.equal(f.file, deploy?.settingsFile ?? SETTINGS);
    assert.doesNotMatch(f.message, /s3cret|django-insecure|hunter2/, 'a finding must never print a secret');
    return f.severity && f.severity !== rule.severity ? [f.line, f.severity] : [f.line];
  });
}

interface Case {
  name: string;
  settings: string;
  deploy?: Deploy;
  expect: [number | undefined, Severity?][];
}

function table(ruleId: string, cases: Case[]): void {
  for (const c of cases)
    test(`${ruleId} ${c.expect.length ? 'fires' : 'silent'}: ${c.name}`, () => {
      assert.deepEqual(check(ruleId, c.settings, c.deploy), c.expect);
    });
}

const lines = (...l: string[]) => l.join('\n') + '\n';

// ------------------------------------------------------------------ TF0301

table('TF0301', [
  { name: 'startproject literal key', settings: fixture('startproject_django5.py'), expect: [[23]] },
  { name: 'literal in single quotes', settings: "SECRET_KEY = 's3cret-value'\n", expect: [[1]] },
  {
    name: 'env with a literal fallback',
    settings: lines('import os', "SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', 'django-insecure-dev')"),
    expect: [[2, 'warning']],
  },
  {
    name: 'getenv(...) or literal',
    settings: lines('import os', "SECRET_KEY = os.getenv('SECRET_KEY') or 'dev-key'"),
    expect: [[2, 'warning']],
  },
  {
    name: 'django-environ default',
    settings: lines(
      'import environ',
      'env = environ.Env()',
      "SECRET_KEY = env('SECRET_KEY', default='s3cret')",
    ),
    expect: [[3, 'warning']],
  },
  {
    name: 'python-decouple default',
    settings: lines('from decouple import config', "SECRET_KEY = config('SECRET_KEY', default='s3cret')"),
    expect: [[2, 'warning']],
  },
  {
    name: 'a literal only in a branch that needs an env var',
    settings: lines(
      'import os',
      "DEBUG = os.environ.get('DEBUG') == '1'",
      'if DEBUG:',
      "    SECRET_KEY = 'dev-only'",
      'else:',
      "    SECRET_KEY = os.environ['SECRET_KEY']",
    ),
    expect: [[4, 'warning']],
  },
  {
    name: 'environ[] without fallback',
    settings: lines('import os', "SECRET_KEY = os.environ['SECRET_KEY']"),
    expect: [],
  },
  {
    name: 'get without fallback',
    settings: lines('import os', "SECRET_KEY = os.environ.get('SECRET_KEY')"),
    expect: [],
  },
  {
    name: 'generated fallback is not a literal',
    settings: lines(
      'import os',
      'from django.core.management.utils import get_random_secret_key',
      "SECRET_KEY = os.environ.get('SECRET_KEY', get_random_secret_key())",
    ),
    expect: [],
  },
  {
    name: 'a test-only key under a condition that cannot be told',
    settings: lines(
      'import os, sys',
      "SECRET_KEY = os.environ.get('SECRET_KEY')",
      "if 'test' in sys.argv:",
      "    SECRET_KEY = 'test-key'",
    ),
    expect: [],
  },
  {
    name: 'empty fallback',
    settings: lines('import os', "SECRET_KEY = os.environ.get('SECRET_KEY', '')"),
    expect: [],
  },
  {
    name: 'overwritten literal is dead',
    settings: lines('import os', "SECRET_KEY = 'placeholder'", "SECRET_KEY = os.environ['SECRET_KEY']"),
    expect: [],
  },
  {
    name: 'read from a Docker secret file',
    settings: lines("with open('/run/secrets/django_key') as f:", '    SECRET_KEY = f.read().strip()'),
    expect: [],
  },
  {
    name: 'django-environ without default',
    settings: lines('import environ', 'env = environ.Env()', "SECRET_KEY = env('SECRET_KEY')"),
    expect: [],
  },
]);

// ------------------------------------------------------------------ TF0302

table('TF0302', [
  { name: 'startproject DEBUG = True', settings: fixture('startproject_django5.py'), expect: [[26]] },
  {
    name: "env default 'True' compared to 'True'",
    settings: lines('import os', "DEBUG = os.environ.get('DEBUG', 'True') == 'True'"),
    expect: [[2]],
  },
  {
    name: 'django-environ env.bool default True',
    settings: lines('import environ', 'env = environ.Env()', "DEBUG = env.bool('DEBUG', default=True)"),
    expect: [[3]],
  },
  {
    name: 'django-environ scheme default True',
    settings: lines('import environ', 'env = environ.Env(DEBUG=(bool, True))', "DEBUG = env('DEBUG')"),
    expect: [[3]],
  },
  {
    name: 'bool() of a True default',
    settings: lines('import os', "DEBUG = bool(os.environ.get('DEBUG', True))"),
    expect: [[2]],
  },
  {
    name: "int() of a '1' default",
    settings: lines('import os', "DEBUG = int(os.environ.get('DEBUG', '1'))"),
    expect: [[2]],
  },
  {
    name: "the string 'False' as default is true in Python",
    settings: lines('import os', "DEBUG = os.environ.get('DJANGO_DEBUG', 'False')"),
    expect: [[2]],
  },
  {
    name: 'a helper of the settings with a True default',
    settings: lines(
      'import os',
      'def env_bool(name, default=False):',
      '    value = os.environ.get(name)',
      '    if value is None:',
      '        return default',
      '    return value.lower() in ("1", "true")',
      'DEBUG = env_bool("DJANGO_DEBUG", True)',
    ),
    expect: [[7]],
  },
  { name: "the literal string 'False'", settings: "DEBUG = 'False'\n", expect: [[1]] },
  {
    name: "== '1' without default",
    settings: lines('import os', "DEBUG = os.environ.get('DEBUG') == '1'"),
    expect: [],
  },
  {
    name: "default 'False' compared to 'True'",
    settings: lines('import os', "DEBUG = os.environ.get('DEBUG', 'False') == 'True'"),
    expect: [],
  },
  {
    name: '.lower() in a tuple',
    settings: lines('import os', "DEBUG = os.getenv('DEBUG', 'false').lower() in ('1', 'true', 'yes')"),
    expect: [],
  },
  {
    name: 'env.bool default False',
    settings: lines('import environ', 'env = environ.Env()', "DEBUG = env.bool('DEBUG', default=False)"),
    expect: [],
  },
  {
    name: "decouple cast=bool of 'False'",
    settings: lines('from decouple import config', "DEBUG = config('DEBUG', default='False', cast=bool)"),
    expect: [],
  },
  { name: 'literal False', settings: 'DEBUG = False\n', expect: [] },
  { name: 'no default', settings: lines('import os', "DEBUG = os.environ.get('DEBUG')"), expect: [] },
  {
    name: 'True only inside an env-guarded branch',
    settings: lines('import os', 'DEBUG = False', "if os.environ.get('DEVELOPMENT'):", '    DEBUG = True'),
    expect: [],
  },
  { name: 'unknowable', settings: lines('import sys', "DEBUG = 'runserver' in sys.argv"), expect: [] },
  {
    name: 'True only under a condition that cannot be told',
    settings: lines('import sys', 'DEBUG = False', "if 'test' in sys.argv:", '    DEBUG = True'),
    expect: [],
  },
  {
    name: "the image's ENV turns the variable the settings read on",
    settings: lines('import os', "DEBUG = os.environ.get('DJANGO_DEBUG', 'False') == 'True'"),
    deploy: { stage: { env: { DJANGO_DEBUG: 'True' } } },
    expect: [[2]],
  },
  {
    name: 'ENV DEBUG=1 read as raw text',
    settings: lines('import os', "DEBUG = os.environ.get('DEBUG')"),
    deploy: { stage: { env: { DEBUG: '1' } } },
    expect: [[2]],
  },
  {
    name: "the image's ENV turns it off, or sets another variable",
    settings: lines('import os', "DEBUG = os.environ.get('DEBUG', '0') == '1'"),
    deploy: { stage: { env: { DEBUG: '0', DJANGO_DEBUG: '1' } } },
    expect: [],
  },
  {
    name: 'the production compose file sets it on',
    settings: lines('import os', "DEBUG = os.environ.get('DEBUG', '0') == '1'"),
    deploy: { service: { environment: { DEBUG: '1' } } },
    expect: [[2]],
  },
  {
    name: 'compose overrides the image ENV with off',
    settings: lines('import os', "DEBUG = os.environ.get('DEBUG', '0') == '1'"),
    deploy: { stage: { env: { DEBUG: '1' } }, service: { environment: { DEBUG: '0' } } },
    expect: [],
  },
]);

// ------------------------------------------------------------------ TF0303

table('TF0303', [
  { name: "['*']", settings: "ALLOWED_HOSTS = ['*']\n", expect: [[1]] },
  { name: "a tuple with '*' among others", settings: "ALLOWED_HOSTS = ('localhost', '*')\n", expect: [[1]] },
  {
    name: 'appended later',
    settings: lines("ALLOWED_HOSTS = ['a.example']", "ALLOWED_HOSTS += ['*']"),
    expect: [[2]],
  },
  { name: 'startproject []', settings: fixture('startproject_django5.py'), expect: [] },
  {
    name: "environment with '*' fallback",
    settings: lines('import os', "ALLOWED_HOSTS = os.environ.get('ALLOWED_HOSTS', '*').split(',')"),
    expect: [],
  },
  {
    name: 'django-environ scheme default',
    settings: lines(
      'import environ',
      "env = environ.Env(ALLOWED_HOSTS=(list, ['*']))",
      "ALLOWED_HOSTS = env('ALLOWED_HOSTS')",
    ),
    expect: [],
  },
  {
    name: 'overwritten',
    settings: lines('import os', "ALLOWED_HOSTS = ['*']", "ALLOWED_HOSTS = os.environ['HOSTS'].split(',')"),
    expect: [],
  },
  { name: 'a real host', settings: "ALLOWED_HOSTS = ['.example.com']\n", expect: [] },
]);

// ------------------------------------------------------------------ TF0304

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

table('TF0304', [
  { name: 'literal USER, PASSWORD and HOST for PostgreSQL', settings: PG_LITERAL, expect: [[5], [6], [7]] },
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
    name: "empty PASSWORD and HOST mean Django's default",
    settings: lines(
      "DATABASES = {'default': {",
      "    'ENGINE': 'django.db.backends.postgresql',",
      "    'NAME': 'app',",
      "    'PASSWORD': '',",
      "    'HOST': '',",
      '}}',
    ),
    expect: [],
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
  { name: 'the twelve-factor switch', settings: fixture('twelve_factor.py'), expect: [] },
]);

// ------------------------------------------------------------------ TF0305

table('TF0305', [
  { name: 'startproject SQLite', settings: fixture('startproject_django5.py'), expect: [[76]] },
  {
    name: 'PostgreSQL fixed in code, credentials from the environment',
    settings: lines(
      'import os',
      'DATABASES = {',
      "    'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': os.environ['DB_NAME'], 'HOST': os.environ['DB_HOST']}",
      '}',
    ),
    expect: [[2]],
  },
  {
    name: "engines switched on 'test' in sys.argv, not on the environment",
    settings: lines(
      'import sys',
      'DATABASES = {}',
      "AVAILABLE = {'test': {'ENGINE': 'django.db.backends.sqlite3'}, 'remote': {'ENGINE': 'django.db.backends.mysql'}}",
      "if 'test' in sys.argv:",
      "    DATABASES['default'] = AVAILABLE['test']",
      'else:',
      "    DATABASES['default'] = AVAILABLE['remote']",
    ),
    expect: [[2]],
  },
  { name: 'DB_ENGINE switch', settings: fixture('twelve_factor.py'), expect: [] },
  {
    name: 'dj-database-url',
    settings: lines('import dj_database_url', "DATABASES = {'default': dj_database_url.config()}"),
    expect: [],
  },
  {
    name: 'django-environ',
    settings: lines('import environ', 'env = environ.Env()', "DATABASES = {'default': env.db()}"),
    expect: [],
  },
  {
    name: 'if/else on DB_ENGINE',
    settings: lines(
      'import os',
      "if os.getenv('DB_ENGINE') == 'postgres':",
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'x'}}",
      'else:',
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}",
    ),
    expect: [],
  },
  {
    name: 'ENGINE from the environment',
    settings: lines(
      'import os',
      "DATABASES = {'default': {'ENGINE': os.environ['DB_ENGINE'], 'NAME': os.environ['DB_NAME']}}",
    ),
    expect: [],
  },
  {
    name: 'no DATABASES in this module',
    settings: lines('from .base import *', 'DEBUG = False'),
    expect: [],
  },
  {
    name: 'DATABASES inherited from a star import and patched',
    settings: lines(
      'import os',
      'from .base import *',
      "DATABASES['default']['HOST'] = os.environ['DB_HOST']",
    ),
    expect: [],
  },
]);

// ------------------------------------------------------------------ TF1003

table('TF1003', [
  {
    name: "switch with default 'sqlite'",
    settings: lines(
      'import os',
      "DBS = {'sqlite': {'ENGINE': 'django.db.backends.sqlite3'}, 'postgres': {'ENGINE': 'django.db.backends.postgresql'}}",
      "DATABASES = {'default': DBS[os.environ.get('DB_ENGINE', 'sqlite')]}",
    ),
    expect: [[3]],
  },
  {
    name: 'dj-database-url with a SQLite default',
    settings: lines(
      'import dj_database_url',
      "DATABASES = {'default': dj_database_url.config(default='sqlite:///db.sqlite3')}",
    ),
    expect: [[2]],
  },
  {
    name: 'else branch is SQLite',
    settings: lines(
      'import os',
      "if os.environ.get('DB_ENGINE') == 'postgres':",
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'x'}}",
      'else:',
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}",
    ),
    expect: [[2]],
  },
  {
    name: 'ENGINE env with a SQLite default',
    settings: lines(
      'import os',
      "DATABASES = {'default': {'ENGINE': os.environ.get('SQL_ENGINE', 'django.db.backends.sqlite3')}}",
    ),
    expect: [[2]],
  },
  {
    name: 'Heroku update pattern',
    settings: lines(
      'import dj_database_url',
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}",
      "DATABASES['default'].update(dj_database_url.config(conn_max_age=500))",
    ),
    expect: [[3]],
  },
  {
    name: 'required DB_ENGINE',
    settings: lines(
      'import os',
      "DBS = {'sqlite': {'ENGINE': 'django.db.backends.sqlite3'}, 'postgres': {'ENGINE': 'django.db.backends.postgresql'}}",
      "DATABASES = {'default': DBS[os.environ['DB_ENGINE']]}",
    ),
    expect: [],
  },
  { name: 'default postgres', settings: fixture('twelve_factor.py'), expect: [] },
  {
    name: 'dj-database-url without default',
    settings: lines('import dj_database_url', "DATABASES = {'default': dj_database_url.config()}"),
    expect: [],
  },
  {
    name: 'SQLite fixed in code is TF0305, not a fallback',
    settings: fixture('startproject_django5.py'),
    expect: [],
  },
]);

// ------------------------------------------------------------------ TF0310

const DB_PASS = lines(
  'import os',
  "DATABASES = {'default': {",
  "    'ENGINE': 'django.db.backends.postgresql',",
  "    'NAME': os.environ.get('DB_NAME', 'app'),",
  "    'PASSWORD': os.environ['DB_PASS'],",
  '}}',
);

table('TF0310', [
  {
    name: 'DB_PASS read, DB_PASSWORD in compose',
    settings: DB_PASS,
    deploy: { service: { environment: { DB_PASSWORD: 'x' } } },
    expect: [[5]],
  },
  {
    name: 'get() without default for a server password, DB_PASSWORD in the Dockerfile',
    settings: DB_PASS.replace("os.environ['DB_PASS']", "os.environ.get('DB_PASS')"),
    deploy: { stage: { env: { DB_PASSWORD: undefined } } },
    expect: [[5]],
  },
  {
    name: 'DJANGO_SECRET_KEY provided, SECRET_KEY required',
    settings: lines('import os', "SECRET_KEY = os.environ['SECRET_KEY']"),
    deploy: { service: { environment: { DJANGO_SECRET_KEY: '${DJANGO_SECRET_KEY}' } } },
    expect: [[2]],
  },
  {
    name: 'a typo in the settings',
    settings: lines('import os', "SECRET_KEY = os.environ['DJANGO_SECERT_KEY']"),
    deploy: { service: { environment: { DJANGO_SECRET_KEY: undefined } } },
    expect: [[2]],
  },
  {
    name: 'POSTGRES_PASSWORD from an env_file, DB_PASSWORD required',
    settings: lines('import os', "PASSWORD = os.environ['DB_PASSWORD']"),
    deploy: { service: { envFiles: ['.env.db'], envFileEntries: { '.env.db': { POSTGRES_PASSWORD: 'x' } } } },
    expect: [[2]],
  },
  {
    name: 'the same name on both sides',
    settings: DB_PASS,
    deploy: { service: { environment: { DB_PASS: 'x' } } },
    expect: [],
  },
  {
    name: 'DB_HOST required, only DB_PORT provided: two settings, not a typo',
    settings: lines('import os', "HOST = os.environ['DB_HOST']"),
    deploy: { service: { environment: { DB_PORT: '5432' } } },
    expect: [],
  },
  {
    name: 'optional read',
    settings: lines('import os', "SENTRY = os.environ.get('SENTRY_DSN')"),
    deploy: { service: { environment: { SENTRY_DSN_URL: 'x' } } },
    expect: [],
  },
  {
    name: 'the similar name is read by the settings too',
    settings: lines('import os', "A = os.environ['DB_PASS']", "B = os.environ.get('DB_PASSWORD', '')"),
    deploy: { service: { environment: { DB_PASSWORD: 'x' } } },
    expect: [],
  },
  {
    name: 'an env_file that is not in the repository',
    settings: DB_PASS,
    deploy: { service: { envFiles: ['.env'], environment: { DB_PASSWORD: 'x' } } },
    expect: [],
  },
  {
    name: 'load_dotenv with a .env file in the image',
    settings: lines('from dotenv import load_dotenv', 'load_dotenv()', DB_PASS),
    deploy: { service: { environment: { DB_PASSWORD: 'x' } }, sentFiles: ['manage.py', '.env'] },
    expect: [],
  },
  {
    name: 'load_dotenv but no .env reaches the image',
    settings: lines('from dotenv import load_dotenv', 'load_dotenv()', DB_PASS),
    deploy: { service: { environment: { DB_PASSWORD: 'x' } }, sentFiles: ['manage.py'] },
    expect: [[7]],
  },
  { name: 'no Dockerfile, no compose', settings: DB_PASS, deploy: { stage: false }, expect: [] },
  {
    name: 'read only when the variable is set',
    settings: lines('import os', "if os.environ.get('DB_PASS'):", "    PASSWORD = os.environ['DB_PASS']"),
    deploy: { service: { environment: { DB_PASSWORD: 'x' } } },
    expect: [],
  },
]);

test('TF0310 name similarity: synonyms and typos yes, distinct settings no', () => {
  const yes = [
    ['DB_PASS', 'DB_PASSWORD'],
    ['DB_PWD', 'DB_PASSWORD'],
    ['DATABASE_USER', 'DB_USER'],
    ['POSTGRES_PASSWORD', 'DB_PASSWORD'],
    ['PG_HOST', 'DB_HOST'],
    ['SECRET_KEY', 'DJANGO_SECRET_KEY'],
    ['DJANGO_SECERT_KEY', 'DJANGO_SECRET_KEY'],
    ['DATABASE_URI', 'DATABASE_URL'],
    ['DBHOST', 'DB_HOST'],
  ];
  const no = [
    ['DB_HOST', 'DB_PORT'],
    ['DB_NAME', 'DB_USER'],
    ['DB_PASSWORD', 'DB_PASSWORD_FILE'],
    ['REDIS_URL', 'REDIS_HOST'],
    ['DEBUG', 'DEBUG'],
    ['PORT', 'HOST'],
    ['EMAIL_HOST_USER', 'EMAIL_HOST_PASSWORD'],
    ['POSTGRES_DB', 'DB_NAME'],
  ];
  for (const [a, b] of yes) assert.equal(similarNames(a, b), true, `${a} ~ ${b}`);
  for (const [a, b] of no) assert.equal(similarNames(a, b), false, `${a} !~ ${b}`);
});

// ------------------------------------------------------------------ TF0602

const STARTPROJECT = fixture('startproject_django5.py');
const TWELVE = fixture('twelve_factor.py');

table('TF0602', [
  { name: 'startproject db.sqlite3 in /app, no volume', settings: STARTPROJECT, expect: [[79]] },
  {
    name: 'VOLUME /app covers it',
    settings: STARTPROJECT,
    deploy: { stage: { volumes: ['/app'] } },
    expect: [],
  },
  {
    name: 'VOLUME on another dir',
    settings: STARTPROJECT,
    deploy: { stage: { volumes: ['/app/data'] } },
    expect: [[79]],
  },
  {
    name: 'compose volume on the parent directory',
    settings: STARTPROJECT,
    deploy: { service: { volumes: [{ type: 'volume', source: 'app', target: '/app/' }] } },
    expect: [],
  },
  {
    name: 'tmpfs is not persistent',
    settings: STARTPROJECT,
    deploy: { service: { volumes: [{ type: 'tmpfs', target: '/app' }] } },
    expect: [[79]],
  },
  {
    name: 'where the source lands is unknown',
    settings: STARTPROJECT,
    deploy: { imageSourceDir: null },
    expect: [],
  },
  { name: 'no Dockerfile', settings: STARTPROJECT, deploy: { stage: false }, expect: [] },
  {
    name: 'settings in src/ with manage.py there, source copied to /srv',
    settings: STARTPROJECT,
    deploy: { settingsFile: 'src/mysite/settings.py', managePy: 'src/manage.py', imageSourceDir: '/srv' },
    expect: [[79]],
  },
  // The fixture keeps MEDIA_ROOT in /data/media: a volume on /data keeps these cases about the database.
  {
    name: 'twelve-factor switch defaults to postgres',
    settings: TWELVE,
    deploy: { stage: { volumes: ['/data'] } },
    expect: [],
  },
  { name: 'twelve-factor MEDIA_ROOT outside any volume', settings: TWELVE, expect: [[50]] },
  {
    name: 'twelve-factor with DB_ENGINE=sqlite and the default path',
    settings: TWELVE,
    deploy: { stage: { volumes: ['/data'] }, service: { environment: { DB_ENGINE: 'sqlite' } } },
    expect: [[24]],
  },
  {
    name: 'twelve-factor with DB_ENGINE=sqlite and a volume on the data directory',
    settings: TWELVE,
    deploy: {
      stage: { volumes: ['/data'] },
      service: { environment: { DB_ENGINE: 'sqlite' }, volumes: [{ source: 'data', target: '/app/data' }] },
    },
    expect: [],
  },
  {
    name: 'SQLITE_PATH set to a volume directory',
    settings: TWELVE,
    deploy: { stage: { env: { DB_ENGINE: 'sqlite', SQLITE_PATH: '/data/db.sqlite3' }, volumes: ['/data'] } },
    expect: [],
  },
  {
    name: 'SQLITE_PATH set, but /data is no volume',
    settings: TWELVE,
    deploy: { stage: { env: { DB_ENGINE: 'sqlite', SQLITE_PATH: '/data/db.sqlite3' } } },
    expect: [[24], [50]],
  },
  {
    name: 'DATABASE_URL points at a SQLite file outside any volume',
    settings: lines('import dj_database_url', "DATABASES = {'default': dj_database_url.config()}"),
    deploy: { service: { environment: { DATABASE_URL: 'sqlite:////srv/db.sqlite3' } } },
    expect: [[2]],
  },
  {
    name: 'DATABASE_URL points at PostgreSQL',
    settings: lines(
      'import dj_database_url',
      "DATABASES = {'default': dj_database_url.config(default='sqlite:///db.sqlite3')}",
    ),
    deploy: { service: { environment: { DATABASE_URL: 'postgres://u:p@db/app' } } },
    expect: [],
  },
  {
    name: 'relative NAME resolves against WORKDIR',
    settings: "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}\n",
    deploy: { stage: { workdir: '/srv', volumes: ['/app'] } },
    expect: [[1]],
  },
  {
    name: 'absolute path under a VOLUME parent',
    settings:
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': '/var/lib/app/db.sqlite3'}}\n",
    deploy: { stage: { volumes: ['/var/lib'] } },
    expect: [],
  },
  {
    name: 'in-memory database',
    settings: "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}}\n",
    expect: [],
  },
  {
    name: 'MEDIA_ROOT under BASE_DIR',
    settings: lines(
      'from pathlib import Path',
      'BASE_DIR = Path(__file__).resolve().parent.parent',
      "MEDIA_ROOT = BASE_DIR / 'media'",
    ),
    expect: [[3]],
  },
  {
    name: 'MEDIA_ROOT on a volume',
    settings: lines('import os', "MEDIA_ROOT = os.environ.get('MEDIA_ROOT', '/data/media')"),
    deploy: { stage: { volumes: ['/data'] } },
    expect: [],
  },
  {
    name: 'the env var path cannot be known',
    settings: lines('import os', "MEDIA_ROOT = os.environ.get('MEDIA_ROOT', '/data/media')"),
    deploy: { service: { environment: { MEDIA_ROOT: undefined } } },
    expect: [],
  },
]);

// ------------------------------------------------------------------ through the real pipeline

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
