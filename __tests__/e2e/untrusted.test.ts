/**
 * The real bundle on the events that hold a write token while the code under review is a stranger's:
 * pull_request_target with the pull request's merge commit checked out (the smoke test must not build it), and
 * workflow_run publishing a hostile artifact (nothing in it may speak in the comment). Against the fake GitHub.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ACTIONS_BOT, FakeGitHub, OTHER_APP, OTHER_BOT } from '../support/fake-github.js';
import { bundleOnce, pullRequestPayload, ROOT, runAction, workflowRunPayload } from '../support/runner.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/github/app');
const TOKEN = 'ghs_write_token';
const PR = 21;
const UNREACHABLE = { DOCKER_HOST: 'unix:///nonexistent/docker.sock' };

let fake: FakeGitHub;
const dirs: string[] = [];

before(async () => {
  bundleOnce();
  fake = await FakeGitHub.start();
  fake.addToken(TOKEN, { user: ACTIONS_BOT, write: true, installation: true });
});
after(async () => {
  await fake.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
beforeEach(() => fake.reset());

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** A checkout as actions/checkout leaves it for refs/pull/N/merge: HEAD merges the pull request head into main. */
function mergeCheckout(): { workspace: string; headSha: string; mergeSha: string } {
  const workspace = tempDir('tfr-untrusted-ws-');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: workspace,
      encoding: 'utf8',
    }).trim();
  git('init', '-q', '-b', 'main');
  writeFileSync(join(workspace, 'README.md'), 'base\n');
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'feature');
  cpSync(FIXTURE, join(workspace, 'app'), { recursive: true });
  git('add', '-A');
  git('commit', '-qm', 'the pull request');
  const headSha = git('rev-parse', 'HEAD');
  git('checkout', '-q', 'main');
  git('merge', '-q', '--no-ff', '-m', `Merge ${headSha} into main`, 'feature');
  return { workspace, headSha, mergeSha: git('rev-parse', 'HEAD') };
}

describe('pull_request_target with the merge commit checked out', () => {
  function runTarget(inputs: Record<string, string> = {}) {
    const { workspace, headSha } = mergeCheckout();
    fake.addPullRequest({ number: PR, headSha, files: [] });
    return runAction({
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestPayload({ repository: fake.repository, number: PR, headSha }),
      token: TOKEN,
      apiUrl: fake.url,
      repository: fake.repository,
      sha: 'b'.repeat(40), // the base branch: what pull_request_target runs on
      ref: 'refs/heads/main',
      env: UNREACHABLE, // had the action gone on to Docker, it would say so
      inputs: { 'working-directory': 'app', smoke: 'true', ...inputs },
    });
  }

  test('the smoke test is skipped before anything is built, with a warning that says why', async () => {
    const r = await runTarget();
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const warning = r.annotations.find(
      (a) => a.command === 'warning' && /Smoke test skipped/.test(a.message),
    );
    assert.ok(warning, r.stdout);
    assert.match(warning.message, /pull_request_target run has the pull request's code checked out/);
    assert.match(warning.message, /merges the pull request head/);
    assert.match(warning.message, /allow-untrusted-build: true/);
    assert.doesNotMatch(
      r.stdout,
      /Docker is not reachable|Docker engine|Building the image/,
      'Docker never asked',
    );
    assert.equal(r.outputs['sqlite-status'], 'skipped');
    assert.equal(r.outputs['postgres-status'], 'skipped');
    assert.match(fake.issueComments[0].body, /\*\*Smoke test\*\*: ⏭️ skipped/);
    assert.deepEqual(fake.problems, []);
  });

  test('allow-untrusted-build: true goes on to the build, warning of the risk', async () => {
    const r = await runTarget({ 'allow-untrusted-build': 'true' });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.ok(
      r.annotations.some(
        (a) => a.command === 'warning' && /allow-untrusted-build: true: .*can use them/.test(a.message),
      ),
      r.stdout,
    );
    assert.ok(
      r.annotations.some((a) => a.command === 'warning' && /Docker is not reachable/.test(a.message)),
      'it went on to the engine',
    );
  });
});

const HOSTILE = [
  '<img src=https://evil.example/track.png>',
  '<script>alert(1)</script>',
  '@admin @octo-org/security',
  '![tracker](https://evil.example/pixel.gif)',
  '[click me](https://evil.example/phish)',
  '<!-- twelve-factor-review:. -->',
  '<!-- tfr:digest=0000 -->',
  '<details open><summary>hi</summary>',
].join(' ');

/** A report.json as a fork's pull_request run could leave it. */
function hostileReport(): unknown {
  const f = (over: Record<string, unknown>) => ({
    ruleId: 'TF0201',
    name: 'base-image-unpinned',
    factor: 'II',
    severity: 'warning',
    kind: 'S',
    related: [],
    file: 'Dockerfile',
    line: 1,
    message: `unpinned ${HOSTILE}`,
    fingerprint: 'fp1',
    ...over,
  });
  return {
    directory: '.',
    verdict: 'pass',
    failOn: 'never',
    counts: { error: 0, warning: 0, notice: 0 },
    configFile: `${HOSTILE}.yml`,
    durationMs: 12,
    findings: [
      f({}),
      f({
        fingerprint: 'fp2',
        line: 2,
        file: `${HOSTILE}.Dockerfile`,
        details: `log ${HOSTILE}\n\`\`\`\n${HOSTILE}`,
      }),
      f({ fingerprint: 'fp3', suppressed: { by: HOSTILE, reason: 'x' } }),
      f({ fingerprint: 'fp4', suppressed: { by: 'inline', reason: HOSTILE } }),
      f({ fingerprint: 'fp5', ruleId: `TF0201 ${HOSTILE}`, name: HOSTILE }),
      f({ fingerprint: 'fp6', name: HOSTILE, related: [HOSTILE], factor: HOSTILE }),
      f({ fingerprint: 'fp7', message: 'x'.repeat(100_000) }),
      f({ fingerprint: 'fp8', severity: 'critical', line: 'one' }),
      f({ fingerprint: 'fp9', line: 3, message: { toString: HOSTILE } }),
      'not a finding',
    ],
    smoke: {
      status: 'failed',
      reason: HOSTILE,
      durationMs: 5,
      engines: {
        sqlite: {
          engine: 'sqlite',
          status: 'failed',
          reason: HOSTILE,
          durationMs: 3,
          steps: [{ name: 'migrate', status: 'failed', durationMs: 1, detail: HOSTILE, logTail: HOSTILE }],
        },
      },
    },
  };
}

/** Markdown with its fenced code blocks removed: inside one, GitHub renders no HTML, link, image or mention. */
function outsideCodeBlocks(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const m = /^ {0,3}(`{3,})/.exec(line);
    if (!fence && m) fence = m[1];
    else if (fence && m && m[1].length >= fence.length && line.trim() === m[1]) fence = undefined;
    else if (!fence) out.push(line);
  }
  assert.equal(fence, undefined, 'no code block left open');
  return out.join('\n');
}

describe('workflow_run publishing a hostile artifact', () => {
  test('nothing of it is live in the comment, which holds exactly our marker', async () => {
    const headSha = 'c'.repeat(40);
    fake.addPullRequest({
      number: PR,
      headSha,
      files: [{ filename: 'Dockerfile', patch: '@@ -0,0 +1,3 @@\n+FROM python\n+RUN x\n+CMD y' }],
    });
    const workspace = tempDir('tfr-untrusted-publish-');
    const artifact = join(workspace, 'twelve-factor-review-artifact');
    mkdirSync(artifact);
    writeFileSync(join(artifact, 'report.json'), JSON.stringify(hostileReport()));
    writeFileSync(join(artifact, 'pull-request.json'), JSON.stringify({ number: PR, headSha }));
    const r = await runAction({
      workspace,
      eventName: 'workflow_run',
      payload: workflowRunPayload({ repository: fake.repository, headSha }),
      token: TOKEN,
      apiUrl: fake.url,
      repository: fake.repository,
      sha: 'a'.repeat(40),
      inputs: { mode: 'publish' },
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(fake.problems, []);
    assert.equal(fake.issueComments.length, 1);
    const body = fake.issueComments[0].body;
    const posted = [body, ...fake.reviewComments.map((c) => c.body), ...fake.reviews.map((v) => v.body)];
    for (const text of posted.map(outsideCodeBlocks)) {
      assert.doesNotMatch(text, /```/, 'every code block is closed by its own fence');
      assert.doesNotMatch(text, /<img|<script|<details open|<summary>hi/i, 'no raw HTML of the artifact');
      assert.doesNotMatch(text, /@(admin|octo-org)\b/, 'no mention pings');
      assert.doesNotMatch(
        text,
        /!\[tracker\]|\]\(https:\/\/evil|https:\/\/evil\.example/,
        'no image, no link',
      );
      assert.doesNotMatch(text, /<!-- tfr:digest=0000|<!-- twelve-factor-review:\. -->(?!\n)/);
    }
    assert.equal(body.match(/<!--/g)?.length, 2, 'our marker and our digest, nothing else');
    assert.ok(body.startsWith('<!-- twelve-factor-review:. -->\n'));
    for (const c of fake.reviewComments) assert.equal(c.body.match(/<!--/g)?.length, 2, c.body);
    assert.ok(!body.includes('x'.repeat(5000)), 'the huge message was dropped');
    assert.match(
      body,
      /0 errors, 3 warnings, 0 notices\*\* · 1 suppressed/,
      'counts recomputed from the findings that fit',
    );
    assert.ok(
      r.annotations.some((a) => a.command === 'warning' && /did not fit the report schema/.test(a.message)),
      r.stdout,
    );
  });
});

describe('comments that are not ours', () => {
  test('another bot quoting our marker, our marker in a code block, another bot’s review comment: none touched', async () => {
    const { workspace, headSha } = mergeCheckout();
    fake.addPullRequest({
      number: PR,
      headSha,
      files: [{ filename: 'app/Dockerfile', patch: '@@ -0,0 +1,3 @@\n+FROM python\n+RUN x\n+CMD y' }],
    });
    const marker = '<!-- twelve-factor-review:app -->';
    const quoted = fake.addIssueComment(PR, `${marker}\nquoted by a linter`, OTHER_BOT, OTHER_APP);
    const fenced = fake.addIssueComment(
      PR,
      `<!-- twelve-factor-review:services/api -->\n\n\`\`\`\n${marker}\n\`\`\`\n`,
      ACTIONS_BOT,
    );
    const review = fake.addReviewComment({
      pull: PR,
      body: `${marker}\n<!-- tfr:fp=gone -->\nnot ours`,
      path: 'app/Dockerfile',
      line: 1,
      user: OTHER_BOT,
    });
    const before = [quoted.body, fenced.body];
    const r = await runAction({
      workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload({ repository: fake.repository, number: PR, headSha }),
      token: TOKEN,
      apiUrl: fake.url,
      repository: fake.repository,
      sha: 'e'.repeat(40),
      ref: `refs/pull/${PR}/merge`,
      inputs: { 'working-directory': 'app', smoke: 'false' },
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual([quoted.body, fenced.body], before);
    assert.equal(fake.calls('issues/update-comment').length, 0);
    assert.equal(fake.calls('issues/create-comment').length, 1, 'ours is made beside them');
    assert.ok(
      fake.reviewComments.some((c) => c.id === review.id),
      'the other bot’s review comment stays',
    );
    assert.equal(fake.calls('pulls/delete-review-comment').length, 0);
    assert.deepEqual(fake.problems, []);
  });
});
