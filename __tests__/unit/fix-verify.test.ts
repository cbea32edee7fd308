import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { parseCommandLine, type CheckOptions } from '../../src/cli.js';
import type { SmokeResult } from '../../src/core/index.js';
import { readInputs, reviewRequest } from '../../src/inputs.js';
import type { Project } from '../../src/model/types/project.js';
import { runReview, type ReviewPorts, type ReviewRequest } from '../../src/review.js';
import type { SmokeOutcome } from '../../src/smoke/index.js';

const repo = join(import.meta.dirname, '..', '..');
const example = join(repo, 'examples/hardcoded');

/** The smoke request as the action builds it: verify-fixes on is the default, off is written. */
function request(verifyFixes: boolean): ReviewRequest {
  const r = (parseCommandLine(['check', 'examples/hardcoded', '--smoke'], repo) as CheckOptions).request;
  return verifyFixes ? r : { ...r, smoke: { ...r.smoke!, verifyFixes } };
}

const passed: SmokeResult = {
  status: 'passed',
  engines: {
    sqlite: { engine: 'sqlite', status: 'passed', durationMs: 1, steps: [] },
    postgres: {
      engine: 'postgres',
      status: 'failed',
      reason: 'Migrate: exit code 1.',
      durationMs: 1,
      steps: [],
    },
  },
  durationMs: 1,
};

/** A smoke stage standing in for Docker: records the trees it was given, answers with `outcomes` in turn. */
function smokeStage(outcomes: SmokeOutcome[]) {
  const trees: { root: string; dockerfile: string; requirements?: string }[] = [];
  const smoke: ReviewPorts['smoke'] = async (project: Project) => {
    const requirements = join(project.root, 'requirements.txt');
    trees.push({
      root: project.root,
      dockerfile: readFileSync(join(project.root, 'Dockerfile'), 'utf8'),
      requirements: existsSync(requirements) ? readFileSync(requirements, 'utf8') : undefined,
    });
    return outcomes[trees.length - 1] ?? assert.fail('one smoke run too many');
  };
  return { smoke, trees };
}

const ports = (smoke: ReviewPorts['smoke']): ReviewPorts => ({
  smoke,
  log: { info: () => {}, stage: (_name, run) => run() },
  now: () => 0,
  secrets: () => [],
  fixes: { patch: () => {} },
});

test('verify-fixes: the fixed tree (a scratch copy) is smoke-tested after the review, the report says how each engine did', async () => {
  const stage = smokeStage([
    { result: passed, findings: [], facts: { installed: { django: '5.1.4', psycopg2: '2.9.10' } } },
    { result: passed, findings: [] },
  ]);
  const report = await runReview(request(true), ports(stage.smoke));
  assert.equal(stage.trees.length, 2);
  assert.equal(stage.trees[0].root, example);
  assert.notEqual(stage.trees[1].root, example, 'the fixes are built from a copy');
  assert.ok(!existsSync(stage.trees[1].root), 'the copy is removed');
  // The versions the run saw, in a requirements file the image now installs from (TF0202 and TF0203).
  assert.match(
    stage.trees[1].dockerfile,
    /COPY requirements\.txt \.\nRUN pip install --no-cache-dir -r requirements\.txt\n/,
  );
  assert.equal(stage.trees[1].requirements, 'django==5.1.4\npsycopg2==2.9.10\n');
  assert.doesNotMatch(readFileSync(join(example, 'Dockerfile'), 'utf8'), /django==/);
  assert.deepEqual(report.fixes?.verification, {
    engines: {
      sqlite: { status: 'passed' },
      postgres: { status: 'failed', reason: 'Migrate: exit code 1.' },
    },
  });
});

test("verify-fixes: a project over the copy's cap gets its fixes, no smoke test of them, and a notice why", async () => {
  const stage = smokeStage([{ result: passed, findings: [] }]);
  const notices: string[] = [];
  const report = await runReview(request(true), {
    ...ports(stage.smoke),
    fixes: { patch: () => {}, notVerified: (reason) => notices.push(reason), maxScratchEntries: 3 },
  });
  assert.equal(stage.trees.length, 1, 'the fixed tree is not built');
  assert.ok(report.fixes && report.fixes.patch.length > 0, 'the fixes are offered');
  assert.equal(report.fixes.verification, undefined);
  assert.match(notices.join('\n'), /more than 3 files and directories outside \.git/);
});

test('verify-fixes: off, or the smoke test skipped (an untrusted checkout, no Docker), there is no second run', async () => {
  const off = smokeStage([{ result: passed, findings: [] }]);
  assert.equal((await runReview(request(false), ports(off.smoke))).fixes?.verification, undefined);
  assert.equal(off.trees.length, 1);
  const skipped = smokeStage([
    { result: { status: 'skipped', reason: 'untrusted', engines: {}, durationMs: 0 }, findings: [] },
  ]);
  assert.equal((await runReview(request(true), ports(skipped.smoke))).fixes?.verification, undefined);
  assert.equal(skipped.trees.length, 1);
});

test('verify-fixes input: on by default, false written in the smoke request, anything else refused', () => {
  const action = parse(readFileSync(join(repo, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const requestOf = (given: Record<string, string>) => {
    const values: Record<string, string> = {};
    for (const [name, input] of Object.entries(action.inputs)) values[name] = String(input.default ?? '');
    return reviewRequest(
      readInputs((name) => ({ ...values, ...given })[name]),
      repo,
    );
  };
  assert.equal(requestOf({}).smoke?.verifyFixes, undefined, 'on: the default');
  assert.equal(requestOf({ 'verify-fixes': 'false' }).smoke?.verifyFixes, false);
  assert.throws(() => requestOf({ 'verify-fixes': 'sometimes' }), /verify-fixes/);
});
