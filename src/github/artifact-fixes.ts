import type { Finding, FixSuggestion, FixVerification, ReportFixes, RunStatus } from '../core/index.js';
import { INFORMED_FIXERS } from '../fix/informed/index.js';
import { RULES } from '../rules/registry.js';

/** Bounds of the fixes an artifact may carry; it comes from a run of untrusted code. */
export const FIX_LIMITS = {
  patch: 512 * 1024,
  fixes: 1000,
  title: 300,
  variables: 200,
  suggestionLines: 200,
  lineChars: 2000,
  path: 1024,
  line: 10_000_000,
} as const;

const FIXABLE = new Set([
  ...RULES.filter((r) => r.fix).map((r) => r.id),
  ...INFORMED_FIXERS.map((f) => f.ruleId),
]);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;
/** The lines a unified diff is made of: headers, hunk headers, context, removals, additions, no-newline notes. */
const PATCH_LINE =
  /^(diff --git a\/\S.* b\/\S.*|new file mode 100644|index [0-9a-f]+\.\.[0-9a-f]+( \d+)?|--- (a\/\S.*|\/dev\/null)|\+\+\+ b\/\S.*|@@ -\d+(,\d+)? \+\d+(,\d+)? @@.*|[ +-].*|\\ No newline at end of file)$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const line = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0 && (v as number) <= FIX_LIMITS.line;

/** A relative path with '/' separators, no '..', no control characters, of bounded length. */
function relativePath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '' || value.length > FIX_LIMITS.path || CONTROL.test(value))
    return undefined;
  if (value.startsWith('/') || /^[a-zA-Z]:/.test(value) || value.includes('\\')) return undefined;
  return value.split('/').includes('..') ? undefined : value;
}

/**
 * The fixes of an untrusted report, whole or not at all (a reason string): the patch must read as a unified diff of
 * relative paths (the publisher only shows it inside a code block), every fix names a fixable rule and a finding of
 * the report, every suggestion a finding and a range of lines without control characters.
 */
export function validateFixes(value: unknown, findings: Finding[]): ReportFixes | string {
  if (!isObject(value)) return 'not an object';
  const { patch, withheld, applied, variables, suggestions, verification } = value;
  if (typeof patch !== 'string' || patch.length > FIX_LIMITS.patch)
    return `patch is not a string of at most ${FIX_LIMITS.patch} characters`;
  const rows = patch.replace(/\n$/, '').split('\n');
  if (
    patch !== '' &&
    rows.some((r) => !PATCH_LINE.test(r.replace(/\r$/, '')) || CONTROL.test(r.replace(/\r$/, '')))
  )
    return 'patch is not a unified diff';
  for (const r of rows) {
    const path = /^(?:diff --git a\/(\S+)|\+\+\+ b\/(\S+)|--- a\/(\S+))/.exec(r);
    const p = path && (path[1] ?? path[2] ?? path[3]);
    if (p && relativePath(p) === undefined) return 'patch names a path outside the repository';
  }
  if (
    !Array.isArray(withheld) ||
    withheld.length > FIX_LIMITS.fixes ||
    withheld.some((w) => !relativePath(w))
  )
    return 'withheld is not a list of relative paths';
  if (
    !Array.isArray(variables) ||
    variables.length > FIX_LIMITS.variables ||
    variables.some((v) => typeof v !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(v))
  )
    return 'variables is not a list of variable names';
  const fingerprints = new Set(findings.map((f) => f.fingerprint));
  if (!Array.isArray(applied) || applied.length > FIX_LIMITS.fixes) return 'applied is not a list';
  const fixes: ReportFixes['applied'] = [];
  for (const a of applied) {
    if (!isObject(a) || typeof a.ruleId !== 'string' || !FIXABLE.has(a.ruleId))
      return 'a fix names no fixable rule';
    // A fix of a later round fixes a finding of the partly fixed tree: its fingerprint need not be in the report.
    if (typeof a.fingerprint !== 'string' || !/^[\w-]{1,64}$/.test(a.fingerprint))
      return 'a fix fingerprint is not 1 to 64 letters, digits, _ or -';
    if (typeof a.title !== 'string' || a.title.length > FIX_LIMITS.title || CONTROL.test(a.title))
      return 'a fix title is not one short line';
    fixes.push({ ruleId: a.ruleId, fingerprint: a.fingerprint, title: a.title });
  }
  if (!Array.isArray(suggestions) || suggestions.length > FIX_LIMITS.fixes)
    return 'suggestions is not a list';
  const checked: FixSuggestion[] = [];
  for (const s of suggestions) {
    const why = suggestion(s, fingerprints);
    if (typeof why === 'string') return why;
    checked.push(why);
  }
  const verified = verification === undefined ? undefined : validVerification(verification);
  if (typeof verified === 'string') return verified;
  return {
    patch,
    withheld: withheld as string[],
    applied: fixes,
    variables: variables as string[],
    suggestions: checked,
    ...(verified ? { verification: verified } : {}),
  };
}

const STATUSES = new Set(['passed', 'failed', 'skipped', 'warnings']);
const shortText = (v: unknown) =>
  typeof v === 'string' && v.length <= FIX_LIMITS.lineChars && !CONTROL.test(v);

/** The fixed tree's smoke test as an untrusted report gives it: known engines and statuses, short reasons. */
function validVerification(v: unknown): FixVerification | string {
  if (!isObject(v) || !isObject(v.engines)) return 'verification is not an object with engines';
  if (v.buildFailed !== undefined && !shortText(v.buildFailed))
    return 'verification buildFailed is not one line';
  const engines: FixVerification['engines'] = {};
  for (const [engine, e] of Object.entries(v.engines)) {
    if ((engine !== 'sqlite' && engine !== 'postgres') || !isObject(e) || !STATUSES.has(e.status as string))
      return 'verification names an unknown engine or status';
    if (e.reason !== undefined && !shortText(e.reason)) return 'verification reason is not one line';
    engines[engine] = {
      status: e.status as RunStatus,
      ...(e.reason !== undefined ? { reason: e.reason as string } : {}),
    };
  }
  return { ...(v.buildFailed !== undefined ? { buildFailed: v.buildFailed as string } : {}), engines };
}

function suggestion(s: unknown, fingerprints: Set<string>): FixSuggestion | string {
  if (!isObject(s) || typeof s.fingerprint !== 'string' || !fingerprints.has(s.fingerprint))
    return 'a suggestion names no finding';
  if (typeof s.ruleId !== 'string' || !FIXABLE.has(s.ruleId)) return 'a suggestion names no fixable rule';
  const file = relativePath(s.file);
  if (!file) return 'a suggestion file is not a relative path';
  if (!line(s.startLine) || !line(s.endLine) || (s.endLine as number) < (s.startLine as number))
    return 'a suggestion range is not lines start..end';
  if (
    !Array.isArray(s.lines) ||
    s.lines.length > FIX_LIMITS.suggestionLines ||
    s.lines.some(
      (l) => typeof l !== 'string' || l.length > FIX_LIMITS.lineChars || CONTROL.test(l) || l.includes('\n'),
    )
  )
    return 'a suggestion is not a short list of lines';
  return {
    fingerprint: s.fingerprint,
    ruleId: s.ruleId,
    file,
    startLine: s.startLine as number,
    endLine: s.endLine as number,
    lines: s.lines as string[],
  };
}
