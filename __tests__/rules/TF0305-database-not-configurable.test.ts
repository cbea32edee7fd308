import { databaseNotConfigurable } from '../../src/rules/TF0305-database-not-configurable.js';
import { fixture, lines, settingsRuleCases } from '../support/settings-rule-cases.js';

settingsRuleCases(databaseNotConfigurable, [
  { name: 'startproject SQLite', settings: fixture('startproject_django5.py'), expect: [[76]] },
  { name: 'DB_ENGINE switch', settings: fixture('twelve_factor.py'), expect: [] },
  {
    name: "an empty default dict: Django's dummy backend",
    settings: lines('DATABASES = {"default": {}}'),
    expect: [[1]],
  },
  {
    name: 'a default dict with a ** spread: its ENGINE may come from there',
    settings: lines('from .db import BASE', 'DATABASES = {"default": {**BASE, "NAME": "app"}}'),
    expect: [],
  },
  {
    name: 'a default dict with a computed key: its ENGINE may be that key',
    settings: lines(
      'import os',
      'KEY = os.environ["ENGINE_KEY"]',
      'DATABASES = {"default": {KEY: "x", "NAME": "app"}}',
    ),
    expect: [],
  },
  {
    name: 'an empty default dict filled from a URL afterwards',
    settings: lines(
      'import dj_database_url',
      'DATABASES = {"default": {}}',
      'DATABASES["default"] = dj_database_url.config()',
    ),
    expect: [],
  },
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
  {
    name: 'a branch on a literal DEBUG written in code',
    settings: lines(
      'DEBUG = True',
      'if DEBUG:',
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'db.sqlite3'}}",
      'else:',
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'app'}}",
    ),
    expect: [[3]],
  },
  {
    name: 'PostgreSQL fixed in code, its fields parsed by hand from DATABASE_URL',
    settings: lines(
      'import os',
      'from urllib.parse import urlparse',
      "url = urlparse(os.environ['DATABASE_URL'])",
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': url.path[1:],",
      "    'USER': url.username, 'PASSWORD': url.password, 'HOST': url.hostname, 'PORT': url.port}}",
    ),
    expect: [[4]],
  },
  {
    name: 'the scheme of DATABASE_URL, parsed by hand with urlparse, chooses SQLite or PostgreSQL',
    settings: lines(
      'import os',
      'from urllib.parse import unquote, urlparse',
      "_db = urlparse(os.environ.get('DATABASE_URL', 'sqlite:////var/lib/notes/notes.sqlite3'))",
      "if _db.scheme == 'sqlite':",
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': _db.path[1:]}}",
      'else:',
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': _db.path.lstrip('/'),",
      "        'USER': unquote(_db.username or ''), 'PASSWORD': unquote(_db.password or ''), 'HOST': _db.hostname}}",
    ),
    expect: [],
  },
  {
    name: 'the scheme cut from DATABASE_URL with split chooses the engine',
    settings: lines(
      'import os',
      "DATABASE_URL = os.environ['DATABASE_URL']",
      "if DATABASE_URL.split(':')[0] in ('postgres', 'postgresql'):",
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'app'}}",
      'else:',
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': '/data/db.sqlite3'}}",
    ),
    expect: [],
  },
  {
    name: 'the ENGINE dj_database_url.parse reads from the URL chooses the branch',
    settings: lines(
      'import os',
      'import dj_database_url',
      "_config = dj_database_url.parse(os.environ.get('DATABASE_URL', 'sqlite:////data/db.sqlite3'))",
      "if _config['ENGINE'] == 'django.db.backends.sqlite3':",
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': '/data/db.sqlite3'}}",
      'else:',
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'app'}}",
    ),
    expect: [],
  },
  {
    name: 'an unknown helper given DB_URL picks the engine',
    settings: lines(
      'import os',
      'from .util import backend_of',
      "if backend_of(os.environ.get('DB_URL')) == 'postgres':",
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'app'}}",
      'else:',
      "    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': '/data/db.sqlite3'}}",
    ),
    expect: [],
  },
  {
    name: 'dj-database-url',
    settings: lines('import dj_database_url', "DATABASES = {'default': dj_database_url.config()}"),
    expect: [],
  },
  {
    name: 'dj-database-url, then ENGINE written over the URL in code',
    settings: lines(
      'import dj_database_url',
      "DATABASES = {'default': dj_database_url.config()}",
      "DATABASES['default']['ENGINE'] = 'django.contrib.gis.db.backends.postgis'",
    ),
    expect: [[2]],
  },
  {
    name: 'django-environ with no default (fails when unset), then ENGINE written over the URL in code',
    settings: lines(
      'import environ',
      'env = environ.Env()',
      "DATABASES = {'default': env.db('DATABASE_URL')}",
      "DATABASES['default']['ENGINE'] = 'mssql'",
      "DATABASES['default']['OPTIONS'] = {'driver': 'ODBC Driver 18 for SQL Server'}",
    ),
    expect: [[3]],
  },
  {
    name: 'dj-database-url, then ENGINE read from a variable of its own',
    settings: lines(
      'import os',
      'import dj_database_url',
      "DATABASES = {'default': dj_database_url.config()}",
      "DATABASES['default']['ENGINE'] = os.environ['DB_ENGINE']",
    ),
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
