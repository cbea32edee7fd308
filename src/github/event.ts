import { readFileSync } from 'node:fs';

/** The webhook payload of the run (GITHUB_EVENT_PATH), or {} when there is none. */
export function readEvent(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export interface EventPullRequest {
  number: number;
  headSha: string;
  /** owner/name of the head repository; differs from the base repository for a fork. */
  headRepo?: string;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** The pull request a pull_request / pull_request_target run is about; undefined for every other event. */
export function pullRequestOf(
  eventName: string,
  payload: Record<string, unknown>,
): EventPullRequest | undefined {
  if (!PR_EVENTS.has(eventName)) return undefined;
  const pr = payload.pull_request as
    { number?: unknown; head?: { sha?: unknown; repo?: { full_name?: unknown } | null } } | undefined;
  const number = pr?.number ?? payload.number;
  const headSha = pr?.head?.sha;
  if (typeof number !== 'number' || typeof headSha !== 'string') return undefined;
  const headRepo = pr?.head?.repo?.full_name;
  return { number, headSha, headRepo: typeof headRepo === 'string' ? headRepo : undefined };
}

export interface WorkflowRun {
  headSha: string;
  event: string;
}

/** The run a workflow_run event reports on; undefined for every other event. */
export function workflowRunOf(eventName: string, payload: Record<string, unknown>): WorkflowRun | undefined {
  if (eventName !== 'workflow_run') return undefined;
  const run = payload.workflow_run as { head_sha?: unknown; event?: unknown } | undefined;
  if (typeof run?.head_sha !== 'string') return undefined;
  return { headSha: run.head_sha, event: typeof run.event === 'string' ? run.event : '' };
}
