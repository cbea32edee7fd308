import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debugInCode } from '../../src/rules/TF0302-debug-in-code.js';
import { fixture, lines, settingsProjectOf, settingsRuleCases } from '../support/settings-rule-cases.js';

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

// A compose value interpolated with a default (`${DEBUG:-true}`) gives the container that default when nothing is
// set: reported at the compose line, whatever library reads it as a boolean.
const composeDefaultCases: {
  name: string;
  settings: string;
  environment: Record<string, string>;
  fires: boolean;
}[] = [
  {
    name: 'environs env.bool default False, compose DEBUG=${DEBUG:-true}',
    settings: lines(
      'from environs import Env',
      'env = Env()',
      'env.read_env()',
      "DEBUG = env.bool('DEBUG', default=False)",
    ),
    environment: { DEBUG: '${DEBUG:-true}' },
    fires: true,
  },
  {
    name: "django-environ env('DEBUG', cast=bool), compose DEBUG=${DEBUG:-1}",
    settings: lines(
      'import environ',
      'env = environ.Env()',
      "DEBUG = env('DEBUG', cast=bool, default=False)",
    ),
    environment: { DEBUG: '${DEBUG:-1}' },
    fires: true,
  },
  {
    name: 'django-environ scheme (bool, False), compose DEBUG=${DEBUG:-True}',
    settings: lines('import environ', 'env = environ.Env(DEBUG=(bool, False))', "DEBUG = env('DEBUG')"),
    environment: { DEBUG: '${DEBUG:-True}' },
    fires: true,
  },
  {
    name: 'decouple cast=bool reading DJANGO_DEBUG, compose DJANGO_DEBUG: ${DJANGO_DEBUG:-1}',
    settings: lines(
      'from decouple import config',
      "DEBUG = config('DJANGO_DEBUG', default=False, cast=bool)",
    ),
    environment: { DJANGO_DEBUG: '${DJANGO_DEBUG:-1}' },
    fires: true,
  },
  {
    name: "os.getenv('DEBUG') == '1', compose DEBUG=${DEBUG:-1}",
    settings: lines('import os', "DEBUG = os.getenv('DEBUG') == '1'"),
    environment: { DEBUG: '${DEBUG:-1}' },
    fires: true,
  },
  {
    name: 'a false interpolation default',
    settings: lines('from environs import Env', 'env = Env()', "DEBUG = env.bool('DEBUG', default=False)"),
    environment: { DEBUG: '${DEBUG:-false}' },
    fires: false,
  },
  {
    name: 'no interpolation default: the value is the deployer',
    settings: lines('import os', "DEBUG = os.getenv('DEBUG') == '1'"),
    environment: { DEBUG: '${DEBUG}' },
    fires: false,
  },
];

for (const c of composeDefaultCases)
  test(`TF0302 ${c.fires ? 'fires' : 'silent'} at the compose line: ${c.name}`, () => {
    const findings = debugInCode.check(
      settingsProjectOf(c.settings, { service: { environment: c.environment } }),
    );
    if (!c.fires) return assert.deepEqual(findings, []);
    assert.deepEqual(
      findings.map((f) => [f.file, f.line]),
      [['docker-compose.yml', 5]],
    );
    assert.match(findings[0]!.message, /the default turns debug on/);
    assert.match(findings[0]!.message, /:-(false|0)\}/);
  });

test('TF0302 fires: environs env.bool read from a literal DEBUG=True of the production compose file', () => {
  const settings = lines(
    'from environs import Env',
    'env = Env()',
    "DEBUG = env.bool('DEBUG', default=False)",
  );
  const findings = debugInCode.check(
    settingsProjectOf(settings, { service: { environment: { DEBUG: 'True' } } }),
  );
  assert.deepEqual(
    findings.map((f) => [f.file, f.line]),
    [['mysite/settings.py', 3]],
  );
});
