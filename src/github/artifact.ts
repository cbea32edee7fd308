import { dirname, join, resolve } from 'node:path';
import type { Factor, Finding, Severity } from '../model/types/finding.js';
import { SEVERITIES } from '../model/types/finding.js';
import { makeReport } from '../pipeline.js';
import type { FailOn, Report, SmokeResult } from '../report/types.js';
import { readInsideSync, UnsafePathError, writeOwnFile } from '../util/safe-fs.js';
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
}

/**
 * Reads the artifact back. It was written by a run of untrusted code, so every field is checked and the report is
 * rebuilt (counts and verdict recomputed) instead of trusted; text is escaped later by the renderers.
 */
export function readArtifact(dir: string, failOn: FailOn): Artifact {
  const raw = JSON.parse(readArtifactFile(dir, REPORT_FILE)) as Partial<Report>;
  if (!raw || !Array.isArray(raw.findings)) throw new Error(`${join(dir, REPORT_FILE)} holds no report.`);
  const findings = raw.findings.slice(0, 10_000).map(finding);
  const report = makeReport({
    directory: str(raw.directory) || '.',
    findings,
    smoke: smokeResult(raw.smoke),
    configFile: str(raw.configFile) || undefined,
    failOn: raw.failOn && ['error', 'warning', 'notice', 'never'].includes(raw.failOn) ? raw.failOn : failOn,
    durationMs: Number(raw.durationMs) || 0,
  });
  let pr: Artifact['pr'];
  try {
    const p = JSON.parse(readArtifactFile(dir, PULL_REQUEST_FILE)) as {
      number?: unknown;
      headSha?: unknown;
    };
    if (
      Number.isSafeInteger(p.number) &&
      (p.number as number) > 0 &&
      /^[0-9a-f]{40}$/.test(String(p.headSha))
    ) {
      pr = { number: p.number as number, headSha: String(p.headSha) };
    }
  } catch {
    pr = undefined; // a push run: no pull request
  }
  return { report, pr };
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

const FACTORS: Factor[] = [
  '0',
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
];

function finding(value: unknown): Finding {
  const f = (value ?? {}) as Record<string, unknown>;
  const severity = SEVERITIES.includes(f.severity as Severity) ? (f.severity as Severity) : 'notice';
  const line = Number.isSafeInteger(f.line) && (f.line as number) > 0 ? (f.line as number) : undefined;
  const suppressed =
    f.suppressed && typeof f.suppressed === 'object' ? (f.suppressed as Finding['suppressed']) : undefined;
  return {
    ruleId: /^TF\d{4}$/.test(String(f.ruleId)) ? String(f.ruleId) : 'TF0001',
    name: str(f.name).replace(/[^a-z0-9-]/g, ''),
    factor: FACTORS.includes(f.factor as Factor) ? (f.factor as Factor) : '0',
    severity,
    kind: f.kind === 'D' ? 'D' : 'S',
    related: Array.isArray(f.related) ? f.related.map(str) : [],
    fingerprint: str(f.fingerprint)
      .replace(/[^\w-]/g, '')
      .slice(0, 64),
    file: str(f.file) || '.',
    ...(line ? { line } : {}),
    message: str(f.message),
    ...(typeof f.details === 'string' ? { details: f.details } : {}),
    ...(suppressed
      ? { suppressed: { by: suppressed.by, reason: suppressed.reason && str(suppressed.reason) } }
      : {}),
  };
}

const STATUSES = ['passed', 'failed', 'skipped'];

/** The smoke part, kept only when it has the shape the renderers read (statuses, numbers, step lists). */
function smokeResult(value: unknown): SmokeResult | undefined {
  const s = value as SmokeResult | undefined;
  if (
    !s ||
    typeof s !== 'object' ||
    !STATUSES.includes(s.status) ||
    typeof s.engines !== 'object' ||
    !s.engines
  ) {
    return undefined;
  }
  const step = (x: unknown): boolean => {
    const t = x as Record<string, unknown>;
    return (
      !!t &&
      typeof t.name === 'string' &&
      STATUSES.includes(String(t.status)) &&
      typeof t.durationMs === 'number'
    );
  };
  for (const [engine, e] of Object.entries(s.engines)) {
    if (!['sqlite', 'postgres'].includes(engine) || !e || !STATUSES.includes(e.status)) return undefined;
    if (typeof e.durationMs !== 'number' || !Array.isArray(e.steps) || !e.steps.every(step)) return undefined;
  }
  if (s.build !== undefined && !step(s.build)) return undefined;
  if (typeof s.durationMs !== 'number') return undefined;
  return s;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
