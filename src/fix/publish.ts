import type { Fix, FixSuggestion, ReportFixes } from '../core/index.js';
import { unifiedDiff } from './diff.js';
import { applyFileEdits } from './edits.js';
import { patchOf } from './patch.js';
import type { FixRunResult } from './run.js';
import { LINES } from '../util/lines.js';

/** What the fix run gives the report, and the whole patch for the patch file. */
export interface PublishedFixes {
  fixes: ReportFixes;
  /** Every change, secrets' removal included: written to the runner's disk only. */
  patch: string;
  /** The same changes by file (relative to the scanned directory), for building the fixed tree. */
  changes: FixRunResult['changes'];
}

/**
 * The fixes as the report may publish them: a file whose diff holds a secret (one the fixes take out, or one the
 * redactor knows) is withheld from the published patch, and a suggestion that would show one is not made.
 */
export function publishedFixes(
  result: FixRunResult,
  read: (file: string) => string | undefined,
  prefix: string,
  knownSecret: (text: string) => boolean,
): PublishedFixes {
  const secrets = result.applied.flatMap((f) => f.secrets ?? []).filter((s) => s.trim() !== '');
  const holdsSecret = (text: string) => secrets.some((s) => text.includes(s)) || knownSecret(text);
  const shown = new Map<string, { before: string | undefined; after: string }>();
  const withheld: string[] = [];
  for (const [file, change] of [...result.changes].sort(([a], [b]) => a.localeCompare(b))) {
    if (holdsSecret(unifiedDiff(`${prefix}${file}`, change.before, change.after))) withheld.push(file);
    else shown.set(file, change);
  }
  // Suggested fixes (never applied) are shown as suggestions too: they were proven on the files as they are.
  const suggestions = [...result.provenAlone, ...result.suggestions]
    .map((fix) => suggestionOf(fix, read))
    .filter((s): s is FixSuggestion => s !== undefined && !holdsSecret(s.lines.join('\n')));
  return {
    fixes: {
      patch: patchOf(shown, prefix),
      withheld,
      applied: result.applied.map((f) => ({ ruleId: f.ruleId, fingerprint: f.fingerprint, title: f.title })),
      variables: [...new Set(result.applied.flatMap((f) => f.variables ?? []))].sort(),
      suggestions,
    },
    patch: patchOf(result.changes, prefix),
    changes: result.changes,
  };
}

/**
 * A fix of one existing file as the lines it replaces there and their replacement; an insertion takes the line it
 * goes before (or the last line, at the end) so the suggestion has a line to replace.
 */
export function suggestionOf(
  fix: Fix,
  read: (file: string) => string | undefined,
): FixSuggestion | undefined {
  const file = fix.edits[0]?.file;
  const before = file === undefined ? undefined : read(file);
  if (before === undefined || fix.edits.some((e) => e.file !== file)) return undefined;
  let after: string;
  try {
    after = applyFileEdits(before, fix.edits);
  } catch {
    return undefined;
  }
  const split = (t: string) => t.replace(/\r?\n$/, '').split(LINES);
  const old = split(before);
  const now = split(after);
  let start = Infinity;
  let end = 0;
  for (const e of fix.edits) {
    const last = e.end.column === 1 && e.end.line > e.start.line ? e.end.line - 1 : e.end.line;
    start = Math.min(start, e.start.line);
    end = Math.max(end, last, e.start.line);
  }
  start = Math.min(start, old.length);
  end = Math.min(end, old.length);
  if (start < 1 || end < start) return undefined;
  const lines = now.slice(start - 1, now.length - (old.length - end));
  return { fingerprint: fix.fingerprint, ruleId: fix.ruleId, file, startLine: start, endLine: end, lines };
}
