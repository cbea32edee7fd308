import type { Finding, FixSuggestion } from '../core/index.js';
import { digestMarker } from './digest.js';
import { ownedBody, startsWithMarker } from './markers.js';
import type { Author, GitHub, Viewer } from './port.js';
import { GitHubError } from './port.js';
import { planReview, reviewBody } from './review.js';

/** GitHub refuses issue comments longer than this many characters. */
export const MAX_COMMENT_CHARS = 65536;

export interface PullRequestTarget {
  number: number;
  /** The commit the review and the links point at. */
  headSha: string;
}

export interface PublishOptions {
  comment: boolean;
  review: boolean;
  /** The scanned directory relative to the repository root. */
  directory: string;
  marker: string;
  /** The summary comment, marker included. */
  body: string;
  /** reportDigest of what the comment says: an existing comment with the same digest is left as it is. */
  digest?: string;
  findings: Finding[];
  ruleUrl?: (finding: Finding) => string | undefined;
  /** Proven fixes as line replacements, for suggestion blocks. */
  suggestions?: FixSuggestion[];
  log?: (message: string) => void;
}

export interface PublishOutcome {
  comment?: 'created' | 'updated' | 'unchanged';
  commentUrlId?: number;
  reviewComments: number;
  removedComments: number;
  /** One line each, for core.warning; publishing problems never change the conclusion. */
  warnings: string[];
}

export const PERMISSION_HINT =
  'Grant the job `pull-requests: write` (permissions: block of the workflow). Pull requests from forks only get a ' +
  'read-only token: use the two-workflow setup (mode: analyze, then mode: publish in a workflow_run job). ' +
  'The annotations and the job summary carry every result.';

/**
 * Keeps the summary comment current and posts the review. Stops at the first 403 (read-only token) with one warning
 * naming the permission; any other failure becomes a warning and the rest still runs.
 */
export async function publishToPullRequest(
  gh: GitHub,
  pr: PullRequestTarget,
  options: PublishOptions,
): Promise<PublishOutcome> {
  const log = options.log ?? (() => {});
  const outcome: PublishOutcome = { reviewComments: 0, removedComments: 0, warnings: [] };
  let viewer = await gh.viewer();
  // Ours: written by the token's own identity, never merely by "a bot" or by whoever quotes our marker.
  const isOurs = (user: Author | null, app?: string) => isViewer(viewer, user, app);
  log(`publishing as ${viewer.login}`);

  const denied = (error: unknown) => {
    if (error instanceof GitHubError && error.status === 403 && !/rate limit/i.test(error.message)) {
      outcome.warnings.push(
        `The token could not ${error.operation} (HTTP 403: ${error.message}). ${PERMISSION_HINT}`,
      );
      return true;
    }
    outcome.warnings.push(
      `Could not ${error instanceof GitHubError ? error.operation : 'publish'}: ${(error as Error).message}`,
    );
    return false;
  };

  if (options.comment) {
    try {
      const comments = await gh.listIssueComments(pr.number);
      const mine = comments.find((c) => startsWithMarker(c.body, options.marker) && isOurs(c.user, c.app));
      const stamp = options.digest ? `\n${digestMarker(options.digest)}\n` : '';
      const body =
        fitComment(ownedBody(options.marker, options.body), MAX_COMMENT_CHARS - stamp.length) + stamp;
      if (!mine) {
        const created = await gh.createIssueComment(pr.number, body);
        outcome.comment = 'created';
        outcome.commentUrlId = created.id;
        // What GitHub says wrote it is the token's identity, whatever was assumed before.
        if (created.user) viewer = { login: created.user.login, type: viewer.type, app: created.app };
      } else if (mine.body === body || (stamp && mine.body.trimEnd().endsWith(stamp.trim()))) {
        outcome.comment = 'unchanged';
        outcome.commentUrlId = mine.id;
      } else {
        await gh.updateIssueComment(mine.id, body);
        outcome.comment = 'updated';
        outcome.commentUrlId = mine.id;
      }
      log(`summary comment ${outcome.comment}`);
    } catch (error) {
      if (denied(error)) return outcome;
    }
  }

  if (options.review) {
    try {
      const [files, existing] = await Promise.all([
        gh.listPullFiles(pr.number),
        gh.listReviewComments(pr.number),
      ]);
      const plan = planReview({
        findings: options.findings,
        directory: options.directory,
        marker: options.marker,
        files,
        existing,
        isOurs,
        ruleUrl: options.ruleUrl,
        suggestions: options.suggestions,
      });
      log(
        `review: ${plan.create.length} new inline comments, ${plan.overflow.length} over the cap, ${plan.remove.length} to remove`,
      );
      if (plan.create.length) {
        await gh.createReview(pr.number, {
          commitId: pr.headSha,
          event: 'COMMENT',
          body: reviewBody(plan, options.directory, options.marker),
          comments: plan.create.map((c) => c.comment),
        });
        outcome.reviewComments = plan.create.length;
      }
      for (const id of plan.remove) {
        await gh.deleteReviewComment(id);
        outcome.removedComments++;
      }
    } catch (error) {
      if (denied(error)) return outcome;
    }
  }
  return outcome;
}

/** Whether an author is the token's identity: same login and account type; for a bot, made through the same app. */
export function isViewer(viewer: Viewer, user: Author | null, app?: string): boolean {
  if (!user || user.login !== viewer.login || user.type !== viewer.type) return false;
  return viewer.type === 'User' || app === undefined || viewer.app === undefined || app === viewer.app;
}

/** A last guard: the renderer already fits the comment; never send GitHub a body it would refuse. */
export function fitComment(body: string, max = MAX_COMMENT_CHARS): string {
  if (body.length <= max) return body;
  const note = '\n\n…truncated: the job summary of this run has the full report.\n';
  return body.slice(0, max - note.length) + note;
}
