/** One settings module being evaluated: its source, its statements run in order, and what they recorded. */
import type { SyntaxNode } from '@lezer/common';
import { childrenOf, type PythonModule } from '../../parse/python.js';
import { BUILTINS } from './builtins.js';
import type { CallRecorder, EvalContext, RecordedAssignment } from './context.js';
import { evalExpression } from './expressions.js';
import { execStatement } from './statements.js';
import { MAX_TEXT, type PyValue, type VariableRead } from './value.js';

/** A statement the evaluator could not follow (an internal error), with what was thrown. */
export interface EvaluationFailure {
  /** The statement's line; none when building the model after the statements failed. */
  line?: number;
  message: string;
}

export class ModuleEvaluation implements CallRecorder {
  readonly reads: VariableRead[] = [];
  readonly recorded: RecordedAssignment[] = [];
  readonly starImports: { module: string; line: number }[] = [];
  readonly dotenvLoads: { via: string; line: number }[] = [];
  readonly loggingConfigs: PyValue[] = [];
  readonly failures: EvaluationFailure[] = [];
  /** Where BASE_DIR points, relative to the scanned directory, once it is assigned from __file__. */
  baseDirParts?: string[];
  /** How deep calls of helper functions are nested now. */
  callDepth = 0;
  private readonly fileParts: string[];

  constructor(
    readonly file: string,
    readonly py: PythonModule,
  ) {
    this.fileParts = file.split('/').filter((p) => p !== '' && p !== '.');
  }

  /** Runs the module's top-level statements; returns the context they leave. */
  run(): EvalContext {
    const ctx: EvalContext = { scope: new Map(), inBranch: false, activeWhenUnset: true, guarded: new Set() };
    for (const stmt of this.py.statements) this.executeOrSkip(stmt, ctx);
    return ctx;
  }

  evaluate(node: SyntaxNode, ctx: EvalContext): PyValue {
    return evalExpression(this, node, ctx);
  }

  /** Runs one statement; one it cannot follow (or nested too deeply) is skipped, and said; the rest still counts. */
  executeOrSkip(stmt: SyntaxNode, ctx: EvalContext): void {
    try {
      execStatement(this, stmt, ctx);
    } catch (error) {
      this.failures.push({ line: this.line(stmt), message: messageOf(error) });
    }
  }

  /** The statements of a block (the children of a Body node), each run or skipped. */
  executeBody(body: SyntaxNode, ctx: EvalContext): void {
    for (const stmt of childrenOf(body)) if (stmt.name !== ':') this.executeOrSkip(stmt, ctx);
  }

  lookup(name: string, line: number, ctx: EvalContext): PyValue {
    const bound = ctx.scope.get(name);
    if (bound) return bound.v;
    if (name === '__file__') return { t: 'path', base: 'repo', parts: this.fileParts, line };
    if (name === 'os') return { t: 'ref', name: 'os', line };
    if (name === 'Path') return { t: 'ref', name: 'pathlib.Path', line };
    if (name === 'BASE_DIR') return { t: 'path', base: 'BASE_DIR', parts: [], line };
    if (name === 'dj_database_url') return { t: 'ref', name: 'dj_database_url', line };
    if (name === 'env' && this.starImports.length > 0) return { t: 'envobj', scheme: new Map(), line };
    if (BUILTINS.has(name)) return { t: 'ref', name: `builtins.${name}`, line };
    return { t: 'unknown', text: name, line };
  }

  line(node: SyntaxNode): number {
    return this.py.lineOf(node.from);
  }

  text(node: SyntaxNode): string {
    return this.py.text.slice(node.from, node.to);
  }

  /** A node not evaluated, as its source text. */
  unknown(node: SyntaxNode): PyValue {
    return { t: 'unknown', text: this.text(node).slice(0, MAX_TEXT), line: this.line(node) };
  }
}

/** What was thrown, as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
