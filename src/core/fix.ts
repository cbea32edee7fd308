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
