/**
 * The checkout's credentials, end to end: the real bundle on a pull request whose checkout holds the run's token the
 * way actions/checkout persists it (`.git/config` extraheader, and a remote URL with userinfo), with no .dockerignore,
 * the app at the root of the workspace, and a Dockerfile that prints `env`, `.git/config` and the decoded credential
 * before it fails (so TF0502 publishes the log tail). The build must not see `.git`, and no output (stdout, stderr,
 * job summary, outputs, SARIF, JSON report, every request body GitHub received) may carry the token or the runner's
 * other tokens, plain, base64 or URL-encoded, even when the workflow passes them to the build itself.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { ACTIONS_BOT, FakeGitHub } from '../support/fake-github.js';
import { bundleOnce, pullRequestPayload, runAction, type RunResult } from '../support/runner.js';

const PR = 44;
const HEAD = 'feed'.repeat(10);
const APP = fileURLToPath(new URL('../fixtures/smoke/_app/', import.meta.url));
const hex = (n: number) => randomBytes(n).toString('hex');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const DOCKERFILE = `ARG BASE_IMAGE=tfr-test/django-base:bookworm
FROM \${BASE_IMAGE}
ARG PASSED_TOKEN
ARG PASSED_HEADER
ARG PASSED_ID_TOKEN
WORKDIR /app
COPY . /app
RUN env
RUN if [ -e /app/.git ]; then echo "GIT-IN-CONTEXT"; cat /app/.git/config; sed -n 's/.*basic //p' /app/.git/config | base64 -d; echo; else echo "NO-GIT-IN-CONTEXT"; fi; env | sort; exit 7
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
`;

let fake: FakeGitHub;
let token: string;
const dirs: string[] = [];

before(async () => {
  bundleOnce();
  fake = await FakeGitHub.start();
  token = `ghs_${hex(18)}`;
  fake.addToken(token, { user: ACTIONS_BOT, write: true, installation: true });
});
after(() => {
  fake.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A workspace as actions/checkout (persist-credentials: true) leaves it, with the app at its root. */
function checkout(workspace: string, credential: string): void {
  cpSync(APP, workspace, { recursive: true });
  writeFileSync(join(workspace, 'Dockerfile'), DOCKERFILE);
  writeFileSync(join(workspace, 'requirements.txt'), 'Django==5.0.6\ngunicorn==22.0.0\n');
  mkdirSync(join(workspace, '.git'));
  writeFileSync(
    join(workspace, '.git', 'config'),
    [
      '[core]',
      '\trepositoryformatversion = 0',
      '[remote "origin"]',
      `\turl = https://x-access-token:${credential}@github.com/${fake.repository}`,
      '[http "https://github.com/"]',
      `\textraheader = AUTHORIZATION: basic ${b64(`x-access-token:${credential}`)}`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(workspace, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  fake.addPullRequest({
    number: PR,
    headSha: HEAD,
    files: [{ filename: 'Dockerfile', status: 'added', patch: '@@ -0,0 +1,1 @@\n+FROM x' }],
  });
}

/** Everything the run printed, wrote or sent, by where it went; the ::add-mask:: lines are how masking is asked for. */
function outputsOf(r: RunResult): Record<string, string> {
  const out: Record<string, string> = {
    stdout: r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
    stderr: r.stderr,
    summary: r.summary,
    GITHUB_OUTPUT: JSON.stringify(r.outputs),
    'requests to GitHub': JSON.stringify(fake.requests.map((q) => ({ path: q.path, body: q.body }))),
  };
  for (const key of ['sarif-file', 'report-file']) {
    const file = r.outputs[key];
    assert.ok(file && existsSync(file), `${key} written (${file})`);
    out[key] = readFileSync(file, 'utf8');
  }
  return out;
}

/** A value in the forms a log can show it: plain, base64 (alone, behind `x-access-token:`, at any offset), URL-encoded. */
function formsOf(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), b64(secret).replace(/=+$/, '')];
  forms.push(b64(`x-access-token:${secret}`).replace(/=+$/, ''));
  // The middle of its base64 at each byte offset: whatever surrounds it, one of these is in the encoding.
  for (const pad of ['', 'a', 'ab']) forms.push(b64(pad + secret).slice(4, -4));
  return forms;
}

describe('the checkout’s credentials never reach the build or any output', () => {
  test('no .dockerignore, a Dockerfile printing .git/config and env: .git is not in the build, no token anywhere', async () => {
    fake.reset();
    fake.addToken(token, { user: ACTIONS_BOT, write: true, installation: true });
    const workspace = mkdtempSync(join(tmpdir(), 'tfr-checkout-creds-'));
    dirs.push(workspace);
    checkout(workspace, token);
    const runtimeToken = `rt.${hex(24)}`;
    const idToken = `id+/=${hex(20)}/&?`;
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
        smoke: 'true',
        'postgres-image': 'tfr-test/postgres:15',
        // The workflow hands the tokens to the build itself: what the build prints is still redacted.
        'build-args': [
          'BASE_IMAGE=tfr-test/django-base:bookworm',
          `PASSED_TOKEN=${runtimeToken}`,
          `PASSED_HEADER=${b64(`x-access-token:${token}`)}`,
          `PASSED_ID_TOKEN=${encodeURIComponent(idToken)}`,
        ].join('\n'),
      },
      env: {
        GITHUB_TOKEN: token,
        ACTIONS_RUNTIME_TOKEN: runtimeToken,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: idToken,
      },
    });
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}\n${r.stderr}\n${r.stdout.slice(-3000)}`);
    assert.equal(fake.issueComments.length, 1, 'the PR comment was posted');

    const report = JSON.parse(readFileSync(r.outputs['report-file'], 'utf8')) as {
      findings: { ruleId: string; details?: string }[];
    };
    const tf0502 = report.findings.find((f) => f.ruleId === 'TF0502');
    assert.ok(tf0502?.details, `TF0502 with the build log tail\n${r.stdout.slice(-3000)}`);
    assert.match(tf0502.details, /^NO-GIT-IN-CONTEXT$/m, 'the build did not see .git');
    assert.doesNotMatch(tf0502.details, /^GIT-IN-CONTEXT$|extraheader|x-access-token:/m);
    // What the workflow passed was printed, masked.
    assert.match(tf0502.details, /PASSED_TOKEN=\*\*\*/);
    assert.match(tf0502.details, /PASSED_HEADER=\*\*\*/);
    assert.match(tf0502.details, /PASSED_ID_TOKEN=\*\*\*/);

    const outputs = outputsOf(r);
    for (const [name, secret] of Object.entries({ token, runtimeToken, idToken })) {
      for (const form of formsOf(secret)) {
        for (const [where, text] of Object.entries(outputs)) {
          assert.ok(!text.includes(form), `${name} (as ${form.slice(0, 6)}…) leaked into ${where}`);
        }
      }
    }
  });
});
