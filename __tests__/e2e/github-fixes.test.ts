/**
 * Fixes on a pull request, with the real bundle against the stand-in GitHub (requests validated against GitHub's
 * OpenAPI description): suggestion blocks only over RIGHT-side lines of one hunk, never a secret; the patch in the
 * comment and the summary; the patch file `git apply`-able; the fork artifact carrying the fixes to the publish job.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ACTIONS_BOT, FakeGitHub } from '../support/fake-github.js';
import {
  bundleOnce,
  pullRequestPayload,
  ROOT,
  runAction,
  workflowRunPayload,
  type RunOptions,
} from '../support/runner.js';

const WRITE = 'ghs_write_token';
const READ = 'ghs_read_only_token';
const PR = 14;
const SECRETS = ['mysite-password', 'django-insecure'];

let fake: FakeGitHub;
let workspace: string;
let headSha: string;
const temps: string[] = [];

before(async () => {
  bundleOnce();
  fake = await FakeGitHub.start();
  fake.addToken(WRITE, { user: ACTIONS_BOT, write: true, installation: true });
  fake.addToken(READ, { user: ACTIONS_BOT, write: false, installation: true });
});
after(() => {
  fake.close();
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });

/** A hunk rewriting lines from..to of a file, with up to three lines of context either side. */
function changedLinesPatch(text: string, from: number, to: number): string {
  const lines = text.replace(/\n$/, '').split('\n');
  const start = Math.max(1, from - 3);
  const end = Math.min(lines.length, to + 3);
  const out: string[] = [];
  for (let n = start; n <= end; n++) {
    if (n === from) for (let k = from; k <= to; k++) out.push(`-old ${k}`);
    out.push(`${n >= from && n <= to ? '+' : ' '}${lines[n - 1]}`);
  }
  return `@@ -${start},${end - start + 1} +${start},${end - start + 1} @@\n${out.join('\n')}`;
}

const read = (path: string) => readFileSync(join(workspace, path), 'utf8');

/** RIGHT-side lines of a patch. */
function rightLines(patch: string): Set<number> {
  const out = new Set<number>();
  let line = -1;
  for (const row of patch.split('\n')) {
    const m = /^@@ -[0-9,]+ \+(\d+)/.exec(row);
    if (m) line = Number(m[1]);
    else if (line >= 0 && (row.startsWith('+') || row.startsWith(' '))) out.add(line++);
  }
  return out;
}

beforeEach(() => {
  fake.reset();
  workspace = mkdtempSync(join(tmpdir(), 'tfr-e2e-fixes-'));
  temps.push(workspace);
  cpSync(join(ROOT, 'examples', 'hardcoded'), join(workspace, 'app'), { recursive: true });
  git(workspace, 'init', '-q');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'app');
  headSha = git(workspace, 'rev-parse', 'HEAD').trim();
  // The pull request adds the Dockerfile, and of the compose file changes lines 10-12 (context 7-15).
  const dockerfile = read('app/Dockerfile').replace(/\n$/, '').split('\n');
  fake.addPullRequest({
    number: PR,
    headSha,
    files: [
      {
        filename: 'app/Dockerfile',
        patch: `@@ -0,0 +1,${dockerfile.length} @@\n${dockerfile.map((l) => `+${l}`).join('\n')}`,
      },
      {
        filename: 'app/docker-compose.yml',
        status: 'modified',
        patch: changedLinesPatch(read('app/docker-compose.yml'), 10, 12),
      },
    ],
  });
});

function run(over: Partial<RunOptions> & { inputs?: Record<string, string> } = {}) {
  return runAction({
    workspace,
    eventName: 'pull_request',
    payload: pullRequestPayload({ repository: fake.repository, number: PR, headSha }),
    token: WRITE,
    apiUrl: fake.url,
    repository: fake.repository,
    sha: 'e'.repeat(40),
    ref: `refs/pull/${PR}/merge`,
    ...over,
    inputs: { 'working-directory': 'app', smoke: 'false', 'fail-on': 'never', ...over.inputs },
  });
}

/** Every inline suggestion lies on RIGHT-side lines of one hunk of its file, and carries no secret. */
function assertSuggestionsInsideHunks(): number {
  let n = 0;
  for (const c of fake.reviewComments) {
    for (const s of SECRETS) assert.ok(!c.body.includes(s), `${c.path}:${c.line} shows a secret`);
    if (!/```suggestion\n/.test(c.body)) continue;
    n++;
    const right = rightLines(fake.pulls.get(PR)!.files.find((f) => f.filename === c.path)!.patch!);
    for (let line = c.startLine ?? c.line; line <= c.line; line++)
      assert.ok(right.has(line), `${c.path}:${line} of a suggestion is outside the diff`);
  }
  return n;
}

/** The comment as the README shows it: without the hidden markers, the docs link at any version. */
const shown = (body: string) =>
  body
    .split('\n')
    .filter((l) => !l.startsWith('<!-- '))
    .join('\n')
    .trim()
    .replace(/\/blob\/v[^/]+\//g, '/blob/VERSION/');

/** The example comment of the README's Fixes section: the block after 'Before' or after 'Now'. */
function readmeComment(which: 'Before' | 'Now'): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const from = readme.indexOf(
    which === 'Before' ? 'Before, and with `fixes: false`' : 'Now the same comment',
  );
  const m = /````markdown\n([\s\S]*?)\n````/.exec(readme.slice(from));
  assert.ok(from >= 0 && m, `README.md shows the ${which} comment`);
  return shown(m[1]);
}

describe('fixes on a pull request, against a stand-in GitHub', () => {
  test('suggestions inside RIGHT-side hunks only, the patch in the comment and summary, patch-file git apply-able', async () => {
    const r = await run();
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(fake.problems, []);

    assert.ok(assertSuggestionsInsideHunks() >= 3);
    const at = (path: string, line: number, rule: string) =>
      fake.reviewComments.find((c) => c.path === path && c.line === line && c.body.includes(rule));
    // USER inserted before CMD (line 13): the comment on CMD suggests both lines.
    assert.match(
      at('app/Dockerfile', 13, 'TF1301')?.body ?? '',
      /```suggestion\nRUN useradd [^\n]*\nUSER app\nCMD python manage\.py runserver\n```/,
    );
    // The README shows this very comment as the example of a suggestion.
    assert.equal(readmeComment('Now'), shown(at('app/Dockerfile', 13, 'TF1301')!.body));
    // The compose secret on a changed line becomes ${VAR}.
    assert.match(
      at('app/docker-compose.yml', 12, 'TF0307')?.body ?? '',
      /```suggestion\n {6}DATABASE_PASSWORD: \$\{DATABASE_PASSWORD\}\n```/,
    );
    // depends_on (line 14, in the hunk) needs a healthcheck on 'db' too (lines 16-17, outside it): no suggestion.
    const dependsOn = fake.reviewComments.find(
      (c) => c.path === 'app/docker-compose.yml' && /TF0402/.test(c.body),
    );
    assert.ok(dependsOn, 'TF0402 is commented on');
    assert.doesNotMatch(dependsOn.body, /```suggestion/);

    const comment = fake.issueComments[0].body;
    assert.match(comment, /<details><summary>🔧 \d+ proven fixes: one patch/);
    assert.match(
      comment,
      /```diff\ndiff --git a\/app\/\.dockerignore b\/app\/\.dockerignore\nnew file mode 100644\n/,
    );
    assert.match(
      comment,
      /Not shown, because the change takes a secret out of the file: .*`docker-compose\.yml`/,
    );
    for (const s of SECRETS) assert.ok(!comment.includes(s) && !r.summary.includes(s), `${s} is published`);
    assert.match(r.summary, /```diff\ndiff --git a\/app\/\.dockerignore/);

    const patchFile = r.outputs['patch-file'];
    assert.ok(patchFile.startsWith(join(workspace, '..')) || patchFile.length > 0, patchFile);
    const patch = readFileSync(patchFile, 'utf8');
    assert.match(patch, /^diff --git a\/app\//m);
    git(workspace, 'apply', '--check', patchFile);
    git(workspace, 'apply', patchFile);
    assert.match(read('app/docker-compose.yml'), /POSTGRES_PASSWORD: \$\{POSTGRES_PASSWORD\}/);
    assert.match(read('app/Dockerfile'), /\nUSER app\n/);
    const report = JSON.parse(readFileSync(r.outputs['report-file'], 'utf8'));
    assert.ok(report.fixes.applied.length >= 10);
  });

  test('fixes: false: the fix engine does not run; findings are published without suggestions or patch', async () => {
    const r = await run({ inputs: { fixes: 'false' } });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(fake.problems, []);
    assert.ok(fake.reviewComments.length > 0, 'the findings are still commented on');
    assert.equal(assertSuggestionsInsideHunks(), 0);
    const user = fake.reviewComments.find((c) => c.path === 'app/Dockerfile' && /TF1301/.test(c.body));
    assert.equal(readmeComment('Before'), shown(user!.body));
    assert.doesNotMatch(fake.issueComments[0].body, /proven fixes/);
    assert.doesNotMatch(r.stdout, /::group::Fixes/);
    assert.equal(r.outputs['patch-file'], '');
    const report = JSON.parse(readFileSync(r.outputs['report-file'], 'utf8'));
    assert.equal(report.fixes, undefined);
  });

  test('fork: the artifact carries the fixes; the publish job posts the suggestions and the patch from it', async () => {
    const analyzed = await run({ token: READ, inputs: { mode: 'analyze' } });
    assert.equal(analyzed.code, 0, analyzed.stdout);
    assert.ok(
      analyzed.outputs['patch-file'],
      JSON.stringify(analyzed.outputs) + analyzed.stdout.slice(-3000),
    );
    const artifact = join(workspace, 'twelve-factor-review-artifact');
    const carried = JSON.parse(readFileSync(join(artifact, 'report.json'), 'utf8'));
    assert.ok(carried.fixes.suggestions.length >= 3);
    for (const s of SECRETS)
      assert.ok(!JSON.stringify(carried.fixes).includes(s), `the artifact carries ${s}`);

    const publishWs = mkdtempSync(join(tmpdir(), 'tfr-e2e-fixes-publish-'));
    temps.push(publishWs);
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
    assert.ok(assertSuggestionsInsideHunks() >= 3);
    assert.match(fake.issueComments[0].body, /```diff\ndiff --git a\/app\/\.dockerignore/);
    const patchFile = published.outputs['patch-file'];
    assert.match(readFileSync(patchFile, 'utf8'), /^diff --git a\/app\/\.dockerignore/);
  });
});
