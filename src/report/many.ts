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

/** A JSON array of the single-project reports, in the order the projects were given. */
export function renderJsonMany(reports: readonly Report[]): string {
  return `${JSON.stringify(reports.map(jsonReport), null, 2)}\n`;
}

/**
 * One SARIF log with one run per project. Each run describes only the rules its results use (a run of a clean project
 * none), so 900 projects do not repeat the whole catalogue 900 times, and names its project in automationDetails,
 * the category code scanning keeps the runs apart by.
 */
export function renderSarifMany(reports: readonly Report[], rules: readonly RuleMeta[]): string {
  const runs = reports.map((report) => {
    const [run] = sarifLog(report, rules).runs;
    return { ...run, automationDetails: { id: `${report.tool.name}/${report.directory}/` } };
  });
  return `${JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs }, null, 2)}\n`;
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

function rows(reports: readonly Report[]): string[][] {
  return reports.map((r) => [
    r.directory,
    r.verdict,
    String(r.counts.error),
    String(r.counts.warning),
    String(r.counts.notice),
    String(r.findings.filter((f) => f.suppressed).length),
    ruleSummary(r.findings).join(' '),
  ]);
}

const HEADER = ['project', 'verdict', 'errors', 'warnings', 'notices', 'suppressed', 'rules'];

function summary(reports: readonly Report[]): string {
  const failed = reports.filter((r) => r.verdict === 'fail').length;
  return `${plural(reports.length, 'project')}: ${failed} fail, ${reports.length - failed} pass`;
}

/** The terminal table: one row per project, columns aligned, the counts right-aligned. */
export function renderTextMany(reports: readonly Report[], options: { color: boolean }): string {
  const paint = (code: number, text: string) => (options.color ? `\u001B[${code}m${text}\u001B[39m` : text);
  const body = rows(reports).map((row) => [terminalLine(row[0]), ...row.slice(1)]);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (row: string[], colour = false) =>
    row
      .map((cell, i) => {
        const padded = i >= 2 && i <= 5 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]);
        return colour && i === 1 ? paint(cell === 'fail' ? 31 : 32, padded) : padded;
      })
      .join('  ')
      .trimEnd();
  const failed = reports.some((r) => r.verdict === 'fail');
  return `${[line(HEADER), ...body.map((row) => line(row, true)), '', `${failed ? '✖' : '✔'} ${summary(reports)}`].join('\n')}\n`;
}

/** The markdown table: the same rows, every cell escaped (directory names come from the file system). */
export function renderMarkdownMany(reports: readonly Report[]): string {
  const out = [
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map((_, i) => (i >= 2 && i <= 5 ? '---:' : '---')).join('|')}|`,
    ...rows(reports).map(
      (row) =>
        `| ${[escapeMarkdown(row[0]), row[1] === 'fail' ? '❌ fail' : '✅ pass', ...row.slice(2)].join(' | ')} |`,
    ),
    '',
    `**${summary(reports)}**`,
  ];
  return `${out.join('\n')}\n`;
}
