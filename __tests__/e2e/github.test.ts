/**
 * The real bundle, run as a runner runs it, against the loopback fake GitHub: what a pull request shows after the
 * action ran once, twice, after a fix, with a read-only token, under a rate limit, on a push, and in the
 * two-workflow mode for forks. Every request the action sends is validated against GitHub's OpenAPI description;
 * `fake.problems` lists anything GitHub would have refused.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ACTIONS_BOT, FakeGitHub, rateLimitFault } from '../support/fake-github.js';
import {
  bundleOnce,
  pullRequestPayload,
  pushPayload,
  ROOT,
  runAction,
  workflowRunPayload,
  type RunOptions,
} from '../support/runner.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/github/app');
const WRITE = 'ghs_write_token';
const READ = 'ghs_read_only_token';
const PR = 12;

let fake: FakeGitHub;
let workspace: string;
let headSha: string;

before(async () => {
  bundleOnce();
  fake = await FakeGitHub.start();
  fake.addToken(WRITE, { user: ACTIONS_BOT, write: true, installation: true });
  fake.addToken(READ, { user: ACTIONS_BOT, write: false, installation: true });
});
after(() => fake.close());

beforeEach(() => {
  fake.reset();
  workspace = mkdtempSync(join(tmpdir(), 'tfr-e2e-ws-'));
  cpSync(FIXTURE, join(workspace, 'app'), { recursive: true });
  headSha = commitAll(workspace);
  openPullRequest();
});

/** The pull request adds the app; of settings.py it changes only the first lines (an older file). */
function openPullRequest(): void {
  fake.addPullRequest({
    number: PR,
    headSha,
    files: [
      { filename: 'app/Dockerfile', patch: addedPatch(read('app/Dockerfile')) },
      { filename: 'app/manage.py', patch: addedPatch(read('app/manage.py')) },
      {
        filename: 'app/mysite/settings.py',
        status: 'modified',
        patch: changedLinesPatch(read('app/mysite/settings.py'), 3, 4),
      },
      { filename: 'app/static/logo.png', status: 'added' }, // binary: GitHub sends no patch
    ],
  });
}

function read(path: string): string {
  return readFileSync(join(workspace, path), 'utf8');
}

function commitAll(dir: string): string {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
  if (!existsSync(join(dir, '.git'))) git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', 'change');
  return git('rev-parse', 'HEAD').trim();
}

function addedPatch(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  return `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}`;
}

/** A hunk that rewrote lines from..to, with up to three lines of context either side. */
function changedLinesPatch(text: string, from: number, to: number): string {
  const lines = text.replace(/\n$/, '').split('\n');
  const start = Math.max(1, from - 3);
  const end = Math.min(lines.length, to + 3);
  const rows: string[] = [];
  for (let n = start; n <= end; n++) {
    if (n >= from && n <= to) rows.push(`-old ${n}`);
  }
  const out: string[] = [];
  for (let n = start; n <= end; n++) {
    if (n === from) out.push(...rows);
    out.push(`${n >= from && n <= to ? '+' : ' '}${lines[n - 1]}`);
  }
  const count = end - start + 1;
  return `@@ -${start},${count} +${start},${count} @@\n${out.join('\n')}`;
}

function run(over: Partial<RunOptions> & { inputs?: Record<string, string> } = {}) {
  return runAction({
    workspace,
    eventName: 'pull_request',
    payload: pullRequestPayload({ repository: fake.repository, number: PR, headSha }),
    token: WRITE,
    apiUrl: fake.url,
    repository: fake.repository,
    sha: 'e'.repeat(40), // the merge commit GitHub makes for a pull_request run
    ref: `refs/pull/${PR}/merge`,
    ...over,
    inputs: { 'working-directory': 'app', smoke: 'false', ...over.inputs },
  });
}

const writes = () => fake.requests.filter((r) => r.method !== 'GET');

describe('the bundle on a pull request, against a stand-in GitHub', () => {
  test('first run: one comment, inline comments only on changed lines, annotations, summary, outputs, SARIF', async () => {
    const r = await run();
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(fake.problems, []);

    assert.equal(fake.issueComments.length, 1);
    const comment = fake.issueComments[0];
    assert.equal(comment.user.login, 'github-actions[bot]');
    assert.equal(fake.calls('users/get-authenticated').length, 0, 'GITHUB_TOKEN is never asked who it is');
    assert.ok(comment.body.startsWith('<!-- twelve-factor-review:app -->'));
    assert.match(comment.body, /TF0002/);

    assert.equal(fake.reviews.length, 1);
    assert.equal(fake.reviews[0].event, 'COMMENT');
    assert.equal(fake.reviews[0].commitId, headSha);
    const inline = fake.reviewComments.map((c) => `${c.path}:${c.line}`);
    assert.ok(inline.includes('app/Dockerfile:2'), inline.join());
    assert.ok(inline.includes('app/Dockerfile:7'), inline.join());
    assert.ok(!inline.some((l) => l.startsWith('app/mysite/settings.py:10')), 'line 10 is outside the diff');
    for (const c of fake.reviewComments) {
      const file = fake.pulls.get(PR)!.files.find((f) => f.filename === c.path);
      assert.ok(file?.patch, `${c.path} has a patch`);
    }

    const notices = r.annotations.filter(
      (a) => a.command === 'notice' && /TF0002/.test(a.properties.title ?? ''),
    );
    assert.ok(notices.some((a) => a.properties.file === 'app/Dockerfile' && a.properties.line === '2'));
    assert.ok(
      notices.some((a) => a.properties.file === 'app/mysite/settings.py' && a.properties.line === '10'),
    );

    assert.match(r.summary, /TF0002/);
    assert.equal(r.outputs.verdict, 'pass');
    assert.equal(r.outputs.errors, '0');
    assert.ok(Number(r.outputs.notices) >= 3);
    assert.equal(r.outputs['sqlite-status'], 'skipped');
    assert.equal(r.outputs['postgres-status'], 'skipped');
    assert.equal(r.outputs['sarif-file'], join(workspace, 'twelve-factor-review.sarif'));
    const sarif = JSON.parse(readFileSync(r.outputs['sarif-file'], 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    const report = JSON.parse(readFileSync(r.outputs['report-file'], 'utf8'));
    assert.equal(report.verdict, 'pass');
    assert.ok(report.findings.some((f: { ruleId: string }) => f.ruleId === 'TF0002'));
  });

  test('re-run unchanged: no new comment, no new inline comment, the comment is not even rewritten', async () => {
    await run();
    const before = writes().length;
    const updatedAt = fake.issueComments[0].updatedAt;
    const r = await run();
    assert.equal(r.code, 0);
    assert.equal(writes().length, before, 'the second run wrote nothing');
    assert.equal(fake.issueComments.length, 1);
    assert.equal(fake.issueComments[0].updatedAt, updatedAt);
    assert.equal(fake.reviews.length, 1);
    assert.deepEqual(fake.problems, []);
  });

  test('re-run after a fix: the finding and its inline comment disappear, the comment is updated in place', async () => {
    await run();
    const fixed = read('app/Dockerfile').replace(/^# twelve-factor: ignore=TF9901.*\n/m, '');
    writeFileSync(join(workspace, 'app/Dockerfile'), fixed);
    headSha = commitAll(workspace);
    fake.pulls.get(PR)!.headSha = headSha;
    fake.pulls.get(PR)!.files[0].patch = addedPatch(fixed);

    const r = await run();
    assert.equal(r.code, 0);
    assert.equal(fake.issueComments.length, 1);
    assert.doesNotMatch(fake.issueComments[0].body, /TF9901/);
    assert.match(fake.issueComments[0].body, /TF9902/);
    assert.ok(
      !fake.reviewComments.some((c) => c.body.includes('TF9901')),
      'the fixed finding’s inline comment is gone',
    );
    assert.equal(
      fake.reviewComments.filter((c) => c.body.includes('TF9902')).length,
      1,
      'the moved one is not repeated',
    );
    assert.equal(fake.calls('pulls/delete-review-comment').length, 1);
    assert.deepEqual(fake.problems, []);
  });

  test('read-only token (fork): one warning naming pull-requests: write, annotations and summary still, exit code from the analysis', async () => {
    const failing = { 'fail-on': 'notice' };
    const withWrite = await run({ inputs: failing });
    fake.reset();
    openPullRequest();
    const r = await run({ token: READ, inputs: failing });
    assert.equal(withWrite.code, 1, 'fail-on notice fails on the notices');
    assert.equal(r.code, withWrite.code, 'the token does not change the conclusion');
    const warnings = r.annotations.filter(
      (a) => a.command === 'warning' && /pull-requests: write/.test(a.message),
    );
    assert.equal(warnings.length, 1, r.stdout);
    assert.ok(r.annotations.some((a) => a.command === 'notice' && a.properties.file === 'app/Dockerfile'));
    assert.match(r.summary, /TF0002/);
    assert.match(r.summary, /pull\\?-requests\\?: write/, 'the summary says what to grant');
    assert.equal(r.outputs.verdict, 'fail');
    assert.equal(fake.issueComments.length, 0);
    assert.ok(writes().length <= 1, 'stops at the first refusal');
    assert.ok(r.commands.some((c) => c.command === 'error' && /fail-on is 'notice'/.test(c.message)));
  });

  test('rate limited on the comment, then served: published after the reset, nothing lost', async () => {
    fake.faults.push(rateLimitFault('issues/create-comment', 1));
    const r = await run();
    assert.equal(r.code, 0);
    assert.equal(fake.calls('issues/create-comment').length, 2);
    assert.equal(fake.issueComments.length, 1);
    assert.ok(fake.reviewComments.length >= 2);
    assert.ok(!r.annotations.some((a) => a.command === 'warning' && /could not/i.test(a.message)));
  });

  test('a comment over GitHub’s 65,536 characters is cut with a pointer to the job summary; 30 inline comments at most', async () => {
    const many = Array.from(
      { length: 1500 },
      (_, i) => `# twelve-factor: ignore=TF9${String(i).padStart(3, '0')}-${'x'.repeat(40)}`,
    );
    const dockerfile = `FROM python:3.12-slim\n${many.join('\n')}\nCMD ["gunicorn", "mysite.wsgi", "--bind", "0.0.0.0:8000"]\n`;
    writeFileSync(join(workspace, 'app/Dockerfile'), dockerfile);
    headSha = commitAll(workspace);
    fake.pulls.get(PR)!.headSha = headSha;
    fake.pulls.get(PR)!.files[0].patch = addedPatch(dockerfile);
    const r = await run();
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(fake.problems, []);
    const body = fake.issueComments[0].body;
    assert.ok(body.length <= 65536, `${body.length} characters`);
    assert.match(body, /job summary/i);
    assert.ok(r.summary.length > body.length, 'the job summary holds more');
    assert.equal(fake.reviewComments.length, 30);
    assert.match(fake.reviews[0].body, /more on changed lines/);
  });

  test('file names and messages cannot inject markdown, HTML or mentions', async () => {
    const evil = 'evil <img src=x onerror=alert(1)> @octocat.Dockerfile';
    writeFileSync(
      join(workspace, 'app', evil),
      'FROM python:3.12-slim\n# twelve-factor: ignore=@admin,<script>alert(1)</script>,[x](javascript:alert(1))\n',
    );
    headSha = commitAll(workspace);
    fake.pulls.get(PR)!.headSha = headSha;
    fake.pulls.get(PR)!.files.push({ filename: `app/${evil}`, patch: addedPatch(read(`app/${evil}`)) });
    const r = await run();
    assert.equal(r.code, 0);
    assert.deepEqual(fake.problems, []);
    const texts = [
      fake.issueComments[0].body,
      ...fake.reviewComments.map((c) => c.body),
      ...fake.reviews.map((v) => v.body),
      r.summary,
    ];
    // Inside a fenced block (the proven fixes' patch) GitHub renders no HTML and links no mention; `git apply` needs the names as they are.
    const outsideFences = (text: string) => text.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
    for (const text of texts) {
      assert.doesNotMatch(outsideFences(text), /<script|<img|onerror=alert\(1\)>|\]\(javascript:/);
      assert.doesNotMatch(outsideFences(text), /@(octocat|admin)\b/, 'no mention pings anyone');
    }
    assert.ok(
      fake.reviewComments.some((c) => c.path === `app/${evil}`),
      'the inline comment is still placed on the file',
    );
  });

  test('check-run: a completed check run on the head commit carrying every finding', async () => {
    const r = await run({ inputs: { 'check-run': 'true', 'fail-on': 'notice' } });
    assert.equal(r.code, 1);
    assert.deepEqual(fake.problems, []);
    assert.equal(fake.checkRuns.length, 1);
    const check = fake.checkRuns[0] as {
      head_sha: string;
      name: string;
      conclusion: string;
      request: { output: { annotations: { path: string }[] } };
    };
    assert.equal(check.head_sha, headSha);
    assert.equal(check.name, 'twelve-factor-review (app)');
    assert.equal(check.conclusion, 'failure');
    assert.ok(check.request.output.annotations.some((a) => a.path === 'app/mysite/settings.py'));
  });

  test('push event: everything but pull request publishing, and not one API request', async () => {
    const r = await run({
      eventName: 'push',
      payload: pushPayload({ repository: fake.repository, sha: headSha }),
      sha: headSha,
      ref: 'refs/heads/main',
    });
    assert.equal(r.code, 0);
    assert.deepEqual(fake.requests, []);
    assert.equal(r.outputs.verdict, 'pass');
    assert.match(r.summary, /TF0002/);
    assert.ok(existsSync(join(workspace, 'twelve-factor-review.sarif')));
  });

  test('smoke on but Docker unreachable: the smoke part is skipped with the reason, the static results published', async () => {
    const r = await run({
      inputs: { smoke: 'true' },
      env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
    });
    assert.equal(r.code, 0, r.stdout);
    assert.ok(
      r.annotations.some(
        (a) => a.command === 'warning' && /Smoke test skipped: Docker is not reachable/.test(a.message),
      ),
      r.stdout,
    );
    assert.equal(r.outputs['sqlite-status'], 'skipped');
    assert.equal(r.outputs['postgres-status'], 'skipped');
    assert.match(fake.issueComments[0].body, /TF0002/);
    assert.deepEqual(fake.problems, []);
  });

  test('an invalid input fails the step with what is accepted, before anything is published', async () => {
    const r = await run({ inputs: { 'fail-on': 'warn' } });
    assert.equal(r.code, 1);
    assert.ok(
      r.commands.some(
        (c) =>
          c.command === 'error' &&
          c.message.includes("Invalid fail-on 'warn'. Expected one of error, warning, notice, never."),
      ),
      r.stdout,
    );
    assert.deepEqual(fake.requests, []);
  });

  test('pull_request_target with the pull request head checked out: the smoke test is skipped as untrusted code', async () => {
    const smoke = { inputs: { smoke: 'true' }, env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' } };
    const r = await run({ eventName: 'pull_request_target', ref: 'refs/heads/main', ...smoke });
    assert.equal(r.code, 0);
    assert.ok(
      r.annotations.some(
        (a) =>
          a.command === 'warning' &&
          /pull_request_target run has the pull request's code checked out/.test(a.message) &&
          /untrusted/.test(a.message),
      ),
      r.stdout,
    );
    const base = await run({
      eventName: 'pull_request_target',
      payload: pullRequestPayload({ repository: fake.repository, number: PR, headSha: 'f'.repeat(40) }),
      ...smoke,
    });
    assert.ok(
      !base.annotations.some((a) => /pull_request_target/.test(a.message)),
      'the base branch checked out is fine',
    );
    assert.ok(
      base.annotations.some((a) => /Docker is not reachable/.test(a.message)),
      'and goes on to Docker',
    );
  });

  test('two workflows for forks: analyze writes the artifact with a read-only token, publish posts it from workflow_run', async () => {
    const analyzed = await run({ token: READ, inputs: { mode: 'analyze' } });
    assert.equal(analyzed.code, 0, analyzed.stdout);
    assert.deepEqual(fake.requests, [], 'analyze never calls the API');
    const artifact = join(workspace, 'twelve-factor-review-artifact');
    assert.ok(existsSync(join(artifact, 'report.json')));
    assert.deepEqual(JSON.parse(readFileSync(join(artifact, 'pull-request.json'), 'utf8')), {
      number: PR,
      headSha,
    });

    // The publish job checks out nothing of the fork: only the downloaded artifact is in its workspace.
    const publishWs = mkdtempSync(join(tmpdir(), 'tfr-e2e-publish-'));
    cpSync(artifact, join(publishWs, 'twelve-factor-review-artifact'), { recursive: true });
    const published = await run({
      workspace: publishWs,
      eventName: 'workflow_run',
      payload: workflowRunPayload({ repository: fake.repository, headSha }),
      sha: 'a'.repeat(40),
      ref: 'refs/heads/main',
      inputs: { mode: 'publish' },
    });
    assert.equal(published.code, 0, published.stdout);
    assert.deepEqual(fake.problems, []);
    assert.equal(fake.issueComments.length, 1);
    assert.match(fake.issueComments[0].body, /TF0002/);
    assert.ok(fake.reviewComments.some((c) => c.path === 'app/Dockerfile' && c.line === 2));
    assert.equal(published.outputs.verdict, 'pass');
    rmSync(publishWs, { recursive: true, force: true });
  });

  test('publish refuses an artifact that names another pull request than the run analysed', async () => {
    await run({ token: READ, inputs: { mode: 'analyze' } });
    const artifact = join(workspace, 'twelve-factor-review-artifact');
    fake.addPullRequest({ number: 99, headSha: 'd'.repeat(40), files: [] });
    writeFileSync(
      join(artifact, 'pull-request.json'),
      JSON.stringify({ number: 99, headSha: 'd'.repeat(40) }),
    );
    const r = await run({
      eventName: 'workflow_run',
      payload: workflowRunPayload({ repository: fake.repository, headSha }),
      inputs: { mode: 'publish' },
    });
    assert.equal(r.code, 0);
    assert.equal(fake.issueComments.length, 0);
    assert.ok(r.annotations.some((a) => a.command === 'warning' && /not published/.test(a.message)));
  });
});
