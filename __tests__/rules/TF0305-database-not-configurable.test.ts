import { databaseNotConfigurable } from '../../src/rules/TF0305-database-not-configurable.js';
import { fixture, lines, settingsRuleCases } from '../support/settings-rule-cases.js';

settingsRuleCases(databaseNotConfigurable, [
  { name: 'startproject SQLite', settings: fixture('startproject_django5.py'), expect: [[76]] },
  { name: 'DB_ENGINE switch', settings: fixture('twelve_factor.py'), expect: [] },
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
