import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debugInCode } from '../../src/rules/TF0302-debug-in-code.js';
import {
  type Deploy,
  fixture,
  lines,
  settingsProjectOf,
  settingsRuleCases,
} from '../support/settings-rule-cases.js';
import { analyzeFiles, findingsOf } from '../support/analyze.js';
import { shadowedFindings } from '../../src/rules/lib/debug-shadowed.js';
import { code } from '../../src/core/index.js';

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
    name: 'DEBUG = True switched off by a later branch taken when the variable is unset',
    settings: lines(
      'import os',
      'DEBUG = True',
      "if os.environ.get('APP_STAGE', 'production') == 'production':",
      '    DEBUG = False',
    ),
    deploy: { stage: { env: { APP_STAGE: 'production' } } },
    expect: [],
  },
  {
    name: 'DEBUG = True switched off by a later branch that the production compose value skips',
    settings: lines(
      'import os',
      'DEBUG = True',
      "if os.environ.get('APP_STAGE', 'production') == 'production':",
      '    DEBUG = False',
    ),
    deploy: { service: { environment: { APP_STAGE: 'staging' } } },
    expect: [[2]],
  },
  {
    name: 'DEBUG = True and a later False branch taken only when the variable is set: still true by default',
    settings: lines(
      'import os',
      'DEBUG = True',
      "if os.environ.get('APP_STAGE') == 'production':",
      '    DEBUG = False',
    ),
    expect: [[2]],
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
  {
    name: 'try/except ImproperlyConfigured around env.bool: DEBUG = True in the handler is a true fallback',
    settings: lines(
      'import environ',
      'from django.core.exceptions import ImproperlyConfigured',
      'env = environ.Env()',
      'try:',
      "    DEBUG = env.bool('DJANGO_DEBUG')",
      'except ImproperlyConfigured:',
      '    DEBUG = True',
    ),
    expect: [[7]],
  },
  {
    name: 'try/except with a false fallback',
    settings: lines(
      'import os',
      'try:',
      "    DEBUG = os.environ['DEBUG'] == '1'",
      'except KeyError:',
      '    DEBUG = False',
    ),
    expect: [],
  },
  {
    name: "DEBUG by presence ('DEBUG' in os.environ) with ENV DEBUG=False: meant off, misread (TF0312's case)",
    settings: lines('import os', "DEBUG = 'DEBUG' in os.environ"),
    deploy: { stage: { env: { DEBUG: 'False' } } },
    expect: [],
  },
  {
    name: 'DEBUG by presence (os.getenv(...) is not None) with ENV DEBUG=1',
    settings: lines('import os', "DEBUG = os.getenv('DEBUG') is not None"),
    deploy: { stage: { env: { DEBUG: '1' } } },
    expect: [[2]],
  },
  {
    name: 'DEBUG = True replaced later when the variable is set (`if debug: DEBUG = …`): a true fallback',
    settings: lines(
      'import os',
      'DEBUG = True',
      "debug = os.environ.get('DJANGO_DEBUG')",
      'if debug:',
      "    DEBUG = debug.lower() == 'true'",
    ),
    expect: [[2]],
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

// A DEBUG default that depends on another variable X: judged by the value the container gets where the repository
// says (DEBUG's own variable, else X), else by what X's absence selects.
const SQLITE_SWITCH = lines(
  'import os',
  '_use_sqlite = not os.environ.get("POSTGRES_HOST")',
  'DEBUG = os.environ.get("DEBUG", "1" if _use_sqlite else "0") == "1"',
);
const NOT_PRODUCTION = lines(
  'from environs import Env',
  'env = Env()',
  'IS_PRODUCTION = env.bool("IS_PRODUCTION", default=False)',
  'DEBUG = env.bool("DEBUG", default=not IS_PRODUCTION)',
);
const DEV_FLAG = lines(
  'import os',
  'DEBUG = os.environ.get("DEBUG", "1" if os.environ.get("DEV") else "0") == "1"',
);
const conditionalCases: {
  name: string;
  settings: string;
  deploy?: Deploy;
  line?: number;
  message?: RegExp;
}[] = [
  {
    name: 'the SQLite branch, taken when POSTGRES_HOST is unset, turns it on',
    settings: SQLITE_SWITCH,
    line: 3,
    message: /DEBUG is on unless POSTGRES_HOST is set/,
  },
  {
    name: 'default=not IS_PRODUCTION',
    settings: NOT_PRODUCTION,
    line: 4,
    message: /DEBUG is on unless IS_PRODUCTION is set/,
  },
  {
    name: 'the image sets POSTGRES_HOST: the off branch',
    settings: SQLITE_SWITCH,
    deploy: { stage: { env: { POSTGRES_HOST: 'db' } } },
  },
  {
    name: 'the production compose file sets IS_PRODUCTION true',
    settings: NOT_PRODUCTION,
    deploy: { service: { environment: { IS_PRODUCTION: 'true' } } },
  },
  {
    name: 'the production compose file sets IS_PRODUCTION false',
    settings: NOT_PRODUCTION,
    deploy: { service: { environment: { IS_PRODUCTION: 'False' } } },
    line: 4,
    message: /whose default follows IS_PRODUCTION, which docker-compose.yml \(line 5\) sets to 'False'/,
  },
  {
    name: 'the production compose file sets DEBUG off',
    settings: SQLITE_SWITCH,
    deploy: { service: { environment: { DEBUG: '0' } } },
  },
  { name: 'the branch taken when DEV is unset is off', settings: DEV_FLAG },
  {
    name: "another variable's raw text as default is the same switch, not a condition",
    settings: lines('import os', 'DEBUG = os.environ.get("DEBUG", os.environ.get("DJANGO_DEBUG", "False"))'),
    line: 2,
    message: /falls back to a non-empty string/,
  },
  {
    name: 'the negation of a production marker: the suggested code keeps debug off in production',
    settings: lines('import os', "DEBUG = not os.environ.get('PRODUCTION')"),
    line: 2,
    message: /DEBUG is on unless PRODUCTION is set.*`DEBUG = os.environ.get\("DJANGO_DEBUG", ""\) == "1"`/,
  },
  {
    name: "DEBUG's own variable compared to 'True' is not a production marker",
    settings: lines('import os', "DEBUG = os.environ.get('DJANGO_DEBUG', 'True') == 'True'"),
    line: 2,
    message:
      /^DEBUG is read from DJANGO_DEBUG but defaults to a true value.*`DEBUG = os.environ.get\("DJANGO_DEBUG", ""\) == "1"`/,
  },
  {
    name: "DEBUG's own variable read the wrong way round is not called a production marker",
    settings: lines('import os', "DEBUG = not os.environ.get('DJANGO_DEBUG')"),
    line: 2,
    message: /^DEBUG is on unless DJANGO_DEBUG is set: its own variable is read the wrong way round/,
  },
  {
    name: 'an environment name compared to production is a production marker',
    settings: lines('import os', "DEBUG = os.environ.get('ENVIRONMENT') != 'production'"),
    line: 2,
    message: /ENVIRONMENT is set to one particular value: the absence of that production marker/,
  },
  {
    name: 'the image sets DEV=1: the on branch',
    settings: DEV_FLAG,
    deploy: { stage: { env: { DEV: '1' } } },
    line: 2,
    message: /whose default follows DEV, which the ENV of Dockerfile sets to '1'/,
  },
];

for (const c of conditionalCases)
  test(`TF0302 ${c.line ? 'fires' : 'silent'}: conditional default, ${c.name}`, () => {
    const findings = debugInCode.check(settingsProjectOf(c.settings, c.deploy));
    assert.deepEqual(
      findings.map((f) => [f.file, f.line]),
      c.line ? [['mysite/settings.py', c.line]] : [],
    );
    if (c.message) assert.match(findings[0]!.message, c.message);
  });

test('TF0302 fires: DEBUG = True switched off by a branch that the value the image gives skips', () => {
  const settings = lines(
    'import os',
    'DEBUG = True',
    "if os.environ.get('APP_STAGE', 'production') == 'production':",
    '    DEBUG = False',
  );
  const findings = debugInCode.check(
    settingsProjectOf(settings, { stage: { env: { APP_STAGE: 'staging' } } }),
  );
  assert.equal(findings.length, 1);
  assert.match(
    findings[0]!.message,
    /^DEBUG is set to True in code and set to False \(line 4\) only under `if os\.environ\.get\('APP_STAGE', 'production'\) == 'production':`, and the ENV of Dockerfile sets APP_STAGE to 'staging', which skips that branch: every container of this image runs in debug mode\./,
  );
});

test('TF0302 fires at the compose line: DEBUG=${DEBUG:-yes} read as raw text', () => {
  const settings = lines('import os', "DEBUG = os.environ.get('DEBUG')");
  const findings = debugInCode.check(
    settingsProjectOf(settings, { service: { environment: { DEBUG: '${DEBUG:-yes}' } } }),
  );
  assert.deepEqual(
    findings.map((f) => [f.file, f.line]),
    [['docker-compose.yml', 5]],
  );
  assert.match(findings[0]!.message, /Make the default empty.*`\$\{DEBUG:-\}`/);
});

test("TF0302 silent: DEBUG=False (or ${DEBUG:-False}) read as raw text is meant off, TF0312's misreading", () => {
  for (const read of ["DEBUG = os.environ.get('DEBUG')", "DEBUG = bool(os.environ.get('DEBUG', False))"])
    for (const value of ['False', '${DEBUG:-False}', '0'])
      assert.deepEqual(
        debugInCode.check(
          settingsProjectOf(lines('import os', read), { service: { environment: { DEBUG: value } } }),
        ),
        [],
        `${read} with DEBUG=${value}`,
      );
});

// A production compose file's env_file is the production compose file's environment, written in another file.
const ENV_FILE_PROJECT = {
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  Dockerfile: 'FROM python:3.12\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
  'docker-compose.yml': 'services:\n  web:\n    build: .\n    env_file: ./.env.dev\n',
  'docker-compose.prod.yml': 'services:\n  web:\n    build: .\n    env_file:\n      - ./.env.prod\n',
  '.env.dev': 'DEBUG=1\n',
  '.env.prod': 'SECRET_KEY=k\nDEBUG=True\n',
};

test('TF0302 fires at the assignment, naming the env file line: the production compose env_file turns DEBUG on', async () => {
  const result = await analyzeFiles({
    ...ENV_FILE_PROJECT,
    'mysite/settings.py': lines('import os', "DEBUG = os.environ.get('DEBUG', 'False') == 'True'"),
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0302');
  assert.deepEqual(
    found.map((f) => [f.file, f.line]),
    [['mysite/settings.py', 2]],
  );
  assert.match(
    found[0]!.message,
    /docker-compose.prod.yml sets to True through its env_file .env.prod \(line 2\)/,
  );
});

test('TF0302 tells to remove the variable from the production env_file when the settings take its raw text', async () => {
  const result = await analyzeFiles({
    ...ENV_FILE_PROJECT,
    'mysite/settings.py': lines('import os', "DEBUG = os.environ.get('DEBUG', '')"),
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0302');
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /which is false: remove DEBUG from that file \(or compare/);
});

test('TF0302 fires once, at the assignment, for a true default and a production env_file that turns DEBUG on', async () => {
  const result = await analyzeFiles({
    ...ENV_FILE_PROJECT,
    'mysite/settings.py': lines('import os', "DEBUG = os.environ.get('DEBUG', True)"),
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0302');
  assert.deepEqual(
    found.map((f) => [f.file, f.line]),
    [['mysite/settings.py', 2]],
  );
  assert.match(
    found[0]!.message,
    /docker-compose.prod.yml sets DEBUG to 'True' through its env_file .env.prod \(line 2\)/,
  );
});

// A true settings default and a literal true value of the production compose file: one finding at the assignment
// (the catalog's anchor), whose advice covers both, since a false default alone leaves the compose value on.
test('TF0302 names the production compose value beside a true settings default, and the whole fix', () => {
  const settings = lines('import os', "DEBUG = os.getenv('DEBUG', 'True') == 'True'");
  const findings = debugInCode.check(
    settingsProjectOf(settings, { service: { environment: { DEBUG: 'True' } } }),
  );
  assert.deepEqual(
    findings.map((f) => [f.file, f.line]),
    [['mysite/settings.py', 2]],
  );
  assert.match(findings[0]!.message, /make the default false/);
  assert.match(findings[0]!.message, /docker-compose.yml \(line 5\) sets DEBUG to 'True'/);
  assert.match(findings[0]!.message, /whatever the default\. Remove DEBUG from there/);
});

test('TF0302 says where a false compose value keeps debug off beside a true settings default', () => {
  const settings = lines('import os', "DEBUG = os.getenv('DEBUG', 'True') == 'True'");
  const findings = debugInCode.check(
    settingsProjectOf(settings, { service: { environment: { DEBUG: 'False' } } }),
  );
  assert.equal(findings.length, 1);
  assert.doesNotMatch(findings[0]!.message, /Besides|Remove DEBUG/);
  assert.match(
    findings[0]!.message,
    /docker-compose.yml \(line 5\) sets DEBUG to 'False', so every container docker-compose.yml starts for the service 'web' runs with debug off; the default still turns debug on wherever/,
  );
});

test('TF0302 silent: only the development compose env_file turns DEBUG on', async () => {
  const result = await analyzeFiles({
    ...ENV_FILE_PROJECT,
    '.env.prod': 'DEBUG=0\n',
    'mysite/settings.py': lines('import os', "DEBUG = os.environ.get('DEBUG', '0') == '1'"),
  });
  assert.deepEqual(
    result.findings.filter((f) => f.ruleId === 'TF0302'),
    [],
  );
});

test('TF0302 silent: beside a file named for production, another compose file and a .env.dev are not production', async () => {
  const result = await analyzeFiles({
    ...ENV_FILE_PROJECT,
    'docker-compose.data.yml': 'services:\n  web:\n    build: .\n    env_file: [.env.data, .env.dev]\n',
    '.env.data': 'DEBUG=True\n',
    '.env.prod': 'DEBUG=0\n',
    'mysite/settings.py': lines('import os', "DEBUG = os.environ.get('DEBUG', '0') == '1'"),
  });
  assert.deepEqual(
    result.findings.filter((f) => f.ruleId === 'TF0302'),
    [],
  );
});

test('TF0302: a deploy value that turns DEBUG on is advised by how the settings read it', () => {
  const advice = (read: string, value: string): string => {
    const findings = debugInCode.check(
      settingsProjectOf(lines('import os', read), { service: { environment: { DEBUG: value } } }),
    );
    assert.equal(findings.length, 1);
    return findings[0]!.message;
  };
  assert.match(advice("DEBUG = os.environ.get('DEBUG', '') == 'True'", 'True'), /Remove DEBUG from there/);
  assert.match(
    advice("DEBUG = os.environ['DEBUG'] == 'True'", 'True'),
    /Set DEBUG to a false value there .*removing it would stop the app at start/,
  );
  const raw = advice("DEBUG = os.environ['DEBUG']", 'True');
  assert.match(raw, /The settings take the raw text.*`DEBUG = os.environ.get\("DEBUG", ""\) == "1"`/);
  assert.doesNotMatch(raw, /Remove DEBUG/);
  // Read as raw text with no fallback: unset gives None, which is false, so removing the variable does help.
  const bare = advice("DEBUG = os.environ.get('DEBUG')", 'True');
  assert.match(bare, /without the variable they get None, which is false: remove DEBUG from there/);
  assert.doesNotMatch(bare, /would not help|fallback decides/);
  assert.match(
    advice("DEBUG = os.environ.get('DEBUG', '')", 'True'),
    /without the variable they get their fallback, which is false: remove DEBUG from there/,
  );
});

// A variable that names an environment (ENV=dev/prod) is never "1": the advice keeps its own words.
const environmentNameCases: { name: string; settings: string; deploy?: Deploy; message: RegExp }[] = [
  {
    name: 'compared with its development name, which is also its fallback',
    settings: lines('import os', "DEBUG = os.environ.get('ENV', 'dev') == 'dev'"),
    message:
      /keep the comparison and make the fallback empty: `DEBUG = os.environ.get\("ENV", ""\) == "dev"`/,
  },
  {
    name: 'its raw text, which the production compose file sets to dev',
    settings: lines('import os', "DEBUG = os.environ['ENV']"),
    deploy: { service: { environment: { ENV: 'dev' } } },
    message: /ENV names an environment.*`DEBUG = os.environ.get\("ENV", ""\) == "dev"`/,
  },
  {
    name: 'one of the names it is compared with, set by the production compose file',
    settings: lines('import os', "DEBUG = os.environ['ENV'] in ['dev', 'stg']"),
    deploy: { service: { environment: { ENV: 'dev' } } },
    message: /Set ENV to the production environment's name there/,
  },
  {
    name: 'its raw text with a development default',
    settings: lines('import os', "DEBUG = os.environ.get('DJANGO_ENV', 'development')"),
    message: /make the default false: `DEBUG = os.environ.get\("DJANGO_ENV", ""\) == "development"`/,
  },
];

for (const c of environmentNameCases)
  test(`TF0302 fires: an environment name, ${c.name}, with advice in its own words`, () => {
    const findings = debugInCode.check(settingsProjectOf(c.settings, c.deploy));
    assert.deepEqual(
      findings.map((f) => [f.file, f.line]),
      [['mysite/settings.py', 2]],
    );
    assert.match(findings[0]!.message, c.message);
    assert.doesNotMatch(findings[0]!.message, /"ENV", ""\) == "1"|"DJANGO_ENV", ""\) == "1"/);
  });

test('TF0302 silent: an environment name compared with dev, set to prod by the production compose file', () => {
  const settings = lines('import os', "DEBUG = os.environ.get('ENV') == 'dev'");
  assert.deepEqual(
    debugInCode.check(settingsProjectOf(settings, { service: { environment: { ENV: 'prod' } } })),
    [],
  );
});

test('TF0302: DEBUG = True in base.py that the running local.py sets true again is reported at both lines', async () => {
  const result = await analyzeFiles({
    'manage.py': lines(
      'import os',
      "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.local')",
    ),
    'mysite/__init__.py': '',
    'mysite/settings/__init__.py': '',
    'mysite/settings/base.py': lines('SECRET_KEY = None', 'DEBUG = True', 'INSTALLED_APPS = []'),
    'mysite/settings/local.py': lines('from .base import *', 'DEBUG = True'),
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0302');
  assert.deepEqual(
    found.map((f) => [f.file, f.line]),
    [
      ['mysite/settings/base.py', 2],
      ['mysite/settings/local.py', 2],
    ],
  );
  assert.match(
    found[0]!.message,
    /mysite\/settings\/local\.py \(line 2\), which builds on this module, sets it true again/,
  );
  assert.doesNotMatch(found[1]!.message, /sets it true again/);
});

test('TF0302: DEBUG = True in test.py, an alternative the package imports instead of local.py, is not called its base', async () => {
  const result = await analyzeFiles({
    'manage.py': lines('import os', "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')"),
    'mysite/__init__.py': '',
    'mysite/settings/__init__.py': lines(
      'import os',
      "_env = os.environ.get('APP_ENV', 'local')",
      "if _env == 'production':",
      '    from mysite.settings.production import *',
      "elif _env == 'test':",
      '    from mysite.settings.test import *',
      'else:',
      '    from mysite.settings.local import *',
    ),
    'mysite/settings/base.py': lines('SECRET_KEY = None', 'INSTALLED_APPS = []'),
    'mysite/settings/production.py': lines('from .base import *', 'DEBUG = False'),
    'mysite/settings/test.py': lines('from .base import *', 'DEBUG = True'),
    'mysite/settings/local.py': lines('from .base import *', 'DEBUG = True'),
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0302');
  const onTest = found.find((f) => f.file === 'mysite/settings/test.py');
  assert.ok(onTest, 'DEBUG = True in test.py is reported');
  assert.doesNotMatch(onTest.message, /builds on|sets it true again|from both lines/);
  assert.match(
    onTest.message,
    /mysite\/settings\/__init__\.py loads this module rather than mysite\/settings\/local\.py/,
  );
});

test('TF0302: DEBUG = True in base.py that the running module turns off is not reported', async () => {
  const result = await analyzeFiles({
    'manage.py': lines(
      'import os',
      "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings.production')",
    ),
    'mysite/__init__.py': '',
    'mysite/settings/__init__.py': '',
    'mysite/settings/base.py': lines('SECRET_KEY = None', 'DEBUG = True', 'INSTALLED_APPS = []'),
    'mysite/settings/production.py': lines('from .base import *', 'DEBUG = False'),
  });
  assert.deepEqual(
    result.findings.filter((f) => f.ruleId === 'TF0302'),
    [],
  );
});

test('TF0302: the settings module a bare compose pass-through takes from the committed .env.template is judged', async () => {
  const files = {
    Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\n',
    'docker-compose.yml':
      'services:\n  web:\n    build: .\n    environment:\n      - DJANGO_SETTINGS_MODULE\n',
    '.env.template': 'DJANGO_SETTINGS_MODULE=site.settings.dev\n',
    'manage.py': 'import os\n',
    'site/__init__.py': '',
    'site/settings/__init__.py': '',
    'site/settings/base.py': 'INSTALLED_APPS = []\nDATABASES = {}\nDEBUG = False\n',
    'site/settings/dev.py': 'from .base import *\n\nDEBUG = True\n',
    'site/settings/prod.py': 'from .base import *\n',
  };
  const result = await analyzeFiles(files);
  assert.deepEqual(findingsOf(result, 'TF0302'), [['site/settings/dev.py', 3]]);
  const withEnv = await analyzeFiles({ ...files, '.env': 'DJANGO_SETTINGS_MODULE=site.settings.prod\n' });
  assert.deepEqual(findingsOf(withEnv, 'TF0302'), []);
});

const TAKEN_BRANCH_SETTINGS = [
  'import os',
  'DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"',
  'if os.environ.get("SERVER_MODE") == "DEV":',
  '    DEBUG = True',
  '',
].join('\n');

const takenBranchFiles = (env: string, compose?: string) => ({
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': TAKEN_BRANCH_SETTINGS,
  Dockerfile: `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n${env}CMD ["gunicorn", "mysite.wsgi"]\n`,
  ...(compose ? { 'docker-compose.yml': compose } : {}),
});

const debugFindings = async (f: Record<string, string>) =>
  (await analyzeFiles(f)).findings.filter((x) => x.ruleId === 'TF0302');

test('TF0302: DEBUG = True in a branch the image ENV takes, with what takes it and what the compose service gives', async () => {
  const compose = 'services:\n  web:\n    build: .\n    environment:\n      - SERVER_MODE=PROD\n';
  const [finding, ...rest] = await debugFindings(takenBranchFiles('ENV SERVER_MODE=DEV\n', compose));
  assert.equal(rest.length, 0);
  assert.equal(finding?.line, 4);
  assert.match(
    finding!.message,
    /^DEBUG is set to True in code under `if os\.environ\.get\("SERVER_MODE"\) == "DEV":`, and the ENV of Dockerfile \(line 4\) sets SERVER_MODE to 'DEV', which takes that branch: a container of the image run without another value runs in debug mode \(the compose service 'web' gives it 'PROD' instead\)\./,
  );
  assert.doesNotMatch(finding!.message, /every container of this deployment/);
});

test('TF0302: a production compose value that takes the branch is named as what turns debug on', async () => {
  const compose = 'services:\n  web:\n    build: .\n    environment:\n      - SERVER_MODE=DEV\n';
  const [finding] = await debugFindings(takenBranchFiles('', compose));
  assert.match(
    finding!.message,
    /and docker-compose\.yml \(line 5\) sets SERVER_MODE to 'DEV', which takes that branch: every container of this deployment runs in debug mode/,
  );
});

test('TF0302: silent on the branch when nothing the repository holds takes it', async () => {
  assert.deepEqual(await debugFindings(takenBranchFiles('ENV SERVER_MODE=PROD\n')), []);
  assert.deepEqual(await debugFindings(takenBranchFiles('')), []);
});

// The production compose file turns DEBUG on over the image's own ENV DEBUG=0: only the containers that file starts
// run in debug mode, and removing its line leaves the image's value, so the app still starts.
test("TF0302 names the compose service, not every container of the image, when compose overrides the image's ENV", () => {
  const settings = lines('import os', "DEBUG = bool(int(os.environ.get('DEBUG')))");
  const [finding, ...rest] = debugInCode.check(
    settingsProjectOf(settings, { stage: { env: { DEBUG: '0' } }, service: { environment: { DEBUG: '1' } } }),
  );
  assert.equal(rest.length, 0);
  assert.doesNotMatch(finding!.message, /every container of this image|would stop the app/);
  assert.match(
    finding!.message,
    /every container docker-compose\.yml starts for the service '\w+' runs in debug mode/,
  );
  assert.match(finding!.message, /over the image's own ENV DEBUG=0/);
  assert.match(finding!.message, /Remove DEBUG from there \(the image's DEBUG=0 then applies\)/);
});

// Two apps running two modules that build on base.py (local.py under compose, prod.py in the image) and both set
// DEBUG true again: one finding at base.py naming both.
test('TF0302 names every module that sets DEBUG true again over one base line, in one finding', () => {
  const fix = code('DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"');
  const base = { file: 'config/settings/base.py', line: 32, settingsFile: '', buildsOn: true, fix };
  const findings = shadowedFindings([
    {
      ...base,
      settingsFile: 'config/settings/local.py',
      later: { file: 'config/settings/local.py', line: 46 },
    },
    {
      ...base,
      settingsFile: 'config/settings/prod.py',
      later: { file: 'config/settings/prod.py', line: 10 },
    },
  ]);
  assert.equal(findings.length, 1);
  assert.match(
    findings[0]!.message,
    /config\/settings\/local\.py \(line 46\) and config\/settings\/prod\.py \(line 10\), which build on this module, set it true again/,
  );
});

test('TF0302: DEBUG = True in the else of a test for a production value is on unless that value is set', async () => {
  const result = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py':
      'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nif os.getenv("ENV") == "PRODUCTION":\n    DEBUG = False\nelse:\n    DEBUG = True\n',
    Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
  });
  const f = result.findings.find((x) => x.ruleId === 'TF0302');
  assert.equal(f?.line, 6);
  assert.match(
    f!.message,
    /true value in code unless ENV is 'PRODUCTION', so any deploy that does not set ENV to it/,
  );
  assert.doesNotMatch(f!.message, /every deploy/);
});
