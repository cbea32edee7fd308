// What a shell does with a script it cannot parse to the end: it runs the complete commands before the error.
import type { Node } from 'mvdan-sh';
import { loadSh } from './mvdan.js';

/** The parser's error as a line of the file (`firstLine` is where the text starts) and its message. */
export function describeError(error: unknown, firstLine: number): { line: number; message: string } {
  const e = error as { Pos?: { Line?: () => number }; Text?: string; message?: string };
  const line = typeof e?.Pos?.Line === 'function' ? e.Pos.Line() : 1;
  const message = typeof e?.Text === 'string' ? e.Text : String(e?.message ?? error);
  return { line: firstLine + Math.max(line, 1) - 1, message };
}

/** The text of a script's complete commands before its first syntax error; undefined when there are none. */
export function completePrefix(text: string): string | undefined {
  let end = 0;
  try {
    loadSh()
      .syntax.NewParser()
      .Interactive(text, (stmts: Node[]) => {
        for (const s of stmts) end = Math.max(end, s.End().Offset());
        return true;
      });
  } catch {
    // the error is the one the caller reports; `end` holds how far the shell got
  }
  return end > 0 ? Buffer.from(text, 'utf8').subarray(0, end).toString('utf8') : undefined;
}
