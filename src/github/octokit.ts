import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type {
  GitHub,
  IssueComment,
  NewCheckRun,
  NewReview,
  PullFile,
  PullRequest,
  ReviewComment,
} from './port.js';
import { GitHubError } from './port.js';

export interface OctokitGitHubOptions {
  token: string;
  /** owner/name of the repository the pull request belongs to. */
  repository: string;
  /** Defaults to GITHUB_API_URL, read when the adapter is made, else https://api.github.com. */
  baseUrl?: string;
  /** Longest wait honoured for a rate limit (retry-after / x-ratelimit-reset), in seconds; longer ones give up. */
  maxRateLimitWaitSeconds?: number;
  /** Retries of one request on rate limits and 5xx. */
  retries?: number;
  log?: (message: string) => void;
  /** Space content-creating requests as GitHub asks (1 s, 3 s when they notify); false in tests only. */
  pace?: boolean;
}

/** A limiter that runs every job at once, in place of plugin-throttling's spacing of writes. */
const UNPACED = {
  key: () => ({ schedule: (_o: unknown, fn: (...a: unknown[]) => unknown, ...a: unknown[]) => fn(...a) }),
};

type Octokit = ReturnType<typeof getOctokit>;

/** Personal access tokens (classic, fine-grained) and OAuth/user-to-server tokens act as a user account. */
export function isUserToken(token: string): boolean {
  return /^(ghp_|github_pat_|gho_|ghu_)/.test(token);
}

/** The GitHub port over Octokit, with retries on 5xx and rate limits honoured up to a cap. */
export function octokitGitHub(options: OctokitGitHubOptions): GitHub {
  const [owner, repo] = options.repository.split('/');
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const retries = options.retries ?? 2;
  const log = options.log ?? (() => {});
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _o: unknown, count: number) => {
      const again = count < retries && retryAfter <= maxWait;
      log(
        `GitHub ${kind} on ${request.method} ${request.url}: ${again ? `retrying in ${retryAfter} s` : 'giving up'}`,
      );
      return again;
    };
  const octokit: Octokit = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
      retry: { retries },
      throttle: {
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        ...(options.pace === false ? { write: UNPACED as never, notifications: UNPACED as never } : {}),
      },
    },
    retry,
    throttling,
  );
  const r = { owner, repo };

  async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      const e = error as { status?: number; message?: string };
      throw new GitHubError(e.message ?? String(error), e.status ?? 0, operation);
    }
  }

  return {
    viewerLogin: async () => {
      // Only a user's token can name its user; GITHUB_TOKEN and app tokens would answer 403, so they are not asked.
      if (!isUserToken(options.token)) return undefined;
      try {
        return (await octokit.rest.users.getAuthenticated()).data.login;
      } catch {
        return undefined; // installation tokens (GITHUB_TOKEN) answer 403 here
      }
    },
    getPullRequest: (n) =>
      call('get the pull request', async (): Promise<PullRequest> => {
        const { data } = await octokit.rest.pulls.get({ ...r, pull_number: n });
        return { number: data.number, headSha: data.head.sha, headRepo: data.head.repo?.full_name };
      }),
    listIssueComments: (n) =>
      call('list the pull request comments', async (): Promise<IssueComment[]> => {
        const data = await octokit.paginate(octokit.rest.issues.listComments, {
          ...r,
          issue_number: n,
          per_page: 100,
        });
        return data.map((c) => ({
          id: c.id,
          body: c.body ?? '',
          user: c.user && { login: c.user.login, type: c.user.type },
        }));
      }),
    createIssueComment: (n, body) =>
      call('comment on the pull request', async () => {
        const { data: c } = await octokit.rest.issues.createComment({ ...r, issue_number: n, body });
        return { id: c.id, body: c.body ?? '', user: c.user && { login: c.user.login, type: c.user.type } };
      }),
    updateIssueComment: (id, body) =>
      call('update the pull request comment', async () => {
        const { data: c } = await octokit.rest.issues.updateComment({ ...r, comment_id: id, body });
        return { id: c.id, body: c.body ?? '', user: c.user && { login: c.user.login, type: c.user.type } };
      }),
    listPullFiles: (n) =>
      call('list the pull request files', async (): Promise<PullFile[]> => {
        const data = await octokit.paginate(octokit.rest.pulls.listFiles, {
          ...r,
          pull_number: n,
          per_page: 100,
        });
        return data.map((f) => ({ filename: f.filename, status: f.status, patch: f.patch }));
      }),
    listReviewComments: (n) =>
      call('list the review comments', async (): Promise<ReviewComment[]> => {
        const data = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
          ...r,
          pull_number: n,
          per_page: 100,
        });
        return data.map((c) => ({
          id: c.id,
          body: c.body,
          path: c.path,
          line: c.line ?? null,
          user: c.user && { login: c.user.login, type: c.user.type },
          inReplyToId: c.in_reply_to_id,
        }));
      }),
    createReview: (n, review: NewReview) =>
      call('post the review', async () => {
        const { data } = await octokit.rest.pulls.createReview({
          ...r,
          pull_number: n,
          commit_id: review.commitId,
          body: review.body,
          event: review.event,
          comments: review.comments,
        });
        return { id: data.id };
      }),
    deleteReviewComment: (id) =>
      call('delete an outdated review comment', async () => {
        await octokit.rest.pulls.deleteReviewComment({ ...r, comment_id: id });
      }),
    createCheckRun: (run: NewCheckRun) =>
      call('create the check run', async () => {
        const { data } = await octokit.rest.checks.create({
          ...r,
          name: run.name,
          head_sha: run.headSha,
          status: run.status,
          conclusion: run.conclusion,
          output: run.output,
        });
        return { id: data.id };
      }),
    updateCheckRun: (id, run) =>
      call('update the check run', async () => {
        await octokit.rest.checks.update({
          ...r,
          check_run_id: id,
          status: run.status,
          conclusion: run.conclusion,
          output: run.output,
        });
      }),
  };
}
