import type { Finding } from '../core/index.js';
import type { CheckAnnotation, GitHub } from './port.js';
import { GitHubError } from './port.js';
import { repoPath } from '../util/paths.js';

/** The Checks API takes at most 50 annotations per request; more go in follow-up updates. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** output.summary holds at most 65,535 characters. */
export const CHECK_SUMMARY_MAX_CHARS = 65535;

const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const;

export interface CheckRunInput {
  name: string;
  headSha: string;
  /** The scanned directory relative to the repository root. */
  directory: string;
  findings: Finding[];
  verdict: 'pass' | 'fail';
  title: string;
  /** Markdown, at most CHECK_SUMMARY_MAX_CHARS. */
  summary: string;
}

export function checkAnnotations(directory: string, findings: Finding[]): CheckAnnotation[] {
  return findings
    .filter((f) => !f.suppressed)
    .map((f) => ({
      path: repoPath(directory, f.file) || '.',
      // A finding about a whole file is shown on its first line: the API needs a line.
      start_line: f.line ?? 1,
      end_line: Math.max(f.endLine ?? f.line ?? 1, f.line ?? 1),
      annotation_level: LEVEL[f.severity],
      message: f.message.slice(0, 64 * 1024),
      title: `${f.ruleId} ${f.name}`,
    }));
}

/**
 * A completed check run carrying every annotation (the workflow-command annotations stop at 10 per level), in
 * batches of 50. Returns warnings; a 403 names the permission to grant.
 */
export async function publishCheckRun(gh: GitHub, run: CheckRunInput): Promise<string[]> {
  const annotations = checkAnnotations(run.directory, run.findings);
  const output = (batch: CheckAnnotation[]) => ({
    title: run.title,
    summary: run.summary.slice(0, CHECK_SUMMARY_MAX_CHARS),
    annotations: batch,
  });
  try {
    const { id } = await gh.createCheckRun({
      name: run.name,
      headSha: run.headSha,
      status: 'completed',
      conclusion: run.verdict === 'fail' ? 'failure' : 'success',
      output: output(annotations.slice(0, ANNOTATIONS_PER_REQUEST)),
    });
    for (let i = ANNOTATIONS_PER_REQUEST; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
      await gh.updateCheckRun(id, { output: output(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST)) });
    }
    return [];
  } catch (error) {
    if (error instanceof GitHubError && error.status === 403 && !/rate limit/i.test(error.message)) {
      return [
        `The token could not ${error.operation} (HTTP 403: ${error.message}). Grant the job \`checks: write\`, or set check-run: false. The annotations and the job summary carry every result.`,
      ];
    }
    return [
      `Could not ${error instanceof GitHubError ? error.operation : 'create the check run'}: ${(error as Error).message}`,
    ];
  }
}
