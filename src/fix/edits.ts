import type { TextEdit } from '../core/index.js';

/** Thrown when two edits of one file overlap: the caller keeps the first fix and leaves the other for a later round. */
export class EditConflict extends Error {
  override name = 'EditConflict';
}

/** The line ending a text uses ('\r\n' when its first line break is one), so inserted lines match it. */
export function lineEnding(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** The character offset of a position; a line past the end appends (a missing final newline is added first). */
function offsetOf(text: string, starts: number[], line: number, column: number): number {
  if (line > starts.length) return text.length;
  const lineStart = starts[line - 1];
  const lineEnd = line < starts.length ? starts[line] : text.length;
  return Math.min(lineStart + column - 1, lineEnd);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' && i + 1 < text.length) starts.push(i + 1);
  return text.length === 0 ? [] : starts;
}

/**
 * Applies the edits of one file to its text (undefined: the file does not exist yet). Replacement text written with
 * '\n' takes the file's line endings; edits must not overlap.
 */
export function applyFileEdits(original: string | undefined, edits: TextEdit[]): string {
  let text = original ?? '';
  const eol = lineEnding(text);
  const appends = edits.some((e) => e.start.line > lineStarts(text).length);
  if (appends && text.length > 0 && !text.endsWith('\n')) text += eol;
  const starts = lineStarts(text);
  const ranges = edits
    .map((e) => ({
      from: offsetOf(text, starts, e.start.line, e.start.column),
      to: offsetOf(text, starts, e.end.line, e.end.column),
      text: eol === '\r\n' ? e.text.replace(/\r?\n/g, '\r\n') : e.text,
    }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
  for (let i = 1; i < ranges.length; i++) {
    if (
      ranges[i].from < ranges[i - 1].to ||
      (ranges[i].from === ranges[i - 1].from &&
        ranges[i].to === ranges[i - 1].to &&
        ranges[i].from !== ranges[i].to)
    )
      throw new EditConflict('overlapping edits');
  }
  let out = '';
  let at = 0;
  for (const r of ranges) {
    if (r.to < r.from) throw new EditConflict('an edit ends before it starts');
    out += text.slice(at, r.from) + r.text;
    at = r.to;
  }
  return out + text.slice(at);
}

/** Applies edits over several files: returns the new text of each file touched. */
export function applyEdits(
  texts: (file: string) => string | undefined,
  edits: TextEdit[],
): Map<string, string> {
  const byFile = new Map<string, TextEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  const out = new Map<string, string>();
  for (const [file, fileEdits] of byFile) out.set(file, applyFileEdits(texts(file), fileEdits));
  return out;
}

/** Whether two edit lists touch overlapping ranges of a file (fixes that cannot be applied in one round). */
export function editsOverlap(a: TextEdit[], b: TextEdit[]): boolean {
  const before = (p: TextEdit['start'], q: TextEdit['start']) =>
    p.line < q.line || (p.line === q.line && p.column <= q.column);
  return a.some((x) =>
    b.some(
      (y) =>
        x.file === y.file &&
        // Touching ranges also count: two insertions at one point would come out in an arbitrary order.
        before(x.start, y.end) &&
        before(y.start, x.end),
    ),
  );
}
