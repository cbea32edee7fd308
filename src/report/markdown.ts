import type { EngineResult, Finding, Report, Severity, SmokeStep, StepStatus } from '../core/index.js';
import {
  FACTOR_NAMES,
  FACTOR_ORDER,
  countsPhrase,
  plural,
  repoPath,
  ruleHelpUri,
  seconds,
} from './common.js';
import { encodePath, escapeHtml, escapeMarkdown, fencedBlock } from './escape.js';

export interface MarkdownOptions {
  /** https://github.com/owner/repo: with `sha`, file:line becomes a link to the exact line. */
  repoUrl?: string;
  sha?: string;
  /** Hard limit of the result in characters (UTF-16 code units; a PR comment holds 65,536 characters). */
  maxChars?: number;
  /** Hard limit of the result's UTF-8 size, when the consumer counts bytes (the job summary holds 1 MiB). */
  maxBytes?: number;
  /** An HTML comment put first, by which the publisher finds its own comment again. */
  marker?: string;
  /** Markdown (trusted, from the publisher): where the reader finds what a shortened report leaves out. */
  fullReportHint?: string;
}

export const DEFAULT_MAX_CHARS = 65536;
const DEFAULT_HINT = 'The full report is in the job summary of this run and in its JSON report.';
/** A log tail longer than this is cut to its end: the last lines say why a step failed. */
const MAX_LOG_LINES = 80;
const MAX_LOG_CHARS = 8000;

const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
const STATUS_ICON: Record<StepStatus, string> = { passed: '✅', failed: '❌', skipped: '⏭️' };
const ENGINE_NAME = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

interface Context {
  report: Report;
  options: MarkdownOptions;
  withLogs: boolean;
  linkedRules: Set<string>;
}

interface Layout {
  findingLogs: boolean;
  smokeLogs: boolean;
  /** How many findings (unsuppressed first, then suppressed) are listed. */
  shown: number;
  /** The smoke section; false only as the last resort. */
  smoke?: boolean;
}

/** The one markdown document behind the job summary and the pull request comment, never longer than maxChars. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const maxBytes = options.maxBytes ?? Infinity;
  // A string's UTF-8 size is at most 3 bytes per UTF-16 code unit: count bytes only when that can matter.
  const fits = (text: string) =>
    text.length <= maxChars && (text.length * 3 <= maxBytes || Buffer.byteLength(text) <= maxBytes);
  const total = report.findings.length;
  const tiers: Layout[] = [
    { findingLogs: true, smokeLogs: true, shown: total },
    { findingLogs: false, smokeLogs: true, shown: total },
    { findingLogs: false, smokeLogs: false, shown: total },
  ];
  for (const layout of tiers) {
    const text = assemble(report, options, layout);
    if (fits(text)) return text;
  }
  // Fewer findings: the largest count that still fits (the length grows with the count).
  let lo = 0;
  let hi = total;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(assemble(report, options, { findingLogs: false, smokeLogs: false, shown: mid }))) lo = mid;
    else hi = mid - 1;
  }
  const text = assemble(report, options, { findingLogs: false, smokeLogs: false, shown: lo });
  if (fits(text)) return text;
  // Not even the smoke tables fit: the verdict and the pointer alone.
  const bare = assemble(report, options, { findingLogs: false, smokeLogs: false, shown: 0, smoke: false });
  return fits(bare) ? bare : cutAtLine(bare, fits);
}

function assemble(report: Report, options: MarkdownOptions, layout: Layout): string {
  const ctx: Context = { report, options, withLogs: layout.findingLogs, linkedRules: new Set() };
  const blocks: string[] = [];
  if (options.marker) blocks.push(options.marker);
  blocks.push(header(report));
  const truncated =
    !layout.findingLogs && report.findings.some((f) => f.details) ? ['log details of findings'] : [];
  if (report.smoke && layout.smoke === false) {
    truncated.push('smoke test results');
  } else if (report.smoke) {
    blocks.push(smokeSection(report, layout.smokeLogs));
    if (!layout.smokeLogs && hasSmokeLogs(report)) truncated.push('smoke test logs');
  }
  const unsuppressed = report.findings.filter((f) => !f.suppressed);
  const suppressed = report.findings.filter((f) => f.suppressed);
  // When not all fit, the most severe are the ones shown.
  const shownActive =
    layout.shown >= unsuppressed.length ? unsuppressed : mostSevere(unsuppressed, layout.shown);
  const shownSuppressed = suppressed.slice(0, Math.max(0, layout.shown - unsuppressed.length));
  if (layout.shown < report.findings.length) {
    truncated.unshift(`${layout.shown} of ${plural(report.findings.length, 'finding')} shown`);
  }
  // The pointer goes before the long lists so that it is seen, and survives a reader's scrolling fatigue.
  if (truncated.length > 0) {
    blocks.push(
      `> [!NOTE]\n> This report was shortened to fit (${truncated.join('; ')}). ${options.fullReportHint ?? DEFAULT_HINT}`,
    );
  }
  blocks.push(findingsSection(ctx, shownActive, unsuppressed.length));
  if (suppressed.length > 0) blocks.push(suppressedSection(ctx, shownSuppressed, suppressed.length));
  return `${blocks.join('\n\n')}\n`;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

function mostSevere(findings: Finding[], n: number): Finding[] {
  const chosen = new Set(
    findings
      .map((f, i) => ({ f, i }))
      .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
      .slice(0, n)
      .map((x) => x.f),
  );
  return findings.filter((f) => chosen.has(f));
}

function header(report: Report): string {
  const verdict =
    report.verdict === 'pass' ? '✅ Twelve-factor review: pass' : '❌ Twelve-factor review: fail';
  const suppressed = report.findings.filter((f) => f.suppressed).length;
  const parts = [
    `**${countsPhrase(report.counts)}**`,
    ...(suppressed ? [`${suppressed} suppressed`] : []),
    `fails on ${report.failOn === 'never' ? 'nothing (fail-on: never)' : `${report.failOn} and above`}`,
  ];
  const scanned = [`Scanned ${escapeMarkdown(report.directory)}`];
  if (report.configFile) scanned.push(`config ${escapeMarkdown(report.configFile)}`);
  scanned.push(`${seconds(report.durationMs)}`);
  return `### ${verdict}\n\n${parts.join(' · ')}\\\n${scanned.join(' · ')}`;
}

function smokeSection(report: Report, withLogs: boolean): string {
  const smoke = report.smoke!;
  const out: string[] = ['#### Smoke tests'];
  const app = smoke.app !== undefined ? ` of ${escapeMarkdown(smoke.app)}` : '';
  let summary = `${STATUS_ICON[smoke.status]} Smoke tests${app}: **${smoke.status}** in ${seconds(smoke.durationMs)}`;
  if (smoke.reason) summary += `: ${escapeMarkdown(smoke.reason)}`;
  out.push(summary);
  const logs: string[] = [];
  if (smoke.build) {
    out.push(table([smoke.build], 'Image build'));
    if (smoke.build.logTail) logs.push(logDetails(`Log of the image build`, smoke.build.logTail));
  }
  for (const engine of [smoke.engines.sqlite, smoke.engines.postgres]) {
    if (!engine) continue;
    out.push(engineSection(engine));
    for (const step of engine.steps) {
      if (step.logTail) {
        logs.push(logDetails(`Log of ${step.name} (${ENGINE_NAME[engine.engine]})`, step.logTail));
      }
    }
  }
  if (withLogs) out.push(...logs);
  return out.join('\n\n');
}

function hasSmokeLogs(report: Report): boolean {
  const s = report.smoke;
  if (!s) return false;
  return Boolean(s.build?.logTail) || Object.values(s.engines).some((e) => e?.steps.some((st) => st.logTail));
}

function engineSection(engine: EngineResult): string {
  let title = `**${ENGINE_NAME[engine.engine]}**: ${STATUS_ICON[engine.status]} ${engine.status} in ${seconds(engine.durationMs)}`;
  if (engine.reason) title += `: ${escapeMarkdown(engine.reason)}`;
  return engine.steps.length > 0 ? `${title}\n\n${table(engine.steps, 'Step')}` : title;
}

function table(steps: SmokeStep[], first: string): string {
  const rows = steps.map(
    (s) =>
      `| ${escapeMarkdown(s.name)} | ${STATUS_ICON[s.status]} ${s.status} | ${seconds(s.durationMs)} | ${s.detail ? escapeMarkdown(s.detail) : ''} |`,
  );
  return [`| ${first} | Status | Time | Detail |`, '|---|---|--:|---|', ...rows].join('\n');
}

function logDetails(summary: string, log: string, indent = ''): string {
  return [
    `${indent}<details><summary>${escapeHtml(summary)}</summary>`,
    '',
    fencedBlock(tail(log), indent),
    '',
    `${indent}</details>`,
  ].join('\n');
}

function tail(log: string): string {
  let lines = log.replace(/\n+$/, '').split('\n');
  let cut = false;
  if (lines.length > MAX_LOG_LINES) {
    lines = lines.slice(-MAX_LOG_LINES);
    cut = true;
  }
  let text = lines.join('\n');
  if (text.length > MAX_LOG_CHARS) {
    text = text.slice(-MAX_LOG_CHARS);
    text = text.slice(text.indexOf('\n') + 1);
    cut = true;
  }
  return cut ? `[… earlier lines cut]\n${text}` : text;
}

function findingsSection(ctx: Context, shown: Finding[], total: number): string {
  if (total === 0) return '#### Findings\n\nNo findings.';
  const out: string[] = ['#### Findings'];
  for (const factor of FACTOR_ORDER) {
    // Errors first within a factor; file order otherwise (the sort is stable).
    const inFactor = shown
      .filter((f) => f.factor === factor)
      .sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    if (inFactor.length === 0) continue;
    out.push(`##### ${FACTOR_NAMES[factor]}`);
    out.push(inFactor.map((f) => findingItem(ctx, f)).join('\n'));
  }
  if (shown.length < total) out.push(`… and ${plural(total - shown.length, 'more finding')} not shown here.`);
  return out.join('\n\n');
}

function suppressedSection(ctx: Context, shown: Finding[], total: number): string {
  const items = shown.map((f) => findingItem(ctx, f));
  if (shown.length < total) items.push(`- … and ${plural(total - shown.length, 'more suppressed finding')}`);
  return [
    `<details><summary>Suppressed (${total}): reported, never failing the check</summary>`,
    '',
    ...items,
    '',
    '</details>',
  ].join('\n');
}

function findingItem(ctx: Context, f: Finding): string {
  // The rule's help is linked where the rule first appears; repeating the URL would eat the comment's room.
  const id = ctx.linkedRules.has(f.ruleId)
    ? `**${f.ruleId}**`
    : `[**${f.ruleId}**](${ruleHelpUri({ id: f.ruleId, name: f.name }, ctx.report.tool.version)})`;
  ctx.linkedRules.add(f.ruleId);
  let line = `- ${SEVERITY_ICON[f.severity]} ${id} ${f.name} · ${location(ctx, f)}: ${escapeMarkdown(f.message)}`;
  if (f.suppressed) {
    line += ` _(suppressed by ${escapeMarkdown(f.suppressed.by)}${f.suppressed.reason ? `: ${escapeMarkdown(f.suppressed.reason)}` : ''})_`;
  }
  if (ctx.withLogs && f.details) line += `\n${logDetails('Details', f.details, '  ')}`;
  return line;
}

function location({ report, options }: Context, f: Finding): string {
  if (f.file === '.') return 'the whole project';
  const text = escapeMarkdown(f.line === undefined ? f.file : `${f.file}:${f.line}`);
  if (!options.repoUrl || !options.sha) return text;
  const path = encodePath(repoPath(report, f.file));
  const anchor = f.line === undefined ? '' : `#L${f.line}`;
  return `[${text}](${options.repoUrl.replace(/\/+$/, '')}/blob/${encodeURIComponent(options.sha)}/${path}${anchor})`;
}

/** Last resort when even the header does not fit: whole lines only, never half an escape. */
function cutAtLine(text: string, fits: (text: string) => boolean): string {
  const lines = text.split('\n');
  while (lines.length > 0 && !fits(`${lines.join('\n')}\n`)) lines.pop();
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
