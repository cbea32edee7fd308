import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FailOn, Report } from '../report/types.js';
import { validateReport } from './artifact-schema.js';
import type { EventPullRequest } from './event.js';

/**
 * Two-workflow mode for forks: the pull_request job (read-only token) leaves the report and the pull request it is
 * about as files for actions/upload-artifact; a workflow_run job with a write token reads them back and publishes.
 */
export const REPORT_FILE = 'report.json';
export const PULL_REQUEST_FILE = 'pull-request.json';

export function writeArtifact(dir: string, report: Report, pr: EventPullRequest | undefined): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
  if (pr)
    writeFileSync(
      join(dir, PULL_REQUEST_FILE),
      `${JSON.stringify({ number: pr.number, headSha: pr.headSha })}\n`,
    );
}

export interface Artifact {
  report: Report;
  pr?: { number: number; headSha: string };
  /** What of the artifact did not fit its schema and was dropped. */
  warnings: string[];
}

/** The artifact's two files as parsed JSON; pull-request.json is absent for a run that was not about a pull request. */
export function readArtifactFiles(dir: string): { report: unknown; pullRequest: unknown } {
  const report: unknown = JSON.parse(readFileSync(join(dir, REPORT_FILE), 'utf8'));
  let pullRequest: unknown;
  try {
    pullRequest = JSON.parse(readFileSync(join(dir, PULL_REQUEST_FILE), 'utf8'));
  } catch {
    pullRequest = undefined; // a push run: no pull request
  }
  return { report, pullRequest };
}

/**
 * Reads the artifact back. It was written by a run of untrusted code, so every field is checked against the schema
 * and the report is rebuilt (counts and verdict recomputed under this run's fail-on) instead of trusted.
 */
export function readArtifact(dir: string, failOn: FailOn): Artifact {
  const files = readArtifactFiles(dir);
  const { report, warnings } = validateReport(files.report, failOn, join(dir, REPORT_FILE));
  return { report, pr: pullRequestOf(files.pullRequest), warnings };
}

function pullRequestOf(value: unknown): Artifact['pr'] {
  const p = (value ?? {}) as { number?: unknown; headSha?: unknown };
  if (
    Number.isSafeInteger(p.number) &&
    (p.number as number) > 0 &&
    typeof p.headSha === 'string' &&
    /^[0-9a-f]{40}$/.test(p.headSha)
  )
    return { number: p.number as number, headSha: p.headSha };
  return undefined;
}
