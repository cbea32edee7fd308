import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { readInputs } from '../../src/inputs.js';

const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};

/** What the runner passes when the workflow sets only `given`: every other input at its action.yml default. */
function inputs(given: Record<string, string> = {}) {
  const values: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    values[name] = String(input.default ?? '').replace('${{ github.token }}', 'ghs_test');
  }
  Object.assign(values, given);
  return readInputs((name) => {
    if (!(name in values)) throw new Error(`readInputs read '${name}', which action.yml does not declare`);
    return values[name];
  });
}

test('the defaults of action.yml are valid', () => {
  const i = inputs();
  assert.equal(i.workingDirectory, '.');
  assert.equal(i.failOn, 'error');
  assert.equal(i.smoke, true);
  assert.equal(i.allowUntrustedBuild, false);
  assert.equal(i.comment, true);
  assert.equal(i.review, true);
  assert.equal(i.fixes, true);
  assert.equal(i.mode, 'both');
  assert.equal(i.sarifFile, 'twelve-factor-review.sarif');
  assert.equal(i.githubToken, 'ghs_test');
  assert.equal(i.composeFiles, undefined);
  assert.equal(i.dockerfile, undefined);
  assert.deepEqual(i.smokeLimits, { pids: 512, memoryBytes: 1024 ** 3, cpus: 1.5 });
});

test('smoke-pids-limit, smoke-memory and smoke-cpus: a number, a size with k/m/g, CPUs to the hundredth', () => {
  const i = inputs({ 'smoke-pids-limit': '128', 'smoke-memory': '768m', 'smoke-cpus': '0.5' });
  assert.deepEqual(i.smokeLimits, { pids: 128, memoryBytes: 768 * 1024 ** 2, cpus: 0.5 });
  assert.equal(inputs({ 'smoke-memory': '1.5GiB' }).smokeLimits.memoryBytes, 1.5 * 1024 ** 3);
});

const invalid: [Record<string, string>, string][] = [
  [{ 'fail-on': 'warn' }, "Invalid fail-on 'warn'. Expected one of error, warning, notice, never."],
  [{ smoke: 'yes' }, "Invalid smoke 'yes'. Expected one of true, false."],
  [{ comment: '1' }, "Invalid comment '1'. Expected one of true, false."],
  [{ 'allow-untrusted-build': 'yes' }, "Invalid allow-untrusted-build 'yes'. Expected one of true, false."],
  [{ mode: 'upload' }, "Invalid mode 'upload'. Expected one of both, analyze, publish."],
  [
    { 'working-directory': '../elsewhere' },
    "Invalid working-directory '../elsewhere'. Expected a path relative to the workspace, without '..'.",
  ],
  [
    { 'working-directory': '/etc' },
    "Invalid working-directory '/etc'. Expected a path relative to the workspace, without '..'.",
  ],
  [
    { 'sarif-file': '../x.sarif' },
    "Invalid sarif-file '../x.sarif'. Expected a path relative to the workspace, without '..'.",
  ],
  [
    { 'settings-module': 'my-site/settings.py' },
    "Invalid settings-module 'my-site/settings.py'. Expected a dotted Python module name such as mysite.settings.",
  ],
  [{ 'build-args': 'BASE_IMAGE' }, "Invalid build-args 'BASE_IMAGE'. Expected KEY=VALUE."],
  [{ 'smoke-port': '80a' }, "Invalid smoke-port '80a'. Expected a port number from 1 to 65535."],
  [{ 'smoke-port': '70000' }, "Invalid smoke-port '70000'. Expected a port number from 1 to 65535."],
  [
    { 'smoke-env': 'mysql.DB_PORT=3306' },
    "Invalid smoke-env key 'mysql.DB_PORT'. Expected NAME, sqlite.NAME or postgres.NAME.",
  ],
  [
    { 'smoke-pids-limit': '-1' },
    "Invalid smoke-pids-limit '-1'. Expected a whole number of processes, at least 16.",
  ],
  [
    { 'smoke-memory': '1t' },
    "Invalid smoke-memory '1t'. Expected an amount of memory such as 1g or 768m (bytes, or k/m/g), at least 64m.",
  ],
  [
    { 'smoke-memory': '10m' },
    "Invalid smoke-memory '10m'. Expected an amount of memory such as 1g or 768m (bytes, or k/m/g), at least 64m.",
  ],
  [{ 'smoke-cpus': '0' }, "Invalid smoke-cpus '0'. Expected a number of CPUs such as 1.5 (0.01 or more)."],
];
for (const [given, message] of invalid) {
  test(`refuses ${JSON.stringify(given)} saying what is accepted`, () => {
    assert.throws(() => inputs(given), { message });
  });
}

test('booleans accept any case, as YAML writes them', () => {
  assert.equal(inputs({ smoke: 'False' }).smoke, false);
  assert.equal(inputs({ review: 'TRUE' }).review, true);
  assert.equal(inputs({ fixes: 'false' }).fixes, false);
});

test('compose-files split on newlines and commas, in order', () => {
  assert.deepEqual(
    inputs({ 'compose-files': 'compose.yaml, compose.prod.yaml\n\ncompose.ci.yaml\n' }).composeFiles,
    ['compose.yaml', 'compose.prod.yaml', 'compose.ci.yaml'],
  );
});

test('build-args and smoke-env: KEY=VALUE lines, values may hold = and spaces, engine prefixes split', () => {
  const i = inputs({
    'build-args':
      'BASE_IMAGE=python:3.12-slim\n# a comment\nPIP_OPTS=--no-cache-dir --index-url=https://x/simple',
    'smoke-env':
      'DJANGO_SETTINGS_MODULE=mysite.settings\npostgres.DB_PORT=5432\nsqlite.DB_PATH=/data/db.sqlite3',
  });
  assert.deepEqual(i.buildArgs, {
    BASE_IMAGE: 'python:3.12-slim',
    PIP_OPTS: '--no-cache-dir --index-url=https://x/simple',
  });
  assert.deepEqual(i.smokeEnv, {
    all: { DJANGO_SETTINGS_MODULE: 'mysite.settings' },
    postgres: { DB_PORT: '5432' },
    sqlite: { DB_PATH: '/data/db.sqlite3' },
  });
});

test("smoke-port: empty for the image's own, else the number", () => {
  assert.equal(inputs({}).smokePort, undefined);
  assert.equal(inputs({ 'smoke-port': ' 5000 ' }).smokePort, 5000);
});

test('an empty sarif-file writes none', () => {
  assert.equal(inputs({ 'sarif-file': '' }).sarifFile, '');
});
