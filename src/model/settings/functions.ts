/** Helper functions defined in the settings (`def env_bool(name, default=False): ...`), run at each call. */
import type { SyntaxNode } from '@lezer/common';
import { childrenOf } from '../../parse/python.js';
import type { EvalContext } from './context.js';
import { stampFile, type ModuleEvaluation } from './evaluation.js';
import { failingReads, fallbackHandler, tryBlocks, withFallback } from './try-fallback.js';
import {
  markRequired,
  truthAnd,
  truthNot,
  truthOr,
  truthy,
  type CallArgs,
  type PyOf,
  type PyValue,
  type Truth,
} from './value.js';

/** Helpers calling helpers deeper than this give an unknown value. */
const MAX_CALL_DEPTH = 3;

interface Return {
  v: PyValue;
  reached: Truth;
}

/** The parameters of a `def`, with their defaults evaluated. */
export function parameters(
  ev: ModuleEvaluation,
  list: SyntaxNode,
  ctx: EvalContext,
): { name: string; def?: PyValue; star?: true }[] {
  const out: { name: string; def?: PyValue; star?: true }[] = [];
  const kids = childrenOf(list);
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    if (k.name === '*' || k.name === '**') {
      const name = kids[i + 1]?.name === 'VariableName' ? ev.text(kids[i + 1]) : undefined;
      // `*args` takes the positional arguments left over; a bare `*` and `**kwargs` bind none we follow.
      if (k.name === '*' && name) out.push({ name, star: true });
      i++;
      continue;
    }
    if (k.name !== 'VariableName') continue;
    const param: { name: string; def?: PyValue } = { name: ev.text(k) };
    let j = i + 1;
    if (kids[j]?.name === 'TypeDef') j++;
    if (kids[j]?.name === 'AssignOp' && kids[j + 1]) {
      param.def = ev.evaluate(kids[j + 1], ctx);
      j++;
    }
    out.push(param);
    i = j;
  }
  return out;
}

/**
 * Runs a helper defined in the settings with the call's arguments and returns what it returns when no variable is
 * set; a helper that reads the environment gives an env-derived value.
 */
export function callFunction(
  ev: ModuleEvaluation,
  f: PyOf<'func'>,
  args: CallArgs,
  line: number,
  ctx: EvalContext,
  loader = false,
): PyValue {
  if (ev.callDepth >= MAX_CALL_DEPTH) return { t: 'unknown', text: 'call', line };
  // A function of another project module runs there, with its module's names; one level only.
  if (f.home) {
    if (f.home.ev.callDepth > 0 || ev.callDepth > 0) return { t: 'unknown', text: 'call', line };
    // The arguments are written here (`getenv('DB_PASSWORD', 'secret')`), not in the helper's module.
    for (const arg of [...args.pos, ...args.kw.values()]) stampFile(arg, ev.file);
    const readsFrom = f.home.ev.reads.length;
    const result = callFunction(
      f.home.ev,
      { ...f, home: undefined },
      args,
      line,
      { ...ctx, scope: f.home.scope },
      true,
    );
    stampFile(result, f.home.ev.file);
    // Its reads are reported at the call (`get_env_variable("DB_PASSWORD", "pw")`), in the calling module.
    for (const r of f.home.ev.reads.slice(readsFrom)) r.file = ev.file;
    // The value as a whole stands at the call (its line is the call's), what it holds in the other module.
    if (result.line === line) delete result.file;
    return result;
  }
  const scope = new Map(ctx.scope);
  const star = f.params.findIndex((p) => p.star);
  f.params.forEach((p, i) => {
    const positional = star < 0 || i < star ? args.pos[i] : undefined;
    const v: PyValue = p.star
      ? { t: 'list', items: args.pos.slice(i), line, written: 'tuple' }
      : (args.kw.get(p.name) ?? positional ?? p.def ?? { t: 'unknown', text: p.name, line });
    scope.set(p.name, { v, origins: [] });
  });
  const readsBefore = ev.reads.length;
  const runner = new BodyRunner(ev, { ...ctx, scope, inFunction: true });
  const returns = runner.returns;
  ev.callDepth++;
  let falloff: Truth;
  try {
    falloff = runner.run(f.body, true);
  } finally {
    ev.callDepth--;
  }
  if (falloff !== false) returns.push({ v: { t: 'none', line }, reached: falloff });
  let result: PyValue | undefined;
  for (const r of returns) {
    if (r.reached === false) continue;
    result = r.reached === true ? r.v : undefined;
    break;
  }
  // A loader of another module (`return json.load(f)` … `except FileNotFoundError: return {…}`): what it reads at
  // run time is not known, its written fallback is what an image without the file runs with.
  if (loader && (result === undefined || (result.t === 'unknown' && !result.crash)))
    result = returns.find((r) => r.reached !== false && r.v.t !== 'unknown')?.v ?? result;
  // Reads inside the helper are reported at the call, where the variable name is written.
  for (const r of ev.reads.slice(readsBefore)) r.line = line;
  const value: PyValue = result ? { ...result, line } : { t: 'unknown', text: 'call', line };
  const read = ev.reads[readsBefore];
  if (read && value.t === 'unknown' && value.crash) markRequired(read);
  if (read && value.t !== 'env') return { t: 'env', read, unset: value, line };
  // `read_secret(os.environ.get("KEY_FILE"))` opening its argument: the value is the file's content when KEY_FILE is set.
  const opened = value.t === 'env' ? undefined : openedArgument(ev.text(f.body), f.params, args);
  if (opened) return { t: 'env', read: opened.read, unset: value, derived: true, fromFile: true, line };
  // A helper that turns the words into booleans (`if val == 'False': val = False`, strtobool): not the raw text.
  if (value.t === 'env' && value.whenSet === 'text' && CONVERTS_TO_BOOL.test(ev.text(f.body))) {
    delete value.whenSet;
    delete value.probes;
  }
  return value;
}

/**
 * The env read passed for a parameter the body opens as a file (`open(path)`, `Path(path).read_text()`) and that names
 * no file when the variable is unset (no default path): what the helper returns then is the fallback.
 */
function openedArgument(
  body: string,
  params: PyOf<'func'>['params'],
  args: CallArgs,
): PyOf<'env'> | undefined {
  for (const [i, p] of params.entries()) {
    if (p.star) continue;
    const arg = args.kw.get(p.name) ?? args.pos[i];
    if (arg?.t !== 'env' || arg.fromFile || truthy(arg.unset) !== false) continue;
    const name = p.name.replace(/\W/g, '');
    const opens = new RegExp(
      `\\bopen\\(\\s*${name}\\s*[,)]|\\bPath\\(\\s*${name}\\s*\\)\\s*\\.\\s*(read_text|open)\\b`,
    );
    if (opens.test(body)) return arg;
  }
  return undefined;
}

// A function body that compares a value with a boolean word, or parses it (strtobool, json.loads, literal_eval).
const CONVERTS_TO_BOOL =
  /(==|!=)\s*['"](true|false|yes|no|on|off|1|0)['"]|['"](true|false|yes|no|on|off|1|0)['"]\s*(==|!=)|\bstrtobool\s*\(|\bjson\.loads\s*\(|\bliteral_eval\s*\(|\bin\s*[([{]\s*['"](true|false|yes|on|1)['"]/i;

/** The keyword (try, except, else, finally) that opens the block at `at` among a statement's children. */
export function blockKeyword(parts: SyntaxNode[], at: number): string | undefined {
  return parts
    .slice(0, at)
    .reverse()
    .find((c) => ['try', 'except', 'else', 'finally'].includes(c.name))?.name;
}

/** Runs the statements of one call's function body, collecting its returns with whether they are reached. */
class BodyRunner {
  readonly returns: Return[] = [];

  constructor(
    private readonly ev: ModuleEvaluation,
    private readonly ctx: EvalContext,
  ) {}

  /** Runs the statements of a block reached as `reached` says; says whether its end is reached. */
  run(body: SyntaxNode, reached: Truth): Truth {
    const { ev, ctx } = this;
    for (const stmt of childrenOf(body)) {
      if (stmt.name === ':') continue;
      if (reached === false) return false;
      switch (stmt.name) {
        case 'ReturnStatement': {
          const expr = childrenOf(stmt)[1];
          this.returns.push({
            v: expr ? ev.evaluate(expr, ctx) : { t: 'none', line: ev.line(stmt) },
            reached,
          });
          return false;
        }
        case 'RaiseStatement':
          this.returns.push({
            v: { t: 'unknown', text: 'raise', crash: true, line: ev.line(stmt) },
            reached,
          });
          return false;
        case 'TryStatement':
          reached = this.runTry(stmt, reached);
          break;
        case 'WithStatement':
        case 'ForStatement':
        case 'WhileStatement': {
          const inner = childrenOf(stmt).find((c) => c.name === 'Body');
          if (inner) {
            const loop = stmt.name !== 'WithStatement';
            const end = this.run(inner, loop ? undefined : reached);
            reached = loop ? reached : end;
          }
          break;
        }
        case 'IfStatement':
          reached = this.runIf(stmt, reached);
          break;
        default:
          ev.executeOrSkip(stmt, ctx);
      }
    }
    return reached;
  }

  private runTry(stmt: SyntaxNode, reached: Truth): Truth {
    let afterTry: Truth = reached;
    let after: Truth = false;
    const parts = childrenOf(stmt);
    const readsFrom = this.ev.reads.length;
    const returnsFrom = this.returns.length;
    let handler: SyntaxNode | undefined;
    for (const [i, k] of parts.entries()) {
      if (k.name !== 'Body' || k === handler) continue;
      const keyword = blockKeyword(parts, i);
      if (keyword === 'try') {
        after = afterTry = this.run(k, reached);
        handler = this.returnedFallback(stmt, readsFrom, returnsFrom);
      } else if (keyword === 'except') after = truthOr(after, this.run(k, undefined));
      else after = this.run(k, afterTry);
    }
    return after === false && afterTry !== false ? afterTry : after;
  }

  /**
   * `try: return os.environ[name]` / `except KeyError: return default`: the handler runs exactly when the variable
   * is unset, so what it returns is the read's fallback (`os.environ.get(name, default)` written long-hand). Returns
   * the handler's body, taken into the try's return, when the try is that.
   */
  private returnedFallback(stmt: SyntaxNode, readsFrom: number, returnsFrom: number): SyntaxNode | undefined {
    const { ev, ctx } = this;
    const tried = this.returns.length === returnsFrom + 1 ? this.returns[returnsFrom] : undefined;
    if (tried?.v.t !== 'env') return undefined;
    const failing = failingReads(ev.reads.slice(readsFrom));
    const handler = fallbackHandler(tryBlocks(ev, stmt), failing);
    if (!handler) return undefined;
    const runner = new BodyRunner(ev, { ...ctx, inBranch: true });
    // A handler that may end without returning leaves the function to go on: not a fallback of the return.
    if (runner.run(handler.body, true) !== false) return undefined;
    const returned = runner.returns.find((r) => r.reached !== false);
    if (returned?.reached !== true) return undefined;
    const v = withFallback(tried.v, returned.v, failing);
    if (!v) return undefined;
    tried.v = v;
    const fails = returned.v.t === 'unknown' && returned.v.crash === true;
    for (const r of failing) {
      r.required = fails;
      r.hasDefault = !fails && returned.v.t !== 'none';
      if (returned.v.t === 'str') r.defaultText = returned.v.v;
    }
    return handler.body;
  }

  private runIf(stmt: SyntaxNode, reached: Truth): Truth {
    const kids = childrenOf(stmt);
    let previousFalse: Truth = true;
    let after: Truth = false;
    let hasElse = false;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i].name;
      let test: Truth;
      let branchBody: SyntaxNode | undefined;
      if ((k === 'if' || k === 'elif') && kids[i + 2]?.name === 'Body') {
        test = truthy(this.ev.evaluate(kids[i + 1], this.ctx));
        branchBody = kids[i + 2];
        i += 2;
      } else if (k === 'else' && kids[i + 1]?.name === 'Body') {
        test = true;
        hasElse = true;
        branchBody = kids[i + 1];
        i += 1;
      } else continue;
      const branchReached = truthAnd(reached, truthAnd(previousFalse, test));
      after = truthOr(after, this.run(branchBody, branchReached));
      previousFalse = truthAnd(previousFalse, truthNot(test));
    }
    if (!hasElse) after = truthOr(after, truthAnd(reached, previousFalse));
    return after;
  }
}
