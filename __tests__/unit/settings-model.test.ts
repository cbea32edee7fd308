import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  fallbackSelectors,
  liveAssignments,
  modelSettings,
  valueWhenUnset,
  withBases,
} from '../../src/model/settings.js';
import type { SettingsModel, ValueSource } from '../../src/model/types/settings.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/settings/${name}`, import.meta.url), 'utf8');

function model(text: string, file = 'mysite/settings.py'): SettingsModel {
  const r = modelSettings(file, 'mysite.settings', text);
  assert.deepEqual(r.errors, [], `unexpected parse errors: ${JSON.stringify(r.errors)}`);
  assert.ok(r.model);
  return r.model;
}

/** The one live value of a setting. */
function value(m: SettingsModel, name: string): ValueSource {
  const live = liveAssignments(m, name);
  assert.equal(live.length, 1, `${name}: expected one live assignment, got ${live.length}`);
  return live[0].value;
}

/** A value as a plain JS value when it is fully known (literal, list, dict); undefined otherwise. */
function plain(v: ValueSource | undefined): unknown {
  if (!v) return undefined;
  if (v.kind === 'literal') return v.value;
  if (v.kind === 'list') return v.items.map(plain);
  if (v.kind === 'dict') return Object.fromEntries(v.entries.map((e) => [e.key, plain(e.value)]));
  if (v.kind === 'path') return `${v.base === 'absolute' ? '' : v.base}/${v.parts.join('/')}`;
  return `<${v.kind}>`;
}

test('Django 5 startproject settings: literal key, literal DEBUG, fixed SQLite under BASE_DIR', () => {
  const m = model(fixture('startproject_django5.py'));
  assert.equal(m.baseDir, '.');
  assert.deepEqual(value(m, 'SECRET_KEY').kind, 'literal');
  assert.equal(value(m, 'SECRET_KEY').line, 23);
  assert.equal(plain(value(m, 'DEBUG')), true);
  assert.deepEqual(plain(value(m, 'ALLOWED_HOSTS')), []);
  assert.deepEqual(m.envReads, []);
  assert.equal(m.databases?.line, 76);
  assert.deepEqual(m.databases?.selection, { kind: 'fixed' });
  assert.equal(m.databases?.configs.length, 1);
  const config = m.databases!.configs[0];
  assert.equal(config.engine, 'django.db.backends.sqlite3');
  assert.equal(config.isDefault, true);
  assert.equal(plain(config.fields.NAME), 'BASE_DIR/db.sqlite3');
  assert.equal(config.fieldLines?.NAME, 79);
  assert.deepEqual(m.logHandlers, []);
});

test('Django 2/3 startproject settings: BASE_DIR from os.path.dirname(abspath(__file__)) and os.path.join', () => {
  const m = model(
    [
      'import os',
      'BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))',
      "SECRET_KEY = 'x' * 50",
      'DATABASES = {',
      "    'default': {",
      "        'ENGINE': 'django.db.backends.sqlite3',",
      "        'NAME': os.path.join(BASE_DIR, 'db.sqlite3'),",
      '    }',
      '}',
      "STATIC_ROOT = os.path.join(BASE_DIR, 'static')",
      "MEDIA_ROOT = os.path.join(os.path.dirname(__file__), 'media')",
    ].join('\n'),
    'src/mysite/settings.py',
  );
  assert.equal(m.baseDir, 'src');
  assert.equal(plain(m.databases!.configs[0].fields.NAME), 'BASE_DIR/db.sqlite3');
  assert.equal(plain(value(m, 'STATIC_ROOT')), 'BASE_DIR/static');
  assert.equal(plain(value(m, 'MEDIA_ROOT')), 'BASE_DIR/mysite/media');
  // A repeated string is a constant: a literal like any other.
  assert.equal(value(m, 'SECRET_KEY').kind, 'literal');
});

test('BASE_DIR of split settings one level deeper, and BASE_DIR used without being defined', () => {
  const base = model(
    'from pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent.parent.parent\n',
    'mysite/settings/base.py',
  );
  assert.equal(base.baseDir, '.');
  const parents = model(
    'from pathlib import Path\nBASE_DIR = Path(__file__).resolve().parents[1]\n',
    'app/conf/settings.py',
  );
  assert.equal(parents.baseDir, 'app');
  const prod = model("from .base import *\nMEDIA_ROOT = BASE_DIR / 'media'\n", 'mysite/settings/prod.py');
  assert.equal(prod.baseDir, undefined);
  assert.deepEqual(prod.starImports, [{ module: '.base', line: 1 }]);
  assert.equal(plain(value(prod, 'MEDIA_ROOT')), 'BASE_DIR/media');
});

test('without BASE_DIR, paths are told from ROOT_DIR (environ.Path(__file__) - 3); a later BASE_DIR wins', () => {
  const common = model(
    [
      'import environ',
      'ROOT_DIR = environ.Path(__file__) - 3',
      "APPS_DIR = ROOT_DIR.path('shop')",
      "MEDIA_ROOT = str(APPS_DIR('media'))",
    ].join('\n'),
    'config/settings/common.py',
  );
  assert.equal(common.baseDir, '.');
  assert.deepEqual(value(common, 'MEDIA_ROOT'), {
    kind: 'path',
    base: 'BASE_DIR',
    parts: ['shop', 'media'],
    line: 4,
  });
  const both = model(
    [
      'import environ',
      'from pathlib import Path',
      'ROOT_DIR = environ.Path(__file__) - 3',
      'BASE_DIR = Path(__file__).resolve().parent.parent',
    ].join('\n'),
    'config/settings/common.py',
  );
  assert.equal(both.baseDir, 'config');
});

// How each way of reading the environment is modelled: the read, and the value the setting takes when it is unset.
const ENV_READS: {
  code: string;
  variable: string;
  required: boolean;
  hasDefault: boolean;
  unset: unknown;
  via?: string;
}[] = [
  {
    code: "os.environ['X']",
    variable: 'X',
    required: true,
    hasDefault: false,
    unset: undefined,
    via: 'environ[]',
  },
  { code: "os.environ.get('X')", variable: 'X', required: false, hasDefault: false, unset: undefined },
  {
    code: "os.environ.get('X', 'd')",
    variable: 'X',
    required: false,
    hasDefault: true,
    unset: 'd',
    via: 'environ.get',
  },
  { code: "os.environ.get('X', None)", variable: 'X', required: false, hasDefault: false, unset: undefined },
  {
    code: "os.getenv('X', 'd')",
    variable: 'X',
    required: false,
    hasDefault: true,
    unset: 'd',
    via: 'getenv',
  },
  { code: "os.getenv('X', default='d')", variable: 'X', required: false, hasDefault: true, unset: 'd' },
  { code: "os.environ.setdefault('X', 'd')", variable: 'X', required: false, hasDefault: true, unset: 'd' },
  { code: "os.environ.get('X') or 'd'", variable: 'X', required: false, hasDefault: false, unset: 'd' },
  {
    code: "os.environ.get('X', 'False') == 'True'",
    variable: 'X',
    required: false,
    hasDefault: true,
    unset: false,
  },
  {
    code: "os.environ.get('X', 'True') == 'True'",
    variable: 'X',
    required: false,
    hasDefault: true,
    unset: true,
  },
  { code: "os.environ.get('X') == '1'", variable: 'X', required: false, hasDefault: false, unset: false },
  {
    code: "os.environ.get('X', '') != 'False'",
    variable: 'X',
    required: false,
    hasDefault: true,
    unset: true,
  },
  {
    code: "os.environ.get('X', 'false').lower() in ('1', 'true', 'yes')",
    variable: 'X',
    required: false,
    hasDefault: true,
    unset: false,
  },
  { code: "bool(os.environ.get('X', True))", variable: 'X', required: false, hasDefault: true, unset: true },
  {
    code: "bool(os.environ.get('X', False))",
    variable: 'X',
    required: false,
    hasDefault: true,
    unset: false,
  },
  { code: "int(os.environ.get('X', '1'))", variable: 'X', required: false, hasDefault: true, unset: 1 },
  {
    code: "bool(int(os.environ.get('X', 0)))",
    variable: 'X',
    required: false,
    hasDefault: true,
    unset: false,
  },
  { code: "int(os.environ.get('X'))", variable: 'X', required: true, hasDefault: false, unset: undefined },
  {
    code: "os.environ.get('X').split(',')",
    variable: 'X',
    required: true,
    hasDefault: false,
    unset: undefined,
  },
  {
    code: "os.environ.get('X', 'a,b').split(',')",
    variable: 'X',
    required: false,
    hasDefault: true,
    unset: ['a', 'b'],
  },
  { code: "os.environ.get('X', '').split()", variable: 'X', required: false, hasDefault: true, unset: [] },
  { code: "'X' in os.environ", variable: 'X', required: false, hasDefault: false, unset: false },
  {
    code: "True if os.environ.get('X') else False",
    variable: 'X',
    required: false,
    hasDefault: false,
    unset: false,
  },
  { code: "str(os.environ.get('X', 1))", variable: 'X', required: false, hasDefault: true, unset: '1' },
  {
    code: "strtobool(os.environ.get('X', 'yes'))",
    variable: 'X',
    required: false,
    hasDefault: true,
    unset: 1,
  },
  {
    code: "ast.literal_eval(os.environ.get('X', 'True'))",
    variable: 'X',
    required: false,
    hasDefault: true,
    unset: true,
  },
  { code: "o.environ['X']", variable: 'X', required: true, hasDefault: false, unset: undefined },
  { code: "environ['X']", variable: 'X', required: true, hasDefault: false, unset: undefined },
  { code: "environ.get('X', 'd')", variable: 'X', required: false, hasDefault: true, unset: 'd' },
  { code: "getenv('X', 'd')", variable: 'X', required: false, hasDefault: true, unset: 'd' },
  { code: "config('X')", variable: 'X', required: true, hasDefault: false, unset: undefined, via: 'other' },
  {
    code: "config('X', default='False', cast=bool)",
    variable: 'X',
    required: false,
    hasDefault: true,
    unset: false,
  },
  {
    code: "config('X', default='a, b', cast=Csv())",
    variable: 'X',
    required: false,
    hasDefault: true,
    unset: ['a', 'b'],
  },
];

for (const c of ENV_READS) {
  test(`environment read: ${c.code}`, () => {
    const m = model(
      [
        'import os',
        'import os as o',
        'import ast',
        'from os import environ, getenv',
        'from distutils.util import strtobool',
        'from decouple import config, Csv',
        `SETTING = ${c.code}`,
      ].join('\n'),
    );
    assert.deepEqual(
      m.envReads.map((r) => ({ ...r })),
      [{ variable: c.variable, line: 7, required: c.required, hasDefault: c.hasDefault }],
    );
    const v = value(m, 'SETTING');
    assert.equal(v.kind, 'env');
    if (v.kind !== 'env') return;
    assert.equal(v.variable, c.variable);
    if (c.via) assert.equal(v.via, c.via);
    assert.deepEqual(plain(valueWhenUnset(v)), c.unset);
  });
}

test('SECRET_KEY read with os.environ.get and no default is a required read (Django refuses an empty key)', () => {
  const m = model(
    "import os\nSECRET_KEY = os.environ.get('DJANGO_SECRET_KEY')\nOTHER = os.environ.get('SENTRY_DSN')\n",
  );
  assert.deepEqual(
    m.envReads.map((r) => [r.variable, r.required]),
    [
      ['DJANGO_SECRET_KEY', true],
      ['SENTRY_DSN', false],
    ],
  );
});

test('django-environ: Env scheme defaults, typed getters, db_url, read_env', () => {
  const m = model(
    [
      'import environ',
      'env = environ.Env(DEBUG=(bool, False), ALLOWED_HOSTS=(list, []))',
      "environ.Env.read_env(BASE_DIR / '.env')",
      "SECRET_KEY = env('SECRET_KEY')",
      "DEBUG = env('DEBUG')",
      "ALLOWED_HOSTS = env('ALLOWED_HOSTS')",
      "EMAIL_HOST = env.str('EMAIL_HOST', default='smtp.example.com')",
      "SECURE = env.bool('SECURE', default=True)",
      "PORT = env.int('PORT', 8000)",
      "DATABASES = {'default': env.db_url('DATABASE_URL', default='sqlite:////data/db.sqlite3')}",
      "CACHES = {'default': env.cache()}",
    ].join('\n'),
  );
  assert.deepEqual(m.dotenvLoads, [{ via: 'django-environ', line: 3 }]);
  const reads = Object.fromEntries(m.envReads.map((r) => [r.variable, [r.required, r.hasDefault]]));
  assert.deepEqual(reads, {
    SECRET_KEY: [true, false],
    DEBUG: [false, true],
    ALLOWED_HOSTS: [false, true],
    EMAIL_HOST: [false, true],
    SECURE: [false, true],
    PORT: [false, true],
    DATABASE_URL: [false, true],
    CACHE_URL: [true, false],
  });
  assert.equal(plain(valueWhenUnset(value(m, 'DEBUG'))), false);
  assert.equal(plain(valueWhenUnset(value(m, 'SECURE'))), true);
  assert.equal(plain(valueWhenUnset(value(m, 'PORT'))), 8000);
  const db = m.databases!;
  assert.deepEqual(db.selection, {
    kind: 'url',
    variable: 'DATABASE_URL',
    default: 'sqlite:////data/db.sqlite3',
    line: 10,
  });
  assert.equal(db.configs.length, 1);
  assert.equal(db.configs[0].engine, 'django.db.backends.sqlite3');
  assert.equal(db.configs[0].isDefault, true);
  assert.equal(plain(valueWhenUnset(db.configs[0].fields.NAME)), '/data/db.sqlite3');
});

test('django-environ env.db() with no default: a required DATABASE_URL and no fallback configuration', () => {
  const m = model("import environ\nenv = environ.Env()\nDATABASES = {'default': env.db()}\n");
  assert.deepEqual(m.databases?.selection, { kind: 'url', variable: 'DATABASE_URL', line: 3 });
  assert.deepEqual(m.databases?.configs, []);
  assert.deepEqual(m.envReads, [{ variable: 'DATABASE_URL', line: 3, required: true, hasDefault: false }]);
});

test('dj-database-url: config() with a default and conn_max_age, env= kwarg, parse(os.environ[...])', () => {
  const withDefault = model(
    [
      'import dj_database_url',
      'from pathlib import Path',
      'BASE_DIR = Path(__file__).resolve().parent.parent',
      'DATABASES = {',
      "    'default': dj_database_url.config(default=f'sqlite:///{BASE_DIR / \"db.sqlite3\"}', conn_max_age=600)",
      '}',
    ].join('\n'),
  );
  assert.equal(withDefault.databases?.selection.kind, 'url');
  const config = withDefault.databases!.configs[0];
  assert.equal(config.engine, 'django.db.backends.sqlite3');
  assert.equal(plain(valueWhenUnset(config.fields.NAME)), 'BASE_DIR/db.sqlite3');
  assert.equal(config.fields.NAME.kind, 'env');

  const concat = model(
    "import os, dj_database_url\nBASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))\nDATABASES = {'default': dj_database_url.config(default='sqlite:///' + os.path.join(BASE_DIR, 'db.sqlite3'))}\n",
  );
  assert.equal(plain(valueWhenUnset(concat.databases!.configs[0].fields.NAME)), 'BASE_DIR/db.sqlite3');

  const custom = model(
    "import dj_database_url\nDATABASES = {'default': dj_database_url.config(env='PRIMARY_DB_URL')}\n",
  );
  assert.deepEqual(custom.databases?.selection, { kind: 'url', variable: 'PRIMARY_DB_URL', line: 2 });

  const parsed = model(
    "import os, dj_database_url\nDATABASES = {'default': dj_database_url.parse(os.environ['DATABASE_URL'])}\n",
  );
  assert.deepEqual(parsed.databases?.selection, { kind: 'url', variable: 'DATABASE_URL', line: 2 });
  assert.deepEqual(parsed.envReads, [
    { variable: 'DATABASE_URL', line: 2, required: true, hasDefault: false },
  ]);

  const server = model(
    "import dj_database_url\nDATABASES = {'default': dj_database_url.config(default='postgres://shop:s3cr%40t@db:5432/shop')}\n",
  );
  const fields = server.databases!.configs[0].fields;
  assert.equal(server.databases!.configs[0].engine, 'django.db.backends.postgresql');
  assert.deepEqual(
    ['NAME', 'USER', 'PASSWORD', 'HOST', 'PORT'].map((k) => plain(valueWhenUnset(fields[k]))),
    ['shop', 'shop', 's3cr@t', 'db', 5432],
  );

  const literal = model(
    "import dj_database_url\nDATABASES = {'default': dj_database_url.parse('mysql://u:p@h/db')}\n",
  );
  assert.deepEqual(literal.databases?.selection, { kind: 'fixed' });
  assert.equal(plain(literal.databases!.configs[0].fields.PASSWORD), 'p');
});

test("dj-database-url: a default built with '…{0}'.format(os.path.join(...)) is the same SQLite file as the + form", () => {
  for (const url of [
    "'sqlite:////{0}'.format(os.path.join(BASE_DIR, 'db.sqlite3'))",
    "'sqlite:///{}'.format(os.path.join(BASE_DIR, 'db.sqlite3'))",
  ]) {
    const m = model(
      `import os, dj_database_url\nBASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))\nDATABASES = {'default': dj_database_url.config(default=${url})}\n`,
    );
    const config = m.databases!.configs[0];
    assert.equal(config.engine, 'django.db.backends.sqlite3', url);
    assert.equal(plain(valueWhenUnset(config.fields.NAME)), 'BASE_DIR/db.sqlite3', url);
  }
});

test('DATABASE_URL parsed by hand: a branch on its scheme is a URL selection, the fields read from the environment', () => {
  const m = model(
    [
      'import os',
      'from urllib.parse import unquote, urlparse',
      "_db = urlparse(os.environ.get('DATABASE_URL', 'sqlite:////var/lib/notes/notes.sqlite3'))",
      "if _db.scheme == 'sqlite':",
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': _db.path}}",
      'else:',
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': _db.path.lstrip('/'),",
      "        'USER': unquote(_db.username or ''), 'PASSWORD': unquote(_db.password or ''), 'HOST': _db.hostname,",
      "        'PORT': _db.port or 5432}}",
    ].join('\n'),
  );
  assert.deepEqual(m.databases?.selection, {
    kind: 'url',
    variable: 'DATABASE_URL',
    default: 'sqlite:////var/lib/notes/notes.sqlite3',
    line: 3,
  });
  const [sqlite, postgres] = m.databases!.configs;
  // The default URL's scheme is known: SQLite is what runs when DATABASE_URL is unset.
  assert.deepEqual(
    [sqlite.engine, sqlite.isDefault, sqlite.selectedBy],
    ['django.db.backends.sqlite3', true, undefined],
  );
  assert.deepEqual(
    [postgres.engine, postgres.isDefault, postgres.selectedBy],
    ['django.db.backends.postgresql', false, undefined],
  );
  assert.equal(plain(valueWhenUnset(sqlite.fields.NAME)), '//var/lib/notes/notes.sqlite3');
  for (const key of ['USER', 'PASSWORD', 'HOST', 'PORT']) {
    const field = postgres.fields[key];
    assert.equal(field.kind === 'env' && field.variable, 'DATABASE_URL', key);
  }
  // A hostname of None computed from the default URL does not make DATABASE_URL required.
  assert.deepEqual(m.envReads, [{ variable: 'DATABASE_URL', line: 3, required: false, hasDefault: true }]);
});

test('a part of DATABASE_URL (split, dj_database_url.parse()[ENGINE]) that chooses the engine is a URL selection', () => {
  const split = model(
    [
      'import os',
      "DATABASE_URL = os.environ['DATABASE_URL']",
      "if DATABASE_URL.split(':')[0] == 'postgres':",
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'app'}}",
      'else:',
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': '/data/db.sqlite3'}}",
    ].join('\n'),
  );
  assert.deepEqual(split.databases?.selection, { kind: 'url', variable: 'DATABASE_URL', line: 2 });
  assert.deepEqual(
    split.databases?.configs.map((c) => c.selectedBy),
    [undefined, undefined],
  );
  const parsed = model(
    [
      'import os, dj_database_url',
      "_config = dj_database_url.parse(os.environ.get('DATABASE_URL', 'sqlite:////data/db.sqlite3'))",
      "if _config['ENGINE'] == 'django.db.backends.sqlite3':",
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': '/data/db.sqlite3'}}",
      'else:',
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'app'}}",
    ].join('\n'),
  );
  assert.equal(parsed.databases?.selection.kind, 'url');
  assert.deepEqual(
    parsed.databases?.configs.map((c) => [c.engine, c.isDefault]),
    [
      ['django.db.backends.sqlite3', true],
      ['django.db.backends.postgresql', false],
    ],
  );
  // A branch on the variable's own text, lower-cased, still names the value that selects it.
  const lowered = model(
    [
      'import os',
      "if os.environ.get('DB_ENGINE', '').lower() == 'postgres':",
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'app'}}",
      'else:',
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': '/data/db.sqlite3'}}",
    ].join('\n'),
  );
  assert.equal(lowered.databases?.selection.kind, 'env');
  assert.deepEqual(lowered.databases?.configs[0].selectedBy, { variable: 'DB_ENGINE', value: 'postgres' });
});

test('Heroku pattern: DATABASES["default"].update(dj_database_url.config()) keeps the SQLite config as the fallback', () => {
  const m = model(
    [
      'import dj_database_url',
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}",
      'db_from_env = dj_database_url.config(conn_max_age=500)',
      "DATABASES['default'].update(db_from_env)",
    ].join('\n'),
  );
  assert.equal(m.databases?.selection.kind, 'url');
  assert.equal(m.databases?.line, 2);
  assert.deepEqual(
    m.databases?.configs.map((c) => [c.engine, c.isDefault]),
    [['django.db.backends.sqlite3', true]],
  );
});

const TWELVE_FACTOR_SWITCH = fixture('twelve_factor.py');

test('DB_ENGINE dict switch: one configuration per engine, selected by the variable, default marked', () => {
  const m = model(TWELVE_FACTOR_SWITCH);
  const db = m.databases!;
  assert.deepEqual(db.selection, { kind: 'env', variable: 'DB_ENGINE', default: 'postgres', line: 35 });
  assert.deepEqual(
    db.configs.map((c) => [c.engine, c.selectedBy?.value, c.isDefault]),
    [
      ['django.db.backends.sqlite3', 'sqlite', false],
      ['django.db.backends.postgresql', 'postgres', true],
    ],
  );
  assert.equal(db.configs[1].fields.PASSWORD.kind, 'env');
  assert.equal(db.configs[1].fieldLines?.PASSWORD, 30);
  // A server engine's password read without a default is required (None cannot log in).
  assert.equal(m.envReads.find((r) => r.variable === 'POSTGRES_PASSWORD')?.required, true);
  assert.deepEqual(m.logHandlers, [{ className: 'logging.StreamHandler', line: 42 }]);
});

test('DATABASES["default"] = TABLE.get(env, fallback) and ENGINE built from a prefix', () => {
  const viaGet = model(
    [
      'import os',
      "SQLITE = {'ENGINE': 'django.db.backends.sqlite3', 'NAME': '/data/db.sqlite3'}",
      "PG = {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'app'}",
      "DATABASES = {'default': SQLITE}",
      "DATABASES['default'] = {'postgres': PG}.get(os.environ.get('DB_ENGINE'), SQLITE)",
    ].join('\n'),
  );
  assert.equal(viaGet.databases?.line, 4);
  assert.deepEqual(viaGet.databases?.selection, { kind: 'env', variable: 'DB_ENGINE', line: 5 });
  assert.deepEqual(
    viaGet.databases?.configs.map((c) => [c.engine, c.selectedBy, c.isDefault]),
    [
      ['django.db.backends.postgresql', { variable: 'DB_ENGINE', value: 'postgres' }, false],
      ['django.db.backends.sqlite3', { variable: 'DB_ENGINE', value: '', test: 'otherwise' }, true],
    ],
  );

  const prefix = model(
    "import os\nDATABASES = {'default': {'ENGINE': 'django.db.backends.' + os.environ.get('DB_ENGINE', 'sqlite3'), 'NAME': os.environ.get('DB_NAME', 'db.sqlite3')}}\n",
  );
  assert.deepEqual(prefix.databases?.selection, {
    kind: 'env',
    variable: 'DB_ENGINE',
    default: 'sqlite3',
    line: 2,
  });
  assert.deepEqual(
    prefix.databases?.configs.map((c) => [c.engine, c.selectedBy, c.isDefault]),
    [['django.db.backends.sqlite3', { variable: 'DB_ENGINE', value: 'sqlite3' }, true]],
  );
});

test('if/else on DB_ENGINE: each branch a configuration with selectedBy, the else branch the default', () => {
  const m = model(
    [
      'import os',
      "if os.environ.get('DB_ENGINE') == 'postgres':",
      '    DATABASES = {',
      "        'default': {",
      "            'ENGINE': 'django.db.backends.postgresql',",
      "            'NAME': os.environ['POSTGRES_DB'],",
      "            'PASSWORD': os.environ['POSTGRES_PASSWORD'],",
      '        }',
      '    }',
      'else:',
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}",
    ].join('\n'),
  );
  const db = m.databases!;
  assert.deepEqual(db.selection, { kind: 'env', variable: 'DB_ENGINE', line: 2 });
  assert.equal(db.line, 3);
  assert.deepEqual(
    db.configs.map((c) => [c.engine, c.selectedBy, c.isDefault]),
    [
      ['django.db.backends.postgresql', { variable: 'DB_ENGINE', value: 'postgres' }, false],
      ['django.db.backends.sqlite3', { variable: 'DB_ENGINE', value: '', test: 'otherwise' }, true],
    ],
  );
  const assignments = m.assignments.filter((a) => a.name === 'DATABASES');
  assert.deepEqual(
    assignments.map((a) => [a.line, a.live, a.inBranch, a.activeWhenUnset, a.condition?.variable]),
    [
      [3, true, true, false, 'DB_ENGINE'],
      [11, true, true, true, 'DB_ENGINE'],
    ],
  );
});

test('if on a variable being set guards reads of it; a variable read through a name keeps its identity', () => {
  const m = model(
    [
      'import os, dj_database_url',
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}",
      "if 'DATABASE_URL' in os.environ:",
      "    DATABASES['default'] = dj_database_url.parse(os.environ['DATABASE_URL'])",
      "ENGINE = os.environ.get('DB_ENGINE', 'sqlite')",
      "if ENGINE == 'postgres':",
      "    X = os.environ['DB_HOST']",
    ].join('\n'),
  );
  assert.deepEqual(
    m.envReads.map((r) => [r.variable, r.required]),
    [
      ['DATABASE_URL', false],
      ['DATABASE_URL', false],
      ['DB_ENGINE', false],
      ['DB_HOST', true],
    ],
  );
  assert.equal(m.databases?.selection.kind, 'url');
  assert.deepEqual(
    m.databases?.configs.map((c) => [c.engine, c.isDefault]),
    [['django.db.backends.sqlite3', true]],
  );
  const x = m.assignments.find((a) => a.name === 'X')!;
  assert.deepEqual([x.condition?.variable, x.activeWhenUnset], ['DB_ENGINE', false]);
});

test('try/except on what a missing variable raises: the handler is the branch where it is unset, its value the fallback', () => {
  const m = model(
    [
      'import os',
      'from decouple import UndefinedValueError, config',
      'try:',
      "    SECRET_KEY = config('SECRET_KEY')",
      'except UndefinedValueError:',
      "    SECRET_KEY = 'dev-key'",
      'try:',
      "    DB_PASSWORD = os.environ['DB_PASSWORD']",
      'except (KeyError, ValueError) as e:',
      "    DB_PASSWORD = 'pw'",
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'PASSWORD': DB_PASSWORD}}",
      'try:',
      '    from .local_settings import *',
      'except ImportError:',
      '    DEBUG = False',
      'try:',
      "    ALLOWED_HOSTS = os.environ['HOSTS'].split(',')",
      'except ImportError:',
      "    ALLOWED_HOSTS = ['*']",
    ].join('\n'),
  );
  const keys = m.assignments.filter((a) => a.name === 'SECRET_KEY');
  assert.deepEqual(
    keys.map((a) => [a.line, a.live, a.inBranch, a.activeWhenUnset, a.condition?.variable]),
    [
      [4, true, true, false, 'SECRET_KEY'],
      [6, true, true, true, 'SECRET_KEY'],
    ],
  );
  // Neither read fails the app: the handler catches it.
  assert.deepEqual(
    m.envReads.filter((r) => r.variable !== 'HOSTS').map((r) => [r.variable, r.required]),
    [
      ['SECRET_KEY', false],
      ['DB_PASSWORD', false],
    ],
  );
  const password = m.databases?.configs[0].fields.PASSWORD;
  assert.equal(password?.kind, 'env');
  assert.deepEqual([valueWhenUnset(password)?.line, plain(valueWhenUnset(password))], [10, 'pw']);
  // A handler of ImportError: the try body is not a branch on a variable (KeyError is not caught).
  const debug = m.assignments.find((a) => a.name === 'DEBUG')!;
  assert.deepEqual([debug.activeWhenUnset, debug.condition], [undefined, undefined]);
  const hosts = m.assignments.filter((a) => a.name === 'ALLOWED_HOSTS');
  assert.deepEqual(
    hosts.map((a) => [a.line, a.inBranch ?? false, a.condition]),
    [
      [17, false, undefined],
      [19, true, undefined],
    ],
  );
  assert.equal(m.envReads.find((r) => r.variable === 'HOSTS')?.required, true);
});

test("if 'X' in os.environ: V = os.environ['X'] / else: V = literal: V is the read of X with the literal as default", () => {
  const m = model(
    [
      'import os',
      "if 'DB_PASSWORD' in os.environ:",
      "    DB_PASSWORD = os.environ['DB_PASSWORD']",
      'else:',
      "    DB_PASSWORD = 'pw'",
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'PASSWORD': DB_PASSWORD}}",
    ].join('\n'),
  );
  const password = m.databases?.configs[0].fields.PASSWORD;
  assert.equal(password?.kind === 'env' && password.variable, 'DB_PASSWORD');
  assert.deepEqual([valueWhenUnset(password)?.line, plain(valueWhenUnset(password))], [5, 'pw']);
});

test('a flag bound to a literal decides its if: the other branch is dead code and gives no value', () => {
  const m = model(
    [
      'USE_POSTGRES = True',
      'if USE_POSTGRES:',
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'app'}}",
      'else:',
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}",
    ].join('\n'),
  );
  assert.deepEqual(
    m.databases!.configs.map((c) => c.engine),
    ['django.db.backends.postgresql'],
  );
  assert.deepEqual(
    m.assignments.filter((a) => a.name === 'DATABASES').map((a) => [a.line, Boolean(a.inBranch)]),
    [[3, false]],
  );
});

test('a later unconditional assignment makes earlier ones dead; a conditional one keeps both live', () => {
  const m = model(
    [
      'import os',
      "SECRET_KEY = 'dev'",
      "SECRET_KEY = os.environ['SECRET_KEY']",
      'DEBUG = False',
      "if os.environ.get('DEV'):",
      '    DEBUG = True',
      "ALLOWED_HOSTS = ['a']",
      "ALLOWED_HOSTS += ['*']",
      'INSTALLED_APPS = []',
      "INSTALLED_APPS.append('x')",
    ].join('\n'),
  );
  const live = (name: string) => m.assignments.filter((a) => a.name === name).map((a) => [a.line, a.live]);
  assert.deepEqual(live('SECRET_KEY'), [
    [2, false],
    [3, true],
  ]);
  assert.deepEqual(live('DEBUG'), [
    [4, true],
    [6, true],
  ]);
  assert.equal(m.assignments.find((a) => a.line === 6)?.activeWhenUnset, false);
  assert.deepEqual(live('ALLOWED_HOSTS'), [
    [7, true],
    [8, true],
  ]);
  assert.deepEqual(plain(m.assignments.find((a) => a.line === 8)?.value), ['a', '*']);
  assert.deepEqual(plain(m.assignments.find((a) => a.line === 10)?.value), ['x']);
});

test('SQLite paths: absolute literal, nested BASE_DIR division, env with a path fallback', () => {
  const m = model(
    [
      'import os',
      'from pathlib import Path',
      'BASE_DIR = Path(__file__).resolve().parent.parent',
      "A = '/data/db.sqlite3'",
      "B = BASE_DIR / 'data' / 'db.sqlite3'",
      "C = os.environ.get('SQLITE_PATH', BASE_DIR / 'db.sqlite3')",
      "D = Path('/var/lib/app') / 'db.sqlite3'",
      "E = str(BASE_DIR) + '/db.sqlite3'",
      "F = os.path.join('/srv', 'db.sqlite3')",
    ].join('\n'),
  );
  assert.equal(plain(value(m, 'A')), '/data/db.sqlite3');
  assert.equal(plain(value(m, 'B')), 'BASE_DIR/data/db.sqlite3');
  assert.equal(plain(valueWhenUnset(value(m, 'C'))), 'BASE_DIR/db.sqlite3');
  assert.equal(plain(value(m, 'D')), '/var/lib/app/db.sqlite3');
  assert.equal(plain(value(m, 'E')), 'BASE_DIR/db.sqlite3');
  assert.equal(plain(value(m, 'F')), '/srv/db.sqlite3');
});

test('LOGGING handler classes with the line of their class key and their filename, also through dictConfig (with the line of its call) and later updates', () => {
  const m = model(
    [
      'import logging.config',
      'LOGGING = {',
      "    'version': 1,",
      "    'handlers': {",
      "        'console': {'class': 'logging.StreamHandler'},",
      "        'file': {",
      "            'level': 'DEBUG',",
      "            'class': 'logging.handlers.RotatingFileHandler',",
      "            'filename': '/var/log/app.log',",
      '        },',
      '    },',
      '}',
      "LOGGING['handlers']['audit'] = {'class': 'logging.FileHandler', 'filename': 'audit.log'}",
      'LOGGING_CONFIG = None',
      "logging.config.dictConfig({'version': 1, 'handlers': {'w': {'class': 'logging.handlers.WatchedFileHandler'}}})",
    ].join('\n'),
  );
  // Neither config has loggers or root: no handler of theirs gets a record.
  assert.deepEqual(m.logHandlers, [
    { className: 'logging.StreamHandler', line: 5, unreferenced: { name: 'console' } },
    {
      className: 'logging.handlers.RotatingFileHandler',
      line: 8,
      filename: { kind: 'literal', value: '/var/log/app.log', line: 9 },
      unreferenced: { name: 'file' },
    },
    {
      className: 'logging.FileHandler',
      line: 13,
      filename: { kind: 'literal', value: 'audit.log', line: 13 },
      unreferenced: { name: 'audit' },
    },
    {
      className: 'logging.handlers.WatchedFileHandler',
      line: 15,
      dictConfigLine: 15,
      unreferenced: { name: 'w' },
    },
  ]);
});

test('python-dotenv and python-decouple loads are recorded', () => {
  const m = model(
    'from dotenv import load_dotenv\nload_dotenv()\nfrom decouple import config\nX = config("X", default="")\n',
  );
  assert.deepEqual(m.dotenvLoads, [
    { via: 'python-dotenv', line: 2 },
    { via: 'python-decouple', line: 3 },
  ]);
});

test("django-kaio's opts.get('X', d) is a read of X with the default d, its text cast to int or bool (SECRET_KEY unset fails)", () => {
  const m = model(
    [
      'from kaio import Options',
      'opts = Options()',
      "DEBUG = opts.get('DEBUG', True)",
      "SECRET_KEY = opts.get('SECRET_KEY')",
    ].join('\n'),
  );
  assert.deepEqual(
    m.envReads.map((r) => [r.variable, r.line, r.required, r.hasDefault]),
    [
      ['DEBUG', 3, false, true],
      ['SECRET_KEY', 4, true, false],
    ],
  );
  const debug = value(m, 'DEBUG');
  assert.equal(debug.kind, 'env');
  if (debug.kind !== 'env') return;
  assert.equal(debug.whenSet, undefined);
  assert.deepEqual(plain(valueWhenUnset(debug)), true);
  assert.deepEqual(
    ['False', 'false', '0', 'no', 'True', '1', 'yes', 'off'].map((w) => debug.truthWhenSetTo?.[w]),
    [false, false, false, false, true, true, true, true],
  );
  assert.deepEqual(m.dotenvLoads, [{ via: 'kaio', line: 2 }]);
});

test('a syntax error gives its line and a model of the statements that parsed, before and after it', () => {
  const r = modelSettings(
    'mysite/settings.py',
    'mysite.settings',
    ["SECRET_KEY = 'abc'", 'def broken(:', '    pass', 'DEBUG = True', "ALLOWED_HOSTS = ['*'"].join('\n'),
  );
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0].file, 'mysite/settings.py');
  assert.equal(r.errors[0].line, 2);
  assert.match(r.errors[0].message, /syntax error at line 2/);
  assert.deepEqual(
    r.model?.assignments.map((a) => [a.name, a.line]),
    [
      ['SECRET_KEY', 1],
      ['DEBUG', 4],
    ],
  );
});

test('an unclosed bracket in the middle: the first error node line, the rest still read', () => {
  const r = modelSettings('s.py', 's', "A = 1\nINSTALLED_APPS = [\n    'x',\nDEBUG = True\n\nB = 2\n");
  assert.equal(r.errors.length, 1);
  assert.ok(r.errors[0].line! >= 2 && r.errors[0].line! <= 4, `line ${r.errors[0].line}`);
  assert.deepEqual(
    r.model?.assignments.map((a) => a.name),
    ['A', 'B'],
  );
});

test('an empty file is an empty model and no error; so is a file of comments', () => {
  for (const text of ['', '\n\n', '# just a comment\n', '"""docstring only"""\n']) {
    const r = modelSettings('mysite/settings.py', 'mysite.settings', text);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.model?.assignments, []);
    assert.deepEqual(r.model?.envReads, []);
    assert.equal(r.model?.databases, undefined);
  }
});

test('random bytes, NUL bytes, deep nesting and odd line endings never throw', () => {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const inputs = [
    '\0\0\0',
    '\uFEFFDEBUG = True\r\nSECRET_KEY = "x"\r\n',
    'DEBUG = True\rSECRET_KEY = "x"\r',
    `X = ${'('.repeat(5000)}1${')'.repeat(5000)}`,
    `X = ${'['.repeat(3000)}`,
    `X = ${'{"a": '.repeat(2000)}1${'}'.repeat(2000)}`,
    "X = 'unterminated\nY = 1\n",
    'if True:\nDEBUG = True\n',
    '\tDEBUG = True\n',
    Array.from({ length: 4000 }, () => String.fromCharCode(Math.floor(rand() * 256))).join(''),
    Array.from({ length: 300 }, () => "if x:\n  A = {'a': os.environ.get('X')\n").join(''),
  ];
  for (const text of inputs) {
    const r = modelSettings('s.py', 's', text);
    assert.ok(r.model);
    for (const e of r.errors) assert.ok(e.line === undefined || e.line >= 1);
  }
  const crlf = modelSettings('s.py', 's', 'A = 1\r\n\r\nDEBUG = True\r\n').model!;
  assert.equal(crlf.assignments.find((a) => a.name === 'DEBUG')?.line, 3);
  const cr = modelSettings('s.py', 's', 'A = 1\r\rDEBUG = True\r').model!;
  assert.equal(cr.assignments.find((a) => a.name === 'DEBUG')?.line, 3);
});

test('string literals: prefixes, escapes, implicit concatenation, f-strings with literal parts', () => {
  const m = model(
    [
      "A = r'a\\nb'",
      "B = 'a\\nb'",
      'C = "x" \'y\'',
      "D = '''multi",
      "line'''",
      'E = f"{1}-{\'two\'}"',
      "F = b'bytes'",
      "G = '\\x41\\u00e9'",
    ].join('\n'),
  );
  assert.equal(plain(value(m, 'A')), 'a\\nb');
  assert.equal(plain(value(m, 'B')), 'a\nb');
  assert.equal(plain(value(m, 'C')), 'xy');
  assert.equal(plain(value(m, 'D')), 'multi\nline');
  assert.equal(plain(value(m, 'E')), '1-two');
  assert.equal(plain(value(m, 'F')), 'bytes');
  assert.equal(plain(value(m, 'G')), 'Aé');
});

test('helper functions defined in the settings are followed: env_bool, get_env_variable (Two Scoops), required()', () => {
  const m = model(
    [
      'import os',
      'from django.core.exceptions import ImproperlyConfigured',
      'def env_bool(name, default=False):',
      '    value = os.environ.get(name)',
      '    if value is None:',
      '        return default',
      '    return value.strip().lower() in ("1", "true", "yes", "on")',
      'def get_env_variable(var_name):',
      '    try:',
      '        return os.environ[var_name]',
      '    except KeyError:',
      '        error_msg = "Set the {} environment variable".format(var_name)',
      '        raise ImproperlyConfigured(error_msg)',
      'def required(name):',
      '    value = os.environ.get(name)',
      '    if not value:',
      '        raise ImproperlyConfigured(name)',
      '    return value',
      'def recursive(n):',
      '    return recursive(n)',
      'DEBUG = env_bool("DEBUG")',
      'VERBOSE = env_bool("VERBOSE", True)',
      'SECRET_KEY = get_env_variable("SECRET_KEY")',
      'DB_PASSWORD = required("DB_PASSWORD")',
      'LOOP = recursive(1)',
    ].join('\n'),
  );
  assert.deepEqual(
    m.envReads.map((r) => [r.variable, r.line, r.required]),
    [
      ['DEBUG', 21, false],
      ['VERBOSE', 22, false],
      ['SECRET_KEY', 23, true],
      ['DB_PASSWORD', 24, true],
    ],
  );
  assert.equal(plain(valueWhenUnset(value(m, 'DEBUG'))), false);
  assert.equal(plain(valueWhenUnset(value(m, 'VERBOSE'))), true);
  assert.equal(value(m, 'SECRET_KEY').kind, 'env');
  assert.equal(value(m, 'LOOP').kind, 'unknown');
  assert.deepEqual(
    m.assignments.map((a) => a.name),
    ['DEBUG', 'VERBOSE', 'SECRET_KEY', 'DB_PASSWORD', 'LOOP'],
  );
});

test('cookiecutter-django style: env.db in base with ATOMIC_REQUESTS set after, production importing env from base', () => {
  const base = model(
    [
      'from pathlib import Path',
      'import environ',
      'BASE_DIR = Path(__file__).resolve(strict=True).parent.parent.parent',
      'APPS_DIR = BASE_DIR / "my_project"',
      'env = environ.Env()',
      'READ_DOT_ENV_FILE = env.bool("DJANGO_READ_DOT_ENV_FILE", default=False)',
      'if READ_DOT_ENV_FILE:',
      '    env.read_env(str(BASE_DIR / ".env"))',
      'DEBUG = env.bool("DJANGO_DEBUG", False)',
      'DATABASES = {"default": env.db("DATABASE_URL", default="postgres:///my_project")}',
      'DATABASES["default"]["ATOMIC_REQUESTS"] = True',
    ].join('\n'),
    'config/settings/base.py',
  );
  assert.equal(base.baseDir, '.');
  assert.deepEqual(base.dotenvLoads, [{ via: 'django-environ', line: 8 }]);
  assert.deepEqual(base.databases?.selection, {
    kind: 'url',
    variable: 'DATABASE_URL',
    default: 'postgres:///my_project',
    line: 10,
  });
  assert.equal(base.databases?.configs[0].engine, 'django.db.backends.postgresql');
  assert.equal(base.databases?.configs[0].fields.ATOMIC_REQUESTS.kind, 'env');

  const production = model(
    [
      'from .base import *  # noqa',
      'from .base import env',
      'SECRET_KEY = env("DJANGO_SECRET_KEY")',
      'ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["example.com"])',
      'DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)',
    ].join('\n'),
    'config/settings/production.py',
  );
  assert.deepEqual(
    production.envReads.map((r) => [r.variable, r.required]),
    [
      ['DJANGO_SECRET_KEY', true],
      ['DJANGO_ALLOWED_HOSTS', false],
      ['CONN_MAX_AGE', false],
    ],
  );
  assert.equal(production.databases?.selection.kind, 'unknown');

  const heroku = model(
    ['import environ', 'from .base import *', "DATABASES['default'] = env.db('DATABASE_URL')"].join('\n'),
    'config/settings/heroku.py',
  );
  assert.deepEqual(heroku.databases?.selection, { kind: 'url', variable: 'DATABASE_URL', line: 3 });
});

test('text joined to a variable read is kept for the set value too: the ENGINE module named by DB_ENGINE', () => {
  const engineOf = (expr: string) => {
    const m = model(['import os', `DATABASES = {"default": {"ENGINE": ${expr}, "NAME": "db"}}`].join('\n'));
    return m.databases?.configs[0];
  };
  const joined = engineOf(`"django.db.backends." + os.environ.get("DB_ENGINE", "sqlite3")`);
  assert.equal(joined?.engine, 'django.db.backends.sqlite3');
  const source = joined?.fields.ENGINE;
  assert.equal(source?.kind, 'env');
  assert.equal(source?.kind === 'env' && source.prefix, 'django.db.backends.');
  assert.equal(plain(source?.kind === 'env' ? source.fallback : undefined), 'django.db.backends.sqlite3');

  const formatted = engineOf(`f"django.db.backends.{os.environ['DB_ENGINE']}"`)?.fields.ENGINE;
  assert.equal(formatted?.kind === 'env' && formatted.prefix, 'django.db.backends.');
  assert.equal(formatted?.kind === 'env' && formatted.required, true);

  // Without a default, None + str fails when the variable is unset: the read is required.
  const suffixed = engineOf(`"django.db.backends." + os.getenv("DB_BACKEND") + ""`)?.fields.ENGINE;
  assert.equal(suffixed?.kind === 'env' && suffixed.required, true);
  const bare = engineOf(`os.environ.get("DB_ENGINE", "django.db.backends.sqlite3")`)?.fields.ENGINE;
  assert.equal(bare?.kind === 'env' && bare.prefix, undefined);

  // One placeholder filled by str.format or %, as older settings write it.
  for (const expr of [
    `"django.db.backends.{}".format(os.environ.get("DB_ENGINE", "sqlite3"))`,
    `"django.db.backends.%s" % os.environ.get("DB_ENGINE", "sqlite3")`,
  ]) {
    const config = engineOf(expr);
    assert.equal(config?.engine, 'django.db.backends.sqlite3', expr);
    assert.equal(
      config?.fields.ENGINE.kind === 'env' && config.fields.ENGINE.prefix,
      'django.db.backends.',
      expr,
    );
  }
  assert.equal(engineOf(`"{}.{}".format("a", os.environ.get("B", "c"))`)?.fields.ENGINE.kind, 'unknown');
});

test('withBases: the bases’ reads and assignments first, DATABASES from the last module that chooses the engine', () => {
  const base = model(
    [
      'import os',
      'SECRET_KEY = os.environ["DJANGO_KEY"]',
      'if os.environ.get("DB_ENGINE") == "postgres":',
      '    DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": os.environ["PG_HOST"]}}',
      'else:',
      '    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "/data/db.sqlite3"}}',
    ].join('\n'),
    'mysite/conf/base.py',
  );
  const production = model(
    [
      'from .base import *',
      'import os',
      'DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("AGE", "60"))',
    ].join('\n'),
    'mysite/conf/production.py',
  );
  const merged = withBases(production, [base]);
  assert.equal(merged.file, 'mysite/conf/production.py');
  assert.deepEqual(
    merged.envReads.map((r) => r.variable),
    ['DJANGO_KEY', 'DB_ENGINE', 'PG_HOST', 'AGE'],
  );
  assert.equal(merged.databases, base.databases);
  assert.equal(merged.assignments[0].name, 'SECRET_KEY');
  // A module that builds its own DATABASES from the environment overrides its base's.
  const own = model('import os\nfrom .base import *\nDATABASES = {"default": env_db()}\n', 'p.py');
  assert.equal(withBases(own, [base]).databases, base.databases);
  assert.equal(withBases(base, []), base);
});

test('an if CI / elif POSTGRES_HOST / else chain is selected by POSTGRES_HOST, the variable a branch to PostgreSQL tests', () => {
  const db = model(fixture('ci_postgres_sqlite_chain.py')).databases!;
  assert.deepEqual(db.selection, { kind: 'env', variable: 'POSTGRES_HOST', line: 8 });
  assert.deepEqual(fallbackSelectors(db), ['POSTGRES_HOST']);
  assert.deepEqual(
    db.configs.map((c) => [c.engine, c.line, c.isDefault]),
    [
      ['django.db.backends.sqlite3', 7, false],
      ['django.db.backends.postgresql', 10, false],
      ['django.db.backends.sqlite3', 19, true],
    ],
  );
});

test('all([...]) and any([...]) of env reads stay env-derived: false (all) or the next read (any) when unset', () => {
  const m = model(
    [
      'import os',
      "A = os.environ.get('PG_HOST')",
      "B = os.environ.get('PG_USER')",
      'READY = all([A, B])',
      'SOME = any([A, B])',
      'NONE = all([])',
    ].join('\n'),
  );
  const ready = value(m, 'READY');
  assert.equal(ready.kind, 'env');
  if (ready.kind === 'env') assert.equal(ready.variable, 'PG_HOST');
  assert.deepEqual(plain(valueWhenUnset(ready)), false);
  const some = value(m, 'SOME');
  assert.equal(some.kind, 'env');
  assert.deepEqual(plain(value(m, 'NONE')), true);
});

test('dj_database_url.config(default=<the same variable, None when unset>) leaves an updated literal dict as its fallback', () => {
  const m = model(
    [
      'import os',
      'import dj_database_url',
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'PASSWORD': 'pw'}}",
      "URL = os.environ.get('DATABASE_URL')",
      "DATABASES['default'].update(dj_database_url.config(default=URL))",
    ].join('\n'),
  );
  const password = m.databases?.configs[0]?.fields.PASSWORD;
  assert.equal(password?.kind, 'env');
  if (password?.kind === 'env') assert.deepEqual(plain(password.fallback), 'pw');
});

test('a secret file opened from an environment variable, with `with … as` or directly, gives its content', () => {
  const m = model(
    [
      'import os',
      'with open(os.environ["KEY_FILE"]) as key_file:',
      '    SECRET_KEY = key_file.readline().strip()',
      'DB_PASSWORD = open(os.environ["DB_PASSWORD_FILE"]).read()',
      'with open("/etc/app.conf") as conf:',
      '    CONF_TEXT = conf.read()',
    ].join('\n'),
  );
  for (const [name, variable] of [
    ['SECRET_KEY', 'KEY_FILE'],
    ['DB_PASSWORD', 'DB_PASSWORD_FILE'],
  ]) {
    const v = value(m, name);
    assert.ok(v.kind === 'env' && v.fromFile && v.variable === variable, `${name}: ${JSON.stringify(v)}`);
  }
  assert.equal(value(m, 'CONF_TEXT').kind, 'unknown');
});

test('a test of /.dockerenv holds in the container: the branch it guards runs, and nothing else', () => {
  const m = model(`import os
from pathlib import Path
HOST = os.environ.get("DB_HOST", "localhost")
if os.path.exists("/.dockerenv"):
    HOST = "db"
PORT = "5432"
if Path("/.dockerenv").is_file():
    PORT = "6432"
NAME = "app"
if os.path.exists("/etc/app.conf"):
    NAME = "other"
`);
  assert.deepEqual(value(m, 'HOST'), { kind: 'literal', value: 'db', line: 5 });
  assert.deepEqual(value(m, 'PORT'), { kind: 'literal', value: '6432', line: 8 });
  assert.equal(liveAssignments(m, 'NAME').length, 2);
});

test('a comparison of constants decides its if: `DEBUG is True` with a literal DEBUG', () => {
  const m = model(`DEBUG = True
if DEBUG is True:
    MODE = "debug"
else:
    MODE = "production"
if DEBUG is not True:
    SAFE = True
else:
    SAFE = False
`);
  assert.deepEqual(value(m, 'MODE'), { kind: 'literal', value: 'debug', line: 3 });
  assert.deepEqual(value(m, 'SAFE'), { kind: 'literal', value: false, line: 9 });
});
