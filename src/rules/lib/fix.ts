import { insertLines } from '../../core/index.js';
import type { TextEdit, TextPosition } from '../../core/index.js';
import type { BuildContext } from '../../model/types/project.js';
import { DEFAULT_DOCKERIGNORE } from './examples.js';
import type { FixContext, FixProposal } from './rule.js';
import { LINES } from '../../util/lines.js';

export { insertLines, replaceInLine, replaceLines } from '../../core/index.js';

/** The lines of a file (without their line endings), or undefined when it cannot be read. */
export function linesOf(context: FixContext, file: string): string[] | undefined {
  const text = context.text(file);
  return text === undefined ? undefined : text.split(LINES);
}

/** The leading whitespace of a line, kept by a replacement so the user's indentation stays. */
export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/**
 * Where `needle` (a word or words the model already knows, e.g. an argv element) is written in lines
 * `first`..`last` of a file: the last occurrence when `last` is true, else the first. Finds positions only; the
 * meaning comes from the model.
 */
export function locate(
  lines: string[],
  needle: string,
  first: number,
  last: number,
  which: 'first' | 'last' = 'first',
): TextPosition | undefined {
  const order = [];
  for (let n = first; n <= Math.min(last, lines.length); n++) order.push(n);
  if (which === 'last') order.reverse();
  for (const n of order) {
    const line = lines[n - 1];
    const column = which === 'last' ? line.lastIndexOf(needle) : line.indexOf(needle);
    if (column >= 0) return { line: n, column: column + 1 };
  }
  return undefined;
}

/** An insertion of `text` at a position. */
export function insertAt(file: string, at: TextPosition, text: string): TextEdit {
  return { file, start: at, end: at, text };
}

/** An exec-form JSON array as Dockerfiles write it: ["a", "b"]. */
export function execForm(argv: string[]): string {
  return `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
}

/** Edits that make `import os` available at the top of a Python module, when it is not imported yet. */
export function ensureImportOs(file: string, lines: string[]): TextEdit[] {
  if (lines.some((l) => /^import\s+os\s*(#.*)?$/.test(l) || /^import\s+(\w+\s*,\s*)*os\b/.test(l))) return [];
  const firstImport = lines.findIndex((l) => /^(import|from)\s+\w/.test(l) && !/^from\s+__future__/.test(l));
  const at = firstImport >= 0 ? firstImport + 1 : 1;
  return [{ file, start: { line: at, column: 1 }, end: { line: at, column: 1 }, text: 'import os\n' }];
}

/** A new .dockerignore with the usual exclusions at the root of the build context; none when a file is there already. */
export function newDockerignore(
  context: FixContext,
  build: BuildContext,
  extra: string[] = [],
): FixProposal | undefined {
  const file = build.dir === '.' ? '.dockerignore' : `${build.dir}/.dockerignore`;
  if (context.text(file) !== undefined) return undefined;
  return { title: `new ${file}`, edits: [insertLines(file, 1, [...DEFAULT_DOCKERIGNORE, ...extra])] };
}

/** `patterns` added after the last line of an ignore file, its own lines left as they are. */
export function appendPatterns(
  context: FixContext,
  file: string,
  patterns: string[],
): FixProposal | undefined {
  const lines = linesOf(context, file);
  if (!lines || patterns.length === 0) return undefined;
  const end = lines.length + (lines.at(-1) === '' ? 0 : 1);
  return { title: `${patterns.join(', ')} in ${file}`, edits: [insertLines(file, end, patterns)] };
}
