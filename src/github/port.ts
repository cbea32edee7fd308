/** The only things this action asks of GitHub, REST only. The Octokit adapter implements it; tests use a loopback fake. */
export interface GitHub {
  /** Who the token acts as: the only author whose comments this action may edit or delete. */
  viewer(): Promise<Viewer>;
  getPullRequest(number: number): Promise<PullRequest>;
  listIssueComments(issue: number): Promise<IssueComment[]>;
  createIssueComment(issue: number, body: string): Promise<IssueComment>;
  updateIssueComment(id: number, body: string): Promise<IssueComment>;
  listPullFiles(pull: number): Promise<PullFile[]>;
  listReviewComments(pull: number): Promise<ReviewComment[]>;
  createReview(pull: number, review: NewReview): Promise<{ id: number }>;
  deleteReviewComment(id: number): Promise<void>;
  createCheckRun(run: NewCheckRun): Promise<{ id: number }>;
  updateCheckRun(id: number, run: Partial<NewCheckRun>): Promise<void>;
}

export interface Author {
  login: string;
  type: string; // 'User' | 'Bot' | 'Organization'
}

/**
 * The token's identity. A user token names its user (GET /user); an installation token (GITHUB_TOKEN, an app's
 * token) posts as `<app-slug>[bot]`: the slug GET /app gives when it answers, else GitHub Actions' own app.
 */
export interface Viewer {
  login: string;
  type: 'User' | 'Bot';
  /** The app an installation token belongs to (its slug); comments it made carry it as performed_via_github_app. */
  app?: string;
}

export interface PullRequest {
  number: number;
  headSha: string;
  headRepo?: string; // owner/name; differs from the base repository for a fork
}

export interface IssueComment {
  id: number;
  body: string;
  user: Author | null;
  /** Slug of the GitHub App the comment was made through (performed_via_github_app), if any. */
  app?: string;
}

export interface PullFile {
  filename: string;
  status: string;
  /** Absent for binary files and diffs too large to show. */
  patch?: string;
}

export interface ReviewComment {
  id: number;
  body: string;
  path: string;
  line: number | null;
  user: Author | null;
  inReplyToId?: number;
}

export interface NewReviewComment {
  path: string;
  /** The last line the comment spans (its only line, without start_line). */
  line: number;
  side: 'RIGHT';
  /** The first line of a comment over several lines (a suggestion replacing them). */
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

export interface NewReview {
  commitId: string;
  body: string;
  event: 'COMMENT';
  comments: NewReviewComment[];
}

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

export interface NewCheckRun {
  name: string;
  headSha: string;
  status: 'in_progress' | 'completed';
  conclusion?: 'success' | 'failure' | 'neutral';
  output?: { title: string; summary: string; annotations?: CheckAnnotation[] };
}

/** An HTTP error from GitHub, reduced to what the publisher decides on. */
export class GitHubError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly operation: string,
  ) {
    super(message);
  }
}
