import { sha256Hex } from '../core/sha256.js';
import {
  type EngineResult,
  type Factor,
  type Finding,
  type Report,
  type Severity,
  type SmokeStep,
  type RunStatus,
  partsOfPlain,
} from '../core/index.js';
import { FACTOR_NAMES, FACTOR_ORDER, seconds } from './common.js';
import { escapeHtml, escapeMarkdown, fencedBlock } from './escape.js';
import { explainingTail } from './logs.js';
import { partsMarkdown } from './message.js';

export const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
const STATUS_ICON: Record<RunStatus, string> = {
  passed: '✅',
  warnings: '⚠️',
  failed: '❌',
  skipped: '⏭️',
};
const ENGINE_NAME = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;
/** What each smoke step proves, in the reader's words. */
const STEP_LABEL: Record<string, string> = {
  database: 'database',
  migrate: 'migrate',
  start: 'start',
  http: 'serve',
  stop: 'stop',
  persist: 'data survives',
  tables: 'tables kept',
  'check-deploy': 'check --deploy',
};

/** The factors a scorecard always lists: the twelve and the production checks. */
export const SCORECARD_FACTORS: Factor[] = FACTOR_ORDER.filter((f) => f !== '0');

/**
 * The prefix of every anchor of one directory's report, so that two comments on one page (two directories of a
 * monorepo) never share an anchor: a slug of the directory for the reader, a hash of it for uniqueness.
 */
export function anchorPrefix(directory: string): string {
  const dir = directory.replace(/^(?:\.\/)+|\/+$/g, '');
  if (dir === '' || dir === '.') return 'tfr-';
  const slug = dir
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const hash = sha256Hex(dir).slice(0, 6);
  return `tfr-${slug ? `${slug}-` : ''}${hash}-`;
}

/** Anchor of a factor's section (GitHub prefixes ids with user-content- and follows #name links to them). */
export function factorAnchor(factor: Factor, prefix: string): string {
  return `${prefix}factor-${factor === '0' ? 'analysis' : factor.toLowerCase()}`;
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function countsShort(counts: Record<Severity, number>): string {
  return (['error', 'warning', 'notice'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`)
    .join(', ');
}

/**
 * One row per factor: ❌ with an error, ⚠️ with a warning, ✅ otherwise; a link to its section when it has one. One
 * line when every factor passes.
 */
export function scorecard(active: readonly Finding[], sections: ReadonlySet<Factor>, prefix: string): string {
  // Every factor passing: one line instead of thirteen rows, so that a clean report fits on one screen.
  if (!active.some((f) => f.severity !== 'notice')) {
    const notices = active.length ? ` (${countsShort(severityCounts(active))} below)` : '';
    return `✅ **All twelve factors and the production checks pass**${notices}`;
  }
  const factors = active.some((f) => f.factor === '0')
    ? ['0' as Factor, ...SCORECARD_FACTORS]
    : SCORECARD_FACTORS;
  const rows = factors.map((factor) => {
    const counts = severityCounts(active.filter((f) => f.factor === factor));
    const icon = counts.error ? '❌' : counts.warning ? '⚠️' : '✅';
    const name = sections.has(factor)
      ? `[${FACTOR_NAMES[factor]}](#${factorAnchor(factor, prefix)})`
      : FACTOR_NAMES[factor];
    return `| ${icon} | ${name} | ${countsShort(counts)} |`;
  });
  return ['| | Factor | Findings |', '|:-:|---|---|', ...rows].join('\n');
}

export interface SmokeLog {
  anchor: string;
  label: string;
  text: string;
}

/** The logs the smoke section shows, each once: the build's and those of failed steps, with their anchors. */
export function smokeLogs(report: Report): SmokeLog[] {
  const s = report.smoke;
  if (!s) return [];
  const prefix = anchorPrefix(report.directory);
  const logs: SmokeLog[] = [];
  if (s.build?.logTail)
    logs.push({ anchor: `${prefix}log-build`, label: 'the image build', text: s.build.logTail });
  for (const engine of [s.engines.sqlite, s.engines.postgres]) {
    for (const step of engine?.steps ?? []) {
      if (step.status === 'failed' && step.logTail && !logs.some((l) => l.text === step.logTail)) {
        logs.push({
          anchor: `${prefix}log-${engine!.engine}-${step.name.replace(/[^\w-]/g, '')}`,
          label: `${label(step.name)} (${ENGINE_NAME[engine!.engine]})`,
          text: step.logTail,
        });
      }
    }
  }
  return logs;
}

/** The smoke test in a few lines: the build, then one line per engine with each step as an icon. */
export function smokeSection(report: Report, withLogs: boolean): string {
  const smoke = report.smoke!;
  const app = smoke.app !== undefined && smoke.app !== '.' ? ` of ${escapeMarkdown(smoke.app)}` : '';
  let head = `**Smoke test${app}**: ${STATUS_ICON[smoke.status]} ${smoke.status} in ${seconds(smoke.durationMs)}`;
  if (smoke.reason && smoke.status !== 'failed') head += `: ${prose(smoke.reason)}`;
  const logs = smokeLogs(report);
  const logOf = (text: string | undefined) =>
    withLogs && text ? logs.find((l) => l.text === text) : undefined;
  const items: string[] = [];
  const shown = new Set<string>();
  if (smoke.build) {
    const b = smoke.build;
    let line = `- **Image build** ${STATUS_ICON[b.status]} ${seconds(b.durationMs)}`;
    if (b.status !== 'passed' && b.detail) line += `: ${prose(b.detail)}`;
    const log = logOf(b.logTail);
    if (log) shown.add(log.anchor);
    items.push(withLog(line, log));
  }
  for (const engine of [smoke.engines.sqlite, smoke.engines.postgres]) {
    if (!engine) continue;
    let line = `- ${engineLine(engine)}`;
    const failed = engine.steps.find((s) => s.status === 'failed');
    const why = engine.reason ?? failed?.detail;
    if (why && engine.status !== 'passed') line += `: ${prose(why)}`;
    let item = line;
    for (const step of engine.steps) {
      const log = logOf(step.logTail);
      if (log && !shown.has(log.anchor)) {
        shown.add(log.anchor);
        item = withLog(item, log);
      }
    }
    items.push(item);
  }
  return [head, items.join('\n')].filter(Boolean).join('\n\n');
}

function engineLine(engine: EngineResult): string {
  const steps = engine.steps.map(
    (s: SmokeStep) => `${escapeMarkdown(label(s.name))} ${STATUS_ICON[s.status]}`,
  );
  return [
    `**${ENGINE_NAME[engine.engine]}** ${STATUS_ICON[engine.status]}`,
    ...steps,
    seconds(engine.durationMs),
  ].join(' · ');
}

function label(step: string): string {
  return STEP_LABEL[step] ?? step;
}

/** A smoke detail or reason: our words with repository values, code samples in backticks. */
function prose(text: string): string {
  return partsMarkdown(partsOfPlain(text));
}

function withLog(line: string, log: SmokeLog | undefined): string {
  return log ? `${line}\n${logDetails(`Log of ${log.label}`, log.text, '  ', log.anchor)}` : line;
}

/** A collapsed log, trimmed to the lines that explain the failure; `anchor` lets findings point to it. */
export function logDetails(summary: string, log: string, indent = '', anchor?: string): string {
  const id = anchor ? `<a id="${anchor}"></a>` : '';
  return [
    `${indent}<details><summary>${id}${escapeHtml(summary)}</summary>`,
    '',
    fencedBlock(explainingTail(log), indent),
    '',
    `${indent}</details>`,
  ].join('\n');
}
