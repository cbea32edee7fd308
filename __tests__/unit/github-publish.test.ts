import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { commentMarker } from '../../src/github/markers.js';
import { octokitGitHub } from '../../src/github/octokit.js';
import { publishToPullRequest, type PublishOptions } from '../../src/github/publish.js';
import { fingerprintOf, type Finding } from '../../src/core/index.js';
import {
  ACTIONS_BOT,
  FakeGitHub,
  HUMAN,
  OTHER_APP,
  OTHER_BOT,
  rateLimitFault,
} from '../support/fake-github.js';
import { addedFilePatch, finding, modifiedLinePatch } from '../support/github-fixtures.js';

const HEAD = 'c0ffee'.padEnd(40, '0');
let fake: FakeGitHub;

before(async () => {
  fake = await FakeGitHub.start();
  fake.addToken('ghs_write_token', { user: ACTIONS_BOT, write: true, installation: true });
  fake.addToken('ghs_read_token', { user: ACTIONS_BOT, write: false, installation: true });
  fake.addToken('ghp_personal', { user: HUMAN, write: true, installation: false });
  fake.addToken('v1.installation', { user: ACTIONS_BOT, write: true, installation: true });
});
after(() => fake.close());
beforeEach(() => {
  fake.reset();
  fake.addPullRequest({
    number: 7,
    headSha: HEAD,
    files: [
      { filename: 'app/Dockerfile', patch: addedFilePatch(12) },
      { filename: 'app/mysite/settings.py', status: 'modified', patch: modifiedLinePatch(20) },
      { filename: 'app/db.sqlite3', status: 'added' }, // binary: no patch
    ],
  });
});

const pr = { number: 7, headSha: HEAD };
const marker = commentMarker('app');

function gh(token = 'ghs_write_token') {
  return octokitGitHub({
    token,
    repository: fake.repository,
    baseUrl: fake.url,
    maxRateLimitWaitSeconds: 5,
    pace: false,
  });
}

function options(findings: Finding[], over: Partial<PublishOptions> = {}): PublishOptions {
  return {
    comment: true,
    review: true,
    directory: 'app',
    marker,
    body: `${marker}\n## twelve-factor-review\n${findings.length} findings`,
    findings,
    ...over,
  };
}

const inDiff = [
  finding({ file: 'Dockerfile', line: 1, ruleId: 'TF0201', severity: 'warning' }),
  finding({
    file: 'Dockerfile',
    line: 9,
    ruleId: 'TF0801',
    name: 'dev-server',
    severity: 'error',
    factor: 'VIII',
  }),
  finding({
    file: 'mysite/settings.py',
    line: 20,
    ruleId: 'TF0301',
    name: 'secret-key-in-code',
    severity: 'error',
  }),
];
const outsideDiff = [
  finding({ file: 'mysite/settings.py', line: 40, ruleId: 'TF0302', name: 'debug-in-code' }), // unchanged line
  finding({ file: 'db.sqlite3', line: 1, ruleId: 'TF0601', name: 'sqlite-in-image' }), // binary file
  finding({ file: 'compose.yaml', line: 3, ruleId: 'TF0205' }), // file not in the pull request
  finding({ file: 'Dockerfile', ruleId: 'TF0904', name: 'no-healthcheck', severity: 'notice' }), // no line
];

describe('publishing to a pull request', () => {
  test('first run: one comment by the bot, one review with inline comments on diff lines only', async () => {
    const outcome = await publishToPullRequest(gh(), pr, options([...inDiff, ...outsideDiff]));
    assert.deepEqual(fake.problems, []);
    assert.equal(outcome.comment, 'created');
    assert.deepEqual(outcome.warnings, []);
    assert.equal(fake.issueComments.length, 1);
    assert.equal(fake.issueComments[0].user.login, 'github-actions[bot]');
    assert.equal(fake.reviews.length, 1);
    assert.equal(fake.reviews[0].event, 'COMMENT');
    assert.equal(fake.reviews[0].commitId, HEAD);
    const placed = fake.reviewComments.map((c) => `${c.path}:${c.line}:${c.side}`).sort();
    assert.deepEqual(placed, [
      'app/Dockerfile:1:RIGHT',
      'app/Dockerfile:9:RIGHT',
      'app/mysite/settings.py:20:RIGHT',
    ]);
    for (const c of fake.reviewComments) assert.match(c.body, /<!-- tfr:fp=[\w-]+ -->/);
  });

  test('suggestion blocks only where every replaced line is on the RIGHT side of a hunk', async () => {
    const [base, server, secret] = inDiff;
    const suggestions = [
      // Lines 8-9 of an added file: a multi-line comment carrying the suggestion.
      {
        fingerprint: server.fingerprint,
        ruleId: server.ruleId,
        file: 'Dockerfile',
        startLine: 8,
        endLine: 9,
        lines: ['USER app', 'CMD ["gunicorn", "mysite.wsgi"]', '```'],
      },
      // One line, replaced by nothing: a deletion.
      {
        fingerprint: base.fingerprint,
        ruleId: base.ruleId,
        file: 'Dockerfile',
        startLine: 1,
        endLine: 1,
        lines: [],
      },
      // Lines 20-25: 25 is past the hunk (17-24), so the comment stays on line 20 without a suggestion.
      {
        fingerprint: secret.fingerprint,
        ruleId: secret.ruleId,
        file: 'mysite/settings.py',
        startLine: 20,
        endLine: 25,
        lines: ['SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]'],
      },
    ];
    const outcome = await publishToPullRequest(gh(), pr, options(inDiff, { suggestions }));
    assert.deepEqual(fake.problems, []);
    assert.equal(outcome.reviewComments, 3);
    const byPath = (path: string, line: number) =>
      fake.reviewComments.find((c) => c.path === path && c.line === line)!;
    const multi = byPath('app/Dockerfile', 9);
    assert.equal(multi.startLine, 8);
    assert.match(
      multi.body,
      /\n````suggestion\nUSER app\nCMD \["gunicorn", "mysite.wsgi"\]\n```\n````(\n|$)/,
    );
    const deletion = byPath('app/Dockerfile', 1);
    assert.equal(deletion.startLine, undefined);
    assert.match(deletion.body, /\n```suggestion\n```(\n|$)/);
    const outside = byPath('app/mysite/settings.py', 20);
    assert.equal(outside.startLine, undefined);
    assert.doesNotMatch(outside.body, /suggestion/);
  });

  test('re-run unchanged: nothing new, the comment is not even updated', async () => {
    await publishToPullRequest(gh(), pr, options(inDiff));
    const writes = fake.requests.filter((r) => r.method !== 'GET').length;
    const outcome = await publishToPullRequest(gh(), pr, options(inDiff));
    assert.equal(outcome.comment, 'unchanged');
    assert.equal(outcome.reviewComments, 0);
    assert.equal(fake.requests.filter((r) => r.method !== 'GET').length, writes);
    assert.equal(fake.reviews.length, 1);
    assert.deepEqual(fake.problems, []);
  });

  test('re-run with only durations changed: the digest matches, the comment is left alone', async () => {
    await publishToPullRequest(
      gh(),
      pr,
      options(inDiff, { body: `${marker}\nanalysed in 1.2 s`, digest: 'abc123' }),
    );
    const outcome = await publishToPullRequest(
      gh(),
      pr,
      options(inDiff, { body: `${marker}\nanalysed in 3.4 s`, digest: 'abc123' }),
    );
    assert.equal(outcome.comment, 'unchanged');
    assert.match(fake.issueComments[0].body, /1\.2 s/);
    const changed = await publishToPullRequest(
      gh(),
      pr,
      options(inDiff, { body: `${marker}\nnew finding`, digest: 'def456' }),
    );
    assert.equal(changed.comment, 'updated');
  });

  test('re-run after a fix: the comment is updated in place and the fixed inline comment removed', async () => {
    await publishToPullRequest(gh(), pr, options(inDiff));
    const fixed = inDiff.slice(1);
    const outcome = await publishToPullRequest(gh(), pr, options(fixed));
    assert.equal(outcome.comment, 'updated');
    assert.equal(outcome.removedComments, 1);
    assert.equal(fake.issueComments.length, 1);
    assert.match(fake.issueComments[0].body, /2 findings/);
    assert.deepEqual(fake.reviewComments.map((c) => c.line).sort(), [20, 9].sort());
    assert.deepEqual(fake.problems, []);
  });

  test('a dynamic finding whose message carries a measurement is not re-posted when the measurement changes', async () => {
    const slow = (secs: string) => {
      const message = `The server took ${secs} s to answer`;
      return finding({
        file: 'Dockerfile',
        line: 9,
        ruleId: 'TF0903',
        kind: 'D',
        fingerprint: fingerprintOf('TF0903', { file: 'Dockerfile', message }),
        message,
      });
    };
    await publishToPullRequest(gh(), pr, options([slow('23.4')]));
    const outcome = await publishToPullRequest(gh(), pr, options([slow('25.1')]));
    assert.equal(outcome.reviewComments, 0);
    assert.equal(outcome.removedComments, 0);
    assert.equal(fake.reviewComments.length, 1);
  });

  test('an inline comment somebody replied to stays, even when its finding is gone', async () => {
    await publishToPullRequest(gh(), pr, options(inDiff));
    const ours = fake.reviewComments.find((c) => c.line === 1)!;
    fake.addReviewComment({
      pull: 7,
      body: 'We pin it in the platform image.',
      path: ours.path,
      line: 1,
      user: HUMAN,
      inReplyToId: ours.id,
    });
    await publishToPullRequest(gh(), pr, options(inDiff.slice(1)));
    assert.ok(fake.reviewComments.some((c) => c.id === ours.id));
    assert.deepEqual(fake.problems, []);
  });

  test('a human comment carrying our marker is never edited; ours is made beside it', async () => {
    fake.addIssueComment(7, `${marker}\nI copied your marker`, HUMAN);
    const outcome = await publishToPullRequest(gh(), pr, options(inDiff));
    assert.equal(outcome.comment, 'created');
    assert.equal(fake.issueComments.length, 2);
    assert.equal(fake.issueComments[0].body, `${marker}\nI copied your marker`);
    assert.deepEqual(fake.problems, []);
  });

  test('another directory of a monorepo keeps its own comment', async () => {
    await publishToPullRequest(gh(), pr, options(inDiff));
    const other = commentMarker('services/api');
    await publishToPullRequest(
      gh(),
      pr,
      options([], { directory: 'services/api', marker: other, body: `${other}\nclean` }),
    );
    assert.equal(fake.issueComments.length, 2);
    assert.equal(fake.reviewComments.length, 3, 'the other directory does not delete our inline comments');
  });

  test('finds its comment on a later page (pagination with Link headers)', async () => {
    for (let i = 0; i < 120; i++) fake.addIssueComment(7, `chatter ${i}`);
    await publishToPullRequest(gh(), pr, options(inDiff));
    for (let i = 0; i < 120; i++) fake.addIssueComment(7, `more chatter ${i}`);
    const outcome = await publishToPullRequest(gh(), pr, options(inDiff.slice(1)));
    assert.equal(outcome.comment, 'updated');
    assert.equal(fake.issueComments.filter((c) => c.user.login === ACTIONS_BOT.login).length, 1);
    assert.ok(
      fake.calls('issues/list-comments').some((r) => /[?&]page=3/.test(r.search)),
      'followed the Link header to page 3',
    );
    assert.deepEqual(fake.problems, []);
  });

  test('review comments and files over several pages: nothing posted twice, files past the first page commented on', async () => {
    const p = fake.pulls.get(7)!;
    for (let i = 0; i < 140; i++)
      p.files.unshift({ filename: `docs/page-${i}.md`, patch: addedFilePatch(2) });
    await publishToPullRequest(gh(), pr, options(inDiff));
    for (let i = 0; i < 150; i++) {
      fake.addReviewComment({ pull: 7, body: `nit ${i}`, path: 'docs/page-1.md', line: 1, user: HUMAN });
    }
    const again = await publishToPullRequest(gh(), pr, options(inDiff));
    assert.equal(again.reviewComments, 0);
    assert.equal(fake.reviewComments.filter((c) => c.user.login === ACTIONS_BOT.login).length, 3);
    assert.ok(fake.calls('pulls/list-files').some((r) => /[?&]page=2/.test(r.search)));
    assert.ok(fake.calls('pulls/list-review-comments').some((r) => /[?&]page=2/.test(r.search)));
    assert.deepEqual(fake.problems, []);
  });

  test('a personal access token: ours is what GET /user names', async () => {
    const outcome = await publishToPullRequest(gh('ghp_personal'), pr, options(inDiff));
    assert.equal(outcome.comment, 'created');
    const again = await publishToPullRequest(gh('ghp_personal'), pr, options(inDiff));
    assert.equal(again.comment, 'unchanged');
    assert.equal(fake.reviews.length, 1);
    assert.equal(fake.issueComments[0].user.login, HUMAN.login);
    assert.equal(fake.calls('users/get-authenticated').length, 2);
  });

  test('an installation token never asks GET /user (it would answer 403); GET /app refusing, it is github-actions[bot]', async () => {
    await publishToPullRequest(gh(), pr, options(inDiff));
    assert.equal(fake.calls('users/get-authenticated').length, 0);
    assert.equal(fake.calls('apps/get-authenticated').length, 1);
    const again = await publishToPullRequest(gh(), pr, options(inDiff));
    assert.equal(again.comment, 'unchanged');
    assert.deepEqual(fake.problems, []);
  });

  test('another app’s comment quoting our marker is never edited: ours is the token’s identity, not any bot', async () => {
    const quoted = fake.addIssueComment(7, `${marker}\nquoting twelve-factor-review`, OTHER_BOT, OTHER_APP);
    const outcome = await publishToPullRequest(gh(), pr, options(inDiff));
    assert.equal(outcome.comment, 'created');
    assert.equal(quoted.body, `${marker}\nquoting twelve-factor-review`);
    assert.equal(fake.calls('issues/update-comment').length, 0);
    assert.deepEqual(fake.problems, []);
  });

  test('our marker inside a code block of another comment of ours does not make it ours', async () => {
    const other = commentMarker('services/api');
    const api = fake.addIssueComment(7, `${other}\n\n\`\`\`text\n${marker}\n\`\`\`\n`, ACTIONS_BOT);
    const outcome = await publishToPullRequest(gh(), pr, options(inDiff));
    assert.equal(outcome.comment, 'created');
    assert.ok(api.body.startsWith(other), 'the other directory’s comment is untouched');
    assert.equal(fake.calls('issues/update-comment').length, 0);
  });

  test('another bot’s inline comment carrying our markers is never deleted', async () => {
    const forged = fake.addReviewComment({
      pull: 7,
      body: `${marker}\n<!-- tfr:fp=gone -->\nlooks like ours`,
      path: 'app/Dockerfile',
      line: 1,
      user: OTHER_BOT,
    });
    const outcome = await publishToPullRequest(gh(), pr, options(inDiff));
    assert.equal(outcome.removedComments, 0);
    assert.ok(fake.reviewComments.some((c) => c.id === forged.id));
    assert.equal(fake.calls('pulls/delete-review-comment').length, 0);
  });

  test('a token without a known prefix: GET /user answers 403, so it is an installation token', async () => {
    const outcome = await publishToPullRequest(gh('v1.installation'), pr, options(inDiff));
    assert.equal(outcome.comment, 'created');
    assert.equal(fake.calls('users/get-authenticated').length, 1);
    const again = await publishToPullRequest(gh('v1.installation'), pr, options(inDiff));
    assert.equal(again.comment, 'unchanged');
    assert.deepEqual(fake.problems, []);
  });

  test('read-only token: one warning naming pull-requests: write, and no further writes', async () => {
    const outcome = await publishToPullRequest(gh('ghs_read_token'), pr, options(inDiff));
    assert.equal(outcome.warnings.length, 1);
    assert.match(outcome.warnings[0], /pull-requests: write/);
    assert.match(outcome.warnings[0], /Resource not accessible by integration/);
    assert.equal(fake.requests.filter((r) => r.method !== 'GET').length, 1);
    assert.equal(fake.issueComments.length, 0);
  });

  test('rate limited, then served: retried after the reset and published', async () => {
    fake.faults.push(rateLimitFault('issues/create-comment', 1));
    const started = Date.now();
    const outcome = await publishToPullRequest(gh(), pr, options(inDiff));
    assert.equal(outcome.comment, 'created');
    assert.deepEqual(outcome.warnings, []);
    assert.equal(fake.calls('issues/create-comment').length, 2);
    assert.ok(Date.now() - started < 15_000);
  });

  test('a rate limit reset too far away: gives up with a warning instead of hanging', async () => {
    fake.faults.push({ ...rateLimitFault('issues/create-comment', 3600), times: 5 });
    const outcome = await publishToPullRequest(gh(), pr, options(inDiff));
    assert.equal(outcome.comment, undefined);
    assert.equal(outcome.warnings.length, 1);
    assert.doesNotMatch(outcome.warnings[0], /pull-requests: write/);
  });

  test('server errors are retried', async () => {
    fake.faults.push({ operation: 'pulls/list-files', status: 502, body: { message: 'Server Error' } });
    const outcome = await publishToPullRequest(gh(), pr, options(inDiff));
    assert.equal(outcome.reviewComments, 3);
  });

  test('more than 30 findings on changed lines: 30 inline comments, the rest in the review body, stable on re-run', async () => {
    fake.pulls.get(7)!.files[0].patch = addedFilePatch(60);
    const many = Array.from({ length: 45 }, (_, i) =>
      finding({ file: 'Dockerfile', line: i + 1, ruleId: 'TF0201', message: `m${i}` }),
    );
    await publishToPullRequest(gh(), pr, options(many));
    assert.equal(fake.reviewComments.length, 30);
    assert.match(fake.reviews[0].body, /15 more on changed lines/);
    await publishToPullRequest(gh(), pr, options(many));
    assert.equal(fake.reviewComments.length, 30);
    assert.equal(fake.reviews.length, 1);
    assert.deepEqual(fake.problems, []);
  });

  test('injection attempts in messages and file names stay inert in inline comments', async () => {
    fake.pulls
      .get(7)!
      .files.push({ filename: 'app/<img src=x onerror=alert(1)>.py', patch: addedFilePatch(3) });
    const evil = finding({
      file: '<img src=x onerror=alert(1)>.py',
      line: 2,
      message: '@octocat closes #1 <script>alert(1)</script> ](javascript:alert(1)) <!-- tfr:fp=forged -->',
      details: '```\n<details>@admin',
    });
    await publishToPullRequest(gh(), pr, options([evil]));
    const body = fake.reviewComments[0].body;
    assert.doesNotMatch(body, /<script>|<img|@octocat|\]\(javascript/);
    assert.equal(body.match(/<!-- tfr:fp=/g)?.length, 1, 'a message cannot forge a fingerprint marker');
    assert.deepEqual(fake.problems, []);
  });

  test('comment and review can each be turned off', async () => {
    await publishToPullRequest(gh(), pr, options(inDiff, { comment: false }));
    assert.equal(fake.issueComments.length, 0);
    assert.equal(fake.reviews.length, 1);
    fake.reset();
    fake.addPullRequest({ number: 7, headSha: HEAD, files: [] });
    await publishToPullRequest(gh(), pr, options(inDiff, { review: false }));
    assert.equal(fake.calls('pulls/list-files').length, 0);
  });
});
