import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const settings = (...lines: string[]) => ({
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': ['import os', "SECRET_KEY = os.environ['SECRET_KEY']", ...lines, ''].join('\n'),
});

test('TF0312 fires on DEBUG read as a raw string with a False default', async () => {
  const result = await analyzeFiles(settings("DEBUG = os.environ.get('DEBUG', False)"));
  assert.deepEqual(findingsOf(result, 'TF0312'), [['mysite/settings.py', 3]]);
  assert.match(result.findings.find((f) => f.ruleId === 'TF0312')!.message, /'False' and '0'/);
});

test('TF0312 is silent when the text is compared or cast', async () => {
  const result = await analyzeFiles(
    settings(
      "DEBUG = os.environ.get('DEBUG', '') == '1'",
      "SESSION_COOKIE_SECURE = os.environ.get('SECURE', 'true').lower() in ('1', 'true')",
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0312'), []);
});

test('TF0312: bool() of the text, getenv, os.environ[] and the security switches', async () => {
  const result = await analyzeFiles(
    settings(
      "DEBUG = bool(os.getenv('DJANGO_DEBUG'))", //3
      "SESSION_COOKIE_SECURE = os.environ['SESSION_COOKIE_SECURE']", //4
      "CSRF_COOKIE_SECURE = os.environ.get('CSRF_COOKIE_SECURE', False)", //5
      "SECURE_SSL_REDIRECT = bool(int(os.environ.get('SSL_REDIRECT', '0')))", //6: int() first, fine
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0312'), [
    ['mysite/settings.py', 3],
    ['mysite/settings.py', 4],
    ['mysite/settings.py', 5],
  ]);
});

test('TF0312 and TF0302 both hold for a raw string with a true default: set or unset, DEBUG is on', async () => {
  const result = await analyzeFiles(settings("DEBUG = os.environ.get('DEBUG', True)"));
  assert.deepEqual(findingsOf(result, 'TF0312'), [['mysite/settings.py', 3]]);
  assert.deepEqual(findingsOf(result, 'TF0302'), [['mysite/settings.py', 3]]);
});

test('TF0312: python-decouple without cast is raw text, with cast=bool it is not', async () => {
  const raw = await analyzeFiles(
    settings('from decouple import config', "DEBUG = config('DEBUG', default=False)"),
  );
  assert.deepEqual(findingsOf(raw, 'TF0312'), [['mysite/settings.py', 4]]);
  const cast = await analyzeFiles(
    settings('from decouple import config', "DEBUG = config('DEBUG', default=False, cast=bool)"),
  );
  assert.deepEqual(findingsOf(cast, 'TF0312'), []);
});

test('TF0312: django-environ env() without a cast is raw text; a cast, a bool default or env.bool() is not', async () => {
  const header = ['import environ', 'env = environ.Env()'];
  const raw = await analyzeFiles(settings(...header, "DEBUG = env('DJANGO_DEBUG')"));
  assert.deepEqual(findingsOf(raw, 'TF0312'), [['mysite/settings.py', 5]]);
  for (const line of [
    "DEBUG = env('DJANGO_DEBUG', default=False)",
    "DEBUG = env('DJANGO_DEBUG', cast=bool)",
    "DEBUG = env.bool('DJANGO_DEBUG')",
  ]) {
    const cast = await analyzeFiles(settings(...header, line));
    assert.deepEqual(findingsOf(cast, 'TF0312'), [], line);
  }
  const scheme = await analyzeFiles(
    settings('import environ', 'env = environ.Env(DEBUG=(bool, False))', "DEBUG = env('DEBUG')"),
  );
  assert.deepEqual(findingsOf(scheme, 'TF0312'), []);
});

test('TF0312: the raw string under an or, inside bool() or not ("False" is true either way)', async () => {
  const result = await analyzeFiles(
    settings(
      "DEBUG = bool(os.getenv('DEBUG') or '1')", //3
      "SESSION_COOKIE_SECURE = os.getenv('SESSION_COOKIE_SECURE') or False", //4
      "CSRF_COOKIE_SECURE = (os.getenv('CSRF_COOKIE_SECURE') or '') == '1'", //5: compared, fine
      "SECURE_SSL_REDIRECT = os.getenv('SSL_REDIRECT') != 'False'", //6: 'False' switches it off
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0312'), [
    ['mysite/settings.py', 3],
    ['mysite/settings.py', 4],
  ]);
  assert.deepEqual(findingsOf(result, 'TF0302'), [['mysite/settings.py', 3]]);
});

test('TF0312: a test of whether the variable is set (in os.environ, is not None) is on for DEBUG=False too', async () => {
  const result = await analyzeFiles(
    settings(
      "DEBUG = 'DEBUG' in os.environ", //3
      "SESSION_COOKIE_SECURE = os.getenv('SESSION_COOKIE_SECURE') is not None", //4
      "CSRF_COOKIE_SECURE = os.environ.get('CSRF_COOKIE_SECURE') != None", //5
      // off whenever set: not a switch that DEBUG=False turns on
      "SECURE_SSL_REDIRECT = os.getenv('DEV') is None",
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0312'), [
    ['mysite/settings.py', 3],
    ['mysite/settings.py', 4],
    ['mysite/settings.py', 5],
  ]);
  assert.match(
    result.findings.find((f) => f.ruleId === 'TF0312')!.message,
    /only tests whether DEBUG is set/,
  );
});

test('TF0312 is silent on a comparison with a word other than the probe words', async () => {
  const result = await analyzeFiles(
    settings("DEBUG = os.environ.get('DJANGO_ENVIRONMENT', 'production') != 'production'"),
  );
  assert.deepEqual(findingsOf(result, 'TF0312'), []);
});

test('TF0312 on the raw text of an environment name advises its development word, not "1"', async () => {
  const result = await analyzeFiles({
    ...settings("DEBUG = os.environ['ENV']"),
    'docker-compose.yml': 'services:\n  web:\n    build: .\n    environment:\n      - ENV=dev\n',
    Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\n',
  });
  const found = result.findings.filter((f) => f.ruleId === 'TF0312');
  assert.deepEqual(findingsOf(result, 'TF0312'), [['mysite/settings.py', 3]]);
  assert.match(found[0]!.message, /ENV names an environment/);
  assert.match(found[0]!.message, /DEBUG = os.environ.get\("ENV", ""\) == "dev"/);
  assert.doesNotMatch(found[0]!.message, /== "1"/);
});
