import type { EngineResult, Finding, Report, RunStatus, Severity, SmokeStep } from '../core/index.js';
import { analysedLine, countsPhrase, plural, seconds } from './common.js';
import { terminalLine } from './escape.js';
import { explainingTail } from './logs.js';
import { messageParts, partsTerminal } from './message.js';

export interface TextOptions {
  /** ANSI colours; the CLI passes `process.stdout.isTTY && !NO_COLOR`. */
  color: boolean;
}

type Style = 'red' | 'yellow' | 'cyan' | 'green' | 'dim' | 'bold' | 'underline';
const CODES: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  green: [32, 39],
  dim: [2, 22],
  bold: [1, 22],
  underline: [4, 24],
};

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', notice: 'cyan' };
const STATUS_STYLE: Record<RunStatus, Style> = {
  passed: 'green',
  warnings: 'yellow',
  failed: 'red',
  skipped: 'dim',
};

/** The terminal report, grouped by file like eslint's stylish format, with a summary line last. */
export function renderText(report: Report, options: TextOptions): string {
  const paint = (style: Style, text: string) =>
    options.color ? `\u001B[${CODES[style][0]}m${text}\u001B[${CODES[style][1]}m` : text;
  const out: string[] = [];

  const byFile = new Map<string, Finding[]>();
  for (const f of report.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, findings] of byFile) {
    out.push(paint('underline', terminalLine(file)));
    const positions = findings.map((f) => (f.line === undefined ? '-' : `${f.line}:${f.column ?? 1}`));
    const width = Math.max(...positions.map((p) => p.length));
    findings.forEach((f, i) => {
      const position = positions[i].padStart(width);
      const severity = f.severity.padEnd(7);
      const rule = `${f.ruleId} ${f.name}`;
      // Code samples in cyan when coloured; the plain message (code in backticks) otherwise.
      const message = options.color
        ? partsTerminal(messageParts(f), (c) => paint('cyan', c))
        : terminalLine(f.message);
      if (f.suppressed) {
        const why = f.suppressed.reason
          ? `${f.suppressed.by}: ${terminalLine(f.suppressed.reason)}`
          : f.suppressed.by;
        out.push(paint('dim', `  ${position}  ${severity}  ${message}  ${rule}  (suppressed, ${why})`));
      } else {
        out.push(
          `  ${paint('dim', position)}  ${paint(SEVERITY_STYLE[f.severity], severity)}  ${message}  ${paint('dim', rule)}`,
        );
        // The log (failed build, migrate) trimmed as in the comment: the exception first, then the tail.
        if (f.details) {
          const indent = ' '.repeat(width + 4);
          for (const line of logLines(f.details)) out.push(paint('dim', `${indent}│ ${line}`));
        }
      }
    });
    out.push('');
  }

  if (report.smoke) {
    const s = report.smoke;
    const app = s.app !== undefined ? ` (app: ${terminalLine(s.app)})` : '';
    out.push(
      paint(
        'bold',
        `Smoke tests${app}: ${paint(STATUS_STYLE[s.status], s.status)} in ${seconds(s.durationMs)}`,
      ),
    );
    if (s.reason) out.push(`  ${terminalLine(s.reason)}`);
    const rows: string[][] = [];
    if (s.build) rows.push(stepRow(s.build, ''));
    for (const engine of [s.engines.sqlite, s.engines.postgres]) {
      if (!engine) continue;
      rows.push(engineRow(engine));
      for (const step of engine.steps) rows.push(stepRow(step, '  '));
    }
    const w0 = Math.max(0, ...rows.map((r) => r[0].length));
    for (const [name, status, time, detail] of rows) {
      const cells = [
        name.padEnd(w0),
        paint(STATUS_STYLE[status as RunStatus], status.padEnd(8)),
        time.padStart(8),
        detail,
      ];
      out.push(`  ${cells.join('  ').trimEnd()}`);
    }
    out.push('');
  }

  const analysed = analysedLine(report, terminalLine, terminalLine);
  if (analysed) out.push(paint('dim', analysed));
  const suppressed = report.findings.filter((f) => f.suppressed).length;
  const total = report.counts.error + report.counts.warning + report.counts.notice;
  const mark = report.verdict === 'pass' ? paint('green', '✔') : paint('red', '✖');
  const verdict = report.verdict === 'pass' ? paint('green', 'pass') : paint('red', paint('bold', 'fail'));
  out.push(
    `${mark} ${plural(total, 'problem')} (${countsPhrase(report.counts)})` +
      `${suppressed ? `, ${suppressed} suppressed` : ''}: ${verdict} (fail-on: ${report.failOn})`,
  );
  return `${out.join('\n')}\n`;
}

function logLines(log: string): string[] {
  return explainingTail(log)
    .split('\n')
    .map((l) => l.replace(/\t/g, '  '));
}

function stepRow(step: SmokeStep, indent: string): string[] {
  return [
    indent + terminalLine(step.name),
    step.status,
    seconds(step.durationMs),
    step.detail ? terminalLine(step.detail) : '',
  ];
}

function engineRow(engine: EngineResult): string[] {
  return [
    engine.engine,
    engine.status,
    seconds(engine.durationMs),
    engine.reason ? terminalLine(engine.reason) : '',
  ];
}
