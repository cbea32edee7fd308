import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Report, RuleMeta, Severity } from '../core/index.js';
import { FACTOR_NAMES, INFORMATION_URI, ruleHelpUri } from './common.js';
import { repoPath } from '../util/paths.js';
import { encodePath } from './escape.js';
import { explainingTail } from './logs.js';
import { messageParts, partsMarkdown } from './message.js';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  notice: 'note',
};
const SARIF_LEVEL = (s: Severity) => LEVEL[s];

/**
 * SARIF 2.1.0 for code scanning. URIs are relative to %SRCROOT%: the repository root when the report's directory is
 * relative (the action), else the scanned directory, which originalUriBaseIds then names. The driver describes the
 * rules its results name, in the order of `rules`: code scanning shows a rule's help beside each of its alerts, and
 * the help of every rule would be most of the file (about 170 kB of a small project's 235 kB).
 */
export function renderSarif(report: Report, rules: readonly RuleMeta[]): string {
  return `${JSON.stringify(sarifLog(report, rules), null, 2)}\n`;
}

export function sarifLog(report: Report, allRules: readonly RuleMeta[]) {
  const named = new Set(report.findings.map((f) => f.ruleId));
  const rules = allRules.filter((r) => named.has(r.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const absolute = isAbsolute(report.directory);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: rules.map((rule) => ruleDescriptor(rule, report.tool.version)),
          },
        },
        ...(absolute ? { originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(report.directory) } } } : {}),
        columnKind: 'utf16CodeUnits' as const,
        results: report.findings.map((f) => result(report, f, index.get(f.ruleId))),
      },
    ],
  };
}

function ruleDescriptor(rule: RuleMeta, version: string) {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: firstParagraph(rule.help) || rule.title },
    helpUri: ruleHelpUri(rule, version),
    help: { text: plainText(rule.help), markdown: rule.help },
    defaultConfiguration: { level: SARIF_LEVEL(rule.severity) },
    properties: {
      tags: ['twelve-factor', FACTOR_NAMES[rule.factor], rule.kind === 'S' ? 'static' : 'dynamic'],
      factor: rule.factor,
      related: [...rule.related],
    },
  };
}

function result(report: Report, f: Finding, ruleIndex: number | undefined) {
  const uri = isAbsolute(report.directory) ? f.file : repoPath(report.directory, f.file);
  const region =
    f.line === undefined
      ? undefined
      : {
          startLine: f.line,
          ...(f.column !== undefined ? { startColumn: f.column } : {}),
          ...(f.endLine !== undefined && f.endLine >= f.line ? { endLine: f.endLine } : {}),
        };
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: SARIF_LEVEL(f.severity),
    message: { text: f.message, markdown: partsMarkdown(messageParts(f)) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodePath(uri), uriBaseId: '%SRCROOT%' },
          ...(region ? { region } : {}),
        },
      },
    ],
    partialFingerprints: { 'twelveFactorFingerprint/v1': f.fingerprint },
    ...(f.suppressed
      ? {
          suppressions: [
            {
              // Config-file suppressions live outside the analysed file.
              kind: f.suppressed.by === 'config' ? ('external' as const) : ('inSource' as const),
              ...(f.suppressed.reason ? { justification: f.suppressed.reason } : {}),
            },
          ],
        }
      : {}),
    // The log as the comment and the terminal show it: the lines that explain the failure, then the tail.
    properties: {
      name: f.name,
      factor: f.factor,
      ...(f.details ? { details: explainingTail(f.details) } : {}),
    },
  };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function firstParagraph(markdown: string): string {
  const para = markdown.trim().split(/\n\s*\n/)[0] ?? '';
  return plainText(para);
}

/** Markdown to readable plain text for SARIF viewers that show `text` only. */
function plainText(markdown: string): string {
  return markdown
    .replace(/^```[^\n]*\n/gm, '')
    .replace(/^```\s*$/gm, '')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .trim();
}
