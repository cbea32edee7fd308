/**
 * Secret hygiene, end to end: the real bundle runs as a runner runs it, on a pull request, smoke test on, against
 * the fake GitHub, for a project carrying secrets of known values (a .env, a literal password in compose, a literal
 * token in a Dockerfile ENV) and for infrastructure faults. Every output is collected (stdout, stderr, the job
 * summary, GITHUB_OUTPUT, the SARIF file, the JSON report, every request body GitHub received) and none may contain
 * a value the action masked (`::add-mask::`, i.e. the generated passwords), a planted secret or the token, except
 * the `::add-mask::` lines themselves.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { FAULT_CASES, LOCAL_POSTGRES, productionWithSecrets } from '../robust/faults.js';
import { ACTIONS_BOT, FakeGitHub, type PullFileSpec } from '../support/fake-github.js';
import { bundleOnce, pullRequestPayload, runAction, type RunResult } from '../support/runner.js';

const PR = 31;
const HEAD = 'c0ffee'.repeat(6) + 'c0fe';
let fake: FakeGitHub;
let token: string;
const dirs: string[] = [];

before(async () => {
  bundleOnce();
  fake = await FakeGitHub.start();
  token = `ghs_${randomBytes(16).toString('hex')}`;
  fake.addToken(token, { user: ACTIONS_BOT, write: true, installation: true });
});
after(() => {
  fake.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The pull request adds every file of the app (the .env too: the worst case, its lines are in the diff). */
function addingPullRequest(workspace: string): void {
  const files: PullFileSpec[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const lines = readFileSync(full, 'utf8').replace(/\n$/, '').split('\n');
        files.push({
          filename: relative(workspace, full).split('\\').join('/'),
          status: 'added',
          patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`,
        });
      }
    }
  };
  walk(join(workspace, 'app'));
  fake.addPullRequest({ number: PR, headSha: HEAD, files });
}

/** Every output of a run, by where it went. */
function outputsOf(r: RunResult): Record<string, string> {
  const out: Record<string, string> = {
    // The ::add-mask:: lines are how the values get masked: the only place they may be.
    stdout: r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
    stderr: r.stderr,
    summary: r.summary,
    GITHUB_OUTPUT: JSON.stringify(r.outputs),
    'requests to GitHub': JSON.stringify(fake.requests.map((q) => ({ path: q.path, body: q.body }))),
    'PR comments': JSON.stringify(fake.issueComments),
    reviews: JSON.stringify(fake.reviews),
    'review comments': JSON.stringify(fake.reviewComments),
    'check runs': JSON.stringify(fake.checkRuns),
  };
  for (const key of ['sarif-file', 'report-file']) {
    const file = r.outputs[key];
    assert.ok(file && existsSync(file), `${key} written (${file})`);
    out[key] = readFileSync(file, 'utf8');
  }
  return out;
}

const masked = (r: RunResult) =>
  r.stdout
    .split('\n')
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => l.slice('::add-mask::'.length).trim())
    .filter(Boolean);

function assertNoLeak(r: RunResult, planted: string[]): void {
  const outputs = outputsOf(r);
  const secrets = [...new Set([...masked(r), ...planted, token])];
  for (const [where, text] of Object.entries(outputs)) {
    for (const s of secrets) {
      assert.ok(!text.includes(s), `a secret (${s.slice(0, 4)}…, ${s.length} chars) leaked into ${where}`);
    }
  }
}

/** The action on a pull request adding `app/`, smoke test on, with the local images. */
async function runOn(setup: (appDir: string) => { secrets: string[]; env?: NodeJS.ProcessEnv }) {
  fake.reset();
  fake.addToken(token, { user: ACTIONS_BOT, write: true, installation: true });
  const workspace = mkdtempSync(join(tmpdir(), 'tfr-secrets-'));
  dirs.push(workspace);
  const s = setup(join(workspace, 'app'));
  addingPullRequest(workspace);
  const extraEnv: Record<string, string> = {};
  if (s.env?.DOCKER_HOST && s.env.DOCKER_HOST !== process.env.DOCKER_HOST)
    extraEnv.DOCKER_HOST = s.env.DOCKER_HOST;
  const r = await runAction({
    workspace,
    eventName: 'pull_request',
    payload: pullRequestPayload({ repository: fake.repository, number: PR, headSha: HEAD }),
    token,
    apiUrl: fake.url,
    repository: fake.repository,
    sha: 'e'.repeat(40),
    ref: `refs/pull/${PR}/merge`,
    inputs: {
      'working-directory': 'app',
      smoke: 'true',
      'postgres-image': LOCAL_POSTGRES[1],
      'build-args': 'BASE_IMAGE=tfr-test/django-base:bookworm',
    },
    env: extraEnv,
  });
  return { r, secrets: s.secrets };
}

describe('no secret in any output of the action, smoke test on', () => {
  test('examples/production with a .env, a compose literal and a Dockerfile ENV literal: a full smoke run', async () => {
    const { r, secrets } = await runOn((dir) => ({ secrets: productionWithSecrets(dir) }));
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}\n${r.stderr}`);
    assert.ok(fake.issueComments.length === 1, 'the PR comment was posted');
    assert.notEqual(r.outputs['postgres-status'], 'skipped', r.stdout.slice(-3000));
    // The generated PostgreSQL password at least was masked.
    assert.ok(masked(r).length >= 1, 'the action masked the passwords it generated');
    assertNoLeak(r, secrets);
  });

  for (const id of ['docker-unreachable', 'app-crash-loop']) {
    const c = FAULT_CASES.find((f) => f.id === id)!;
    test(`fault: ${c.name}`, async () => {
      const { r, secrets } = await runOn((dir) => c.setup(dir));
      assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}\n${r.stderr}`);
      assert.equal(fake.issueComments.length, 1, 'the PR comment was posted');
      if (id === 'docker-unreachable') {
        assert.equal(r.outputs['sqlite-status'], 'skipped');
        assert.match(r.stdout, /Docker is not reachable/);
      } else {
        assert.equal(r.outputs['sqlite-status'], 'failed');
        assert.equal(r.outputs['postgres-status'], 'failed');
      }
      assertNoLeak(r, secrets);
    });
  }
});
