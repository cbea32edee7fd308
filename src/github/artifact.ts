import { dirname, join, resolve } from 'node:path';
import type { FailOn, Report } from '../core/index.js';
import { readInsideSync, UnsafePathError, writeOwnFile } from '../util/safe-fs.js';
import { validateReport } from './artifact-schema.js';
import type { EventPullRequest } from './event.js';

/**
 * Two-workflow mode for forks: the pull_request job (read-only token) leaves the report and the pull request it is
 * about as files for actions/upload-artifact; a workflow_run job with a write token reads them back and publishes.
 */
export const REPORT_FILE = 'report.json';
export const PULL_REQUEST_FILE = 'pull-request.json';

/** A report of 10,000 findings with details stays well under this; the artifact is untrusted in publish mode. */
export const MAX_ARTIFACT_FILE_BYTES = 64 * 1024 * 1024;

/** Writes the two files as our own regular files (never through a link), inside `within` (default: `dir`'s parent). */
export function writeArtifact(
  dir: string,
  report: Report,
  pr: EventPullRequest | undefined,
  within: string[] = [dirname(resolve(dir))],
): void {
  writeOwnFile(join(dir, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`, within);
  if (pr)
    writeOwnFile(
      join(dir, PULL_REQUEST_FILE),
      `${JSON.stringify({ number: pr.number, headSha: pr.headSha })}\n`,
      within,
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
  const report: unknown = JSON.parse(readArtifactFile(dir, REPORT_FILE));
  let pullRequest: unknown;
  try {
    pullRequest = JSON.parse(readArtifactFile(dir, PULL_REQUEST_FILE));
  } catch {
    pullRequest = undefined; // a push run (or a link out of the directory): no pull request
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

/** One file of the artifact: a regular file inside its directory (a link out of it is refused), size-capped. */
function readArtifactFile(dir: string, name: string): string {
  try {
    return readInsideSync(dir, name, {
      maxBytes: MAX_ARTIFACT_FILE_BYTES,
      what: 'the artifact directory',
    }).toString('utf8');
  } catch (error) {
    if (error instanceof UnsafePathError)
      throw new Error(`Cannot read ${join(dir, name)}: ${error.reason}.`, { cause: error });
    throw error;
  }
}
