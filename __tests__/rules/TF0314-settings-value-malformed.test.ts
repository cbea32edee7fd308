import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles, findingsOf } from '../support/analyze.js';

const settings = (...lines: string[]) => ({
  'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
  'mysite/__init__.py': '',
  'mysite/settings.py': ['import os', ...lines, ''].join('\n'),
});

test('TF0314 fires on SECRET_KEY made a tuple by a stray trailing comma', async () => {
  const result = await analyzeFiles(settings("SECRET_KEY = os.environ.get('SECRET_KEY'),", 'DEBUG = True'));
  assert.deepEqual(findingsOf(result, 'TF0314'), [['mysite/settings.py', 2]]);
});

test('TF0314: a two-value tuple is not called a stray comma, and the fix keeps the variable the code reads', async () => {
  const result = await analyzeFiles(settings("SECRET_KEY = (os.environ.get('SECRET_KEY'), 'abcd')"));
  const messages = result.findings.filter((f) => f.ruleId === 'TF0314').map((f) => f.message);
  assert.equal(messages.length, 1);
  assert.match(messages[0], /a tuple of two values, the SECRET_KEY variable and a literal string/);
  assert.match(messages[0], /os\.environ\.get\("SECRET_KEY", "\.\.\."\) was meant/);
  assert.match(messages[0], /SECRET_KEY = os\.environ\["SECRET_KEY"\]/);
  assert.doesNotMatch(messages[0], /comma|DJANGO_SECRET_KEY|abcd/);
  const comma = await analyzeFiles(settings("SECRET_KEY = os.environ.get('APP_KEY'),"));
  const [one] = comma.findings.filter((f) => f.ruleId === 'TF0314').map((f) => f.message);
  assert.match(one, /one-element tuple \(a stray trailing comma\).*SECRET_KEY = os\.environ\["APP_KEY"\]/);
});

test('TF0314 is silent on well-formed values', async () => {
  const result = await analyzeFiles(
    settings(
      "SECRET_KEY = os.environ['SECRET_KEY']",
      "DEBUG = os.environ.get('DEBUG', '') == '1'",
      "ALLOWED_HOSTS = os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')",
    ),
  );
  assert.deepEqual(findingsOf(result, 'TF0314'), []);
});

test('TF0314: ALLOWED_HOSTS as the raw string of a variable', async () => {
  const result = await analyzeFiles(
    settings("SECRET_KEY = os.environ['SECRET_KEY']", "ALLOWED_HOSTS = os.environ.get('ALLOWED_HOSTS')"),
  );
  assert.deepEqual(findingsOf(result, 'TF0314'), [['mysite/settings.py', 3]]);
});

test('TF0314: ALLOWED_HOSTS = [] while DEBUG can be off, not while DEBUG is always on', async () => {
  const fromEnv = await analyzeFiles(
    settings(
      "SECRET_KEY = os.environ['SECRET_KEY']",
      "DEBUG = os.environ.get('DEBUG', '0') == '1'",
      'ALLOWED_HOSTS = []', //4
    ),
  );
  assert.deepEqual(findingsOf(fromEnv, 'TF0314'), [['mysite/settings.py', 4]]);
  const unset = await analyzeFiles(settings("SECRET_KEY = os.environ['SECRET_KEY']", 'ALLOWED_HOSTS = []'));
  assert.deepEqual(findingsOf(unset, 'TF0314'), [['mysite/settings.py', 3]]);
  const alwaysOn = await analyzeFiles(
    settings("SECRET_KEY = os.environ['SECRET_KEY']", 'DEBUG = True', 'ALLOWED_HOSTS = []'),
  );
  assert.deepEqual(findingsOf(alwaysOn, 'TF0314'), []);
});

test('TF0314: an empty ALLOWED_HOSTS filled later, in a branch or by a later star import is not judged', async () => {
  const extended = await analyzeFiles(
    settings(
      "SECRET_KEY = os.environ['SECRET_KEY']",
      'ALLOWED_HOSTS = []',
      "ALLOWED_HOSTS += os.environ.get('HOSTS', 'localhost').split(',')",
    ),
  );
  assert.deepEqual(findingsOf(extended, 'TF0314'), []);
  const local = await analyzeFiles({
    ...settings("SECRET_KEY = os.environ['SECRET_KEY']", 'ALLOWED_HOSTS = []', 'from .local import *'),
    'mysite/local.py': "ALLOWED_HOSTS = ['example.com']\n",
  });
  assert.deepEqual(findingsOf(local, 'TF0314'), []);
});

test('TF0314: ALLOWED_HOSTS = [] in the branch that runs when no variable is set, DEBUG then off', async () => {
  const branches = (debug: string) =>
    settings(
      "SECRET_KEY = os.environ['SECRET_KEY']",
      "ENVIRONMENT = os.environ.get('ENVIRONMENT')",
      debug, //4
      "if ENVIRONMENT == 'production':",
      "    ALLOWED_HOSTS = ['example.com']",
      'else:',
      '    ALLOWED_HOSTS = []', //8
    );
  const off = await analyzeFiles(branches("DEBUG = os.environ.get('DEBUG') == 'True'"));
  assert.deepEqual(findingsOf(off, 'TF0314'), [['mysite/settings.py', 8]]);
  assert.match(off.findings.find((f) => f.ruleId === 'TF0314')!.message, /runs when no variable is set/);
  // DEBUG on by default: the development branch works
  const on = await analyzeFiles(branches("DEBUG = os.environ.get('DEBUG', 'True') == 'True'"));
  assert.deepEqual(findingsOf(on, 'TF0314'), []);
  // the empty list only in the branch DEBUG selects
  const debugBranch = await analyzeFiles(
    settings(
      "SECRET_KEY = os.environ['SECRET_KEY']",
      "DEBUG = os.environ.get('DEBUG') == '1'",
      'if DEBUG:',
      '    ALLOWED_HOSTS = []',
      'else:',
      "    ALLOWED_HOSTS = os.environ['ALLOWED_HOSTS'].split(',')",
    ),
  );
  assert.deepEqual(findingsOf(debugBranch, 'TF0314'), []);
});

test('TF0314: a number Django adds to or compares with, read from the environment without int()', async () => {
  const result = await analyzeFiles(
    settings(
      "SECRET_KEY = os.environ['SECRET_KEY']",
      "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'CONN_MAX_AGE': os.environ['DB_AGE']}}", //3
      "EMAIL_TIMEOUT = os.getenv('EMAIL_TIMEOUT')", //4
      "DATA_UPLOAD_MAX_MEMORY_SIZE = os.environ.get('UPLOAD_MAX', '5242880')", //5
      "FILE_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get('FILE_MAX', '5242880'))",
      "EMAIL_PORT = os.environ.get('EMAIL_PORT', 587)",
      "SECURE_HSTS_SECONDS = os.environ.get('HSTS', 0)",
    ),
  );
  const found = result.findings.filter((f) => f.ruleId === 'TF0314');
  assert.deepEqual(
    found.map((f) => f.line),
    [3, 4, 5],
  );
  assert.match(found[0].message, /always a string.*time\.monotonic\(\).*`int\(os\.environ\["DB_AGE"\]\)`/);
  assert.match(
    found[1].message,
    /whenever EMAIL_TIMEOUT is set.*`float\(os\.environ\["EMAIL_TIMEOUT"\]\) if os\.getenv\("EMAIL_TIMEOUT"\) else None`/,
  );
  assert.match(found[2].message, /always a string.*`int\(os\.environ\.get\("UPLOAD_MAX", "5242880"\)\)`/);
});
