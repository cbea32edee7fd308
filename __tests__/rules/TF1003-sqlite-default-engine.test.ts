import { sqliteDefaultEngine } from '../../src/rules/TF1003-sqlite-default-engine.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, lines, settingsProjectOf, settingsRuleCases } from '../support/settings-rule-cases.js';

settingsRuleCases(sqliteDefaultEngine, [
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
    name: 'required DB_ENGINE',
    settings: lines(
      'import os',
      "DBS = {'sqlite': {'ENGINE': 'django.db.backends.sqlite3'}, 'postgres': {'ENGINE': 'django.db.backends.postgresql'}}",
      "DATABASES = {'default': DBS[os.environ['DB_ENGINE']]}",
    ),
    expect: [],
  },
  {
    name: 'a URL default held in a variable built by a conditional: the SQLite branch, at the line of the literal',
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
    expect: [[7]],
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
  {
    name: 'an if CI / elif POSTGRES_HOST / else SQLite chain: at the elif that a deploy must satisfy',
    settings: fixture('ci_postgres_sqlite_chain.py'),
    expect: [[8]],
  },
]);

test('TF1003 names the variable whose absence selects the SQLite fallback of a chain, and the fallback', () => {
  const [finding] = sqliteDefaultEngine.check(settingsProjectOf(fixture('ci_postgres_sqlite_chain.py')));
  assert.match(finding!.message, /^When POSTGRES_HOST is unset the database falls back to SQLite/);
  assert.match(finding!.message, /the configuration at line 19/);
  assert.doesNotMatch(finding!.message, /\bCI\b/);
});

test('TF1003 names the switch, at its test, when ENGINE is read from another variable inside the branch', () => {
  const settings = lines(
    'import os',
    "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}",
    "if os.environ.get('EXTERNAL_DB'):",
    "    DATABASES = {'default': {'ENGINE': os.environ.get('EXTERNAL_DB_ENGINE', 'django.db.backends.mysql'), 'HOST': 'db'}}",
  );
  const findings = sqliteDefaultEngine.check(settingsProjectOf(settings));
  assert.deepEqual(
    findings.map((f) => f.line),
    [3],
  );
  assert.match(findings[0]!.message, /^When EXTERNAL_DB is unset/);
});

test('TF1003 names a boolean switch at its test, not the database URL read inside its branch', () => {
  const settings = lines(
    'import os',
    'import dj_database_url',
    "USE_PG = os.getenv('USE_PG', 'false').lower() == 'true'",
    "DB_URL = os.getenv('DATABASE_URL')",
    'DATABASES = {}',
    'if USE_PG:',
    "    DATABASES['default'] = dj_database_url.config(default=DB_URL)",
    'else:',
    "    DATABASES['default'] = {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}",
  );
  const [finding] = sqliteDefaultEngine.check(settingsProjectOf(settings));
  assert.equal(finding?.line, 6);
  assert.match(finding!.message, /^When USE_PG is unset the database falls back to SQLite/);
  assert.doesNotMatch(finding!.message, /DATABASE_URL/);
});

test('TF1003 follows a flag computed by all() to the variables it reads, past a switch that only sets OPTIONS', () => {
  const settings = lines(
    'import os',
    "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}",
    "DB_USER = os.environ.get('POSTGRES_USER')",
    "DB_HOST = os.environ.get('POSTGRES_HOST')",
    'DB_IS_AVAILABLE = all([DB_USER, DB_HOST])',
    "DB_IGNORE_SSL = os.environ.get('DB_IGNORE_SSL') == 'true'",
    'if DB_IS_AVAILABLE:',
    "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'USER': DB_USER, 'HOST': DB_HOST}}",
    '    if not DB_IGNORE_SSL:',
    "        DATABASES['default']['OPTIONS'] = {'sslmode': 'require'}",
  );
  const [finding] = sqliteDefaultEngine.check(settingsProjectOf(settings));
  assert.equal(finding?.line, 7);
  assert.match(
    finding!.message,
    /^When any of POSTGRES_USER, POSTGRES_HOST is unset the database falls back/,
  );
  assert.doesNotMatch(finding!.message, /DB_IGNORE_SSL/);
});

test('TF1003 silent on a dead switch: comparisons under `if not database:` never select another engine', () => {
  const settings = lines(
    'import os',
    "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': '/data/db.sqlite3'}}",
    "database = os.environ.get('DATABASE')",
    'if not database:',
    "    if database == 'POSTGRES':",
    "        DATABASES['default'] = {'ENGINE': 'django.db.backends.postgresql', 'HOST': os.environ['DB_HOST']}",
  );
  const project = settingsProjectOf(settings);
  assert.deepEqual(sqliteDefaultEngine.check(project), []);
  assert.deepEqual(project.apps[0]!.settings!.databases!.selection, { kind: 'fixed' });
});

test('TF1003: compose run by the repository with --env-file reads that file, and the message says what it gives', async () => {
  const { analyzeFiles } = await import('../support/analyze.js');
  const settings = [
    'import os',
    'SECRET_KEY = os.environ["SECRET_KEY"]',
    'DATABASES = {"default": {"ENGINE": os.environ.get("DB_ENGINE", "django.db.backends.sqlite3"), "NAME": "/data/db.sqlite3"}}',
    '',
  ].join('\n');
  const base = {
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': settings,
    Dockerfile: 'FROM python:3.12.4-slim\nCOPY . /app\nVOLUME /data\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'docker-compose.yml':
      'services:\n  web:\n    build: .\n    environment:\n      DB_ENGINE: ${DB_ENGINE}\n',
    Makefile: 'up:\n\tdocker compose --env-file deploy/.env.prod up -d\n',
  };
  const messageOf = async (files: Record<string, string>) =>
    (await analyzeFiles(files)).findings.find((f) => f.ruleId === 'TF1003')?.message ?? '';

  const set = await messageOf({ ...base, 'deploy/.env.prod': 'DB_ENGINE=django.db.backends.postgresql\n' });
  assert.match(set, /When DB_ENGINE is unset the database falls back to SQLite/);
  assert.match(
    set,
    /Makefile: docker compose --env-file deploy\/\.env\.prod\) gives the compose service 'web' DB_ENGINE=django\.db\.backends\.postgresql, so that deploy does not fall back/,
  );
  assert.doesNotMatch(set, /nothing here sets|gets it empty|dummy backend/);

  const unset = await messageOf({ ...base, 'deploy/.env.prod': 'DB_NAME=app\n' });
  assert.match(unset, /nor deploy\/\.env\.prod, which Makefile runs compose with \(--env-file\), gives it/);
  assert.match(unset, /the container gets it empty/);
  assert.doesNotMatch(unset, /no \.env beside the compose file/);
});

test('TF1003 anchors the if that selects the engine and names the SQLite ENGINE line, in both layouts', () => {
  const itemWrites = lines(
    'import os',
    "IN_DOCKER = os.environ.get('IN_DOCKER', 'false') == 'true'",
    "DATABASES = {'default': {}}",
    'if IN_DOCKER:',
    "    DATABASES['default']['ENGINE'] = 'django.db.backends.postgresql'",
    "    DATABASES['default']['NAME'] = os.environ['POSTGRES_DB']",
    'else:',
    "    DATABASES['default']['ENGINE'] = 'django.db.backends.sqlite3'",
    "    DATABASES['default']['NAME'] = 'db.sqlite3'",
  );
  const [a] = sqliteDefaultEngine.check(settingsProjectOf(itemWrites));
  assert.equal(a?.line, 4);
  assert.match(a!.message, /the configuration at line 8\)/);
  const urlTest = lines(
    'import os',
    'import dj_database_url',
    'db_config = {',
    "    'ENGINE': 'django.db.backends.sqlite3',",
    "    'NAME': 'db.sqlite3',",
    '}',
    "if 'DATABASE_URL' in os.environ:",
    "    db_config = dj_database_url.parse(os.environ['DATABASE_URL'])",
    "DATABASES = {'default': db_config}",
  );
  const [b] = sqliteDefaultEngine.check(settingsProjectOf(urlTest));
  assert.equal(b?.line, 7);
  assert.match(b!.message, /the configuration at line 4\)/);
});

test('TF1003: a database URL merged over a dict whose SQL_ENGINE defaults to SQLite names both variables, at the engine read', () => {
  const settings = lines(
    'import os',
    'import dj_database_url',
    'DATABASES = {',
    "    'default': {",
    "        'ENGINE': os.environ.get('SQL_ENGINE', 'django.db.backends.sqlite3'),",
    "        'NAME': os.environ.get('SQL_DATABASE', 'db.sqlite3'),",
    '    }',
    '}',
    "DATABASE_URL = os.environ.get('DATABASE_URL')",
    'db_from_env = dj_database_url.config(default=DATABASE_URL, conn_max_age=500)',
    "DATABASES['default'].update(db_from_env)",
  );
  const [finding] = sqliteDefaultEngine.check(settingsProjectOf(settings));
  assert.equal(finding?.line, 5);
  assert.match(
    finding!.message,
    /^When neither DATABASE_URL \(a database URL, read at line 10\) nor SQL_ENGINE is set the database falls back to SQLite \(django\.db\.backends\.sqlite3\)/,
  );
  assert.match(finding!.message, /drop the SQLite default of SQL_ENGINE so a deploy that sets neither fails/);
  assert.doesNotMatch(
    finding!.message,
    /When DATABASE_URL \(a database URL\) is unset|make the variable required/,
  );
});

test('TF1003 names every variable of a URL-then-host chain whose absence selects the SQLite fallback', () => {
  const [finding] = sqliteDefaultEngine.check(
    settingsProjectOf(
      lines(
        'import os',
        'DATABASE_URL = os.getenv("DATABASE_URL", "")',
        'DB_HOST = os.getenv("DB_HOST", "")',
        'if DATABASE_URL:',
        '    import dj_database_url',
        '    DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}',
        'elif DB_HOST:',
        '    DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": DB_HOST}}',
        'else:',
        '    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}',
      ),
    ),
  );
  assert.equal(finding!.line, 4);
  assert.match(finding!.message, /^When neither DATABASE_URL \(a database URL\) nor DB_HOST is set/);
  assert.doesNotMatch(finding!.message, /make the variable required/);
});
