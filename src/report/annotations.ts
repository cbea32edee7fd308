import type { Finding, Report, Severity } from '../core/index.js';
import { repoPath } from '../util/paths.js';

export interface Annotation {
  level: Severity;
  message: string;
  title: string;
  /** Relative to the repository root; absent for findings about the whole project and for overflow notes. */
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
}

/** GitHub shows at most 10 annotations of each level per step. */
export const ANNOTATIONS_PER_LEVEL = 10;

const NOUN: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  notice: ['notice', 'notices'],
};

/**
 * Annotations for the unsuppressed findings, at most 10 per level. What does not fit is summed up in one
 * notice-level entry per level; those entries count against the notice cap, so no level ever exceeds 10.
 * `used`: annotations of each level the caller writes itself in the same step (its own warnings, ...), so that
 * together they stay within GitHub's 10 per level. A failing run's core.setFailed is one error: counted unless
 * `used.error` says otherwise.
 */
export function renderAnnotations(
  report: Report,
  used: Partial<Record<Severity, number>> = {},
): Annotation[] {
  const taken: Partial<Record<Severity, number>> = { error: report.verdict === 'fail' ? 1 : 0, ...used };
  const room = (level: Severity) => Math.max(0, ANNOTATIONS_PER_LEVEL - (taken[level] ?? 0));
  const active = report.findings.filter((f) => !f.suppressed);
  const of = (level: Severity) => active.filter((f) => f.severity === level);

  const out: Annotation[] = [];
  const overflow: Annotation[] = [];
  for (const level of ['error', 'warning'] as const) {
    const list = of(level);
    out.push(...list.slice(0, room(level)).map((f) => findingAnnotation(report, f)));
    if (list.length > room(level)) overflow.push(overflowNote(level, list.length - room(level)));
  }
  const notices = of('notice');
  const noteRoom = room('notice');
  overflow.splice(noteRoom);
  const noticeSlots = noteRoom - overflow.length;
  const noticesShown = notices.length <= noticeSlots ? notices.length : Math.max(0, noticeSlots - 1);
  out.push(...notices.slice(0, noticesShown).map((f) => findingAnnotation(report, f)));
  if (noticesShown < notices.length && overflow.length < noteRoom) {
    overflow.push(overflowNote('notice', notices.length - noticesShown));
  }
  return [...out, ...overflow];
}

/** A finding as an annotation: its file joined onto the report's directory, its lines and column. */
export function findingAnnotation(report: Report, f: Finding): Annotation {
  const a: Annotation = { level: f.severity, message: f.message, title: `${f.ruleId} ${f.name}` };
  if (f.file !== '.') a.file = repoPath(report.directory, f.file);
  if (f.line !== undefined && a.file) {
    a.startLine = f.line;
    if (f.endLine !== undefined && f.endLine >= f.line) a.endLine = f.endLine;
    if (f.column !== undefined) a.startColumn = f.column;
  }
  return a;
}

function overflowNote(level: Severity, more: number): Annotation {
  const noun = NOUN[level][more === 1 ? 0 : 1];
  return {
    level: 'notice',
    message: `and ${more} more ${noun}: see the job summary`,
    title: `${more} more ${noun} not annotated`,
  };
}
