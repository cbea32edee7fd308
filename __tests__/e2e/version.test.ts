/**
 * The released version is in the bundle: the action logs it at start, and every link it posts to docs/rules.md (PR
 * comment, inline review comments, job summary, SARIF helpUri) points at the docs of the tag that ran, vX.Y.Z.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { ACTIONS_BOT, FakeGitHub } from '../support/fake-github.js';
import { bundleOnce, pullRequestPayload, ROOT, runAction } from '../support/runner.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TOKEN = 'ghs_write_token';
const PR = 7;

let fake: FakeGitHub;
let workspace: string;

before(async () => {
  bundleOnce();
  fake = await FakeGitHub.start();
  fake.addToken(TOKEN, { user: ACTIONS_BOT, write: true, installation: true });
  workspace = mkdtempSync(join(tmpdir(), 'tfr-e2e-version-'));
});
after(() => {
  fake.close();
  rmSync(workspace, { recursive: true, force: true });
});

/** The ref part of every link into docs/rules.md in a text. */
function docsRefs(text: string): string[] {
  return [...text.matchAll(/\/blob\/([^/\s)"]+)\/docs\/rules\.md#/g)].map((m) => m[1]);
}

function assertVersioned(where: string, text: string): void {
  const refs = docsRefs(text);
  assert.ok(refs.length > 0, `${where} links to docs/rules.md`);
  assert.deepEqual([...new Set(refs)], [`v${VERSION}`], `${where}: every docs link is at tag v${VERSION}`);
}

test("the bundle logs package.json's version and links the docs of that tag everywhere", async () => {
  cpSync(join(ROOT, '__tests__/fixtures/github/app'), join(workspace, 'app'), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: workspace,
      encoding: 'utf8',
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'app');
  const headSha = git('rev-parse', 'HEAD').trim();
  const dockerfile = readFileSync(join(workspace, 'app/Dockerfile'), 'utf8').split('\n');
  const patch = `@@ -0,0 +1,${dockerfile.length} @@\n${dockerfile.map((l) => `+${l}`).join('\n')}`;
  fake.addPullRequest({ number: PR, headSha, files: [{ filename: 'app/Dockerfile', patch }] });

  const r = await runAction({
    workspace,
    eventName: 'pull_request',
    payload: pullRequestPayload({ repository: fake.repository, number: PR, headSha }),
    token: TOKEN,
    apiUrl: fake.url,
    repository: fake.repository,
    sha: 'e'.repeat(40),
    ref: `refs/pull/${PR}/merge`,
    inputs: { 'working-directory': 'app', smoke: 'false', 'fail-on': 'never' },
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(fake.problems, []);

  assert.equal(
    r.stdout.split('\n')[0],
    `twelve-factor-review ${VERSION}`,
    'the first line names the version',
  );
  assertVersioned('the job summary', r.summary);
  assertVersioned('the pull request comment', fake.issueComments[0]?.body ?? '');
  assert.ok(fake.reviewComments.length > 0);
  assertVersioned('the inline review comments', fake.reviewComments.map((c) => c.body).join('\n'));

  const sarif = JSON.parse(readFileSync(resolve(workspace, r.outputs['sarif-file']), 'utf8')) as {
    runs: { tool: { driver: { version: string; rules: { helpUri: string }[] } } }[];
  };
  const driver = sarif.runs[0].tool.driver;
  assert.equal(driver.version, VERSION);
  assertVersioned('SARIF helpUri', driver.rules.map((rule) => rule.helpUri).join('\n'));
  assert.equal(docsRefs(driver.rules.map((rule) => rule.helpUri).join('\n')).length, driver.rules.length);
});
