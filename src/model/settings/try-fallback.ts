/**
 * `try: X = config("X")` / `except UndefinedValueError: X = "literal"`: a handler that catches what a missing
 * variable raises runs exactly when the variable is unset, so its values are fallbacks, as `.get("X", "literal")`.
 */
import type { SyntaxNode } from '@lezer/common';
import { childrenOf } from '../../parse/python.js';
import type { ModuleEvaluation } from './evaluation.js';
import type { PyValue, ReadVia, VariableRead } from './value.js';

/** The blocks of a try statement, in order; `catches` lists the exception names of a handler, none for a bare one. */
export interface TryBlock {
  keyword: 'try' | 'except' | 'else' | 'finally';
  body: SyntaxNode;
  line: number;
  catches?: string[];
  /** The handler as written (`except KeyError`), for the condition's text. */
  text?: string;
}

/** What a read without a default raises when its variable is unset, by how it reads (last part of the name). */
const RAISED_WHEN_UNSET: Partial<Record<ReadVia, string[]>> = {
  'environ[]': ['KeyError', 'LookupError'],
  // python-decouple's config()
  other: ['UndefinedValueError'],
  // django-environ raises ImproperlyConfigured; environs its EnvError, a ValueError
  'django-environ': ['ImproperlyConfigured', 'EnvError', 'ValueError'],
};
const CATCH_ALL = ['Exception', 'BaseException'];

export function tryBlocks(ev: ModuleEvaluation, node: SyntaxNode): TryBlock[] {
  const kids = childrenOf(node);
  const out: TryBlock[] = [];
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i].name;
    if (k !== 'try' && k !== 'except' && k !== 'else' && k !== 'finally') continue;
    const bodyAt = kids.findIndex((c, j) => j > i && c.name === 'Body');
    if (bodyAt < 0) break;
    const block: TryBlock = { keyword: k, body: kids[bodyAt], line: ev.line(kids[i]) };
    if (k === 'except') {
      // `except E as e:`: the first node after the keyword is what it catches, when there is one
      const caught = bodyAt > i + 1 && kids[i + 1].name !== 'as' ? kids[i + 1] : undefined;
      if (caught) block.catches = exceptionNames(ev.text(caught));
      block.text = ev.py.text.slice(kids[i].from, (caught ?? kids[i]).to);
    }
    out.push(block);
    i = bodyAt;
  }
  return out;
}

/** `(KeyError, decouple.UndefinedValueError)` → KeyError, UndefinedValueError. */
function exceptionNames(text: string): string[] {
  return text
    .replace(/[()\s]/g, '')
    .split(',')
    .filter((n) => n !== '')
    .map((n) => n.slice(n.lastIndexOf('.') + 1));
}

/** The reads of the try body that raise when their variable is unset (no default, a reading that fails). */
export function failingReads(reads: VariableRead[]): VariableRead[] {
  return reads.filter((r) => r.required && !r.hasDefault && !r.guarded && RAISED_WHEN_UNSET[r.via]);
}

/** The first handler that catches what every one of the failing reads raises. */
export function fallbackHandler(blocks: TryBlock[], failing: VariableRead[]): TryBlock | undefined {
  if (failing.length === 0) return undefined;
  return blocks.find(
    (b) =>
      b.keyword === 'except' &&
      failing.every((r) => {
        if (!b.catches) return true;
        const raised = RAISED_WHEN_UNSET[r.via] ?? [];
        return b.catches.some((n) => CATCH_ALL.includes(n) || raised.includes(n));
      }),
  );
}

/**
 * The value a name takes after the try statement: the try body's read of a failing variable, with the handler's
 * value as what it gives when the variable is unset (`os.environ.get("X", "literal")` written long-hand).
 */
export function withFallback(
  tried: PyValue | undefined,
  fallback: PyValue | undefined,
  failing: VariableRead[],
): PyValue | undefined {
  if (!tried || !fallback || tried.t !== 'env' || !failing.includes(tried.read)) return undefined;
  if (!(tried.unset.t === 'unknown' && tried.unset.crash)) return undefined;
  return { ...tried, unset: fallback };
}
