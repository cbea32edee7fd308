import { createRequire } from 'node:module';

// node:child_process loads when git is first asked: a run of another event never pays for it.
const require = createRequire(import.meta.url);

/**
 * pull_request_target and workflow_run run with a write token and the repository's secrets. When the workspace
 * holds the pull request's code, building and running its image runs that code with them: this module tells,
 * before anything is built, whether the checkout is the pull request's.
 */

/** The code an event considers untrusted: the pull request's head, as the event payload names it. */
export interface UntrustedHead {
  event: 'pull_request_target' | 'workflow_run';
  headSha: string;
  /** owner/name of the head repository (a fork's differs from the base repository). */
  headRepo?: string;
  /** The merge commit GitHub made for the pull request (pull_request.merge_commit_sha). */
  mergeSha?: string;
  /** Pull request numbers whose refs/pull/N/{head,merge} are the pull request's code. */
  numbers: number[];
}

/** What git says of a checkout; every field is read from the repository, none from the event. */
export interface CheckoutFacts {
  head: string;
  /** Parents of HEAD as its commit object records them (a shallow clone keeps them there too). */
  parents: string[];
  /** Refs that point at HEAD (refs/remotes/pull/12/merge after actions/checkout of a pull request ref). */
  refs: string[];
  /** URLs of the checkout's remotes. */
  remoteUrls: string[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const SHA = /^[0-9a-f]{40}$/;

/**
 * The untrusted head of a pull_request_target or workflow_run event; undefined for every other event, and for a
 * workflow_run whose run was not about a pull request nor from another repository (a push to a branch).
 */
export function untrustedHeadOf(
  eventName: string,
  payload: Json,
  repository: string,
): UntrustedHead | undefined {
  if (eventName === 'pull_request_target') {
    const pr = obj(payload.pull_request);
    const headSha = str(obj(pr.head).sha);
    if (!headSha) return undefined;
    const number = typeof pr.number === 'number' ? pr.number : payload.number;
    return {
      event: eventName,
      headSha,
      headRepo: str(obj(obj(pr.head).repo).full_name),
      mergeSha: str(pr.merge_commit_sha),
      numbers: typeof number === 'number' ? [number] : [],
    };
  }
  if (eventName === 'workflow_run') {
    const run = obj(payload.workflow_run);
    const headSha = str(run.head_sha);
    if (!headSha) return undefined;
    const headRepo = str(obj(run.head_repository).full_name);
    const fromFork = headRepo !== undefined && headRepo.toLowerCase() !== repository.toLowerCase();
    if (!fromFork && !String(run.event ?? '').startsWith('pull_request')) return undefined;
    const prs = Array.isArray(run.pull_requests) ? run.pull_requests : [];
    return {
      event: eventName,
      headSha,
      headRepo,
      numbers: prs.map((p) => obj(p).number).filter((n): n is number => typeof n === 'number'),
    };
  }
  return undefined;
}

/**
 * Why the checkout is the pull request's code, or undefined when it provably is not. A workspace git cannot read
 * (no checkout, git missing) cannot be told apart, so it counts as untrusted: better a skipped smoke test.
 */
export function untrustedCheckoutReason(
  head: UntrustedHead,
  checkout: CheckoutFacts | undefined,
  repository: string,
): string | undefined {
  const short = (sha: string) => sha.slice(0, 7);
  if (!checkout) return 'git cannot tell which commit is checked out, so it may be the pull request’s';
  if (checkout.head === head.headSha) return `HEAD is the pull request head ${short(head.headSha)}`;
  if (head.mergeSha && checkout.head === head.mergeSha)
    return `HEAD is the pull request’s merge commit ${short(head.mergeSha)}`;
  if (checkout.parents.includes(head.headSha))
    return `HEAD ${short(checkout.head)} merges the pull request head ${short(head.headSha)}`;
  const pullRef = checkout.refs.find((ref) => {
    const m = /^refs\/(?:remotes\/(?:[^/]+\/)?)?pull\/(\d+)\/(?:head|merge)$/.exec(ref);
    return m && (head.numbers.length === 0 || head.numbers.includes(Number(m[1])));
  });
  if (pullRef) return `HEAD is ${pullRef}`;
  const fork = head.headRepo;
  if (fork && fork.toLowerCase() !== repository.toLowerCase()) {
    const url = checkout.remoteUrls.find((u) => namesRepository(u, fork));
    if (url) return `the checkout’s remote is the pull request’s repository ${fork}`;
  }
  return undefined;
}

/** Whether a remote URL (https, ssh or scp-like) points at owner/name. */
export function namesRepository(url: string, repository: string): boolean {
  const path = url
    .trim()
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '');
  const tail = path.split(/[/:]/).slice(-2).join('/');
  return tail.toLowerCase() === repository.toLowerCase();
}

/** Reads the facts of the git checkout that holds `dir`; undefined when git cannot. Runs no hook, no fsmonitor. */
export function readCheckout(dir: string): CheckoutFacts | undefined {
  const git = (...args: string[]): string | undefined => {
    try {
      const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
      return execFileSync('git', ['-c', 'safe.directory=*', '-c', 'core.fsmonitor=false', ...args], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 10_000,
      });
    } catch {
      return undefined;
    }
  };
  const head = git('rev-parse', '--verify', 'HEAD^{commit}')?.trim();
  if (!head || !SHA.test(head)) return undefined;
  const commit = git('cat-file', 'commit', head) ?? '';
  const header = commit.split('\n\n')[0];
  const parents = [...header.matchAll(/^parent ([0-9a-f]{40})$/gm)].map((m) => m[1]);
  const refs = (git('for-each-ref', '--points-at', head, '--format=%(refname)') ?? '')
    .split('\n')
    .filter(Boolean);
  const remoteUrls = (git('config', '--get-regexp', '^remote\\..*\\.url$') ?? '')
    .split('\n')
    .map((line) => line.slice(line.indexOf(' ') + 1))
    .filter(Boolean);
  return { head, parents, refs, remoteUrls };
}
