import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import { rememberedParser } from './memo.js';

/** A Python module parsed with @lezer/python: the top-level statements that parsed cleanly, with positions. */
export interface PythonModule {
  text: string;
  /** Top-level statements without syntax errors, in source order. */
  statements: SyntaxNode[];
  /** The first syntax error (1-based line and column), when the text is not valid Python. */
  error?: { line: number; column: number };
  /** 1-based line of a character offset. */
  lineOf(offset: number): number;
}

// Each re-parse after a statement that swallowed the rest of the file costs a full parse: a few are enough, and
// none once the characters parsed again would exceed a budget (error recovery is slow on large broken files).
const MAX_REPARSES = 6;
const REPARSE_BUDGET = 120_000;

/** Python text → statements with positions. Statements holding a syntax error are left out; parsing resumes at the next top-level line. Never throws. */
export const parsePython: (text: string) => PythonModule = rememberedParser(parsePythonText, (text) => text);

function parsePythonText(text: string): PythonModule {
  const starts = lineStarts(text);
  const lineOf = (offset: number): number => lineAt(starts, offset);
  const module: PythonModule = { text, statements: [], lineOf };
  let from = 0;
  let budget = REPARSE_BUDGET;
  for (let round = 0; round <= MAX_REPARSES; round++) {
    const tree = parser.parse(from === 0 ? text : masked(text, from));
    const resume = collect(tree.topNode, from, module, text, starts);
    if (resume === undefined) break;
    budget -= text.length - resume;
    if (budget < 0) break;
    from = resume;
  }
  return module;
}

/** Keeps the clean statements at or after `from`; returns where to parse again when an error swallowed the rest. */
function collect(
  top: SyntaxNode,
  from: number,
  module: PythonModule,
  text: string,
  starts: number[],
): number | undefined {
  let skipUntil = from;
  const statements: SyntaxNode[] = [];
  for (let c = top.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') statements.push(c);
  for (const stmt of statements) {
    if (stmt.from < skipUntil) continue;
    const error = firstError(stmt);
    if (error === undefined) {
      module.statements.push(stmt);
      continue;
    }
    if (!module.error) {
      const line = lineAt(starts, error);
      module.error = { line, column: error - starts[line - 1] + 1 };
    }
    const next = nextTopLevelLine(text, starts, lineAt(starts, Math.max(error, stmt.from)));
    if (next === undefined) return undefined;
    if (statements.some((s) => s.from === next)) {
      skipUntil = next;
      continue;
    }
    return next;
  }
  return undefined;
}

function firstError(node: SyntaxNode): number | undefined {
  if (node.type.isError) return node.from;
  let at: number | undefined;
  node.toTree().iterate({
    enter(n) {
      if (at !== undefined) return false;
      if (n.type.isError) {
        at = node.from + n.from;
        return false;
      }
      return undefined;
    },
  });
  return at;
}

/** Offset of the first line after `line` that starts a top-level statement (column 0, not blank, not a comment). */
function nextTopLevelLine(text: string, starts: number[], line: number): number | undefined {
  for (let l = line; l < starts.length; l++) {
    const at = starts[l];
    const ch = text[at];
    if (
      ch !== undefined &&
      ch !== ' ' &&
      ch !== '\t' &&
      ch !== '\n' &&
      ch !== '\r' &&
      ch !== '#' &&
      ch !== '\f'
    )
      return at;
  }
  return undefined;
}

/** The text with everything before `from` blanked out (line breaks kept), so offsets and lines stay absolute. */
function masked(text: string, from: number): string {
  let prefix = '';
  for (let i = 0; i < from; i++) {
    const ch = text[i];
    prefix += ch === '\n' || ch === '\r' ? ch : ' ';
  }
  return prefix + text.slice(from);
}

/** Offsets where lines start; a line ends at \n, \r\n or a lone \r. */
function lineStarts(text: string): number[] {
  const starts = [0];
  // indexOf finds each newline natively: a short run scans the text in V8's interpreter otherwise, a character a step.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Source text of a node. */
export function textOf(module: PythonModule, node: SyntaxNode): string {
  return module.text.slice(node.from, node.to);
}

/** Children of a node, comments left out. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c);
  return out;
}

/** Splits a string literal's text into prefix, quote and body; undefined when it is not a complete literal. */
export function stringParts(raw: string): { prefix: string; quote: string; body: string } | undefined {
  let i = 0;
  while (i < raw.length && 'rRbBuUfF'.includes(raw[i])) i++;
  const prefix = raw.slice(0, i).toLowerCase();
  const rest = raw.slice(i);
  for (const quote of ['"""', "'''", '"', "'"]) {
    if (rest.length >= 2 * quote.length && rest.startsWith(quote) && rest.endsWith(quote))
      return { prefix, quote, body: rest.slice(quote.length, rest.length - quote.length) };
  }
  return undefined;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

/** The value of the body of a Python string literal, escapes processed unless raw. */
export function unescapeBody(body: string, raw: boolean): string {
  if (raw || !body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\' || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === '\n') continue;
    if (next === '\r') {
      if (body[i + 1] === '\n') i++;
      continue;
    }
    if (next === 'x' || next === 'u' || next === 'U') {
      const len = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + len);
      const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? parseInt(hex, 16) : NaN;
      if (Number.isFinite(code) && code <= 0x10ffff) {
        out += String.fromCodePoint(code);
        i += len;
        continue;
      }
    }
    if (next >= '1' && next <= '7') {
      let digits = next;
      while (digits.length < 3 && body[i + 1] >= '0' && body[i + 1] <= '7') digits += body[++i];
      out += String.fromCharCode(parseInt(digits, 8));
      continue;
    }
    out += SIMPLE_ESCAPES[next] ?? '\\' + next;
  }
  return out;
}

/** The value of a complete (non-f) string literal as written in source; undefined when it is not one. */
export function stringValue(raw: string): string | undefined {
  const parts = stringParts(raw);
  if (!parts || parts.prefix.includes('f')) return undefined;
  return unescapeBody(parts.body, parts.prefix.includes('r'));
}
