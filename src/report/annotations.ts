import type { Finding, Severity } from '../model/types/finding.js';
import { repoPath } from './common.js';
import type { Report } from './types.js';

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
 */
export function renderAnnotations(report: Report): Annotation[] {
  const active = report.findings.filter((f) => !f.suppressed);
  const of = (level: Severity) => active.filter((f) => f.severity === level);
  const errors = of('error');
  const warnings = of('warning');
  const notices = of('notice');

  const out: Annotation[] = [];
  const overflow: Annotation[] = [];
  for (const [level, list] of [
    ['error', errors],
    ['warning', warnings],
  ] as const) {
    // A failing run adds one error annotation of its own (core.setFailed): leave it a slot.
    const slots =
      level === 'error' && report.verdict === 'fail' ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL;
    out.push(...list.slice(0, slots).map((f) => annotation(report, f)));
    if (list.length > slots) overflow.push(overflowNote(level, list.length - slots));
  }
  const noticeSlots = ANNOTATIONS_PER_LEVEL - overflow.length;
  const noticesShown = notices.length <= noticeSlots ? notices.length : noticeSlots - 1;
  out.push(...notices.slice(0, noticesShown).map((f) => annotation(report, f)));
  if (noticesShown < notices.length) overflow.push(overflowNote('notice', notices.length - noticesShown));
  return [...out, ...overflow];
}

function annotation(report: Report, f: Finding): Annotation {
  const a: Annotation = { level: f.severity, message: f.message, title: `${f.ruleId} ${f.name}` };
  if (f.file !== '.') a.file = repoPath(report, f.file);
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
