import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type {
  GitHub,
  IssueComment,
  Viewer,
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

/** Installation tokens (GITHUB_TOKEN and GitHub App tokens) start with ghs_; GET /user would answer 403. */
export function isInstallationToken(token: string): boolean {
  return token.startsWith('ghs_');
}

/** The author GitHub Actions' own installation token posts as. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * An installation token's identity: its app's bot, when GET /app names the app (GitHub documents it for a JWT, so
 * it mostly refuses), else GitHub Actions' bot, the author of everything GITHUB_TOKEN posts. Never "any bot".
 */
async function installationViewer(octokit: Octokit): Promise<Viewer> {
  try {
    const { data } = await octokit.rest.apps.getAuthenticated();
    if (data?.slug) return { login: `${data.slug}[bot]`, type: 'Bot', app: data.slug };
  } catch {
    // not answered for this token: fall back to GITHUB_TOKEN's identity
  }
  return { login: ACTIONS_BOT_LOGIN, type: 'Bot', app: 'github-actions' };
}

interface ApiIssueComment {
  id: number;
  body?: string;
  user: { login: string; type: string } | null;
  performed_via_github_app?: { slug?: string } | null;
}

function issueComment(c: ApiIssueComment): IssueComment {
  const app = c.performed_via_github_app?.slug;
  return {
    id: c.id,
    body: c.body ?? '',
    user: c.user && { login: c.user.login, type: c.user.type },
    ...(app ? { app } : {}),
  };
}

/** The GitHub port over Octokit, with retries on 5xx and rate limits honoured up to a cap. */
export function octokitGitHub(options: OctokitGitHubOptions): GitHub {
  const [owner, repo] = options.repository.split('/');
  const api: Api = { octokit: createOctokit(options), r: { owner, repo }, call };
  const { octokit, r } = api;
  return {
    viewer: () =>
      call('find out who the token is', async (): Promise<Viewer> => {
        if (!isInstallationToken(options.token)) {
          try {
            const { data } = await octokit.rest.users.getAuthenticated();
            return { login: data.login, type: data.type === 'Bot' ? 'Bot' : 'User' };
          } catch (error) {
            // An installation token answers 403 "Resource not accessible by integration": it is not a user.
            if ((error as { status?: number }).status !== 403) throw error;
          }
        }
        return installationViewer(octokit);
      }),
    getPullRequest: (n) =>
      call('get the pull request', async (): Promise<PullRequest> => {
        const { data } = await octokit.rest.pulls.get({ ...r, pull_number: n });
        return { number: data.number, headSha: data.head.sha, headRepo: data.head.repo?.full_name };
      }),
    ...issueCommentCalls(api),
    ...reviewCalls(api),
    ...checkRunCalls(api),
  };
}

/** What every call of the port uses: the client, the repository and the error wrapper. */
interface Api {
  octokit: Octokit;
  r: { owner: string; repo: string };
  call: <T>(operation: string, fn: () => Promise<T>) => Promise<T>;
}

/** Runs one API call; a failure becomes a GitHubError naming what was being done. */
async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const e = error as { status?: number; message?: string };
    throw new GitHubError(e.message ?? String(error), e.status ?? 0, operation);
  }
}

/** The Octokit client: retries, rate limits honoured up to `maxRateLimitWaitSeconds`, pacing unless turned off. */
function createOctokit(options: OctokitGitHubOptions): Octokit {
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
  return getOctokit(
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
}

/** The pull request's conversation comments. */
function issueCommentCalls({
  octokit,
  r,
  call,
}: Api): Pick<GitHub, 'listIssueComments' | 'createIssueComment' | 'updateIssueComment'> {
  return {
    listIssueComments: (n) =>
      call('list the pull request comments', async (): Promise<IssueComment[]> => {
        const data = await octokit.paginate(octokit.rest.issues.listComments, {
          ...r,
          issue_number: n,
          per_page: 100,
        });
        return data.map(issueComment);
      }),
    createIssueComment: (n, body) =>
      call('comment on the pull request', async () => {
        const { data } = await octokit.rest.issues.createComment({ ...r, issue_number: n, body });
        return issueComment(data);
      }),
    updateIssueComment: (id, body) =>
      call('update the pull request comment', async () => {
        const { data } = await octokit.rest.issues.updateComment({ ...r, comment_id: id, body });
        return issueComment(data);
      }),
  };
}

/** The pull request's files and its review with line comments. */
function reviewCalls({
  octokit,
  r,
  call,
}: Api): Pick<GitHub, 'listPullFiles' | 'listReviewComments' | 'createReview' | 'deleteReviewComment'> {
  return {
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
  };
}

/** The check run that carries the annotations. */
function checkRunCalls({ octokit, r, call }: Api): Pick<GitHub, 'createCheckRun' | 'updateCheckRun'> {
  return {
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
