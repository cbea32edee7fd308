/**
 * The examples as a maintainer would first meet the action: a pull request adds the project, the action runs
 * twice (a re-run or a second push), and once more with a fork's read-only token. The real bundle, the real rules,
 * the fake GitHub validating every request.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { ACTIONS_BOT, FakeGitHub, type PullFileSpec } from '../support/fake-github.js';
import { bundleOnce, pullRequestPayload, ROOT, runAction, type RunResult } from '../support/runner.js';

const WRITE = 'ghs_examples_write';
const READ = 'ghs_examples_read';
const HEAD = '5eed'.repeat(10);
let fake: FakeGitHub;

before(async () => {
  bundleOnce();
  fake = await FakeGitHub.start();
  fake.addToken(WRITE, { user: ACTIONS_BOT, write: true, installation: true });
  fake.addToken(READ, { user: ACTIONS_BOT, write: false, installation: true });
});
after(() => fake.close());

/** A pull request adding every file of the example under `dir`; binary files come without a patch, as on GitHub. */
function addingPullRequest(workspace: string, dir: string, number: number): void {
  const files: PullFileSpec[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const bytes = readFileSync(full);
        const filename = relative(workspace, full).split('\\').join('/');
        if (bytes.includes(0)) files.push({ filename, status: 'added' });
        else {
          const lines = bytes.toString('utf8').replace(/\n$/, '').split('\n');
          files.push({
            filename,
            status: 'added',
            patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`,
          });
        }
      }
    }
  };
  walk(join(workspace, dir));
  fake.addPullRequest({ number, headSha: HEAD, files });
}

function workspaceWith(example: string): string {
  const ws = mkdtempSync(join(tmpdir(), 'tfr-e2e-examples-'));
  cpSync(join(ROOT, 'examples', example), join(ws, example), { recursive: true });
  return ws;
}

function runOn(workspace: string, dir: string, number: number, token: string): Promise<RunResult> {
  return runAction({
    workspace,
    eventName: 'pull_request',
    payload: pullRequestPayload({ repository: fake.repository, number, headSha: HEAD }),
    token,
    apiUrl: fake.url,
    repository: fake.repository,
    sha: 'e'.repeat(40),
    ref: `refs/pull/${number}/merge`,
    inputs: { 'working-directory': dir, smoke: 'false' },
  });
}

function perLevel(r: RunResult): Record<string, number> {
  const n: Record<string, number> = { error: 0, warning: 0, notice: 0 };
  for (const a of r.annotations) n[a.command]++;
  return n;
}

test('examples/hardcoded added by a pull request: published once, untouched by a re-run, readable with a read-only token', async () => {
  fake.reset();
  const ws = workspaceWith('hardcoded');
  addingPullRequest(ws, 'hardcoded', 21);

  const first = await runOn(ws, 'hardcoded', 21, WRITE);
  assert.equal(first.code, 1, 'the hard-coded app fails on errors');
  assert.equal(first.outputs.verdict, 'fail');
  assert.ok(Number(first.outputs.errors) > 0);
  assert.deepEqual(fake.problems, []);
  assert.equal(fake.issueComments.length, 1);
  assert.ok(fake.issueComments[0].body.length <= 65536);
  assert.equal(fake.reviews.length, 1);
  const inline = fake.reviewComments.length;
  assert.ok(inline > 0 && inline <= 30);
  assert.ok(
    !fake.reviewComments.some((c) => c.path.endsWith('db.sqlite3')),
    'no inline comment on a binary file',
  );
  for (const [level, count] of Object.entries(perLevel(first)))
    assert.ok(count <= 10, `${count} ${level} annotations`);

  const writes = fake.requests.filter((r) => r.method !== 'GET').length;
  const second = await runOn(ws, 'hardcoded', 21, WRITE);
  assert.equal(second.code, 1);
  assert.equal(fake.requests.filter((r) => r.method !== 'GET').length, writes, 'the re-run wrote nothing');
  assert.equal(fake.reviewComments.length, inline);
  assert.deepEqual(fake.problems, []);

  fake.reset();
  addingPullRequest(ws, 'hardcoded', 21);
  const readOnly = await runOn(ws, 'hardcoded', 21, READ);
  assert.equal(readOnly.code, first.code, 'the conclusion is the analysis’s');
  const permission = readOnly.annotations.filter(
    (a) => a.command === 'warning' && /pull-requests: write/.test(a.message),
  );
  assert.equal(permission.length, 1);
  assert.ok(
    perLevel(readOnly).warning <= 10,
    'the permission warning is not pushed out by the finding warnings',
  );
  assert.ok(perLevel(readOnly).error > 0, 'the annotations still carry the findings');
  assert.match(readOnly.summary, /TF0201/);
  assert.deepEqual(fake.problems, []);
});

test('examples/production added by a pull request: passes, one comment, no inline comments', async () => {
  fake.reset();
  const ws = workspaceWith('production');
  addingPullRequest(ws, 'production', 22);
  const r = await runOn(ws, 'production', 22, WRITE);
  assert.equal(r.code, 0, r.stdout);
  assert.equal(r.outputs.verdict, 'pass');
  assert.equal(r.outputs.errors, '0');
  assert.deepEqual(fake.problems, []);
  assert.equal(fake.issueComments.length, 1);
  assert.equal(fake.reviews.length, 0, 'no review without an inline comment');
});
