/** One settings module being evaluated: its source, its statements run in order, and what they recorded. */
import type { SyntaxNode } from '@lezer/common';
import { childrenOf, parsePython, type PythonModule } from '../../parse/python.js';
import { BUILTINS } from './builtins.js';
import type { CallRecorder, EvalContext, RecordedAssignment } from './context.js';
import { evalExpression } from './expressions.js';
import { execStatement } from './statements.js';
import { MAX_TEXT, type Condition, type PyValue, type VariableRead } from './value.js';

/** A statement the evaluator could not follow (an internal error), with what was thrown. */
export interface EvaluationFailure {
  /** The module it is in, when not the settings module itself (a module it star-imports). */
  file?: string;
  /** The statement's line; none when building the model after the statements failed. */
  line?: number;
  message: string;
}

/** A module's text, as `from M import *` finds it: the file it resolves to, relative to the scanned directory. */
export interface ModuleSource {
  file: string;
  text: string;
}

/** Finds the module a `from MODULE import *` in `fromFile` reads, among the files of the repository. */
export type StarImportResolver = (fromFile: string, module: string) => ModuleSource | undefined;

/**
 * django-split-settings' `include('components/*.py', ...)`: the files a pattern (relative to the including file,
 * globs allowed) names, in the order include runs them; and the value a variable has in the container (a string,
 * null when unset, undefined when unknown), for a pattern built from one (`f'environments/{DJANGO_ENV}.py'`).
 */
export interface IncludeResolver {
  files: (fromFile: string, pattern: string) => ModuleSource[];
  variable?: (name: string) => string | null | undefined;
  /** The value include() patterns are built with, where it knows more than `variable` (the image's ENV). */
  includeVariable?: (name: string) => string | null | undefined;
  /** The django-configurations class manage.py selects by default (`setdefault('DJANGO_CONFIGURATION', 'Dev')`). */
  configuration?: string;
}

/** A star-import as it ran: importer, imported module, and the environment test of the branch it sits in. */
export interface StarImportEdge {
  from: string;
  to: string;
  cond?: Condition;
  condText?: string;
}

// Star-imported modules are followed this deep (a settings package importing base importing local).
const MAX_IMPORT_DEPTH = 8;

/** What the settings module and the modules it star-imports record together, as Django evaluates them. */
interface SharedRecord {
  reads: VariableRead[];
  recorded: RecordedAssignment[];
  dotenvLoads: { via: string; line: number }[];
  loggingConfigs: { v: PyValue; file: string; callLine?: number }[];
  failures: EvaluationFailure[];
  /** Modules already imported: Python runs a module once, later imports reuse its names. */
  modules: Map<string, EvalContext['scope']>;
  /** The source text of every module evaluated (the settings module, those it imports, files it includes). */
  texts: Map<string, string>;
  /** Project modules whose names are imported (`from .secrets import KEY`), run apart: file → their names. */
  namedModules: Map<string, EvalContext['scope']>;
  /** Modules star-imported, in the order they ran. */
  imported: string[];
  /** Which module star-imports which (importer's file, imported file), each import as written, with its branch's test. */
  starImportEdges: StarImportEdge[];
  /** include() patterns built from an environment variable: the files another value of it would load instead. */
  envIncludes: { variable: string; others: string[] }[];
  syntaxErrors: { file: string; line: number; column: number }[];
  baseDirParts?: string[];
  /** The project's root directory under another name (cookiecutter's `ROOT_DIR = environ.Path(__file__) - 3`). */
  rootDirParts?: string[];
  includes?: IncludeResolver;
}

export class ModuleEvaluation implements CallRecorder {
  readonly starImports: { module: string; line: number }[] = [];
  /** How deep calls of helper functions are nested now. */
  callDepth = 0;
  /** The path `__file__` names: the module's own, or for a file include() runs, the including module's. */
  private fileParts: string[];
  private readonly shared: SharedRecord;

  constructor(
    readonly file: string,
    readonly py: PythonModule,
    private readonly resolve?: StarImportResolver,
    readonly depth = 0,
    parent?: ModuleEvaluation,
    includes?: IncludeResolver,
  ) {
    this.fileParts = file.split('/').filter((p) => p !== '' && p !== '.');
    this.shared = parent?.shared ?? {
      reads: [],
      recorded: [],
      dotenvLoads: [],
      loggingConfigs: [],
      texts: new Map(),
      failures: [],
      modules: new Map(),
      namedModules: new Map(),
      imported: [],
      starImportEdges: [],
      envIncludes: [],
      syntaxErrors: [],
      includes,
    };
    this.shared.texts.set(file, py.text);
  }

  get reads(): VariableRead[] {
    return this.shared.reads;
  }
  get recorded(): RecordedAssignment[] {
    return this.shared.recorded;
  }
  get dotenvLoads(): { via: string; line: number }[] {
    return this.shared.dotenvLoads;
  }
  /** The source text of every module evaluated so far. */
  get texts(): string[] {
    return [...this.shared.texts.values()];
  }
  get failures(): EvaluationFailure[] {
    return this.shared.failures;
  }
  /** The names each star-imported module left in its own namespace, by file. */
  get starImportedScopes(): Map<string, EvalContext['scope']> {
    return this.shared.modules;
  }
  /** Modules star-imported and evaluated in place, in the order they ran. */
  get imported(): string[] {
    return this.shared.imported;
  }

  /** Which module star-imports which, between the settings module and the modules merged into it. */
  get envIncludes(): { variable: string; others: string[] }[] {
    return this.shared.envIncludes;
  }
  get starImportEdges(): StarImportEdge[] {
    return this.shared.starImportEdges;
  }
  get syntaxErrors(): { file: string; line: number; column: number }[] {
    return this.shared.syntaxErrors;
  }
  /** Configs passed to logging.config.dictConfig(), with the module that passed them. */
  get loggingConfigs(): { v: PyValue; file: string; callLine?: number }[] {
    return this.shared.loggingConfigs;
  }
  recordLoggingConfig(config: PyValue, callLine: number): void {
    this.shared.loggingConfigs.push({ v: config, file: this.file, callLine });
  }
  /** Where BASE_DIR points, relative to the scanned directory, once it is assigned from __file__. */
  get baseDirParts(): string[] | undefined {
    return this.shared.baseDirParts;
  }
  set baseDirParts(parts: string[] | undefined) {
    this.shared.baseDirParts = parts;
  }
  /** Where a ROOT_DIR-like name points when BASE_DIR is never assigned from __file__: paths are told from it then. */
  get rootDirParts(): string[] | undefined {
    return this.shared.rootDirParts;
  }
  set rootDirParts(parts: string[] | undefined) {
    this.shared.rootDirParts = parts;
  }

  /**
   * `from MODULE import *`: the module runs in its own namespace (once), then its public names join this scope,
   * as Python does; its assignments are recorded with its file, so findings point where a value was set.
   */
  importStar(module: string, ctx: EvalContext): void {
    const source = this.resolve?.(this.file, module);
    if (!source || source.file === this.file || this.depth >= MAX_IMPORT_DEPTH) return;
    this.shared.starImportEdges.push({
      from: this.file,
      to: source.file,
      ...(ctx.inBranch && ctx.cond ? { cond: ctx.cond, condText: ctx.condText } : {}),
    });
    let scope = this.shared.modules.get(source.file);
    if (!scope) {
      // Marked before it runs: an import cycle stops here instead of recursing.
      this.shared.modules.set(source.file, new Map());
      let py: PythonModule;
      try {
        py = parsePython(source.text);
      } catch (error) {
        this.failures.push({ file: source.file, message: `Settings could not be read: ${messageOf(error)}` });
        return;
      }
      if (py.error) this.shared.syntaxErrors.push({ file: source.file, ...py.error });
      const child = new ModuleEvaluation(source.file, py, this.resolve, this.depth + 1, this);
      const start = this.reads.length;
      scope = child.run(ctx.inBranch && !ctx.cond ? ctx : undefined).scope;
      for (const r of this.reads.slice(start)) r.file ??= source.file;
      for (const binding of scope.values()) {
        // A helper runs in its own module, with its names and syntax tree (`def get_env_variable` in base.py).
        if (binding.v.t === 'func' && !binding.v.home) binding.v.home = { ev: child, scope };
        stampFile(binding.v, source.file);
      }
      this.shared.modules.set(source.file, scope);
      this.shared.imported.push(source.file);
    }
    for (const [name, binding] of scope) if (!name.startsWith('_')) ctx.scope.set(name, binding);
  }

  /**
   * The names of a project module imported by name (`from .secrets import SECRET_KEY`, `from conf import values as
   * V`): the module runs apart (its assignments are not settings), its values marked with its file, its functions
   * callable with its names; the variables it reads count as reads of the settings. Undefined outside the project.
   */
  importModule(module: string): EvalContext['scope'] | undefined {
    const source = this.resolve?.(this.file, module);
    if (!source || source.file === this.file || this.depth >= MAX_IMPORT_DEPTH) return undefined;
    // Python runs a module once: one already star-imported hands over the names it set.
    const cached = this.shared.modules.get(source.file) ?? this.shared.namedModules.get(source.file);
    if (cached) return cached;
    // Marked before it runs: an import cycle stops here.
    this.shared.namedModules.set(source.file, new Map());
    let py: PythonModule;
    try {
      py = parsePython(source.text);
    } catch (error) {
      this.failures.push({ file: source.file, message: `Settings could not be read: ${messageOf(error)}` });
      return undefined;
    }
    const child = new ModuleEvaluation(source.file, py, this.resolve, this.depth + 1);
    const scope = child.run().scope;
    for (const r of child.reads) this.reads.push({ ...r, file: r.file ?? source.file });
    for (const binding of scope.values()) {
      if (binding.v.t === 'func') binding.v.home = { ev: child, scope };
      stampFile(binding.v, source.file);
    }
    this.shared.namedModules.set(source.file, scope);
    return scope;
  }

  /**
   * django-split-settings' `include(...)`: each file runs in order in this module's namespace (not its own, unlike a
   * star-import), its assignments recorded with its file. A file that is missing is skipped, as `optional()` allows.
   */
  include(patterns: PyValue[], ctx: EvalContext): void {
    const includes = this.shared.includes;
    if (!includes || this.depth >= MAX_IMPORT_DEPTH) return;
    for (const pattern of patterns) {
      const text = stringWithEnvironment(pattern, includes.includeVariable ?? includes.variable);
      if (text === undefined) continue;
      const chosen = includes.files(this.file, text);
      this.recordEnvInclude(pattern, chosen);
      for (const source of chosen) {
        if (source.file === this.file || this.imported.includes(source.file)) continue;
        let py: PythonModule;
        try {
          py = parsePython(source.text);
        } catch (error) {
          this.failures.push({
            file: source.file,
            message: `Settings could not be read: ${messageOf(error)}`,
          });
          continue;
        }
        if (py.error) this.shared.syntaxErrors.push({ file: source.file, ...py.error });
        this.shared.imported.push(source.file);
        const child = new ModuleEvaluation(source.file, py, this.resolve, this.depth + 1, this);
        // include() execs the file in this module's globals, so its `__file__` is this module's (the package's
        // __init__.py), and `Path(__file__).parent.parent` there starts from it.
        child.fileParts = this.fileParts;
        const before = new Map(ctx.scope);
        const start = this.reads.length;
        for (const stmt of py.statements) child.executeOrSkip(stmt, ctx);
        for (const r of this.reads.slice(start)) r.file ??= source.file;
        for (const [name, binding] of ctx.scope)
          if (before.get(name) !== binding) stampFile(binding.v, source.file);
      }
    }
  }

  /** A pattern built from a variable (`f'environments/{DJANGO_ENV}.py'`) loads other files with another value. */
  private recordEnvInclude(pattern: PyValue, chosen: ModuleSource[]): void {
    const variable = envRead(pattern);
    const any = variable && stringWithEnvironment(pattern, (name) => (name === variable ? '*' : undefined));
    if (!variable || !any) return;
    const others = this.shared
      .includes!.files(this.file, any)
      .map((s) => s.file)
      .filter((f) => !chosen.some((c) => c.file === f));
    if (others.length > 0) this.shared.envIncludes.push({ variable, others });
  }

  /**
   * The module `importlib.import_module(name, package)` loads, its name built with the container's variables (else
   * their defaults in the code); a relative name without a known package stays relative to this module.
   */
  moduleNamed(name: PyValue, pkg: PyValue | undefined): string | undefined {
    const variable = this.shared.includes?.variable;
    const text = stringWithEnvironment(name, variable);
    if (!text || !text.startsWith('.')) return text;
    const base = pkg && stringWithEnvironment(pkg, variable);
    return base ? `${base}${text}` : text;
  }

  /** An evaluation of another module's code (a class body it defines) that records into this one's settings. */
  sharing(file: string, py: PythonModule): ModuleEvaluation {
    return new ModuleEvaluation(file, py, this.resolve, this.depth + 1, this);
  }

  /** The django-configurations class manage.py selects when DJANGO_CONFIGURATION is unset. */
  get defaultConfiguration(): string | undefined {
    return this.shared.includes?.configuration;
  }

  /** The value a variable has in the container: a string, null when unset, undefined when unknown. */
  containerValue(name: string): string | null | undefined {
    return this.shared.includes?.variable?.(name);
  }

  /**
   * Runs the module's top-level statements; returns the context they leave. A module star-imported inside a branch
   * runs as that branch does: its assignments hold only where the branch runs.
   */
  run(importedIn?: EvalContext): EvalContext {
    const ctx: EvalContext = {
      scope: new Map(),
      inBranch: importedIn?.inBranch ?? false,
      activeWhenUnset: importedIn ? importedIn.activeWhenUnset : true,
      ...(importedIn?.inBranch && importedIn.cond
        ? { cond: importedIn.cond, condText: importedIn.condText }
        : {}),
      ...(importedIn?.branchTest ? { branchTest: importedIn.branchTest } : {}),
      guarded: new Set(importedIn?.guarded),
      environDefaults: new Map(),
    };
    this.rootContext = ctx;
    for (const stmt of this.py.statements) this.executeOrSkip(stmt, ctx);
    return ctx;
  }

  evaluate(node: SyntaxNode, ctx: EvalContext): PyValue {
    return evalExpression(this, node, ctx);
  }

  /** Runs one statement; one it cannot follow (or nested too deeply) is skipped, and said; the rest still counts. */
  executeOrSkip(stmt: SyntaxNode, ctx: EvalContext): void {
    // An assignment is a leaf statement: the one running when bind() records it is the innermost one here.
    this.statementEndLine = this.py.lineOf(Math.max(stmt.from, stmt.to - 1));
    try {
      execStatement(this, stmt, ctx);
    } catch (error) {
      const failure: EvaluationFailure = { line: this.line(stmt), message: messageOf(error) };
      if (this.depth > 0) failure.file = this.file;
      this.failures.push(failure);
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

  /** The context of the module's top-level statements, once it runs. */
  rootContext?: EvalContext;

  /** Last line of the statement being run (where a fix of a multi-line assignment ends). */
  statementEndLine = 0;

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

/** A string value, a variable read taking the container's value (else its value when unset); undefined if unknown. */
/** The variable a value is read from, or is built with (a concatenation holding it). */
function envRead(v: PyValue): string | undefined {
  if (v.t === 'env') return v.read.variable;
  return v.t === 'concat' ? v.parts.map(envRead).find((name) => name !== undefined) : undefined;
}

function stringWithEnvironment(v: PyValue, variable: IncludeResolver['variable']): string | undefined {
  if (v.t === 'str') return v.v;
  if (v.t === 'env') {
    const set = variable?.(v.read.variable);
    // The set text, with what is joined to it (f'environments/{DJANGO_ENV}.py'), unless computed from it
    if (typeof set === 'string' && !v.derived && v.whenSet !== 'truth-of-text')
      return `${v.prefix ?? ''}${set}${v.suffix ?? ''}`;
    return set === null || set === undefined ? stringWithEnvironment(v.unset, variable) : undefined;
  }
  if (v.t === 'concat') {
    const parts = v.parts.map((p) => stringWithEnvironment(p, variable));
    return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
  }
  return undefined;
}

// Values nested deeper than this keep no file (findings on them fall back to the module's own file).
const MAX_STAMP_DEPTH = 40;

/**
 * Marks an imported module's values (and the conditions and entries inside them) with its file, so a finding on
 * a merged value points at the module that wrote it; values already marked (from a module it imports) keep theirs.
 */
export function stampFile(value: unknown, file: string, depth = 0, seen = new Set<object>()): void {
  if (depth > MAX_STAMP_DEPTH || typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) stampFile(item, file, depth + 1, seen);
    return;
  }
  if (value instanceof Map) return;
  const record = value as Record<string, unknown>;
  // A function's body is a syntax tree, not a value.
  if (record.t === 'func' || record.t === 'class') {
    record.file ??= file;
    return;
  }
  if (typeof record.line === 'number' && record.file === undefined) record.file = file;
  for (const [key, inner] of Object.entries(record))
    if (key !== 'body') stampFile(inner, file, depth + 1, seen);
}

/** What was thrown, as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
