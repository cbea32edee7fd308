import type { Severity } from '../core/finding.js';
import { findingAnnotation, type Annotation } from './annotations.js';
import { countsPhrase, plural } from './common.js';
import type { Report } from '../core/report.js';
import { escapeData, escapeProperty, inert } from '../core/workflow-text.js';

// `--format github`: the CLI's findings as the workflow commands a GitHub runner turns into annotations.

/** One annotation as the `::error file=...,line=...,title=...::message` line @actions/core would print. */
export function annotationCommand(a: Annotation, level: Severity = a.level): string {
  const properties: [string, string | number | undefined][] = [
    ['file', a.file],
    ['line', a.startLine],
    ['endLine', a.endLine],
    ['col', a.startColumn],
    ['title', a.title],
  ];
  const props = properties
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(a.message)}`;
}

/**
 * `--format github`: one annotation per unsuppressed finding (every one: the runner shows the first ten of a level
 * and keeps the rest in the log), then the verdict as plain, inert text.
 */
export function renderGithub(report: Report): string {
  const lines = report.findings
    .filter((f) => !f.suppressed)
    .map((f) => annotationCommand(findingAnnotation(report, f)));
  const total = report.counts.error + report.counts.warning + report.counts.notice;
  lines.push(
    inert(
      `twelve-factor-review ${report.directory}: ${plural(total, 'problem')} (${countsPhrase(report.counts)}): ` +
        `${report.verdict} (fail-on: ${report.failOn})`,
    ),
  );
  return `${lines.join('\n')}\n`;
}
