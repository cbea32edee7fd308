/**
 * The branch of an `if` known to run: where it picks the settings module to import (`if env == "production": from
 * .production import *`), or past tests of constants.
 */
import type { SyntaxNode } from '@lezer/common';
import { childrenOf } from '../../parse/python.js';
import { PLATFORM_OPERAND } from './container-platform.js';
import type { EvalContext } from './context.js';
import type { ModuleEvaluation } from './evaluation.js';
import { evalTest } from './expressions.js';
import { truthy, type Condition, type PyValue, type Truth } from './value.js';

// A branch body that loads settings: a star-import, django-split-settings' include(), importlib.import_module().
const LOADS_SETTINGS =
  /^\s*(from\s+\S+\s+import\s+\*|include\s*\(|\w+\s*=\s*(importlib\.)?import_module\s*\()/m;

/**
 * The body of the branch the container takes, when the `if` chooses which settings modules load and the values the
 * container sets decide its tests; undefined otherwise. Only that module runs in the container, as Django imports it.
 * A variable the container leaves unset keeps both branches, the default one marked as such: a deploy may still set
 * it (SQLite by default is a fallback, not a fixed engine).
 */
export function takenModuleBranch(
  ev: ModuleEvaluation,
  branches: { test?: SyntaxNode; body: SyntaxNode }[],
  ctx: EvalContext,
): SyntaxNode | undefined {
  if (!branches.some((b) => LOADS_SETTINGS.test(ev.text(b.body)))) return undefined;
  for (const b of branches) {
    if (!b.test) return b.body;
    const r = evalTest(ev, b.test, ctx);
    const taken = r.cond ? takenInContainer(ev, r.cond, ev.text(b.test)) : constantTruth(r.v);
    if (taken === undefined) return undefined;
    if (taken) return b.body;
  }
  return undefined;
}

/** Whether a test holds with the container's value of its variable; undefined when that cannot be told. */
function takenInContainer(ev: ModuleEvaluation, cond: Condition, text: string): Truth {
  const value = ev.containerValue(cond.variable);
  if (typeof value !== 'string' || cond.derivedFrom) return undefined;
  switch (cond.test) {
    case 'equals':
    case 'not-equals':
      // `X in ("a", "b")` names more values than the condition keeps.
      if (!/==|!=/.test(text) || /\bin\b/.test(text)) return undefined;
      return (value === cond.value) === (cond.test === 'equals');
    case 'set':
      return value === '' ? undefined : true;
    case 'unset':
      return value === '' ? undefined : false;
    default:
      return undefined;
  }
}

/** The truth of a test that reads no variable (a literal, a name bound to one); undefined otherwise. */
function constantTruth(v: PyValue): Truth {
  return v.t === 'bool' || v.t === 'str' || v.t === 'num' || v.t === 'none' ? truthy(v) : undefined;
}

/**
 * The branch that always runs when the tests before it are constants (`POSTGRES = True` … `if POSTGRES:` / `else:`):
 * the others are dead code, as Python never runs them.
 */
export function constantBranch(
  ev: ModuleEvaluation,
  branches: { test?: SyntaxNode; body: SyntaxNode }[],
  ctx: EvalContext,
): SyntaxNode | undefined {
  for (const b of branches) {
    if (!b.test) return b.body;
    // Only a name or a literal, maybe negated or compared with another: evaluating it twice records no read twice.
    const operand = b.test.name === 'UnaryExpression' ? b.test.lastChild : b.test;
    if (!operand || !constantShape(ev, operand) || !isConstant(ev, b.test, ctx)) return undefined;
    if (truthy(ev.evaluate(b.test, ctx)) === true) return b.body;
  }
  return undefined;
}

const CONSTANT_SHAPES = new Set(['VariableName', 'Boolean', 'Number', 'None']);

// `os.path.exists("/.dockerenv")`, `Path("/.dockerenv").is_file()`: a call that reads no variable, true in a container.
const DOCKERENV_TEST =
  /^(?:os\.path\.(?:exists|isfile)\(\s*(['"])\/\.dockerenv\1\s*\)|Path\(\s*(['"])\/\.dockerenv\2\s*\)\.(?:exists|is_file)\(\))$/;

/**
 * A name or a literal, or a comparison of two (`DEBUG is True`, `MODE == "dev"`), a plain string (or a tuple of
 * them) only as an operand; a test of /.dockerenv, or of the platform (`sys.platform.startswith("win")`,
 * `os.name == "nt"`), which the container settles.
 */
function constantShape(ev: ModuleEvaluation, node: SyntaxNode): boolean {
  if (CONSTANT_SHAPES.has(node.name)) return true;
  if (node.name === 'CallExpression') return DOCKERENV_TEST.test(ev.text(node)) || platformOperand(ev, node);
  if (node.name !== 'BinaryExpression') return false;
  const operands = childrenOf(node).filter((k) => !['is', 'not', 'in', 'CompareOp'].includes(k.name));
  return (
    operands.length === 2 &&
    childrenOf(node).length - operands.length <= 2 &&
    operands.every((k) => CONSTANT_SHAPES.has(k.name) || plainStrings(k) || platformOperand(ev, k))
  );
}

function platformOperand(ev: ModuleEvaluation, node: SyntaxNode): boolean {
  return ['CallExpression', 'MemberExpression'].includes(node.name) && PLATFORM_OPERAND.test(ev.text(node));
}

/** A string with no replacement in it, or a tuple or list of such strings (`("win32", "cygwin")`). */
function plainStrings(node: SyntaxNode): boolean {
  if (node.name === 'String') return !node.firstChild;
  if (node.name !== 'TupleExpression' && node.name !== 'ArrayExpression') return false;
  const items = childrenOf(node).filter((k) => !['(', ')', '[', ']', ','].includes(k.name));
  return items.length > 0 && items.every((k) => k.name === 'String' && !k.firstChild);
}

/** A test whose value reads no variable: a literal, or a name bound to one. */
export function isConstant(ev: ModuleEvaluation, test: SyntaxNode, ctx: EvalContext): boolean {
  const v = ev.evaluate(test, ctx);
  return v.t === 'bool' || v.t === 'num' || v.t === 'str' || v.t === 'none';
}
