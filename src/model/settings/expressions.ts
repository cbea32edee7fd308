/** The evaluator of Python expressions: literals, names, operators, subscripts, calls, f-strings, if-tests. */
import type { SyntaxNode } from '@lezer/common';
import { childrenOf, stringParts, unescapeBody } from '../../parse/python.js';
import { attribute, subscript } from './access.js';
import { callBuiltin, parseNumber } from './builtins.js';
import { callByName, callMethod } from './calls.js';
import type { EvalContext } from './context.js';
import { callEnv } from './django-environ.js';
import { DJANGO_SETTINGS, loadedSettingValue } from './django-settings.js';
import { isOsEnviron, presenceOfVariable, subscriptOsEnviron } from './environ.js';
import type { ModuleEvaluation } from './evaluation.js';
import { callFunction } from './functions.js';
import { importModule } from './import-module.js';
import { binary } from './operators.js';
import { joinAll } from './paths.js';
import { isPydanticSettings, pydanticSettingsInstance } from './pydantic-settings.js';
import {
  choice,
  derive,
  lift,
  MAX_TEXT,
  negateCondition,
  notValue,
  truthy,
  type CallArgs,
  type Condition,
  type DictEntry,
  type PyOf,
  type PyValue,
} from './value.js';

export function evalExpression(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): PyValue {
  const line = ev.line(node);
  switch (node.name) {
    case 'String':
      return stringLiteral(ev, node) ?? ev.unknown(node);
    case 'FormatString':
      return formatString(ev, node, ctx);
    case 'ContinuedString':
      return childrenOf(node).reduce<PyValue>((acc, c) => binary(acc, '+', ev.evaluate(c, ctx), line), {
        t: 'str',
        v: '',
        line,
      });
    case 'Number': {
      const n = parseNumber(ev.text(node));
      return n === undefined ? ev.unknown(node) : { t: 'num', v: n, line };
    }
    case 'Boolean':
      return { t: 'bool', v: ev.text(node) === 'True', line };
    case 'None':
      return { t: 'none', line };
    case 'VariableName':
      return ev.lookup(ev.text(node), line, ctx);
    case 'ParenthesizedExpression': {
      const inner = childrenOf(node).filter((c) => c.name !== '(' && c.name !== ')');
      return inner.length === 1 ? ev.evaluate(inner[0], ctx) : ev.unknown(node);
    }
    case 'ArrayExpression':
    case 'TupleExpression':
    case 'SetExpression': {
      const items = childrenOf(node).filter((c) => !['[', ']', '(', ')', '{', '}', ','].includes(c.name));
      if (items.some((c) => c.name === '*')) return ev.unknown(node);
      const written =
        node.name === 'TupleExpression' ? 'tuple' : node.name === 'SetExpression' ? 'set' : 'list';
      return { t: 'list', items: items.map((c) => ev.evaluate(c, ctx)), line, written };
    }
    case 'DictionaryExpression':
      return dictionary(ev, node, ctx);
    case 'MemberExpression':
      return member(ev, node, ctx);
    case 'CallExpression':
      return call(ev, node, ctx);
    case 'BinaryExpression':
      return binaryExpression(ev, node, ctx);
    case 'UnaryExpression':
      return unaryExpression(ev, node, ctx);
    case 'ConditionalExpression':
      return conditionalExpression(ev, node, ctx);
    case 'NamedExpression': {
      const kids = childrenOf(node);
      return ev.evaluate(kids[kids.length - 1], ctx);
    }
    default:
      return ev.unknown(node);
  }
}

function stringLiteral(ev: ModuleEvaluation, node: SyntaxNode): PyValue | undefined {
  const parts = stringParts(ev.text(node));
  if (!parts) return undefined;
  return { t: 'str', v: unescapeBody(parts.body, parts.prefix.includes('r')), line: ev.line(node) };
}

/** The operator of a binary expression, its words joined: 'not in', 'is not'. */
function operatorOf(ev: ModuleEvaluation, kids: SyntaxNode[]): string {
  return kids
    .slice(1, -1)
    .map((c) => ev.text(c))
    .join(' ');
}

// The words a settings module looks for in the command line to tell a test run (`test`, `pytest`, a project's own
// `test_coverage` command), and the command line itself.
const TEST_RUNNER = /^(py)?test([_-][a-z0-9_]+)?$/;
const SYS_ARGV = /^sys\.argv(\s*\[[^\]]*\])?$/;

function binaryExpression(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): PyValue {
  const line = ev.line(node);
  const kids = childrenOf(node);
  if (kids.length < 3) return ev.unknown(node);
  const op = operatorOf(ev, kids);
  const left = ev.evaluate(kids[0], ctx);
  if (op === 'or' || op === 'and') {
    const right = ev.evaluate(kids[kids.length - 1], ctx);
    const out = lift(left, (l) => {
      const t = truthy(l);
      if (t === undefined) return { t: 'unknown', text: ev.text(node).slice(0, MAX_TEXT), line };
      return (op === 'or') === t ? l : right;
    });
    // `os.getenv("DEBUG") or "1"`: a set variable gives its text as it is ('False' included)
    if (op === 'or' && left.t === 'env' && left.whenSet === 'text' && out.t === 'env') out.whenSet = 'text';
    // `A and B and C` of plain reads: true only when every one of them is set, as `all([A, B, C])`.
    if (op === 'and' && out.t === 'env' && out.read === (left.t === 'env' ? left.read : undefined)) {
      const reads = [left, right].map((x) =>
        x.t === 'env' && !x.derived ? (x.allOf ?? [x.read.variable]) : [],
      );
      if (reads.every((r) => r.length > 0)) out.allOf = [...new Set(reads.flat())];
    }
    return out;
  }
  if ((op === 'in' || op === 'not in') && kids[0].name === 'String') {
    const right = ev.evaluate(kids[kids.length - 1], ctx);
    if (isOsEnviron(right) && left.t === 'str')
      return presenceOfVariable(ev.reads, ctx, left.v, op === 'not in', line);
    // `'test' in sys.argv`: true only under `manage.py test` or pytest, never in the container that serves the app.
    if (left.t === 'str' && TEST_RUNNER.test(left.v) && SYS_ARGV.test(ev.text(kids[kids.length - 1])))
      return { t: 'bool', v: op === 'not in', line };
    return binary(left, op, right, line);
  }
  return binary(left, op, ev.evaluate(kids[kids.length - 1], ctx), line);
}

function unaryExpression(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): PyValue {
  const line = ev.line(node);
  const kids = childrenOf(node);
  const op = kids[0] ? ev.text(kids[0]) : '';
  const operand = kids[1] ? ev.evaluate(kids[1], ctx) : ev.unknown(node);
  return lift(operand, (x) => {
    if (op === 'not') return notValue(x, line);
    if (op === '-' && x.t === 'num') return { t: 'num', v: -x.v, line };
    if (op === '+' && x.t === 'num') return x;
    return { t: 'unknown', text: ev.text(node).slice(0, MAX_TEXT), line };
  });
}

function conditionalExpression(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): PyValue {
  const line = ev.line(node);
  const kids = childrenOf(node).filter((c) => c.name !== 'if' && c.name !== 'else');
  if (kids.length !== 3) return ev.unknown(node);
  const whenTrue = ev.evaluate(kids[0], ctx);
  const test = ev.evaluate(kids[1], ctx);
  const whenFalse = ev.evaluate(kids[2], ctx);
  // `"db" if os.getenv("DB_NAME") else "localhost"`: the variable only picks between two texts written in code.
  // So is a URL built in code (`"postgres://…" if USE_DOCKER else "sqlite:///" + str(BASE_DIR / "db.sqlite3")`).
  if (test.t === 'env' && isCodeText(whenTrue) && isCodeText(whenFalse)) {
    const unsetTruth = truthy(test);
    const out = choice(
      [
        { v: whenTrue, activeWhenUnset: unsetTruth },
        { v: whenFalse, activeWhenUnset: unsetTruth === undefined ? undefined : !unsetTruth },
      ],
      line,
    );
    if (out.t === 'choice') out.decider = lift(test, (c) => pick(truthy(c), whenTrue, whenFalse, line));
    return out;
  }
  // `{…postgres…} if "POSTGRES_DB" in os.environ else {…sqlite…}`: the variable selects between two dicts, as an
  // if/else statement on it would.
  if (test.t === 'env' && whenTrue.t === 'dict' && whenFalse.t === 'dict') {
    const cond = evalTest(ev, kids[1], ctx).cond;
    const otherwise = cond ? negateCondition(cond) : undefined;
    const unsetTruth = truthy(test);
    if (cond && otherwise && unsetTruth !== undefined)
      return choice(
        [
          { v: whenTrue, when: cond, activeWhenUnset: unsetTruth },
          { v: whenFalse, when: otherwise, activeWhenUnset: !unsetTruth },
        ],
        line,
      );
  }
  return lift(test, (c) => {
    const t = truthy(c);
    if (t === undefined)
      return choice(
        [
          { v: whenTrue, activeWhenUnset: undefined },
          { v: whenFalse, activeWhenUnset: undefined },
        ],
        line,
      );
    return t ? whenTrue : whenFalse;
  });
}

/** The branch a known truth takes; unknown when the truth is. */
function pick(t: boolean | undefined, whenTrue: PyValue, whenFalse: PyValue, line: number): PyValue {
  if (t === undefined) return { t: 'unknown', text: '… if … else …', line };
  return t ? whenTrue : whenFalse;
}

/** A text written in code: a literal, or literal text joined with paths (no environment read in it). */
function isCodeText(v: PyValue): boolean {
  if (v.t === 'str') return true;
  return v.t === 'concat' && v.parts.every((p) => p.t === 'str' || p.t === 'path');
}

/** Evaluates an if-test, and says which environment variable value it checks, when it checks one. */
export function evalTest(
  ev: ModuleEvaluation,
  node: SyntaxNode,
  ctx: EvalContext,
): { v: PyValue; cond?: Condition } {
  const line = ev.line(node);
  const kids = childrenOf(node);
  if (node.name === 'ParenthesizedExpression' && kids.length === 3) return evalTest(ev, kids[1], ctx);
  if (node.name === 'UnaryExpression' && kids[0] && ev.text(kids[0]) === 'not' && kids[1]) {
    const r = evalTest(ev, kids[1], ctx);
    return { v: lift(r.v, (x) => notValue(x, line)), cond: r.cond ? negateCondition(r.cond) : undefined };
  }
  if (node.name === 'BinaryExpression' && kids.length >= 3) {
    const op = operatorOf(ev, kids);
    if ((op === 'is' || op === 'is not') && kids[kids.length - 1].name === 'None') {
      const v = ev.evaluate(node, ctx);
      if (v.t !== 'env') return { v };
      return { v, cond: envCondition(v, '', op === 'is' ? 'unset' : 'set', line) };
    }
    if (['==', '!=', 'in', 'not in'].includes(op)) return comparisonTest(ev, node, kids, op, ctx);
  }
  const v = ev.evaluate(node, ctx);
  if (v.t === 'env') return { v, cond: envCondition(v, '', 'set', line) };
  return { v };
}

/** A test of the variable behind v; on a value computed from it, marked so (it names no value of the variable). */
function envCondition(v: PyOf<'env'>, value: string, test: Condition['test'], line: number): Condition {
  const cond: Condition = { variable: v.read.variable, value, test, line };
  if (v.derived) cond.derivedFrom = v.read;
  if (v.allOf) cond.allOf = v.allOf;
  return cond;
}

/** `X == 'a'`, `X != 'a'`, `X in ('a', 'b')`, `'X' in os.environ` as a test of the variable X. */
function comparisonTest(
  ev: ModuleEvaluation,
  node: SyntaxNode,
  kids: SyntaxNode[],
  op: string,
  ctx: EvalContext,
): { v: PyValue; cond?: Condition } {
  const line = ev.line(node);
  const v = ev.evaluate(node, ctx);
  const left = v.t === 'env' ? v : undefined;
  if (left && (op === 'in' || op === 'not in') && left.read.presence)
    return { v, cond: envCondition(left, '', op === 'in' ? 'set' : 'unset', line) };
  // `os.environ.get("X") != None`, as `is not None`: whether X is set.
  if (left?.presence && (op === '==' || op === '!=') && kids[kids.length - 1].name === 'None')
    return { v, cond: envCondition(left, '', op === '!=' ? 'set' : 'unset', line) };
  const literal = literalOperand(
    ev,
    op === '==' || op === '!=' ? [kids[0], kids[kids.length - 1]] : [kids[kids.length - 1]],
    ctx,
  );
  if (left && literal !== undefined) {
    const test = op === '==' || op === 'in' ? 'equals' : 'not-equals';
    const cond = envCondition(left, literal, test, line);
    const values = op === 'in' || op === 'not in' ? literalItems(ev, kids[kids.length - 1], ctx) : [];
    if (values.length > 1) cond.values = values;
    return { v, cond };
  }
  return { v };
}

/** The string a comparison tests against: 'postgres' in `x == 'postgres'`, the first of `x in ('a', 'b')`. */
function literalOperand(ev: ModuleEvaluation, nodes: SyntaxNode[], ctx: EvalContext): string | undefined {
  for (const n of nodes) {
    if (n.name === 'String') {
      const s = stringLiteral(ev, n);
      if (s?.t === 'str') return s.v;
    }
    if (n.name === 'TupleExpression' || n.name === 'ArrayExpression' || n.name === 'SetExpression') {
      const v = ev.evaluate(n, ctx);
      if (v.t === 'list' && v.items[0]?.t === 'str') return v.items[0].v;
    }
  }
  return undefined;
}

/** The strings of a literal tuple, list or set (`("dev", "staging")`); empty when an item is not a string. */
function literalItems(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): string[] {
  if (!['TupleExpression', 'ArrayExpression', 'SetExpression'].includes(node.name)) return [];
  const v = ev.evaluate(node, ctx);
  if (v.t !== 'list' || !v.items.every((i) => i.t === 'str')) return [];
  return v.items.map((i) => (i as PyOf<'str'>).v);
}

function formatString(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): PyValue {
  const line = ev.line(node);
  const parts = stringParts(ev.text(node));
  if (!parts) return ev.unknown(node);
  const isRaw = parts.prefix.includes('r');
  const bodyStart = node.from + parts.prefix.length + parts.quote.length;
  const bodyEnd = node.to - parts.quote.length;
  const pieces: PyValue[] = [];
  let at = bodyStart;
  const literal = (from: number, to: number) => {
    if (to <= from) return;
    const text = unescapeBody(ev.py.text.slice(from, to), isRaw).replaceAll('{{', '{').replaceAll('}}', '}');
    pieces.push({ t: 'str', v: text, line });
  };
  for (const rep of childrenOf(node)) {
    if (rep.name !== 'FormatReplacement') continue;
    literal(at, rep.from);
    at = rep.to;
    const inner = childrenOf(rep).filter((c) => c.name !== '{' && c.name !== '}');
    if (inner.length !== 1) {
      pieces.push({ t: 'unknown', text: ev.text(rep), line });
      continue;
    }
    pieces.push(callBuiltin('builtins.str', ev.evaluate(inner[0], ctx), line));
  }
  literal(at, bodyEnd);
  return pieces.reduce<PyValue>((acc, p) => binary(acc, '+', p, line), { t: 'str', v: '', line });
}

function dictionary(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): PyValue {
  const kids = childrenOf(node).filter((c) => c.name !== '{' && c.name !== '}' && c.name !== ',');
  const entries: DictEntry[] = [];
  let complete = true;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    if (k.name === '**') {
      complete = false;
      i++;
      continue;
    }
    if (kids[i + 1]?.name !== ':' || !kids[i + 2]) return ev.unknown(node);
    const key = ev.evaluate(k, ctx);
    const value = ev.evaluate(kids[i + 2], ctx);
    if (key.t === 'str') {
      const existing = entries.findIndex((e) => e.key === key.v);
      if (existing >= 0) entries.splice(existing, 1);
      entries.push({ key: key.v, value, line: ev.line(k) });
    } else complete = false;
    i += 2;
  }
  return { t: 'dict', entries, line: ev.line(node), ...(complete ? { complete: true as const } : {}) };
}

function member(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): PyValue {
  const kids = childrenOf(node);
  const line = ev.line(node);
  if (kids[1]?.name === '.' && kids[2]) {
    const obj = ev.evaluate(kids[0], ctx);
    const prop = ev.text(kids[2]);
    const loaded =
      obj.t === 'ref' && obj.name === DJANGO_SETTINGS ? loadedSettingValue(ev, prop, ctx) : undefined;
    return loaded ?? attribute(obj, prop, line);
  }
  if (kids[1]?.name === '[' && kids.length === 4) {
    const obj = ev.evaluate(kids[0], ctx);
    if (isOsEnviron(obj))
      return subscriptOsEnviron(ev.reads, ctx, ev.evaluate(kids[2], ctx), line) ?? ev.unknown(node);
    return subscript(obj, ev.evaluate(kids[2], ctx), line);
  }
  return ev.unknown(node);
}

/** The evaluated arguments of a call (`*args` and `**kwargs` are passed over). */
export function callArguments(ev: ModuleEvaluation, argList: SyntaxNode, ctx: EvalContext): CallArgs {
  const pos: PyValue[] = [];
  const kw = new Map<string, PyValue>();
  const kids = childrenOf(argList).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== ',');
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i];
    if (c.name === '*' || c.name === '**') {
      // `include(*base_settings)`: a list's items are passed one by one.
      const spread = c.name === '*' && kids[i + 1] ? ev.evaluate(kids[i + 1], ctx) : undefined;
      if (spread?.t === 'list') pos.push(...spread.items);
      i++;
      continue;
    }
    if (c.name === 'VariableName' && kids[i + 1]?.name === 'AssignOp' && kids[i + 2]) {
      kw.set(ev.text(c), ev.evaluate(kids[i + 2], ctx));
      i += 2;
      continue;
    }
    pos.push(ev.evaluate(c, ctx));
  }
  return { pos, kw };
}

function call(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): PyValue {
  const [callee, argList] = childrenOf(node);
  const line = ev.line(node);
  if (!callee || !argList || argList.name !== 'ArgList') return ev.unknown(node);
  const calleeKids = childrenOf(callee);
  let result: PyValue | undefined;
  let args: CallArgs;
  // A library or unknown function (urlparse, a project's helper), as opposed to a method of a known value
  let ofFunction: boolean;
  if (callee.name === 'MemberExpression' && calleeKids[1]?.name === '.' && calleeKids[2]) {
    const obj = ev.evaluate(calleeKids[0], ctx);
    const method = ev.text(calleeKids[2]);
    args = callArguments(ev, argList, ctx);
    ofFunction = obj.t === 'ref' || (obj.t === 'unknown' && !obj.crash);
    // A function of a project module imported as a name (`secrets.getter(path)`).
    const own =
      obj.t === 'dict' && obj.attributes ? obj.entries.find((e) => e.key === method)?.value : undefined;
    result =
      own?.t === 'func'
        ? callFunction(ev, own, args, line, ctx)
        : obj.t === 'ref' && `${obj.name}.${method}` === 'importlib.import_module'
          ? importModule(ev, args, line)
          : obj.t === 'ref'
            ? callByName(ev, ctx, `${obj.name}.${method}`, args, line)
            : callMethod(ev, ctx, obj, method, args, line);
  } else {
    const f = ev.evaluate(callee, ctx);
    args = callArguments(ev, argList, ctx);
    ofFunction = f.t === 'ref' || (f.t === 'unknown' && !f.crash);
    if (f.t === 'ref' && f.name === 'split_settings.tools.include') {
      ev.include(args.pos, ctx);
      result = { t: 'none', line };
    } else if (f.t === 'ref' && f.name === 'split_settings.tools.optional') result = args.pos[0];
    else if (f.t === 'ref' && f.name === 'importlib.import_module') result = importModule(ev, args, line);
    else if (f.t === 'ref') result = callByName(ev, ctx, f.name, args, line);
    else if (f.t === 'envobj') result = callEnv(ev, ctx, f, '__call__', args, line);
    else if (f.t === 'func') result = callFunction(ev, f, args, line, ctx);
    else if (f.t === 'class' && isPydanticSettings(f)) result = pydanticSettingsInstance(f, ctx, line);
    else if (f.t === 'path') result = joinAll(f, args.pos, line);
  }
  if (!result) {
    // A function not emulated still gives a value computed from the environment when an argument is read from it.
    const source = ofFunction ? [...args.pos, ...args.kw.values()].find((a) => a.t === 'env') : undefined;
    const unknown = ev.unknown(node);
    return source ? derive(lift(source, () => unknown)) : unknown;
  }
  if (result.t === 'unknown' && !result.crash && result.text === '') return ev.unknown(node);
  return result;
}
