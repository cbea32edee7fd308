/** The evaluator of Python statements: assignments, imports, if/try/loops, and the settings they record. */
import type { SyntaxNode } from '@lezer/common';
import { childrenOf } from '../../parse/python.js';
import { setIn, subscript } from './access.js';
import type { EvalContext, Scope } from './context.js';
import type { ModuleEvaluation } from './evaluation.js';
import { applyDjangoHeroku } from './django-heroku.js';
import { callArguments, evalTest } from './expressions.js';
import { readsDjangoSettings } from './django-settings.js';
import { defineClass } from './configurations.js';
import { copiesModuleNames } from './import-module.js';
import { execImport } from './import-statements.js';
import { unrollLoop } from './loops.js';
import { constantBranch, isConstant, takenModuleBranch } from './module-branch.js';
import { parameters } from './functions.js';
import { binary, mutate } from './operators.js';
import { bind, unionOrigins } from './binding.js';
import { failingReads, fallbackHandler, tryBlocks, withFallback, type TryBlock } from './try-fallback.js';
import {
  choice,
  MAX_TEXT,
  otherwiseCondition,
  truthAnd,
  truthNot,
  truthy,
  type Alternative,
  type Condition,
  type PyValue,
  type Truth,
  type VariableRead,
} from './value.js';

/** The scope one branch leaves, with the condition under which it runs. */
interface BranchResult {
  scope: Scope;
  when?: Condition;
  activeWhenUnset: Truth;
  untraced?: boolean;
}

/** `NAME['a']['b']` as an assignment target: root NAME and keys a, b. */
interface TargetChain {
  root: string;
  keys: string[];
}

export function execStatement(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): void {
  switch (node.name) {
    case 'AssignStatement':
      return execAssign(ev, node, ctx);
    case 'UpdateStatement':
      return execUpdate(ev, node, ctx);
    case 'ExpressionStatement':
      return execExpression(ev, node, ctx);
    case 'ImportStatement':
      return execImport(ev, node, ctx);
    case 'IfStatement':
      return execIf(ev, node, ctx);
    case 'TryStatement':
      return execTry(ev, node, ctx);
    case 'WithStatement':
      return execWith(ev, node, ctx);
    case 'ForStatement':
      if (copiesModuleNames(ev, node, ctx) || unrollLoop(ev, node, ctx)) return;
    // falls through
    case 'WhileStatement': {
      const body = childrenOf(node).find((c) => c.name === 'Body');
      if (body) execMaybe(ev, body, ctx);
      return;
    }
    case 'StatementGroup':
      for (const c of childrenOf(node)) execStatement(ev, c, ctx);
      return;
    case 'FunctionDefinition':
      return execDef(ev, node, ctx);
    case 'DecoratedStatement':
      return execDecorated(ev, node, ctx);
    case 'ClassDefinition':
      return defineClass(ev, node, ctx);
    default:
      return;
  }
}

/** `with open(os.environ["X_FILE"]) as f:`: each `as` name holds what its expression gives, then the body runs. */
function execWith(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): void {
  const kids = childrenOf(node);
  kids.forEach((c, i) => {
    const name = kids[i + 1];
    if (c.name === 'as' && i > 0 && name?.name === 'VariableName')
      ctx.scope.set(ev.text(name), { v: ev.evaluate(kids[i - 1]!, ctx), origins: [] });
  });
  for (const c of kids) if (c.name === 'Body') ev.executeBody(c, ctx);
}

function execDef(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): void {
  const kids = childrenOf(node);
  const name = kids.find((c) => c.name === 'VariableName');
  const params = kids.find((c) => c.name === 'ParamList');
  const body = kids.find((c) => c.name === 'Body');
  if (!name) return;
  const v: PyValue =
    params && body && !ctx.inFunction
      ? { t: 'func', params: parameters(ev, params, ctx), body, line: ev.line(node) }
      : ev.unknown(node);
  ctx.scope.set(ev.text(name), { v, origins: [] });
}

/** Decorators that return the function itself, its calls' results remembered: calling it gives what its body returns. */
const MEMOISERS = new Set(['functools.cache', 'functools.lru_cache']);

/**
 * `@lru_cache def get_settings(): return Settings()`: a memoised function is the function. Any other decorator may
 * return anything, so the name it binds is unknown.
 */
function execDecorated(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): void {
  const kids = childrenOf(node);
  const definition = kids.at(-1);
  if (!definition) return;
  execStatement(ev, definition, ctx);
  const name = childrenOf(definition).find((c) => c.name === 'VariableName');
  const decorators = kids.filter((c) => c.name === 'Decorator');
  if (name && !decorators.every((d) => MEMOISERS.has(decoratorName(ev, d, ctx))))
    ctx.scope.set(ev.text(name), { v: ev.unknown(definition), origins: [] });
}

/** The dotted name a decorator calls or is (`@lru_cache(maxsize=1)` after `from functools import lru_cache`). */
function decoratorName(ev: ModuleEvaluation, decorator: SyntaxNode, ctx: EvalContext): string {
  const parts = childrenOf(decorator)
    .filter((c) => c.name === 'VariableName')
    .map((c) => ev.text(c));
  const head = parts[0] === undefined ? undefined : ctx.scope.get(parts[0])?.v;
  return [head?.t === 'ref' ? head.name : parts[0], ...parts.slice(1)].join('.');
}

/** A body that may or may not run (loop, except handler): its bindings merge with the ones before it. */
function execMaybe(ev: ModuleEvaluation, body: SyntaxNode, ctx: EvalContext): void {
  const child: EvalContext = {
    ...ctx,
    scope: new Map(ctx.scope),
    inBranch: true,
    activeWhenUnset: undefined,
  };
  ev.executeBody(body, child);
  merge(ctx.scope, [
    { scope: child.scope, activeWhenUnset: undefined },
    { scope: ctx.scope, activeWhenUnset: undefined },
  ]);
}

function execAssign(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): void {
  const segments: SyntaxNode[][] = [[]];
  // `X = a,` is a one-element tuple: a comma in the value makes it one
  let valueHasComma = false;
  for (const c of childrenOf(node)) {
    if (c.name === 'AssignOp') {
      segments.push([]);
      valueHasComma = false;
    } else if (c.name === ',') valueHasComma = true;
    else if (c.name !== 'TypeDef') segments[segments.length - 1].push(c);
  }
  if (segments.length < 2) return;
  const valueNodes = segments.pop()!;
  if (valueNodes.length === 0) return;
  if (!valueHasComma && rebindsItself(ev, segments, valueNodes, ctx)) return;
  const value: PyValue =
    valueNodes.length === 1 && !valueHasComma
      ? ev.evaluate(valueNodes[0], ctx)
      : {
          t: 'list',
          items: valueNodes.map((n) => ev.evaluate(n, ctx)),
          line: ev.line(valueNodes[0]),
          written: 'tuple',
          bare: true,
        };
  const line = ev.line(node);
  for (const targets of segments) {
    if (targets.length === 1) assignTarget(ev, targets[0], value, ctx, line);
    else
      targets.forEach((t, i) =>
        assignTarget(
          ev,
          t,
          value.t === 'list' && value.items.length === targets.length ? value.items[i] : ev.unknown(t),
          ctx,
          line,
        ),
      );
  }
}

/** `DEBUG = DEBUG` after a star-import: the value, and the line that set it, stay those of the module that set it. */
function rebindsItself(
  ev: ModuleEvaluation,
  targets: SyntaxNode[][],
  valueNodes: SyntaxNode[],
  ctx: EvalContext,
): boolean {
  if (targets.length !== 1 || targets[0].length !== 1 || valueNodes.length !== 1 || ctx.inFunction)
    return false;
  const [target] = targets[0];
  const [value] = valueNodes;
  if (target.name !== 'VariableName' || value.name !== 'VariableName') return false;
  const name = ev.text(target);
  return name === ev.text(value) && (ctx.scope.get(name)?.origins.length ?? 0) > 0;
}

function execUpdate(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): void {
  const kids = childrenOf(node);
  const op = kids.find((c) => c.name === 'UpdateOp');
  if (!op || kids.length < 3) return;
  const value = ev.evaluate(kids[kids.length - 1], ctx);
  const chain = targetChain(ev, kids[0], ctx);
  if (!chain) return;
  const current = getIn(ev, chain, ctx);
  const line = ev.line(node);
  const updated = binary(current, ev.text(op).slice(0, -1), value, line);
  update(ev, chain, updated, ctx, line);
}

/** An expression statement; `X.append(v)`, `X.update(d)` and the like rebind X. */
function execExpression(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): void {
  const expr = childrenOf(node)[0];
  if (!expr) return;
  if (expr.name === 'CallExpression') {
    const [callee, argList] = childrenOf(expr);
    const calleeKids = callee ? childrenOf(callee) : [];
    if (callee?.name === 'MemberExpression' && calleeKids[1]?.name === '.' && argList) {
      const method = ev.text(calleeKids[2]);
      const chain = ['append', 'extend', 'update', 'insert'].includes(method)
        ? targetChain(ev, calleeKids[0], ctx)
        : undefined;
      if (chain) {
        const args = callArguments(ev, argList, ctx);
        const current = getIn(ev, chain, ctx);
        const line = ev.line(node);
        update(ev, chain, mutate(current, method, args, line), ctx, line);
        return;
      }
    }
    if (callee && ev.text(callee).replace(/\s/g, '') === 'django_heroku.settings') {
      const line = ev.line(node);
      applyDjangoHeroku(ev.reads, ctx, line);
      // It sets STATIC_ROOT as well (BASE_DIR/staticfiles unless `staticfiles=False`): a value not told here.
      bind(ev, 'STATIC_ROOT', { t: 'unknown', text: 'django_heroku.settings', line }, ctx, line, true);
      return;
    }
    if (copiesModuleNames(ev, node, ctx)) return;
  }
  ev.evaluate(expr, ctx);
}

function execIf(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): void {
  const kids = childrenOf(node);
  const branches: { test?: SyntaxNode; body: SyntaxNode }[] = [];
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i].name;
    if ((k === 'if' || k === 'elif') && kids[i + 2]?.name === 'Body') {
      branches.push({ test: kids[i + 1], body: kids[i + 2] });
      i += 2;
    } else if (k === 'else' && kids[i + 1]?.name === 'Body') {
      branches.push({ body: kids[i + 1] });
      i += 1;
    }
  }
  const taken = takenModuleBranch(ev, branches, ctx) ?? constantBranch(ev, branches, ctx);
  if (taken) return ev.executeBody(taken, ctx);
  const results: BranchResult[] = [];
  let previousFalse: Truth = true;
  let previous: Condition[] | undefined = [];
  // Past a test on a setting read back through django.conf.settings, which branch runs is not known.
  let untraced = false;
  for (const b of branches) {
    let cond: Condition | undefined;
    let testTrue: Truth = true;
    let condText: string | undefined;
    if (b.test) {
      const r = evalTest(ev, b.test, ctx);
      cond = r.cond;
      testTrue = truthy(r.v);
      condText = ev.text(b.test).slice(0, MAX_TEXT);
      untraced ||= testTrue === undefined && readsDjangoSettings(ev, b.test, ctx);
    } else {
      cond = otherwiseCondition(previous, ev.line(b.body));
      condText = 'else';
    }
    // `DEV = False` … `if DEV:`: a test on a constant never runs its branch.
    if (
      contradicts(ctx.cond, cond) ||
      (b.test && !cond && testTrue === false && isConstant(ev, b.test, ctx))
    ) {
      // `if not X:` then `if X == "postgres":`: the inner branch never runs, so it gives no value.
      previousFalse = truthAnd(previousFalse, truthNot(testTrue));
      if (previous && cond) previous.push(cond);
      else previous = undefined;
      continue;
    }
    const active = truthAnd(ctx.activeWhenUnset, truthAnd(previousFalse, testTrue));
    const guarded = new Set(ctx.guarded);
    // A test on a value computed from the variable (its URL's scheme) does not tell that the variable is set.
    if (cond && !cond.derivedFrom && (cond.test === 'equals' || cond.test === 'set'))
      guarded.add(cond.variable);
    const child: EvalContext = {
      scope: new Map(ctx.scope),
      inBranch: true,
      activeWhenUnset: active,
      cond: cond ?? ctx.cond,
      condText: cond ? condText : ctx.condText,
      ...(b.test ? { branchTest: { text: ev.text(b.test).slice(0, MAX_TEXT), line: ev.line(b.test) } } : {}),
      guarded,
    };
    ev.executeBody(b.body, child);
    results.push({ scope: child.scope, when: cond, activeWhenUnset: active, untraced });
    previousFalse = truthAnd(previousFalse, truthNot(testTrue));
    if (previous && cond) previous.push(cond);
    else previous = undefined;
  }
  if (!branches.some((b) => !b.test))
    results.push({
      // A copy: merge() rewrites ctx.scope, and presenceFallbacks needs the values from before the `if`.
      scope: new Map(ctx.scope),
      when: otherwiseCondition(previous, ev.line(node)),
      activeWhenUnset: truthAnd(ctx.activeWhenUnset, previousFalse),
      untraced,
    });
  merge(ctx.scope, results);
  presenceFallbacks(ctx.scope, results);
}

/** A test that cannot hold inside a branch taken only when its variable is unset (`if not X:` … `if X == "a":`). */
function contradicts(outer: Condition | undefined, inner: Condition | undefined): boolean {
  if (!outer || !inner || outer.test !== 'unset' || outer.derivedFrom || inner.derivedFrom) return false;
  if (outer.variable !== inner.variable) return false;
  return inner.test === 'set' || (inner.test === 'equals' && inner.value !== '');
}

/**
 * `if "X" in os.environ: V = os.environ["X"]` / `else: V = "literal"`: V is the read of X with the else value as
 * its default, as `os.environ.get("X", "literal")` is (and as a try/except on the missing variable is). So is
 * `V = "literal"` before `if os.environ.get("X") is not None: V = os.environ.get("X")`: the read is never unset there.
 */
function presenceFallbacks(scope: Scope, results: BranchResult[]): void {
  if (results.length !== 2) return;
  const [set, unset] = results;
  const x = set.when?.test === 'set' && !set.when.derivedFrom ? set.when.variable : undefined;
  if (!x || unset.when?.test !== 'unset' || unset.when.variable !== x) return;
  for (const [name, b] of scope) {
    const tried = set.scope.get(name)?.v;
    if (tried?.t !== 'env' || tried.read.variable !== x || unset.scope.get(name) === set.scope.get(name))
      continue;
    const fallback = unset.scope.get(name)?.v;
    const v =
      tried.unset.t === 'none' && fallback
        ? { ...tried, unset: fallback }
        : withFallback(tried, fallback, [tried.read]);
    const test = set.when!;
    const chosenAt = test.file ? { line: test.line, file: test.file } : { line: test.line };
    if (v?.t === 'env') scope.set(name, { v: { ...v, chosenAt }, origins: b.origins });
  }
}

function execTry(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): void {
  const blocks = tryBlocks(ev, node);
  const before = new Map(ctx.scope);
  const readsFrom = ev.reads.length;
  const recordedFrom = ev.recorded.length;
  const [first, ...rest] = blocks;
  if (first?.keyword === 'try') ev.executeBody(first.body, ctx);
  const failing = failingReads(ev.reads.slice(readsFrom));
  const handler = fallbackHandler(rest, failing);
  if (!handler) {
    for (const b of first?.keyword === 'try' ? rest : blocks)
      if (b.keyword === 'except') execMaybe(ev, b.body, ctx);
      else ev.executeBody(b.body, ctx);
    return;
  }
  execFallback(ev, ctx, { blocks: rest, handler, failing, before, recordedFrom, line: first.line });
}

/**
 * A try whose handler catches what a missing variable raises: the try body (and else) ran as the branch where the
 * variable is set, the handler is the branch where it is not, as `if 'X' in os.environ: … else: …` would be.
 */
function execFallback(
  ev: ModuleEvaluation,
  ctx: EvalContext,
  t: {
    blocks: TryBlock[];
    handler: TryBlock;
    failing: VariableRead[];
    before: Scope;
    recordedFrom: number;
    line: number;
  },
): void {
  const variables = [...new Set(t.failing.map((r) => r.variable))];
  // Several variables: any one missing runs the handler, which no single condition says.
  const variable = variables.length === 1 ? variables[0] : undefined;
  const setCond: Condition | undefined = variable
    ? { variable, value: '', test: 'set', line: t.line }
    : undefined;
  const unsetCond: Condition | undefined = variable
    ? { variable, value: '', test: 'unset', line: t.handler.line }
    : undefined;
  for (const r of t.failing) {
    r.required = false;
    r.guarded = true;
  }
  for (const a of ev.recorded.slice(t.recordedFrom)) {
    a.inBranch = true;
    a.activeWhenUnset = false;
    if (setCond && !a.cond) {
      a.cond = setCond;
      a.condText = 'try';
    }
  }
  const setCtx: EvalContext = { ...ctx, inBranch: true, activeWhenUnset: false, cond: setCond ?? ctx.cond };
  if (setCond) setCtx.condText = 'try';
  for (const b of t.blocks) if (b.keyword === 'else') ev.executeBody(b.body, setCtx);
  const tried = new Map(ctx.scope);
  const unsetCtx: EvalContext = {
    ...ctx,
    scope: new Map(t.before),
    inBranch: true,
    cond: unsetCond ?? ctx.cond,
    condText: unsetCond ? (t.handler.text ?? 'except') : ctx.condText,
  };
  ev.executeBody(t.handler.body, unsetCtx);
  ctx.scope.clear();
  for (const [name, b] of t.before) ctx.scope.set(name, b);
  merge(ctx.scope, [
    { scope: tried, when: setCond, activeWhenUnset: false },
    { scope: unsetCtx.scope, when: unsetCond, activeWhenUnset: ctx.activeWhenUnset },
  ]);
  for (const [name, b] of ctx.scope) {
    const v = withFallback(tried.get(name)?.v, unsetCtx.scope.get(name)?.v, t.failing);
    if (v) ctx.scope.set(name, { v, origins: b.origins });
  }
  for (const b of t.blocks)
    if (b.keyword === 'except' && b !== t.handler) execMaybe(ev, b.body, ctx);
    else if (b.keyword === 'finally') ev.executeBody(b.body, ctx);
}

/** The scope after branches: a name bound differently in them becomes a choice of its values. */
function merge(scope: Scope, results: BranchResult[]): void {
  const names = new Set<string>();
  for (const r of results) for (const [name, b] of r.scope) if (scope.get(name) !== b) names.add(name);
  for (const name of names) {
    const bindings = results.map((r) => r.scope.get(name));
    const origins = unionOrigins(bindings.map((b) => b?.origins ?? []));
    const first = bindings[0];
    if (first && bindings.every((b) => b?.v === first.v)) {
      scope.set(name, { v: first.v, origins });
      continue;
    }
    const line = bindings.find((b) => b)?.v.line ?? 1;
    const options: Alternative[] = results.map((r, i) => ({
      v: bindings[i]?.v ?? { t: 'unknown', text: '(not set)', line },
      when: r.when,
      activeWhenUnset: r.activeWhenUnset,
      ...(r.untraced ? { untraced: true } : {}),
    }));
    scope.set(name, { v: choice(options, line), origins });
  }
}

// ---------------------------------------------------------------- assignment targets

function assignTarget(
  ev: ModuleEvaluation,
  target: SyntaxNode,
  value: PyValue,
  ctx: EvalContext,
  line: number,
): void {
  if (target.name === 'VariableName') {
    bind(ev, ev.text(target), value, ctx, line, true);
    return;
  }
  const chain = targetChain(ev, target, ctx);
  if (chain && chain.keys.length > 0) {
    const current = ctx.scope.get(chain.root)?.v ?? ev.lookup(chain.root, line, ctx);
    update(ev, chain, setIn(current, chain.keys, value, line), ctx, line, true);
  }
}

/** `NAME['a']['b']` → root NAME and keys a, b; undefined for attribute targets or non-literal keys. */
function targetChain(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): TargetChain | undefined {
  const keys: string[] = [];
  let n: SyntaxNode | null = node;
  while (n && n.name === 'MemberExpression') {
    const kids = childrenOf(n);
    if (kids[1]?.name !== '[' || kids.length !== 4) return undefined;
    const key = ev.evaluate(kids[2], ctx);
    if (key.t !== 'str') return undefined;
    keys.unshift(key.v);
    n = kids[0];
  }
  if (!n || n.name !== 'VariableName') return undefined;
  return { root: ev.text(n), keys };
}

function getIn(ev: ModuleEvaluation, chain: TargetChain, ctx: EvalContext): PyValue {
  let v = ctx.scope.get(chain.root)?.v ?? ev.lookup(chain.root, 1, ctx);
  for (const k of chain.keys) v = subscript(v, { t: 'str', v: k, line: v.line }, v.line);
  return v;
}

/** Rebinds the root of a chain after `root[k1][k2] = value` (or `+=`, `.update()`, ...). */
function update(
  ev: ModuleEvaluation,
  chain: TargetChain,
  value: PyValue,
  ctx: EvalContext,
  line: number,
  valueIsWhole = false,
): void {
  if (chain.keys.length === 0) {
    bind(ev, chain.root, value, ctx, line, false);
    return;
  }
  const current = ctx.scope.get(chain.root)?.v ?? ev.lookup(chain.root, line, ctx);
  bind(ev, chain.root, valueIsWhole ? value : setIn(current, chain.keys, value, line), ctx, line, false);
}
