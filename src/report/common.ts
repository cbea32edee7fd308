import type { AnalysedApp, Factor, Finding, Report, Severity } from '../core/index.js';

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

/**
 * The one line saying what was analysed: per app its Dockerfile, compose files and settings module, then the Django
 * projects left out with why, then the workers' own Dockerfiles (judged by the image rules too), then the Dockerfiles
 * no app builds (judged by the generic Dockerfile rules only).
 * `path` renders a file name, `text` plain words; undefined when the report says nothing.
 */
export function analysedLine(
  report: Pick<Report, 'apps' | 'skipped' | 'otherDockerfiles' | 'workerDockerfiles'>,
  path: (file: string) => string,
  text: (words: string) => string,
): string | undefined {
  // A compose project with neither image nor Django project of the app (monitoring, a proxy) is no app.
  const servicesOnly = (a: AnalysedApp) => !a.dockerfile && !a.settings && (a.composeFiles ?? []).length > 0;
  const apps = (report.apps ?? [])
    .filter((a) => !servicesOnly(a))
    .map((a) => {
      const files = [a.dockerfile, ...(a.composeFiles ?? []), a.settings].filter((f): f is string => !!f);
      return (files.length > 0 ? files : [a.dir]).map(path).join(' + ');
    });
  const composeOnly = (report.apps ?? [])
    .filter(servicesOnly)
    .map((a) => a.composeFiles!.map(path).join(' + '));
  const skipped = (report.skipped ?? []).map(
    (s) => `${path(s.managePy ?? s.dockerfile ?? '')} ${text(`(${s.reason})`)}`,
  );
  const parts = [
    ...(apps.length > 0 ? [`Analysed ${apps.join('; ')}`] : []),
    ...(composeOnly.length > 0 ? [`${text('services only:')} ${composeOnly.join(', ')}`] : []),
    ...(skipped.length > 0 ? [`skipped ${skipped.join(', ')}`] : []),
    ...(report.workerDockerfiles?.length
      ? [`image rules on the workers' ${report.workerDockerfiles.map(path).join(', ')}`]
      : []),
    ...(report.otherDockerfiles?.length
      ? [`Dockerfile rules only on ${report.otherDockerfiles.map(path).join(', ')}`]
      : []),
  ];
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
