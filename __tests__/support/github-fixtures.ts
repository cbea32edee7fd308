import type { Finding, Severity } from '../../src/core/index.js';

/** A finding as the pipeline stamps it, for publishing tests that need no analysis. */
export function finding(over: Partial<Finding> & { file: string; line?: number }): Finding {
  const ruleId = over.ruleId ?? 'TF0201';
  return {
    ruleId,
    name: over.name ?? 'base-image-unpinned',
    factor: over.factor ?? 'II',
    severity: over.severity ?? ('warning' as Severity),
    kind: over.kind ?? 'S',
    related: over.related ?? [],
    message: over.message ?? `Finding of ${ruleId} at ${over.file}:${over.line ?? ''}`,
    fingerprint: over.fingerprint ?? `${ruleId}-${over.file}-${over.line ?? 0}`.replace(/[^\w-]/g, '_'),
    ...over,
  };
}

/** A patch adding `lines` lines to a new file, as GitHub shows it. */
export function addedFilePatch(lines: number): string {
  const rows = Array.from({ length: lines }, (_, i) => `+line ${i + 1}`);
  return `@@ -0,0 +1,${lines} @@\n${rows.join('\n')}`;
}

/** A patch changing line `at` of an existing file, with three lines of context either side. */
export function modifiedLinePatch(at: number): string {
  const start = Math.max(1, at - 3);
  const before = Array.from({ length: at - start }, (_, i) => ` context ${start + i}`);
  const after = Array.from({ length: 3 }, (_, i) => ` context ${at + 1 + i}`);
  return [
    `@@ -${start},${before.length + 4} +${start},${before.length + 4} @@`,
    ...before,
    `-old ${at}`,
    `+new ${at}`,
    ...after,
  ].join('\n');
}
