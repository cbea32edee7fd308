import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  namesRepository,
  readCheckout,
  untrustedCheckoutReason,
  untrustedHeadOf,
  type CheckoutFacts,
  type UntrustedHead,
} from '../../src/github/trust.js';

const BASE = 'octo-org/app';
const HEAD = 'a'.repeat(40);
const MERGE = 'e'.repeat(40);
const MAIN = 'b'.repeat(40);
const head: UntrustedHead = {
  event: 'pull_request_target',
  headSha: HEAD,
  headRepo: 'mallory/app',
  mergeSha: MERGE,
  numbers: [12],
};
const base: CheckoutFacts = {
  head: MAIN,
  parents: ['c'.repeat(40)],
  refs: ['refs/heads/main', 'refs/remotes/origin/main'],
  remoteUrls: ['https://github.com/octo-org/app'],
};

test('the base branch checked out is trusted', () => {
  assert.equal(untrustedCheckoutReason(head, base, BASE), undefined);
});

const untrusted: [string, Partial<CheckoutFacts>, RegExp][] = [
  ['the pull request head', { head: HEAD }, /pull request head aaaaaaa/],
  ['the merge commit the event names', { head: MERGE }, /merge commit eeeeeee/],
  [
    'a commit merging the head (refs/pull/N/merge)',
    { parents: [MAIN, HEAD] },
    /merges the pull request head/,
  ],
  ['a pull ref pointing at HEAD', { refs: ['refs/remotes/pull/12/merge'] }, /refs\/remotes\/pull\/12\/merge/],
  ['a remote of the fork', { remoteUrls: ['git@github.com:Mallory/app.git'] }, /repository mallory\/app/],
];
for (const [name, facts, reason] of untrusted) {
  test(`untrusted: ${name}`, () => {
    assert.match(untrustedCheckoutReason(head, { ...base, ...facts }, BASE) ?? '', reason);
  });
}

test('a workspace git cannot read counts as untrusted', () => {
  assert.match(untrustedCheckoutReason(head, undefined, BASE) ?? '', /git cannot tell/);
});

test('another pull request’s ref is not this one', () => {
  assert.equal(
    untrustedCheckoutReason(head, { ...base, refs: ['refs/remotes/pull/13/merge'] }, BASE),
    undefined,
  );
});

test('events: pull_request_target and workflow_run from a pull request; never push, pull_request or a push run', () => {
  const pr = {
    number: 12,
    pull_request: {
      number: 12,
      merge_commit_sha: MERGE,
      head: { sha: HEAD, repo: { full_name: 'mallory/app' } },
    },
  };
  assert.deepEqual(untrustedHeadOf('pull_request_target', pr, BASE), head);
  assert.equal(untrustedHeadOf('pull_request', pr, BASE), undefined);
  assert.equal(untrustedHeadOf('push', pr, BASE), undefined);
  const run = (event: string, repo: string) => ({
    workflow_run: { head_sha: HEAD, event, head_repository: { full_name: repo }, pull_requests: [] },
  });
  assert.deepEqual(untrustedHeadOf('workflow_run', run('pull_request', 'mallory/app'), BASE), {
    event: 'workflow_run',
    headSha: HEAD,
    headRepo: 'mallory/app',
    numbers: [],
  });
  assert.ok(untrustedHeadOf('workflow_run', run('pull_request', BASE), BASE));
  assert.equal(untrustedHeadOf('workflow_run', run('push', BASE), BASE), undefined);
});

test('remote URLs name a repository in any of git’s spellings', () => {
  assert.ok(namesRepository('https://github.com/mallory/app.git', 'mallory/app'));
  assert.ok(namesRepository('git@github.com:mallory/app', 'mallory/app'));
  assert.ok(!namesRepository('https://github.com/mallory/app-fork', 'mallory/app'));
});

test('readCheckout: HEAD, its parents even in a shallow clone, the refs at HEAD, the remotes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tfr-trust-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();
  git('init', '-q', '-b', 'main');
  writeFileSync(join(dir, 'a'), '1');
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'pr');
  writeFileSync(join(dir, 'b'), '2');
  git('add', '-A');
  git('commit', '-qm', 'pr');
  const prHead = git('rev-parse', 'HEAD');
  git('checkout', '-q', 'main');
  writeFileSync(join(dir, 'c'), '3');
  git('add', '-A');
  git('commit', '-qm', 'main moves on');
  git('merge', '-q', '--no-ff', '-m', 'merge', 'pr');
  git('update-ref', 'refs/remotes/pull/12/merge', 'HEAD');
  git('remote', 'add', 'origin', 'https://github.com/mallory/app');
  const facts = readCheckout(dir)!;
  assert.equal(facts.head, git('rev-parse', 'HEAD'));
  assert.ok(facts.parents.includes(prHead));
  assert.ok(facts.refs.includes('refs/remotes/pull/12/merge'));
  assert.deepEqual(facts.remoteUrls, ['https://github.com/mallory/app']);
  assert.equal(readCheckout(mkdtempSync(join(tmpdir(), 'tfr-nogit-'))), undefined);
});
