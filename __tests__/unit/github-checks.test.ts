import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { checkAnnotations, publishCheckRun, type CheckRunInput } from '../../src/github/checks.js';
import { octokitGitHub } from '../../src/github/octokit.js';
import { ACTIONS_BOT, FakeGitHub } from '../support/fake-github.js';
import { finding } from '../support/github-fixtures.js';

const HEAD = 'a1'.repeat(20);
let fake: FakeGitHub;

before(async () => {
  fake = await FakeGitHub.start();
  fake.addToken('write', { user: ACTIONS_BOT, write: true, installation: true });
  fake.addToken('read', { user: ACTIONS_BOT, write: false, installation: true });
});
after(() => fake.close());
beforeEach(() => fake.reset());

const gh = (token: string) =>
  octokitGitHub({ token, repository: fake.repository, baseUrl: fake.url, pace: false });

function input(count: number, over: Partial<CheckRunInput> = {}): CheckRunInput {
  return {
    name: 'twelve-factor-review (app)',
    headSha: HEAD,
    directory: 'app',
    findings: Array.from({ length: count }, (_, i) =>
      finding({ file: 'Dockerfile', line: i + 1, message: `m${i}` }),
    ),
    verdict: 'pass',
    title: 'pass',
    summary: '## twelve-factor-review',
    ...over,
  };
}

test('every annotation reaches the check run, 50 per request', async () => {
  const warnings = await publishCheckRun(gh('write'), input(120));
  assert.deepEqual(warnings, []);
  assert.deepEqual(fake.problems, []);
  assert.equal(fake.checkRuns.length, 1);
  const run = fake.checkRuns[0] as {
    request: { output: { annotations: unknown[] } };
    updates: { output: { annotations: unknown[] } }[];
  };
  const sizes = [
    run.request.output.annotations.length,
    ...run.updates.map((u) => u.output.annotations.length),
  ];
  assert.deepEqual(sizes, [50, 50, 20]);
});

test('the conclusion follows the verdict', async () => {
  await publishCheckRun(gh('write'), input(1, { verdict: 'fail' }));
  assert.equal(fake.checkRuns[0].conclusion, 'failure');
});

test('a read-only token: one warning naming checks: write', async () => {
  const warnings = await publishCheckRun(gh('read'), input(3));
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /checks: write/);
});

test('annotations: repository paths, failure for errors, a line even for whole-file findings, suppressed ones left out', () => {
  const a = checkAnnotations('app', [
    finding({ file: 'Dockerfile', line: 4, severity: 'error' }),
    finding({ file: 'compose.yaml', severity: 'notice' }),
    finding({ file: 'x.py', line: 2, suppressed: { by: 'inline' } }),
  ]);
  assert.deepEqual(
    a.map((x) => [x.path, x.start_line, x.end_line, x.annotation_level]),
    [
      ['app/Dockerfile', 4, 4, 'failure'],
      ['app/compose.yaml', 1, 1, 'notice'],
    ],
  );
});
