import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { parseCommandLine, type CheckOptions } from '../../src/cli.js';
import { readInputs, reviewRequest } from '../../src/inputs.js';
import { runReview, type ReviewPorts, type ReviewRequest } from '../../src/review.js';

const repo = join(import.meta.dirname, '..', '..');
const action = parse(readFileSync(join(repo, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};

/** The request of the action run with `given` in its workflow (every other input at its action.yml default). */
function actionRequest(given: Record<string, string>): ReviewRequest {
  const values: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) values[name] = String(input.default ?? '');
  Object.assign(values, given);
  return reviewRequest(
    readInputs((name) => values[name]),
    repo,
  );
}

function cliRequest(argv: string[]): ReviewRequest {
  return (parseCommandLine(argv, repo) as CheckOptions).request;
}

/** What only the entry point decides: how it names the directory option and whether a workspace confines it. */
function withoutEntry(request: ReviewRequest): Omit<ReviewRequest, 'directoryOption' | 'workspace'> {
  const { directoryOption: _option, workspace: _workspace, ...rest } = request;
  return rest;
}

test('the action and the CLI build the same request for the same static review', () => {
  const fromAction = actionRequest({
    'working-directory': 'examples/hardcoded/',
    'fail-on': 'warning',
    dockerfile: 'Dockerfile',
    'compose-files': 'docker-compose.yml',
    'settings-module': 'mysite.settings',
    smoke: 'false',
  });
  const fromCli = cliRequest([
    'check',
    'examples/hardcoded/',
    '--fail-on',
    'warning',
    '--dockerfile',
    'Dockerfile',
    '--compose-file',
    'docker-compose.yml',
    '--settings-module',
    'mysite.settings',
  ]);
  assert.deepEqual(withoutEntry(fromAction), withoutEntry(fromCli));
  assert.equal(fromAction.smoke, undefined);
  assert.equal(fromAction.workspace, repo, 'the action confines the directory to the workspace');
  assert.equal(fromCli.workspace, undefined, 'the CLI reviews any directory');
});

test('the action and the CLI build the same smoke request, smoke-env merged per engine', () => {
  const fromAction = actionRequest({
    'working-directory': 'examples/hardcoded',
    'postgres-image': 'postgres:15',
    'smoke-port': '5000',
    'build-args': 'BASE_IMAGE=local/base',
    'smoke-env': 'postgres.DB_PORT=5433\nDB_PORT=5432\nDEBUG=0',
    'smoke-memory': '512m',
    'smoke-cpus': '0.75',
    'smoke-pids-limit': '256',
  });
  const fromCli = cliRequest(
    ['check', 'examples/hardcoded', '--smoke', '--postgres-image', 'postgres:15', '--port', '5000'].concat(
      ['--build-arg', 'BASE_IMAGE=local/base', '--smoke-env', 'postgres.DB_PORT=5433'],
      ['--smoke-env', 'DB_PORT=5432', '--smoke-env', 'DEBUG=0', '--smoke-memory', '512m'],
      ['--smoke-cpus', '0.75', '--smoke-pids-limit', '256'],
    ),
  );
  assert.deepEqual(withoutEntry(fromAction), withoutEntry(fromCli));
  assert.deepEqual(fromAction.smoke?.env, {
    sqlite: { DB_PORT: '5432', DEBUG: '0' },
    postgres: { DB_PORT: '5433', DEBUG: '0' },
  });
});

test('runReview makes the same report of examples/hardcoded from either request', async () => {
  const ports: ReviewPorts = {
    smoke: async () => assert.fail('no smoke test was asked for'),
    log: { info: () => {}, stage: (_name, run) => run() },
    now: () => 0,
    secrets: () => [],
  };
  const fromAction = await runReview(
    actionRequest({ 'working-directory': 'examples/hardcoded', smoke: 'false' }),
    ports,
  );
  const fromCli = await runReview(cliRequest(['check', 'examples/hardcoded']), ports);
  assert.deepEqual(fromAction, fromCli);
  assert.equal(fromAction.directory, 'examples/hardcoded');
  assert.ok(fromAction.findings.length > 0, 'the example has findings');
});

test('runReview masks the secrets of its secrets port in the report', async () => {
  const request = cliRequest(['check', 'examples/hardcoded']);
  const plain = await runReview(request, {
    smoke: async () => assert.fail('no smoke test was asked for'),
    log: { info: () => {}, stage: (_name, run) => run() },
    now: () => 0,
    secrets: () => [],
  });
  const message = plain.findings.find((f) => f.message.length >= 12)!.message;
  const secret = message.slice(0, 12);
  const masked = await runReview(request, {
    smoke: async () => assert.fail('no smoke test was asked for'),
    log: { info: () => {}, stage: (_name, run) => run() },
    now: () => 0,
    secrets: () => [secret],
  });
  assert.ok(!JSON.stringify(masked).includes(secret));
});
