import { debugInCode } from '../../src/rules/TF0302-debug-in-code.js';
import { fixture, lines, settingsRuleCases } from '../support/settings-rule-cases.js';

settingsRuleCases(debugInCode, [
  { name: 'startproject DEBUG = True', settings: fixture('startproject_django5.py'), expect: [[26]] },
  {
    name: "== '1' without default",
    settings: lines('import os', "DEBUG = os.environ.get('DEBUG') == '1'"),
    expect: [],
  },
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
    name: 'environs env.bool with a positional True default',
    settings: lines('from environs import Env', 'env = Env()', "DEBUG = env.bool('DEBUG', True)"),
    expect: [[3]],
  },
  {
    name: "django-environ's second positional argument is a cast, not a default",
    settings: lines('import environ', 'env = environ.Env()', "DEBUG = env('DEBUG', bool, True)"),
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
