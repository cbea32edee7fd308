import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowedHostsWildcard } from '../../src/rules/TF0303-allowed-hosts-wildcard.js';
import { fixture, lines, settingsProjectOf, settingsRuleCases } from '../support/settings-rule-cases.js';

settingsRuleCases(allowedHostsWildcard, [
  { name: "['*']", settings: "ALLOWED_HOSTS = ['*']\n", expect: [[1]] },
  { name: 'startproject []', settings: fixture('startproject_django5.py'), expect: [] },
  { name: "a tuple with '*' among others", settings: "ALLOWED_HOSTS = ('localhost', '*')\n", expect: [[1]] },
  {
    name: 'appended later',
    settings: lines("ALLOWED_HOSTS = ['a.example']", "ALLOWED_HOSTS += ['*']"),
    expect: [[2]],
  },
  {
    name: "environment with '*' fallback",
    settings: lines('import os', "ALLOWED_HOSTS = os.environ.get('ALLOWED_HOSTS', '*').split(',')"),
    expect: [],
  },
  {
    name: 'django-environ scheme default',
    settings: lines(
      'import environ',
      "env = environ.Env(ALLOWED_HOSTS=(list, ['*']))",
      "ALLOWED_HOSTS = env('ALLOWED_HOSTS')",
    ),
    expect: [],
  },
  {
    name: 'overwritten',
    settings: lines('import os', "ALLOWED_HOSTS = ['*']", "ALLOWED_HOSTS = os.environ['HOSTS'].split(',')"),
    expect: [],
  },
  { name: 'a real host', settings: "ALLOWED_HOSTS = ['.example.com']\n", expect: [] },
  { name: "the bare string '*', which Django iterates", settings: 'ALLOWED_HOSTS = "*"\n', expect: [[1]] },
  { name: 'a bare string with no wildcard', settings: 'ALLOWED_HOSTS = "localhost"\n', expect: [] },
]);

test('TF0303 says a bare string is read character by character and should be a list', () => {
  const [finding] = allowedHostsWildcard.check(settingsProjectOf('ALLOWED_HOSTS = "*"\n'));
  assert.match(finding.message, /string '\*' in code, not a list: Django reads each of its characters/);
});

test("TF0303: a '*' appended only if DEBUG says it holds only while DEBUG is on, and is silent when DEBUG is off by default", () => {
  const onByDefault = lines(
    'import os',
    "DEBUG = not ('RENDER' in os.environ)",
    "ALLOWED_HOSTS = ['localhost', '.onrender.com']",
    'if DEBUG:',
    "    ALLOWED_HOSTS.append('*')",
  );
  const [finding] = allowedHostsWildcard.check(settingsProjectOf(onByDefault));
  assert.equal(finding?.line, 5);
  assert.match(finding!.message, /contains '\*' in code only while DEBUG is on/);
  assert.doesNotMatch(finding!.message, /every deploy/);
  const offByDefault = lines(
    'import os',
    "DEBUG = os.environ.get('DJANGO_DEBUG', '') == '1'",
    "ALLOWED_HOSTS = ['localhost']",
    'if DEBUG:',
    "    ALLOWED_HOSTS.append('*')",
  );
  assert.deepEqual(allowedHostsWildcard.check(settingsProjectOf(offByDefault)), []);
});
