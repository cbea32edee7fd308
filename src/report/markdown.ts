import type { Factor, Finding, Report, Severity } from '../core/index.js';
import {
  FACTOR_NAMES,
  analysedLine,
  FACTOR_ORDER,
  countsPhrase,
  plural,
  ruleHelpUri,
  seconds,
} from './common.js';
import { encodePath, escapeMarkdown } from './escape.js';
import { repoPath } from '../util/paths.js';
import {
  SEVERITY_ICON,
  anchorPrefix,
  countsShort,
  factorAnchor,
  logDetails,
  scorecard,
  severityCounts,
  smokeLogs,
  smokeSection,
  type SmokeLog,
} from './markdown-smoke.js';
import { fixesSection } from './markdown-fixes.js';
import { codeSpan, messageParts, partsMarkdown } from './message.js';

export interface MarkdownOptions {
  /** https://github.com/owner/repo: with `sha`, file:line becomes a link to the exact line. */
  repoUrl?: string;
  /** The commit the links point at: the pull request's head, or GITHUB_SHA outside pull requests. */
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
/** At most this many findings under "Fix these first". */
const FIX_FIRST = 3;
/** Dynamic rules whose failure stops the rest of the smoke test: fixed first, since they hide other findings. */
const BLOCKING_RULES = new Set(['TF0502', 'TF1001', 'TF1002', 'TF1201']);

interface Context {
  report: Report;
  options: MarkdownOptions;
  withLogs: boolean;
  /** The smoke logs the comment shows: a finding whose details are one of them points there instead. */
  smokeLogs: SmokeLog[];
}

interface Layout {
  findingLogs: boolean;
  smokeLogs: boolean;
  /** How many findings (unsuppressed first, then suppressed) are listed. */
  shown: number;
  /** The smoke section and the scorecard; false only as the last resort. */
  smoke?: boolean;
  /** The fixes' patch: the first thing left out when the report does not fit. */
  fixes?: boolean;
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
    ...(report.fixes?.applied.length
      ? [{ findingLogs: true, smokeLogs: true, shown: total, fixes: true }]
      : []),
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
  // Not even the scorecard and the smoke lines fit: the verdict and the pointer alone.
  const bare = assemble(report, options, { findingLogs: false, smokeLogs: false, shown: 0, smoke: false });
  return fits(bare) ? bare : cutAtLine(bare, fits);
}

function assemble(report: Report, options: MarkdownOptions, layout: Layout): string {
  const showSmoke = Boolean(report.smoke) && layout.smoke !== false;
  const ctx: Context = {
    report,
    options,
    withLogs: layout.findingLogs,
    smokeLogs: showSmoke && layout.smokeLogs ? smokeLogs(report) : [],
  };
  const unsuppressed = report.findings.filter((f) => !f.suppressed);
  const suppressed = report.findings.filter((f) => f.suppressed);
  // When not all fit, the most severe are the ones shown.
  const shownActive =
    layout.shown >= unsuppressed.length ? unsuppressed : mostSevere(unsuppressed, layout.shown);
  const shownSuppressed = suppressed.slice(0, Math.max(0, layout.shown - unsuppressed.length));
  const sections = new Set(shownActive.map((f) => f.factor));

  const blocks: string[] = [];
  if (options.marker) blocks.push(options.marker);
  // What was analysed goes with the scorecard when even that does not fit.
  blocks.push(header(report, layout.smoke !== false));
  if (layout.smoke !== false) blocks.push(scorecard(unsuppressed, sections, anchorPrefix(report.directory)));
  const truncated =
    !layout.findingLogs && report.findings.some((f) => f.details && !smokeLogOf(ctx, f))
      ? ['log details of findings']
      : [];
  if (report.smoke && !showSmoke) {
    truncated.push('smoke test results');
  } else if (report.smoke) {
    blocks.push(smokeSection(report, layout.smokeLogs));
    if (!layout.smokeLogs && smokeLogs(report).length > 0) truncated.push('smoke test logs');
  }
  if (report.fixes?.applied.length && !layout.fixes) truncated.push("the fixes' patch");
  if (layout.shown < report.findings.length) {
    truncated.unshift(`${layout.shown} of ${plural(report.findings.length, 'finding')} shown`);
  }
  // The pointer goes before the long lists so that it is seen, and survives a reader's scrolling fatigue.
  if (truncated.length > 0) {
    blocks.push(
      `> [!NOTE]\n> This report was shortened to fit (${truncated.join('; ')}). ${options.fullReportHint ?? DEFAULT_HINT}`,
    );
  }
  const first = fixFirst(shownActive);
  if (first.length > 0) {
    blocks.push(
      `#### Fix these first\n\n${first.map((f, i) => `${i + 1}. ${findingLine(ctx, f)}`).join('\n')}`,
    );
  }
  blocks.push(findingsSection(ctx, shownActive, unsuppressed.length));
  const fixes = layout.fixes && report.fixes ? fixesSection(report.fixes) : undefined;
  if (fixes) blocks.push(fixes);
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

/** The errors that block the most: a failed build or engine first, then other measured failures, then the rest. */
export function fixFirst(active: readonly Finding[]): Finding[] {
  const weight = (f: Finding) => (BLOCKING_RULES.has(f.ruleId) ? 0 : f.kind === 'D' ? 1 : 2);
  return active
    .filter((f) => f.severity === 'error')
    .map((f, i) => ({ f, i }))
    .sort((a, b) => weight(a.f) - weight(b.f) || a.i - b.i)
    .slice(0, FIX_FIRST)
    .map((x) => x.f);
}

function header(report: Report, withScope: boolean): string {
  const verdict =
    report.verdict === 'pass' ? '✅ Twelve-factor review: pass' : '❌ Twelve-factor review: fail';
  const suppressed = report.findings.filter((f) => f.suppressed).length;
  const parts = [
    `**${countsPhrase(report.counts)}**`,
    ...(suppressed ? [`${suppressed} suppressed`] : []),
    `fails on ${report.failOn === 'never' ? 'nothing (fail-on: never)' : `${report.failOn} and above`}`,
  ];
  const scanned = [`Scanned ${fileName(report.directory)}`];
  if (report.configFile) scanned.push(`config ${fileName(report.configFile)}`);
  scanned.push(`${seconds(report.durationMs)}`);
  const analysed = withScope && analysedLine(report, fileName, escapeMarkdown);
  return `### ${verdict}\n\n${parts.join(' · ')}\\\n${scanned.join(' · ')}${analysed ? `\\\n${analysed}` : ''}`;
}

function findingsSection(ctx: Context, shown: Finding[], total: number): string {
  if (total === 0) return 'No findings.';
  const out: string[] = ['#### Findings by factor'];
  for (const factor of FACTOR_ORDER) {
    // Errors first within a factor; file order otherwise (the sort is stable).
    const inFactor = shown
      .filter((f) => f.factor === factor)
      .sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    if (inFactor.length === 0) continue;
    out.push(factorSection(ctx, factor, inFactor));
  }
  if (shown.length < total) out.push(`… and ${plural(total - shown.length, 'more finding')} not shown here.`);
  return out.join('\n\n');
}

/** A collapsible section per factor, open when the factor has an error. */
function factorSection(ctx: Context, factor: Factor, findings: Finding[]): string {
  const counts = severityCounts(findings);
  const icon = counts.error
    ? SEVERITY_ICON.error
    : counts.warning
      ? SEVERITY_ICON.warning
      : SEVERITY_ICON.notice;
  const anchor = factorAnchor(factor, anchorPrefix(ctx.report.directory));
  const summary = `<a id="${anchor}"></a>${icon} <strong>${FACTOR_NAMES[factor]}</strong>: ${countsShort(counts)}`;
  return [
    `<details${counts.error ? ' open' : ''}><summary>${summary}</summary>`,
    '',
    findings.map((f) => `- ${findingItem(ctx, f)}`).join('\n'),
    '',
    '</details>',
  ].join('\n');
}

function suppressedSection(ctx: Context, shown: Finding[], total: number): string {
  const items = shown.map((f) => `- ${findingItem(ctx, f)}`);
  if (shown.length < total) items.push(`- … and ${plural(total - shown.length, 'more suppressed finding')}`);
  return [
    `<details><summary>Suppressed (${total}): reported, never failing the check</summary>`,
    '',
    ...items,
    '',
    '</details>',
  ].join('\n');
}

/** severity icon, rule id linked to its docs, file:line linked to the line, the message. */
function findingLine(ctx: Context, f: Finding): string {
  const help = ruleHelpUri({ id: f.ruleId, name: f.name }, ctx.report.tool.version);
  const rule = `[**${escapeMarkdown(f.ruleId)}**](${help} "${f.name.replace(/[^\w-]/g, '')}")`;
  const where = location(ctx, f);
  return `${SEVERITY_ICON[f.severity]} ${rule} ${where}: ${partsMarkdown(messageParts(f))}`;
}

function findingItem(ctx: Context, f: Finding): string {
  let line = findingLine(ctx, f);
  if (f.suppressed) {
    line += ` _(suppressed by ${escapeMarkdown(f.suppressed.by)}${f.suppressed.reason ? `: ${escapeMarkdown(f.suppressed.reason)}` : ''})_`;
  }
  const log = smokeLogOf(ctx, f);
  if (log) line += ` ([log of ${log.label}](#${log.anchor}))`;
  else if (ctx.withLogs && f.details) line += `\n${logDetails('Details', f.details, '  ')}`;
  return line;
}

/** The smoke log a finding's details repeat, when the comment shows it. */
function smokeLogOf(ctx: Context, f: Finding): SmokeLog | undefined {
  return f.details ? ctx.smokeLogs.find((l) => l.text === f.details) : undefined;
}

function location({ report, options }: Context, f: Finding): string {
  if (f.file === '.') return 'the whole project';
  const at = f.line === undefined ? f.file : `${f.file}:${f.line}`;
  const text = fileName(at);
  if (!options.repoUrl || !options.sha) return text;
  const path = encodePath(repoPath(report.directory, f.file));
  const anchor = f.line === undefined ? '' : `#L${f.line}`;
  return `[${text}](${options.repoUrl.replace(/\/+$/, '')}/blob/${encodeURIComponent(options.sha)}/${path}${anchor})`;
}

/** Last resort when even the header does not fit: whole lines only, never half an escape. */
function cutAtLine(text: string, fits: (text: string) => boolean): string {
  const lines = text.split('\n');
  while (lines.length > 0 && !fits(`${lines.join('\n')}\n`)) lines.pop();
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * A repository file name as the reader sees it: as code when it is made of ordinary path characters, else escaped
 * text, so that even the comment's source holds no HTML, mention or link a hostile name could carry.
 */
function fileName(name: string): string {
  return /^[\w./:+-]+$/.test(name) ? codeSpan(name) : escapeMarkdown(name);
}
