import { posix } from 'node:path';
import type { Factor, Finding, Report, Severity } from '../core/index.js';

/** Where the tool's documentation lives; rule help links point into its docs/rules.md. */
export const INFORMATION_URI = 'https://github.com/twelve-factor-review/twelve-factor-review';

/** Display names of the catalog's factor keys. */
export const FACTOR_NAMES: Record<Factor, string> = {
  '0': 'Analysis',
  I: 'I. Codebase',
  II: 'II. Dependencies',
  III: 'III. Config',
  IV: 'IV. Backing services',
  V: 'V. Build, release, run',
  VI: 'VI. Processes',
  VII: 'VII. Port binding',
  VIII: 'VIII. Concurrency',
  IX: 'IX. Disposability',
  X: 'X. Dev/prod parity',
  XI: 'XI. Logs',
  XII: 'XII. Admin processes',
  XIII: 'Production checks',
};

/** Catalog order of the factors. */
export const FACTOR_ORDER = Object.keys(FACTOR_NAMES) as Factor[];

/** Anchor of a rule's section in docs/rules.md (GitHub's heading slug of "TF0301 secret-key-in-code"). */
export function ruleAnchor(rule: { id: string; name: string }): string {
  return `${rule.id.toLowerCase()}-${rule.name}`;
}

/** A rule's section in docs/rules.md as released under tag v{version}: the docs of the version that ran. */
export function ruleHelpUri(rule: { id: string; name: string }, version: string): string {
  return `${INFORMATION_URI}/blob/v${version}/docs/rules.md#${ruleAnchor(rule)}`;
}

/**
 * A finding's path relative to the repository (workspace) root: the scanned directory joined in front when the
 * report names it relatively, so GitHub places annotations, links and SARIF results on the right file.
 */
export function repoPath(report: Pick<Report, 'directory'>, file: string): string {
  const dir = report.directory.replace(/\\/g, '/');
  if (dir === '' || posix.isAbsolute(dir) || /^[A-Za-z]:\//.test(dir)) return file;
  const joined = posix.normalize(posix.join(dir, file));
  return joined.startsWith('../') ? file : joined;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function countsPhrase(counts: Record<Severity, number>): string {
  return [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    plural(counts.notice, 'notice'),
  ].join(', ');
}

export function suppressedCount(findings: readonly Finding[]): number {
  return findings.filter((f) => f.suppressed).length;
}
