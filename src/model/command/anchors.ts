/** Where each command of a YAML string is written: the value's lines, not the line of its key. Pure. */
import type { ShellCommand } from '../types/shell.js';

/**
 * The commands with each one's line set to the line of `lines` (1-based, `from`..`to`) that holds its first words in
 * order, searched forward from the previous command's: a folded (`>`) block or a quoted string over several lines
 * reaches the shell as one line, yet each command sits on a line of its own in the file. A command not found keeps
 * its line.
 */
export function anchorOnLines<C extends ShellCommand>(
  commands: C[],
  lines: string[],
  from: number,
  to: number,
): C[] {
  let cursor = from;
  return commands.map((c) => {
    const at = lineOf(c.argv, lines, cursor, Math.min(to, lines.length));
    if (at === undefined) return c;
    cursor = at;
    return at === c.line ? c : { ...c, line: at };
  });
}

function lineOf(argv: string[], lines: string[], from: number, to: number): number | undefined {
  const words = argv.slice(0, 3).filter((w) => w !== '');
  if (words.length === 0) return undefined;
  for (let n = from; n <= to; n++) if (inOrder(lines[n - 1] ?? '', words)) return n;
  return undefined;
}

function inOrder(line: string, words: string[]): boolean {
  let at = 0;
  for (const w of words) {
    const i = line.indexOf(w, at);
    if (i < 0) return false;
    at = i + w.length;
  }
  return true;
}

/** The last line of the YAML value of the key on `keyLine`: the line before the next one indented no deeper than the key. */
export function valueEndLine(lines: string[], keyLine: number): number {
  const indent = (l: string) => /^\s*/.exec(l)![0].length;
  const key = indent(lines[keyLine - 1] ?? '');
  for (let n = keyLine + 1; n <= lines.length; n++) {
    const l = lines[n - 1];
    if (l.trim() === '' || l.trim().startsWith('#')) continue;
    if (indent(l) <= key && !l.trim().startsWith('- ')) return n - 1;
    if (indent(l) < key) return n - 1;
  }
  return lines.length;
}
