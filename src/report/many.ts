import type { Finding, Report, RuleMeta } from '../core/index.js';
import { plural } from './common.js';
import { escapeMarkdown, terminalLine } from './escape.js';
import { jsonReport } from './json.js';
import { sarifLog, SARIF_SCHEMA_URI } from './sarif.js';
import { renderGithub } from './workflow-commands.js';
import { compareText } from '../util/compare-text.js';

/**
 * The reports of several projects checked in one run (`check DIR DIR ...`, `check --each DIR`): one report each in
 * JSON and SARIF, one table for the terminal or markdown. A single project keeps the single report's shape.
 */

/**
 * The report of many projects, written as each project's review ends: `add` takes the reports in the projects' order
 * and returns the text that can be written now, `end` the rest. A format that lists every project (JSON, SARIF,
 * annotations) keeps nothing of a report once its text is out, so 900 projects never sit in memory together; a table
 * keeps one short row per project.
 */
export interface ManyReportWriter {
  add(report: Report): string;
  end(): string;
}

export type ManyFormat = 'json' | 'sarif' | 'text' | 'markdown' | 'github';

export function manyReportWriter(
  format: ManyFormat,
  options: { color: boolean; rules: readonly RuleMeta[] },
): ManyReportWriter {
  switch (format) {
    case 'json':
      return jsonArrayWriter('[', ']', 1, jsonReport);
    case 'sarif':
      return jsonArrayWriter(
        `{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA_URI)},\n  "version": "2.1.0",\n  "runs": [`,
        ']\n}',
        2,
        (report) => sarifRun(report, options.rules),
      );
    case 'github':
      return { add: renderGithub, end: () => '' };
    case 'text':
      return tableWriter((rows) => textTable(rows, options.color));
    case 'markdown':
      return tableWriter(markdownTable);
  }
}

/**
 * The elements of a JSON array, each as JSON.stringify(value, null, 2) would write it inside the whole array: the
 * text a single stringify of all of them gives, byte for byte, without ever holding all of them.
 */
function jsonArrayWriter<T>(
  open: string,
  close: string,
  depth: number,
  value: (report: Report) => T,
): ManyReportWriter {
  const indent = '  '.repeat(depth);
  let count = 0;
  return {
    add(report) {
      const text = JSON.stringify(value(report), null, 2).replaceAll('\n', `\n${indent}`);
      return `${count++ === 0 ? `${open}\n` : ',\n'}${indent}${text}`;
    },
    end: () => (count === 0 ? `${open}${close}\n` : `\n${indent.slice(2)}${close}\n`),
  };
}

function tableWriter(render: (rows: string[][]) => string): ManyReportWriter {
  const rows: string[][] = [];
  return {
    add(report) {
      rows.push(row(report));
      return '';
    },
    end: () => render(rows),
  };
}

function renderAll(writer: ManyReportWriter, reports: readonly Report[]): string {
  return reports.map((r) => writer.add(r)).join('') + writer.end();
}

/** A JSON array of the single-project reports, in the order the projects were given. */
export function renderJsonMany(reports: readonly Report[]): string {
  return renderAll(manyReportWriter('json', { color: false, rules: [] }), reports);
}

/**
 * One SARIF log with one run per project. Each run describes only the rules its results use (a run of a clean project
 * none), so 900 projects do not repeat the whole catalogue 900 times, and names its project in automationDetails,
 * the category code scanning keeps the runs apart by.
 */
export function renderSarifMany(reports: readonly Report[], rules: readonly RuleMeta[]): string {
  return renderAll(manyReportWriter('sarif', { color: false, rules }), reports);
}

function sarifRun(report: Report, rules: readonly RuleMeta[]) {
  const [run] = sarifLog(report, rules).runs;
  return { ...run, automationDetails: { id: `${report.tool.name}/${report.directory}/` } };
}

/** Every project's annotations, each file named from the directory the run was started in. */
export function renderGithubMany(reports: readonly Report[]): string {
  return reports.map(renderGithub).join('');
}

/** The rule ids with unsuppressed findings, most findings first: what a project has to fix, at a glance. */
function ruleSummary(findings: readonly Finding[], max = 6): string[] {
  const counts = new Map<string, number>();
  for (const f of findings) if (!f.suppressed) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  const ids = [...counts]
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .map(([id, n]) => (n > 1 ? `${id}×${n}` : id));
  return ids.length > max ? [...ids.slice(0, max), `+${ids.length - max}`] : ids;
}

function row(r: Report): string[] {
  return [
    r.directory,
    r.verdict,
    String(r.counts.error),
    String(r.counts.warning),
    String(r.counts.notice),
    String(r.findings.filter((f) => f.suppressed).length),
    ruleSummary(r.findings).join(' '),
  ];
}

const HEADER = ['project', 'verdict', 'errors', 'warnings', 'notices', 'suppressed', 'rules'];

function summary(rows: readonly string[][]): string {
  const failed = rows.filter((r) => r[1] === 'fail').length;
  return `${plural(rows.length, 'project')}: ${failed} fail, ${rows.length - failed} pass`;
}

/** The terminal table: one row per project, columns aligned, the counts right-aligned. */
export function renderTextMany(reports: readonly Report[], options: { color: boolean }): string {
  return renderAll(manyReportWriter('text', { color: options.color, rules: [] }), reports);
}

function textTable(rows: readonly string[][], color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001B[${code}m${text}\u001B[39m` : text);
  const body = rows.map((row) => [terminalLine(row[0]), ...row.slice(1)]);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (row: string[], colour = false) =>
    row
      .map((cell, i) => {
        const padded = i >= 2 && i <= 5 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]);
        return colour && i === 1 ? paint(cell === 'fail' ? 31 : 32, padded) : padded;
      })
      .join('  ')
      .trimEnd();
  const failed = rows.some((r) => r[1] === 'fail');
  return `${[line(HEADER), ...body.map((row) => line(row, true)), '', `${failed ? '✖' : '✔'} ${summary(rows)}`].join('\n')}\n`;
}

/** The markdown table: the same rows, every cell escaped (directory names come from the file system). */
export function renderMarkdownMany(reports: readonly Report[]): string {
  return renderAll(manyReportWriter('markdown', { color: false, rules: [] }), reports);
}

function markdownTable(rows: readonly string[][]): string {
  const out = [
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map((_, i) => (i >= 2 && i <= 5 ? '---:' : '---')).join('|')}|`,
    ...rows.map(
      (row) =>
        `| ${[escapeMarkdown(row[0]), row[1] === 'fail' ? '❌ fail' : '✅ pass', ...row.slice(2)].join(' | ')} |`,
    ),
    '',
    `**${summary(rows)}**`,
  ];
  return `${out.join('\n')}\n`;
}
