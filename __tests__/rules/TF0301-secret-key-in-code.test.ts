import { secretKeyInCode } from '../../src/rules/TF0301-secret-key-in-code.js';
import { fixture, lines, settingsRuleCases } from '../support/settings-rule-cases.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles } from '../support/analyze.js';

settingsRuleCases(secretKeyInCode, [
  { name: 'startproject literal key', settings: fixture('startproject_django5.py'), expect: [[23]] },
  {
    name: 'environ[] without fallback',
    settings: lines('import os', "SECRET_KEY = os.environ['SECRET_KEY']"),
    expect: [],
  },
  {
    name: 'environs env() with a positional literal fallback',
    settings: lines(
      'from environs import Env',
      'env = Env()',
      "SECRET_KEY = env('SECRET', 'django-insecure-x')",
    ),
    expect: [[3, 'warning']],
  },
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
  {
    name: 'try/except UndefinedValueError: the literal of the handler is a fallback, at its line',
    settings: lines(
      'from decouple import UndefinedValueError, config',
      'try:',
      "    SECRET_KEY = config('SECRET_KEY')",
      'except UndefinedValueError:',
      "    SECRET_KEY = 'django-insecure-dev'",
    ),
    expect: [[5, 'warning']],
  },
  {
    name: 'try/except KeyError whose handler stops the app: no literal, no finding',
    settings: lines(
      'import os',
      'from django.core.exceptions import ImproperlyConfigured',
      'try:',
      "    SECRET_KEY = os.environ['SECRET_KEY']",
      'except KeyError:',
      "    raise ImproperlyConfigured('Set SECRET_KEY')",
    ),
    expect: [],
  },
  {
    name: 'a literal replaced later when the variable is set (`if key: SECRET_KEY = key`): a fallback',
    settings: lines(
      'import os',
      "SECRET_KEY = 'dev-key-literal'",
      "key = os.environ.get('DJANGO_SECRET_KEY')",
      'if key:',
      '    SECRET_KEY = key',
    ),
    expect: [[2, 'warning']],
  },
]);

test('TF0301: a key read with a literal fallback in another module, imported by name, is reported there', async () => {
  const result = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    Dockerfile: 'FROM python:3.12\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'mysite/keys.py': "import os\nSECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', 'a-literal-key')\n",
    'mysite/settings.py': "from .keys import SECRET_KEY\nINSTALLED_APPS = []\nROOT_URLCONF = 'mysite.urls'\n",
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0301');
  assert.deepEqual(
    found.map((f) => [f.file, f.line, f.severity]),
    [['mysite/keys.py', 2, 'warning']],
  );
});

test('TF0301: str(os.getenv("SECRET_KEY")) is the text None when unset, not a literal from the repository', async () => {
  const result = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    Dockerfile: 'FROM python:3.12\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'mysite/settings.py':
      'import os\nSECRET_KEY = str(os.getenv("SECRET_KEY"))\nROOT_URLCONF = "mysite.urls"\n',
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0301');
  assert.deepEqual(
    found.map((f) => [f.line, f.severity]),
    [[2, 'warning']],
  );
  assert.match(found[0].message, /becomes the text 'None' when it is unset/);
  assert.doesNotMatch(found[0].message, /literal|from the repository/);
});

test('TF0301: a literal fallback inside the one-element tuple a stray comma makes is still reported (TF0314 reports the tuple)', async () => {
  const result = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py':
      'import os\nSECRET_KEY = os.getenv("SECRET_KEY", "jlk-abc-123"),\nROOT_URLCONF = "mysite.urls"\n',
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0301');
  assert.deepEqual(
    found.map((f) => [f.line, f.severity]),
    [[2, 'warning']],
  );
  assert.match(found[0].message, /read from SECRET_KEY but falls back to a literal value/);
  assert.match(found[0].message, /SECRET_KEY = os\.environ\["SECRET_KEY"\]/);
  assert.doesNotMatch(found[0].message, /jlk-abc-123|DJANGO_SECRET_KEY/);
  assert.deepEqual(
    result.findings.filter((f) => f.ruleId === 'TF0314').map((f) => f.line),
    [2],
  );
  const literal = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    'mysite/settings.py': 'SECRET_KEY = "jlk-abc-123",\nROOT_URLCONF = "mysite.urls"\n',
  });
  assert.deepEqual(
    literal.findings.filter((f) => f.ruleId === 'TF0301').map((f) => [f.line, f.severity]),
    [[1, 'error']],
  );
});

test('TF0301: a literal default in the environ.Env scheme is reported at the scheme line, with advice to drop it', async () => {
  const { findings } = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    Dockerfile: 'FROM python:3.12\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
    'mysite/settings.py':
      'import environ\nenv = environ.Env(\n    DEBUG=(bool, False),\n    SECRET_KEY=(str, "django-insecure-abcdefghijklmnop"),\n)\nSECRET_KEY = env("SECRET_KEY")\n',
  });
  const f = findings.find((x) => x.ruleId === 'TF0301');
  assert.equal(f?.line, 4);
  assert.match(f?.message ?? '', /environ\.Env scheme gives it a literal default/);
  assert.match(f?.message ?? '', /drop SECRET_KEY from the scheme/);
});
