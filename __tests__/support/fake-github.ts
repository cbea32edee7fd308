/**
 * A loopback server that plays GitHub's REST API for the tests, as strictly as GitHub would:
 * - every request is matched and validated against GitHub's OpenAPI description (@octokit/openapi) with
 *   openapi-backend; an unknown route or an invalid request is answered 4xx AND recorded in `problems`;
 * - answers are shaped from the description's own examples and validated against its response schemas;
 * - it keeps state (issue comments, reviews, review comments with replies, check runs, pull request files) so a
 *   second run sees what the first one did;
 * - it fails like GitHub: 403 "Resource not accessible by integration" for a read-only token, 422 for a review
 *   comment outside the diff or a comment body over 65,536 characters, rate limits with their headers, and
 *   paginates with Link headers.
 * A test asserts `problems` is empty: the action never sent GitHub something it would refuse.
 */
import addFormatsModule from 'ajv-formats';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenAPIBackend, type Request as ApiRequest } from 'openapi-backend';
import { describedSubset, isGitHubRoute, OPERATIONS } from './github-openapi.js';

type Json = Record<string, unknown>;
type Ajv = Parameters<NonNullable<ConstructorParameters<typeof OpenAPIBackend>[0]['customizeAjv']>>[0];
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

/** A GitHub App: what an installation token acts through, shown as performed_via_github_app on its comments. */
export interface FakeApp {
  slug: string;
  id: number;
  name: string;
}

/** The app behind GITHUB_TOKEN, and the author of everything it posts. */
export const ACTIONS_APP: FakeApp = { slug: 'github-actions', id: 15368, name: 'GitHub Actions' };
export const ACTIONS_BOT: FakeUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const HUMAN: FakeUser = { login: 'octocat', id: 583231, type: 'User' };
/** Another app installed on the repository (a linter bot, say), with its own installation token. */
export const OTHER_APP: FakeApp = { slug: 'lint-bot', id: 90210, name: 'Lint Bot' };
export const OTHER_BOT: FakeUser = { login: 'lint-bot[bot]', id: 1090210, type: 'Bot' };

export interface TokenSpec {
  user: FakeUser;
  /** false: a read-only GITHUB_TOKEN (pull request from a fork, or permissions: read). */
  write: boolean;
  /** An installation token (GITHUB_TOKEN): GET /user answers 403, GET /app 401 (it takes a JWT). */
  installation: boolean;
  /** The app of an installation token; GitHub Actions' own app when not given. */
  app?: FakeApp;
}

export interface PullFileSpec {
  filename: string;
  status?: 'added' | 'modified' | 'removed' | 'renamed';
  /** Unified diff hunks as GitHub returns them; absent for binary or too-large files. */
  patch?: string;
}

export interface FakePull {
  number: number;
  headSha: string;
  baseSha: string;
  files: PullFileSpec[];
}

export interface IssueCommentState {
  id: number;
  issue: number;
  body: string;
  user: FakeUser;
  /** The app an installation token posted it through (performed_via_github_app); none for a user's comment. */
  app?: FakeApp;
  createdAt: string;
  updatedAt: string;
}

export interface ReviewState {
  id: number;
  pull: number;
  body: string;
  commitId: string;
  user: FakeUser;
  event: string;
}

export interface ReviewCommentState {
  id: number;
  pull: number;
  reviewId: number;
  body: string;
  path: string;
  line: number;
  side: string;
  /** First line of a comment over several lines (a suggestion replacing them). */
  startLine?: number;
  commitId: string;
  user: FakeUser;
  inReplyToId?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string, '?' included, or ''. */
  search: string;
  operation?: string;
  status: number;
  body?: unknown;
}

/** A scripted failure answered instead of the real handler, `times` times, to the first matching requests. */
export interface Fault {
  method?: string;
  operation?: string;
  status: number;
  headers?: Record<string, string>;
  body: Json;
  times?: number;
}

const DOCS = 'https://docs.github.com/rest';

export class FakeGitHub {
  readonly owner = 'octo-org';
  readonly repo = 'twelve-factor-app';
  url = '';
  readonly problems: string[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly tokens = new Map<string, TokenSpec>();
  readonly pulls = new Map<number, FakePull>();
  readonly issueComments: IssueCommentState[] = [];
  readonly reviews: ReviewState[] = [];
  readonly reviewComments: ReviewCommentState[] = [];
  readonly checkRuns: Json[] = [];
  readonly faults: Fault[] = [];
  private nextId = 1000;
  private server?: Server;
  private api!: OpenAPIBackend;
  private templates = new Map<string, unknown>();

  static async start(): Promise<FakeGitHub> {
    const fake = new FakeGitHub();
    await fake.init();
    return fake;
  }

  get repository(): string {
    return `${this.owner}/${this.repo}`;
  }

  /** Same-process state reset between cases; validation rules and tokens stay. */
  reset(): void {
    this.problems.length = 0;
    this.requests.length = 0;
    this.pulls.clear();
    this.issueComments.length = 0;
    this.reviews.length = 0;
    this.reviewComments.length = 0;
    this.checkRuns.length = 0;
    this.faults.length = 0;
  }

  addToken(token: string, spec: TokenSpec): void {
    this.tokens.set(token, spec);
  }

  addPullRequest(pull: Omit<FakePull, 'baseSha'> & { baseSha?: string }): FakePull {
    const p = { baseSha: 'b'.repeat(40), ...pull };
    this.pulls.set(p.number, p);
    return p;
  }

  /** Seeds an existing issue comment (a human's, or one an earlier run left; a bot's comes through its app). */
  addIssueComment(issue: number, body: string, user: FakeUser = HUMAN, app?: FakeApp): IssueCommentState {
    const now = new Date().toISOString();
    const via = app ?? (user === ACTIONS_BOT ? ACTIONS_APP : undefined);
    const c = {
      id: this.nextId++,
      issue,
      body,
      user,
      createdAt: now,
      updatedAt: now,
      ...(via ? { app: via } : {}),
    };
    this.issueComments.push(c);
    return c;
  }

  /** Seeds a review comment, e.g. a human's reply to one of ours (inReplyToId). */
  addReviewComment(c: Omit<ReviewCommentState, 'id' | 'reviewId' | 'side' | 'commitId'>): ReviewCommentState {
    const state = {
      id: this.nextId++,
      reviewId: 0,
      side: 'RIGHT',
      commitId: this.pulls.get(c.pull)!.headSha,
      ...c,
    };
    this.reviewComments.push(state);
    return state;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Requests of one operation (by GitHub's operationId), in order. */
  calls(operation: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operation === operation);
  }

  private async init(): Promise<void> {
    this.api = new OpenAPIBackend({
      definition: describedSubset() as never,
      validate: true,
      strict: false,
      customizeAjv: (ajv) => addFormats(ajv),
    });
    await this.api.init();
    for (const op of OPERATIONS) {
      const { mock } = this.api.mockResponseForOperation(op);
      this.templates.set(op, Array.isArray(mock) ? mock[0] : mock);
    }
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: Error) => {
        this.problems.push(`fake GitHub crashed on ${req.method} ${req.url}: ${error.stack}`);
        send(res, 500, { message: 'Server Error' });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = (req.method ?? 'GET').toUpperCase();
    const text = await readBody(req);
    let body: unknown;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        return this.refuse(
          res,
          { method, path: url.pathname },
          400,
          'Problems parsing JSON',
          'invalid JSON body',
        );
      }
    }
    const record: RecordedRequest = { method, path: url.pathname, search: url.search, body, status: 0 };
    this.requests.push(record);
    const request: ApiRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      headers: req.headers as Record<string, string>,
    };
    const operation = this.api.matchOperation(request);
    record.operation = operation?.operationId;

    const auth = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = auth ? this.tokens.get(auth) : undefined;
    if (!token)
      return this.refuse(
        res,
        record,
        401,
        'Bad credentials',
        `no or unknown token: ${req.headers.authorization}`,
      );

    const fault = this.faults.find(
      (f) => (!f.method || f.method === method) && (!f.operation || f.operation === record.operation),
    );
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      record.status = fault.status;
      return send(res, fault.status, fault.body, { ...rateHeaders(), ...fault.headers });
    }

    if (!operation) {
      const why = isGitHubRoute(method, url.pathname)
        ? 'a GitHub route the fake does not model'
        : 'not a route of GitHub’s REST API';
      return this.refuse(res, record, 404, 'Not Found', `${method} ${url.pathname}: ${why}`);
    }
    const validation = this.api.validateRequest(request, operation);
    if (!validation.valid) {
      const errors = JSON.stringify(validation.errors);
      return this.refuse(
        res,
        record,
        422,
        `Invalid request.\n\n${errors}`,
        `invalid ${operation.operationId}: ${errors}`,
      );
    }
    if (method !== 'GET' && !token.write) {
      record.status = 403;
      return send(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: `${DOCS}/${operation.operationId ?? ''}`,
        status: '403',
      });
    }
    const params = { ...(operation.path ? this.params(operation.path, url.pathname) : {}) };
    const answer = this.route(operation.operationId!, params, url, body as Json, token);
    record.status = answer.status;
    if (answer.problem) this.problems.push(answer.problem);
    if (answer.status < 300 && answer.status !== 204) {
      const checked = this.api.validateResponse(answer.body, operation, answer.status);
      if (!checked.valid) {
        this.problems.push(
          `fake answered ${operation.operationId} off-schema: ${JSON.stringify(checked.errors)}`,
        );
      }
    }
    send(res, answer.status, answer.body, { ...rateHeaders(), ...answer.headers });
  }

  private refuse(
    res: ServerResponse,
    record: { status?: number; method: string; path: string },
    status: number,
    message: string,
    problem: string,
  ) {
    this.problems.push(problem);
    record.status = status;
    send(res, status, { message, documentation_url: DOCS, status: String(status) });
  }

  private params(template: string, pathname: string): Record<string, string> {
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}/?$`);
    const values = re.exec(pathname)?.slice(1) ?? [];
    return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(values[i])]));
  }

  private route(
    op: string,
    p: Record<string, string>,
    url: URL,
    body: Json,
    token: TokenSpec,
  ): { status: number; body?: unknown; headers?: Record<string, string>; problem?: string } {
    if (p.owner && `${p.owner}/${p.repo}` !== this.repository) {
      return {
        status: 404,
        body: notFound(),
        problem: `request for another repository: ${p.owner}/${p.repo}`,
      };
    }
    const pull = this.pulls.get(Number(p.pull_number ?? p.issue_number));
    switch (op) {
      case 'users/get-authenticated':
        if (token.installation) {
          return {
            status: 403,
            body: {
              message: 'Resource not accessible by integration',
              documentation_url: `${DOCS}/users/users#get-the-authenticated-user`,
              status: '403',
            },
          };
        }
        return { status: 200, body: this.user(token.user, 'users/get-authenticated') };
      case 'apps/get-authenticated':
        // GitHub documents GET /app for a JWT only: user and installation tokens cannot be decoded as one.
        return {
          status: 401,
          body: {
            message: 'A JSON web token could not be decoded',
            documentation_url: `${DOCS}/apps/apps#get-the-authenticated-app`,
            status: '401',
          },
        };
      case 'pulls/get':
        if (!pull) return { status: 404, body: notFound() };
        return { status: 200, body: this.pullRequest(pull) };
      case 'issues/list-comments':
        if (!pull) return { status: 404, body: notFound() };
        return this.page(
          url,
          this.issueComments.filter((c) => c.issue === pull.number).map((c) => this.issueComment(c)),
        );
      case 'issues/create-comment': {
        if (!pull) return { status: 404, body: notFound() };
        const tooLong = this.tooLong(String(body.body), 'issues/comments#create-an-issue-comment');
        if (tooLong) return tooLong;
        const c = this.addIssueComment(
          pull.number,
          String(body.body),
          token.user,
          token.installation ? (token.app ?? ACTIONS_APP) : undefined,
        );
        return { status: 201, body: this.issueComment(c) };
      }
      case 'issues/update-comment': {
        const c = this.issueComments.find((x) => x.id === Number(p.comment_id));
        if (!c) return { status: 404, body: notFound() };
        const tooLong = this.tooLong(String(body.body), 'issues/comments#update-an-issue-comment');
        if (tooLong) return tooLong;
        const problem =
          c.user.login !== token.user.login ? `edited ${c.user.login}'s comment ${c.id}` : undefined;
        c.body = String(body.body);
        c.updatedAt = new Date().toISOString();
        return { status: 200, body: this.issueComment(c), problem };
      }
      case 'pulls/list-files':
        if (!pull) return { status: 404, body: notFound() };
        return this.page(
          url,
          pull.files.map((f) => this.pullFile(f)),
        );
      case 'pulls/list-review-comments':
        if (!pull) return { status: 404, body: notFound() };
        return this.page(
          url,
          this.reviewComments.filter((c) => c.pull === pull.number).map((c) => this.reviewComment(c)),
        );
      case 'pulls/create-review':
        if (!pull) return { status: 404, body: notFound() };
        return this.createReview(pull, body, token);
      case 'pulls/delete-review-comment': {
        const i = this.reviewComments.findIndex((x) => x.id === Number(p.comment_id));
        if (i < 0)
          return {
            status: 404,
            body: notFound(),
            problem: `deleted a missing review comment ${p.comment_id}`,
          };
        const c = this.reviewComments[i];
        let problem: string | undefined;
        if (c.user.login !== token.user.login) problem = `deleted ${c.user.login}'s review comment ${c.id}`;
        if (this.reviewComments.some((x) => x.inReplyToId === c.id))
          problem = `deleted review comment ${c.id} that has replies`;
        this.reviewComments.splice(i, 1);
        return { status: 204, problem };
      }
      case 'checks/create':
      case 'checks/update': {
        const annotations = ((body.output as Json | undefined)?.annotations as unknown[] | undefined) ?? [];
        if (annotations.length > 50) {
          return {
            status: 422,
            body: {
              message: 'Only 50 annotations are allowed per request',
              documentation_url: `${DOCS}/checks/runs`,
              status: '422',
            },
            problem: `${annotations.length} annotations in one ${op} request (GitHub takes 50)`,
          };
        }
        return op === 'checks/create' ? this.createCheckRun(body) : this.updateCheckRun(p, body);
      }
    }
    return { status: 404, body: notFound(), problem: `unhandled operation ${op}` };
  }

  private createCheckRun(body: Json) {
    {
      const run = {
        ...(this.templates.get('checks/create') as Json),
        id: this.nextId++,
        head_sha: body.head_sha,
        name: body.name,
        status: body.status ?? 'queued',
        conclusion: body.conclusion ?? null,
      };
      this.checkRuns.push({ ...run, request: body });
      return { status: 201, body: run };
    }
  }

  private updateCheckRun(p: Record<string, string>, body: Json) {
    {
      const run = this.checkRuns.find((r) => r.id === Number(p.check_run_id));
      if (!run) return { status: 404, body: notFound() };
      Object.assign(run, {
        status: body.status ?? run.status,
        conclusion: body.conclusion ?? run.conclusion,
      });
      run.updates = [...((run.updates as unknown[] | undefined) ?? []), body];
      const { request: _r, updates: _u, ...answer } = run;
      return { status: 200, body: answer };
    }
  }

  private createReview(pull: FakePull, body: Json, token: TokenSpec) {
    const comments = (body.comments as Json[] | undefined) ?? [];
    if (body.commit_id !== undefined && body.commit_id !== pull.headSha) {
      return {
        status: 422,
        body: {
          message: 'Unprocessable Entity',
          errors: ['Commit id is not part of the pull request'],
          documentation_url: DOCS,
          status: '422',
        },
        problem: `review on commit ${String(body.commit_id)}, not the head ${pull.headSha}`,
      };
    }
    for (const c of comments) {
      const file = pull.files.find((f) => f.filename === c.path);
      const side = (c.side as string | undefined) ?? 'RIGHT';
      const right = file ? rightLines(file.patch) : new Set<number>();
      const start = c.start_line as number | undefined;
      // A comment over several lines: start_line before line, on the same side, every line between in one hunk.
      const span =
        start === undefined ||
        (typeof start === 'number' &&
          typeof c.line === 'number' &&
          start < c.line &&
          ((c.start_side as string | undefined) ?? side) === side &&
          Array.from({ length: c.line - start + 1 }, (_, i) => start + i).every((n) => right.has(n)));
      const ok = file && side === 'RIGHT' && typeof c.line === 'number' && right.has(c.line) && span;
      if (!ok) {
        return {
          status: 422,
          body: {
            message: 'Unprocessable Entity',
            errors: [
              "Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank",
            ],
            documentation_url: `${DOCS}/pulls/reviews#create-a-review-for-a-pull-request`,
            status: '422',
          },
          problem: `review comment outside the diff: ${String(c.path)}:${start === undefined ? '' : `${String(start)}-`}${String(c.line)} (${side})`,
        };
      }
    }
    const tooLong = [String(body.body ?? ''), ...comments.map((c) => String(c.body))]
      .map((b) => this.tooLong(b, 'pulls/reviews#create-a-review-for-a-pull-request'))
      .find(Boolean);
    if (tooLong) return tooLong;
    const review: ReviewState = {
      id: this.nextId++,
      pull: pull.number,
      body: String(body.body ?? ''),
      commitId: pull.headSha,
      user: token.user,
      event: String(body.event ?? 'PENDING'),
    };
    this.reviews.push(review);
    for (const c of comments) {
      this.reviewComments.push({
        id: this.nextId++,
        pull: pull.number,
        reviewId: review.id,
        body: String(c.body),
        path: String(c.path),
        line: Number(c.line),
        side: String(c.side ?? 'RIGHT'),
        ...(c.start_line !== undefined ? { startLine: Number(c.start_line) } : {}),
        commitId: pull.headSha,
        user: token.user,
      });
    }
    const t = this.templates.get('pulls/create-review') as Json;
    return {
      status: 200,
      body: {
        ...t,
        id: review.id,
        body: review.body,
        commit_id: review.commitId,
        state:
          review.event === 'COMMENT'
            ? 'COMMENTED'
            : review.event === 'APPROVE'
              ? 'APPROVED'
              : review.event === 'REQUEST_CHANGES'
                ? 'CHANGES_REQUESTED'
                : 'PENDING',
        user: this.user(token.user),
        html_url: `https://github.com/${this.repository}/pull/${pull.number}#pullrequestreview-${review.id}`,
        pull_request_url: `${this.url}/repos/${this.repository}/pulls/${pull.number}`,
      },
    };
  }

  private tooLong(text: string, docs: string) {
    if (text.length <= 65536) return undefined;
    return {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'IssueComment',
            code: 'unprocessable',
            field: 'data',
            message: 'Body is too long (maximum is 65536 characters)',
          },
        ],
        documentation_url: `${DOCS}/${docs}`,
        status: '422',
      },
      problem: `body of ${text.length} characters, over GitHub's 65,536`,
    };
  }

  /** GitHub's pagination: per_page (default 30, max 100), page, and a Link header with next/last. */
  private page(url: URL, items: unknown[]) {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30) || 30);
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string) => {
      const u = new URL(url.toString());
      u.searchParams.set('page', String(n));
      u.searchParams.set('per_page', String(perPage));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links = [];
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length ? { link: links.join(', ') } : undefined,
    };
  }

  private user(u: FakeUser, op = 'issues/create-comment'): Json {
    const template =
      op === 'users/get-authenticated'
        ? (this.templates.get(op) as Json)
        : ((this.templates.get(op) as Json).user as Json);
    return {
      ...template,
      login: u.login,
      id: u.id,
      type: u.type,
      url: `${this.url}/users/${encodeURIComponent(u.login)}`,
      html_url: `https://github.com/${u.type === 'Bot' ? 'apps/' + u.login.replace('[bot]', '') : u.login}`,
    };
  }

  private issueComment(c: IssueCommentState): Json {
    return {
      ...(this.templates.get('issues/create-comment') as Json),
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${this.url}/repos/${this.repository}/issues/comments/${c.id}`,
      html_url: `https://github.com/${this.repository}/pull/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${this.url}/repos/${this.repository}/issues/${c.issue}`,
      body: c.body,
      user: this.user(c.user),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      performed_via_github_app: c.app ? this.integration(c.app) : null,
    };
  }

  /** A GitHub App as the API shows it (schema integration), from the description's own example. */
  private integration(app: FakeApp): Json {
    return {
      ...(this.templates.get('apps/get-authenticated') as Json),
      id: app.id,
      slug: app.slug,
      node_id: `A_${app.id}`,
      name: app.name,
      html_url: `https://github.com/apps/${app.slug}`,
    };
  }

  private reviewComment(c: ReviewCommentState): Json {
    const t = this.templates.get('pulls/list-review-comments') as Json;
    const answer: Json = {
      ...t,
      id: c.id,
      node_id: `PRRC_${c.id}`,
      url: `${this.url}/repos/${this.repository}/pulls/comments/${c.id}`,
      pull_request_review_id: c.reviewId || null,
      path: c.path,
      line: c.line,
      original_line: c.line,
      side: c.side,
      start_line: c.startLine ?? null,
      original_start_line: c.startLine ?? null,
      start_side: c.side,
      commit_id: c.commitId,
      original_commit_id: c.commitId,
      body: c.body,
      user: this.user(c.user),
      html_url: `https://github.com/${this.repository}/pull/${c.pull}#discussion_r${c.id}`,
      pull_request_url: `${this.url}/repos/${this.repository}/pulls/${c.pull}`,
    };
    if (c.inReplyToId !== undefined) answer.in_reply_to_id = c.inReplyToId;
    else delete answer.in_reply_to_id;
    return answer;
  }

  private pullFile(f: PullFileSpec): Json {
    const t = this.templates.get('pulls/list-files') as Json;
    const counts = { additions: 0, deletions: 0 };
    for (const row of (f.patch ?? '').split('\n')) {
      if (row.startsWith('+')) counts.additions++;
      else if (row.startsWith('-')) counts.deletions++;
    }
    const answer: Json = {
      ...t,
      filename: f.filename,
      status: f.status ?? 'added',
      ...counts,
      changes: counts.additions + counts.deletions,
      blob_url: `https://github.com/${this.repository}/blob/${'a'.repeat(40)}/${encodeURI(f.filename)}`,
      raw_url: `https://github.com/${this.repository}/raw/${'a'.repeat(40)}/${encodeURI(f.filename)}`,
      contents_url: `${this.url}/repos/${this.repository}/contents/${encodeURI(f.filename)}?ref=${'a'.repeat(40)}`,
    };
    if (f.patch !== undefined) answer.patch = f.patch;
    else delete answer.patch;
    delete answer.previous_filename;
    return answer;
  }

  private pullRequest(p: FakePull): Json {
    const t = this.templates.get('pulls/get') as Json;
    const head = t.head as Json;
    const base = t.base as Json;
    return {
      ...t,
      number: p.number,
      url: `${this.url}/repos/${this.repository}/pulls/${p.number}`,
      requested_teams: [],
      head: { ...head, sha: p.headSha },
      base: { ...base, sha: p.baseSha },
    };
  }
}

/** RIGHT-side lines of a patch, written independently of the action's own parser so one checks the other. */
function rightLines(patch: string | undefined): Set<number> {
  const out = new Set<number>();
  let line = -1;
  for (const row of (patch ?? '').split('\n')) {
    const m = /^@@ -[0-9,]+ \+(\d+)/.exec(row);
    if (m) line = Number(m[1]);
    else if (line >= 0 && (row.startsWith('+') || row.startsWith(' '))) out.add(line++);
  }
  return out;
}

function rateHeaders(): Record<string, string> {
  return {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4990',
    'x-ratelimit-used': '10',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
  };
}

/** The faults GitHub answers when a token's rate limit is spent, reset in `seconds`. */
export function rateLimitFault(operation: string, seconds = 1, status: 403 | 429 = 403): Fault {
  return {
    operation,
    status,
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + seconds),
      'x-ratelimit-resource': 'core',
      'retry-after': String(seconds),
    },
    body: {
      message: 'API rate limit exceeded for installation ID 1234.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      status: String(status),
    },
  };
}

function notFound(): Json {
  return { message: 'Not Found', documentation_url: DOCS, status: '404' };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = status === 204 || body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `FAKE:${Math.random().toString(16).slice(2, 10)}`,
    ...headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
