import type { Engine, RunStatus } from './report.js';

/** How far a fix may be trusted: `safe` is applied by `fix --write` and the patch, `suggest` is only shown. */
export type FixSafety = 'safe' | 'suggest';

/** A position in a file's text: 1-based line, 1-based column counted in characters of that line. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * One text edit: the range [start, end) of `file` is replaced by `text` ('\n' line breaks; written with the file's own
 * line endings). A range past the end of a file, or a file that does not exist, appends to it (or creates it).
 */
export interface TextEdit {
  file: string; // relative to the scanned directory, '/' separators
  start: TextPosition;
  end: TextPosition;
  text: string;
}

/** What a rule proposes for one finding. */
export interface Fix {
  ruleId: string;
  /** The finding it fixes. */
  fingerprint: string;
  safety: FixSafety;
  /** One line: what the change does. */
  title: string;
  edits: TextEdit[];
  /** Variables the user now has to set (a secret moved out of the repository), named, never with their value. */
  variables?: string[];
  /** The literal secrets the fix takes out of the repository: never published, only used to keep them out of it. */
  secrets?: string[];
}

/** A fix as a GitHub suggestion: lines `startLine`..`endLine` of a file (as it is) replaced by `lines`. */
export interface FixSuggestion {
  /** The finding it fixes. */
  fingerprint: string;
  ruleId: string;
  file: string; // relative to the scanned directory
  startLine: number;
  endLine: number;
  lines: string[];
}

/** The proven safe fixes as the report publishes them. */
export interface ReportFixes {
  /** One `git apply`-able patch (paths relative to the repository root) of the files it may show. */
  patch: string;
  /** Files whose change takes a secret out of the repository: left out of `patch`, in the patch file only. */
  withheld: string[];
  /** The fixes, one line each. */
  applied: { ruleId: string; fingerprint: string; title: string }[];
  /** Variables the user now has to set. */
  variables: string[];
  /** Fixes that replace lines of one existing file, for review comments. */
  suggestions: FixSuggestion[];
  /** The smoke test of the tree with the safe fixes applied (verify-fixes), when it ran. */
  verification?: FixVerification;
}

/** How the fixed tree did in the smoke test: each engine's status, with why it did not pass. */
export interface FixVerification {
  /** The build of the fixed tree failed: no engine ran. */
  buildFailed?: string;
  engines: Partial<Record<Engine, { status: RunStatus; reason?: string }>>;
}

/** Replaces whole lines `first`..`last` (1-based, inclusive) by `lines`. */
export function replaceLines(file: string, first: number, last: number, lines: string[]): TextEdit {
  return {
    file,
    start: { line: first, column: 1 },
    end: { line: last + 1, column: 1 },
    text: lines.map((l) => `${l}\n`).join(''),
  };
}

/** Inserts `lines` before line `before` (1-based; one past the last line appends). */
export function insertLines(file: string, before: number, lines: string[]): TextEdit {
  return {
    file,
    start: { line: before, column: 1 },
    end: { line: before, column: 1 },
    text: lines.map((l) => `${l}\n`).join(''),
  };
}

/** Replaces columns [column, endColumn) of one line. */
export function replaceInLine(
  file: string,
  line: number,
  column: number,
  endColumn: number,
  text: string,
): TextEdit {
  return { file, start: { line, column }, end: { line, column: endColumn }, text };
}
