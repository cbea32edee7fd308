import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelSettings } from '../../src/model/settings/index.js';
import { analyzeFiles } from '../support/analyze.js';

const SETTINGS = 'mysite/settings.py';

// Python builds this 1 GiB string; the evaluator cannot (JavaScript strings stop near 512 Mi characters) and throws.
const TOO_LONG_FOR_THE_EVALUATOR = [
  "padding = 'x'",
  ...Array.from({ length: 30 }, () => 'padding = padding + padding'),
];

const SETTINGS_TEXT = [
  'import os',
  ...TOO_LONG_FOR_THE_EVALUATOR,
  "SECRET_KEY = 'django-insecure-abc'",
  'DEBUG = True',
  '',
].join('\n');
// The first doubling past the limit ('x' doubled 29 times, 512 Mi characters); the one after it fails too.
const FAILING_LINE = 31;

test('a statement the evaluator cannot follow gives an error naming the settings file and line; the rest is modelled', () => {
  const { model, errors } = modelSettings(SETTINGS, 'mysite.settings', SETTINGS_TEXT);
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.equal(errors[0].file, SETTINGS);
  assert.equal(errors[0].line, FAILING_LINE);
  assert.match(
    errors[0].message,
    /^The settings could not be fully evaluated: Invalid string length \(and 1 more/,
  );
  assert.deepEqual(
    model?.assignments.map((a) => [a.name, a.line]),
    [
      ['SECRET_KEY', 33],
      ['DEBUG', 34],
    ],
  );
});

test('pipeline: an evaluator failure is a TF0001 finding on the settings file, and the settings rules still run', async () => {
  const { findings } = await analyzeFiles({
    'manage.py': "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n",
    'mysite/__init__.py': '',
    [SETTINGS]: SETTINGS_TEXT,
  });
  const failures = findings.filter((f) => f.ruleId === 'TF0001');
  assert.deepEqual(
    failures.map((f) => [f.file, f.line]),
    [[SETTINGS, FAILING_LINE]],
  );
  assert.match(failures[0].message, /The settings could not be fully evaluated: Invalid string length/);
  const judged = findings.filter((f) => f.file === SETTINGS && ['TF0301', 'TF0302'].includes(f.ruleId));
  assert.deepEqual(
    judged.map((f) => [f.ruleId, f.line]),
    [
      ['TF0301', 33],
      ['TF0302', 34],
    ],
  );
});
