/** `for NAME in <a few known keys>:` run once per key, so `DATABASES[db] = DATABASES['default']` lands on each alias. */
import type { SyntaxNode } from '@lezer/common';
import { childrenOf } from '../../parse/python.js';
import type { EvalContext } from './context.js';
import type { ModuleEvaluation } from './evaluation.js';
import { evalTest } from './expressions.js';
import { truthy, type PyValue } from './value.js';

// Loops over more items than this are not unrolled (their body runs as one that may or may not run).
const MAX_ITEMS = 8;

/**
 * Runs a `for` loop item by item when it iterates a dict of known keys or a list of literals, its body free of
 * `break` and of any `continue` but leading `if TEST: continue` guards whose test is known for every item. False
 * (nothing run) otherwise.
 */
export function unrollLoop(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): boolean {
  const kids = childrenOf(node);
  const [, name, , iterable] = kids;
  const body = kids.find((c) => c.name === 'Body');
  if (name?.name !== 'VariableName' || kids[2]?.name !== 'in' || !iterable || !body) return false;
  const items = itemsOf(ev.evaluate(iterable, ctx));
  if (!items) return false;
  const statements = childrenOf(body).filter((c) => c.name !== ':');
  const guards: SyntaxNode[] = [];
  for (const s of statements) {
    const test = continueGuard(s);
    if (!test) break;
    guards.push(test);
  }
  const rest = statements.slice(guards.length);
  if (rest.some(jumps)) return false;
  const loopVar = ev.text(name);
  const runs: boolean[] = [];
  for (const item of items) {
    const scope = new Map(ctx.scope).set(loopVar, { v: item, origins: [] });
    const skips = guards.map((g) => truthy(evalTest(ev, g, { ...ctx, scope }).v));
    if (skips.some((t) => t === undefined)) return false;
    runs.push(!skips.includes(true));
  }
  items.forEach((item, i) => {
    ctx.scope.set(loopVar, { v: item, origins: [] });
    if (runs[i]) for (const s of rest) ev.executeOrSkip(s, ctx);
  });
  return true;
}

/** The keys of a dict, or the literal items of a list, when there are few enough. */
function itemsOf(v: PyValue): PyValue[] | undefined {
  const items: PyValue[] | undefined =
    v.t === 'dict'
      ? v.entries.map((e) => ({ t: 'str', v: e.key, line: e.line }))
      : v.t === 'list' && v.items.every((x) => x.t === 'str' || x.t === 'num')
        ? v.items
        : undefined;
  return items && items.length <= MAX_ITEMS ? items : undefined;
}

/** `if TEST: continue` (nothing else, no elif/else): its test. */
function continueGuard(stmt: SyntaxNode): SyntaxNode | undefined {
  if (stmt.name !== 'IfStatement') return undefined;
  const kids = childrenOf(stmt);
  if (kids.length !== 3 || kids[0].name !== 'if' || kids[2].name !== 'Body') return undefined;
  const inner = childrenOf(kids[2]).filter((c) => c.name !== ':');
  return inner.length === 1 && inner[0].name === 'ContinueStatement' ? kids[1] : undefined;
}

/** Whether a statement holds a `break` or `continue` of this loop (a nested loop's own are left alone too). */
function jumps(stmt: SyntaxNode): boolean {
  const stack = [stmt];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.name === 'BreakStatement' || n.name === 'ContinueStatement') return true;
    stack.push(...childrenOf(n));
  }
  return false;
}
