import type { SyntaxNode } from '@lezer/common';
import { childrenOf, parsePython, stringParts, unescapeBody, type PythonModule } from '../parse/python.js';
import type { App, ParseError } from './types/project.js';
import type {
  DatabaseConfig,
  DatabasesModel,
  SettingAssignment,
  SettingsModel,
  ValueSource,
} from './types/settings.js';

type EnvSource = Extract<ValueSource, { kind: 'env' }>;
type Via = EnvSource['via'];
type Tri = boolean | undefined;

/** One read of an environment variable, as the model reports it; `required` may be raised by later use. */
interface ReadRec {
  variable: string;
  via: Via;
  line: number;
  required: boolean;
  hasDefault: boolean;
  /** The read sits in a branch that only runs when the variable is set, so a missing value cannot hit it. */
  guarded: boolean;
  /** The default as written, when it is a plain string (DB_ENGINE default 'sqlite'). */
  defaultText?: string;
  /** `'X' in os.environ`: only whether the variable is set is read. */
  presence?: boolean;
}

interface Entry {
  key: string;
  value: V;
  line: number;
}

interface Cond {
  variable: string;
  value: string;
  test: 'equals' | 'not-equals' | 'set' | 'unset' | 'otherwise';
  line: number;
}

interface Option {
  v: V;
  when?: Cond;
  activeWhenUnset?: boolean;
}

/**
 * What an expression evaluates to, as far as static reading can tell. Env-derived values carry `unset`: the value the
 * expression takes when the variable is not set, so `os.environ.get('DEBUG', 'False') == 'True'` is known to be False
 * by default.
 */
type V =
  | { t: 'str'; v: string; line: number }
  | { t: 'num'; v: number; line: number }
  | { t: 'bool'; v: boolean; line: number }
  | { t: 'none'; line: number }
  | { t: 'list'; items: V[]; line: number }
  | { t: 'dict'; entries: Entry[]; line: number }
  /** repo: relative to the scanned directory (from __file__); BASE_DIR: symbolic, when BASE_DIR comes from elsewhere. */
  | { t: 'path'; base: 'repo' | 'BASE_DIR' | 'absolute'; parts: string[]; line: number }
  /** A string built from literal text and paths: f'sqlite:///{BASE_DIR}/db.sqlite3'. */
  | { t: 'concat'; parts: V[]; line: number }
  | {
      t: 'env';
      read: ReadRec;
      unset: V;
      /** A table indexed by the variable's value: DBS[os.environ.get('DB_ENGINE', 'sqlite')]. */
      cases?: { value: string; v: V }[];
      /** The key the table is indexed with when the variable is unset. */
      unsetKey?: string;
      /** A database URL read (dj-database-url, env.db()): unset is the config dict of the default URL. */
      dbUrl?: boolean;
      /** Text joined to the variable's value when it is set: 'django.db.backends.' + os.environ['DB_ENGINE']. */
      prefix?: string;
      suffix?: string;
      line: number;
    }
  | { t: 'choice'; options: Option[]; line: number }
  | { t: 'ref'; name: string; line: number }
  | { t: 'parents'; of: V; line: number }
  | { t: 'envobj'; scheme: Map<string, { cast?: string; def?: V }>; line: number }
  /** A module-level helper (`def env_bool(name, default=False): ...`), evaluated at each call. */
  | { t: 'func'; params: { name: string; def?: V }[]; body: SyntaxNode; line: number }
  | { t: 'unknown'; text: string; crash?: boolean; line: number };

interface Binding {
  v: V;
  /** Indices of the recorded assignments that may have produced this value. */
  origins: number[];
}

interface Ctx {
  scope: Map<string, Binding>;
  inBranch: boolean;
  activeWhenUnset: Tri;
  cond?: Cond;
  condText?: string;
  guarded: Set<string>;
  /** Inside a helper function: its local assignments are not settings. */
  inFunction?: boolean;
}

interface Args {
  pos: V[];
  kw: Map<string, V>;
}

interface RecordedAssignment {
  name: string;
  line: number;
  v: V;
  cond?: Cond;
  condText?: string;
  inBranch: boolean;
  activeWhenUnset: Tri;
}

const MAX_OPTIONS = 16;
const MAX_TEXT = 160;
const BUILTINS = new Set([
  'str',
  'bool',
  'int',
  'float',
  'list',
  'tuple',
  'dict',
  'set',
  'len',
  'open',
  'print',
]);
const SETTING_NAME = /^[A-Z][A-Z0-9_]*$/;

/** Settings module text → how each setting is obtained. Pure; never throws on bad input. */
export function modelSettings(
  file: string,
  module: string,
  text: string,
): { model?: SettingsModel; errors: ParseError[] } {
  const empty: SettingsModel = { file, module, assignments: [], envReads: [], logHandlers: [] };
  try {
    const python = parsePython(text);
    const errors: ParseError[] = python.error
      ? [
          {
            file,
            line: python.error.line,
            message: `Python syntax error at line ${python.error.line}, column ${python.error.column}: the settings module was read only as far as it parses`,
          },
        ]
      : [];
    let model: SettingsModel;
    try {
      model = new SettingsReader(file, module, python).read();
    } catch {
      model = empty;
    }
    return { model, errors };
  } catch (error) {
    return {
      model: empty,
      errors: [{ file, message: `Settings could not be read: ${(error as Error).message}` }],
    };
  }
}

class SettingsReader {
  private readonly reads: ReadRec[] = [];
  private readonly recorded: RecordedAssignment[] = [];
  private readonly starImports: { module: string; line: number }[] = [];
  private readonly dotenvLoads: { via: string; line: number }[] = [];
  private readonly extraHandlers: V[] = [];
  private baseDirParts?: string[];
  private readonly fileParts: string[];

  constructor(
    private readonly file: string,
    private readonly module: string,
    private readonly py: PythonModule,
  ) {
    this.fileParts = file.split('/').filter((p) => p !== '' && p !== '.');
  }

  read(): SettingsModel {
    const ctx: Ctx = { scope: new Map(), inBranch: false, activeWhenUnset: true, guarded: new Set() };
    for (const stmt of this.py.statements) {
      try {
        this.exec(stmt, ctx);
      } catch {
        // A statement this reader cannot follow (or nested too deeply) is skipped; the rest still counts.
      }
    }
    const live = new Set<number>();
    for (const binding of ctx.scope.values()) for (const i of binding.origins) live.add(i);

    // DATABASES first: a server config makes its credential reads required, which the assignments then show.
    const databasesBinding = ctx.scope.get('DATABASES');
    const databases =
      databasesBinding && databasesBinding.origins.length > 0 ? this.databases(databasesBinding) : undefined;
    const assignments: SettingAssignment[] = this.recorded.map((a, i) => {
      const out: SettingAssignment = { name: a.name, line: a.line, value: this.toSource(a.v) };
      if (a.cond) out.condition = { variable: a.cond.variable, text: a.condText ?? '' };
      out.live = live.has(i);
      if (a.inBranch) out.inBranch = true;
      if (a.activeWhenUnset !== undefined) out.activeWhenUnset = a.activeWhenUnset;
      return out;
    });

    const model: SettingsModel = {
      file: this.file,
      module: this.module,
      assignments,
      envReads: [],
      logHandlers: this.logHandlers(ctx),
      starImports: this.starImports,
      dotenvLoads: this.dotenvLoads,
    };
    if (databases) model.databases = databases;
    model.envReads = this.reads.map((r) => ({
      variable: r.variable,
      line: r.line,
      required: r.required,
      hasDefault: r.hasDefault,
    }));
    if (this.baseDirParts) model.baseDir = this.baseDirParts.length ? this.baseDirParts.join('/') : '.';
    return model;
  }

  // ---------------------------------------------------------------- statements

  private exec(node: SyntaxNode, ctx: Ctx): void {
    switch (node.name) {
      case 'AssignStatement':
        return this.execAssign(node, ctx);
      case 'UpdateStatement':
        return this.execUpdate(node, ctx);
      case 'ExpressionStatement':
        return this.execExpression(node, ctx);
      case 'ImportStatement':
        return this.execImport(node, ctx);
      case 'IfStatement':
        return this.execIf(node, ctx);
      case 'TryStatement':
        return this.execTry(node, ctx);
      case 'WithStatement':
        for (const c of childrenOf(node)) if (c.name === 'Body') this.execBody(c, ctx);
        return;
      case 'ForStatement':
      case 'WhileStatement': {
        const body = childrenOf(node).find((c) => c.name === 'Body');
        if (body) this.execMaybe(body, ctx);
        return;
      }
      case 'StatementGroup':
        for (const c of childrenOf(node)) this.exec(c, ctx);
        return;
      case 'FunctionDefinition': {
        const kids = childrenOf(node);
        const name = kids.find((c) => c.name === 'VariableName');
        const params = kids.find((c) => c.name === 'ParamList');
        const body = kids.find((c) => c.name === 'Body');
        if (!name) return;
        const v: V =
          params && body && !ctx.inFunction
            ? { t: 'func', params: this.params(params, ctx), body, line: this.line(node) }
            : this.unknown(node);
        ctx.scope.set(this.text(name), { v, origins: [] });
        return;
      }
      case 'ClassDefinition': {
        const name = childrenOf(node).find((c) => c.name === 'VariableName');
        if (name) ctx.scope.set(this.text(name), { v: this.unknown(node), origins: [] });
        return;
      }
      default:
        return;
    }
  }

  private execBody(body: SyntaxNode, ctx: Ctx): void {
    for (const stmt of childrenOf(body)) {
      if (stmt.name === ':') continue;
      try {
        this.exec(stmt, ctx);
      } catch {
        // skipped, as at top level
      }
    }
  }

  /** A body that may or may not run (loop, except handler): its bindings merge with the ones before it. */
  private execMaybe(body: SyntaxNode, ctx: Ctx): void {
    const child: Ctx = { ...ctx, scope: new Map(ctx.scope), inBranch: true, activeWhenUnset: undefined };
    this.execBody(body, child);
    this.merge(ctx.scope, [
      { scope: child.scope, activeWhenUnset: undefined },
      { scope: ctx.scope, activeWhenUnset: undefined },
    ]);
  }

  private execAssign(node: SyntaxNode, ctx: Ctx): void {
    const segments: SyntaxNode[][] = [[]];
    for (const c of childrenOf(node)) {
      if (c.name === 'AssignOp') segments.push([]);
      else if (c.name !== ',' && c.name !== 'TypeDef') segments[segments.length - 1].push(c);
    }
    if (segments.length < 2) return;
    const valueNodes = segments.pop()!;
    if (valueNodes.length === 0) return;
    const value =
      valueNodes.length === 1
        ? this.eval(valueNodes[0], ctx)
        : ({
            t: 'list',
            items: valueNodes.map((n) => this.eval(n, ctx)),
            line: this.line(valueNodes[0]),
          } satisfies V);
    const line = this.line(node);
    for (const targets of segments) {
      if (targets.length === 1) this.assignTarget(targets[0], value, ctx, line);
      else
        targets.forEach((t, i) =>
          this.assignTarget(
            t,
            value.t === 'list' && value.items.length === targets.length ? value.items[i] : this.unknown(t),
            ctx,
            line,
          ),
        );
    }
  }

  private execUpdate(node: SyntaxNode, ctx: Ctx): void {
    const kids = childrenOf(node);
    const op = kids.find((c) => c.name === 'UpdateOp');
    if (!op || kids.length < 3) return;
    const target = kids[0];
    const value = this.eval(kids[kids.length - 1], ctx);
    const chain = this.targetChain(target, ctx);
    if (!chain) return;
    const current = this.getIn(chain.root, chain.keys, ctx);
    const operator = this.text(op).slice(0, -1);
    const updated = this.binary(current, operator, value, this.line(node));
    this.update(chain, updated, ctx, this.line(node));
  }

  private execExpression(node: SyntaxNode, ctx: Ctx): void {
    const expr = childrenOf(node)[0];
    if (!expr) return;
    if (expr.name === 'CallExpression') {
      const [callee, argList] = childrenOf(expr);
      const calleeKids = callee ? childrenOf(callee) : [];
      if (callee?.name === 'MemberExpression' && calleeKids[1]?.name === '.' && argList) {
        const method = this.text(calleeKids[2]);
        const chain = ['append', 'extend', 'update', 'insert'].includes(method)
          ? this.targetChain(calleeKids[0], ctx)
          : undefined;
        if (chain) {
          const args = this.args(argList, ctx);
          const current = this.getIn(chain.root, chain.keys, ctx);
          const line = this.line(node);
          this.update(chain, this.mutate(current, method, args, line), ctx, line);
          return;
        }
      }
    }
    this.eval(expr, ctx);
  }

  private execImport(node: SyntaxNode, ctx: Ctx): void {
    const kids = childrenOf(node);
    const line = this.line(node);
    if (kids[0]?.name === 'from') {
      const importAt = kids.findIndex((c) => c.name === 'import');
      if (importAt < 0) return;
      const moduleName = kids
        .slice(1, importAt)
        .map((c) => (c.name === 'Ellipsis' ? '...' : this.text(c)))
        .join('');
      const names = kids.slice(importAt + 1).filter((c) => c.name !== '(' && c.name !== ')');
      for (let i = 0; i < names.length; i++) {
        const c = names[i];
        if (c.name === '*') {
          this.starImports.push({ module: moduleName, line });
          continue;
        }
        if (c.name !== 'VariableName') continue;
        let alias = this.text(c);
        const imported = alias;
        if (names[i + 1]?.name === 'as' && names[i + 2]) {
          alias = this.text(names[i + 2]);
          i += 2;
        }
        // From a sibling settings module only the well-known names are understood: env (django-environ), BASE_DIR.
        const v: V = moduleName.startsWith('.')
          ? imported === 'env'
            ? { t: 'envobj', scheme: new Map(), line }
            : imported === 'BASE_DIR'
              ? { t: 'path', base: 'BASE_DIR', parts: [], line }
              : this.unknown(c)
          : { t: 'ref', name: `${moduleName}.${imported}`, line };
        ctx.scope.set(alias, { v, origins: [] });
        if (moduleName === 'decouple' && !this.dotenvLoads.some((d) => d.via === 'python-decouple'))
          this.dotenvLoads.push({ via: 'python-decouple', line });
      }
      return;
    }
    // import a.b.c [as d], e
    let dotted: string[] = [];
    let alias: string | undefined;
    const flush = () => {
      if (dotted.length === 0) return;
      const full = dotted.join('.');
      if (alias) ctx.scope.set(alias, { v: { t: 'ref', name: full, line }, origins: [] });
      else ctx.scope.set(dotted[0], { v: { t: 'ref', name: dotted[0], line }, origins: [] });
      dotted = [];
      alias = undefined;
    };
    for (let i = 1; i < kids.length; i++) {
      const c = kids[i];
      if (c.name === ',') flush();
      else if (c.name === 'as' && kids[i + 1]) alias = this.text(kids[++i]);
      else if (c.name === 'VariableName') dotted.push(this.text(c));
    }
    flush();
  }

  private execIf(node: SyntaxNode, ctx: Ctx): void {
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
    const results: { scope: Map<string, Binding>; when?: Cond; activeWhenUnset: Tri }[] = [];
    let previousFalse: Tri = true;
    let previous: Cond[] | undefined = [];
    for (const b of branches) {
      let cond: Cond | undefined;
      let testTrue: Tri = true;
      let condText: string | undefined;
      if (b.test) {
        const r = this.evalTest(b.test, ctx);
        cond = r.cond;
        testTrue = truthy(r.v);
        condText = this.text(b.test).slice(0, MAX_TEXT);
      } else {
        cond = otherwise(previous, this.line(b.body));
        condText = 'else';
      }
      const active = and3(ctx.activeWhenUnset, and3(previousFalse, testTrue));
      const guarded = new Set(ctx.guarded);
      if (cond && (cond.test === 'equals' || cond.test === 'set')) guarded.add(cond.variable);
      const child: Ctx = {
        scope: new Map(ctx.scope),
        inBranch: true,
        activeWhenUnset: active,
        cond: cond ?? ctx.cond,
        condText: cond ? condText : ctx.condText,
        guarded,
      };
      this.execBody(b.body, child);
      results.push({ scope: child.scope, when: cond, activeWhenUnset: active });
      previousFalse = and3(previousFalse, not3(testTrue));
      if (previous && cond) previous.push(cond);
      else previous = undefined;
    }
    if (!branches.some((b) => !b.test))
      results.push({
        scope: ctx.scope,
        when: otherwise(previous, this.line(node)),
        activeWhenUnset: and3(ctx.activeWhenUnset, previousFalse),
      });
    this.merge(ctx.scope, results);
  }

  private execTry(node: SyntaxNode, ctx: Ctx): void {
    const kids = childrenOf(node);
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.name !== 'Body') continue;
      const before = kids
        .slice(0, i)
        .reverse()
        .find((c) => ['try', 'except', 'else', 'finally'].includes(c.name));
      if (before?.name === 'except') this.execMaybe(k, ctx);
      else this.execBody(k, ctx);
    }
  }

  private merge(
    scope: Map<string, Binding>,
    results: { scope: Map<string, Binding>; when?: Cond; activeWhenUnset: Tri }[],
  ): void {
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
      const options: Option[] = results.map((r, i) => ({
        v: bindings[i]?.v ?? { t: 'unknown', text: '(not set)', line },
        when: r.when,
        activeWhenUnset: r.activeWhenUnset,
      }));
      scope.set(name, { v: choice(options, line), origins });
    }
  }

  // ---------------------------------------------------------------- assignment targets

  private assignTarget(target: SyntaxNode, value: V, ctx: Ctx, line: number): void {
    if (target.name === 'VariableName') {
      this.bind(this.text(target), value, ctx, line, true);
      return;
    }
    const chain = this.targetChain(target, ctx);
    if (chain && chain.keys.length > 0) {
      const current = ctx.scope.get(chain.root)?.v ?? this.lookup(chain.root, line, ctx);
      this.update(chain, this.setIn(current, chain.keys, value, line), ctx, line, true);
    }
  }

  /** `NAME['a']['b']` → root NAME and keys a, b; undefined for attribute targets or non-literal keys. */
  private targetChain(node: SyntaxNode, ctx: Ctx): { root: string; keys: string[] } | undefined {
    const keys: string[] = [];
    let n: SyntaxNode | null = node;
    while (n && n.name === 'MemberExpression') {
      const kids = childrenOf(n);
      if (kids[1]?.name !== '[' || kids.length !== 4) return undefined;
      const key = this.eval(kids[2], ctx);
      if (key.t !== 'str') return undefined;
      keys.unshift(key.v);
      n = kids[0];
    }
    if (!n || n.name !== 'VariableName') return undefined;
    return { root: this.text(n), keys };
  }

  private getIn(root: string, keys: string[], ctx: Ctx): V {
    let v = ctx.scope.get(root)?.v ?? this.lookup(root, 1, ctx);
    for (const k of keys) v = this.subscript(v, { t: 'str', v: k, line: v.line }, v.line);
    return v;
  }

  /** Rebinds the root of a chain after `root[k1][k2] = value` (or `+=`, `.update()`, ...). */
  private update(
    chain: { root: string; keys: string[] },
    value: V,
    ctx: Ctx,
    line: number,
    valueIsWhole = false,
  ): void {
    if (chain.keys.length === 0) {
      this.bind(chain.root, value, ctx, line, false);
      return;
    }
    const current = ctx.scope.get(chain.root)?.v ?? this.lookup(chain.root, line, ctx);
    this.bind(
      chain.root,
      valueIsWhole ? value : this.setIn(current, chain.keys, value, line),
      ctx,
      line,
      false,
    );
  }

  private setIn(base: V, keys: string[], value: V, line: number): V {
    if (keys.length === 0) return value;
    const [key, ...rest] = keys;
    if (base.t === 'dict') {
      const entries = base.entries.slice();
      const at = entries.findIndex((e) => e.key === key);
      if (at >= 0) entries[at] = { ...entries[at], value: this.setIn(entries[at].value, rest, value, line) };
      else
        entries.push({
          key,
          value: rest.length ? { t: 'unknown', text: `[${key}]`, line } : value,
          line,
        });
      return { ...base, entries };
    }
    if (base.t === 'choice' || base.t === 'env') return lift(base, (b) => this.setIn(b, keys, value, line));
    // DATABASES['default'] = ... on a dict from a star import: the entry is known even if the rest is not.
    if (base.t === 'unknown' && !base.crash && rest.length === 0)
      return { t: 'dict', entries: [{ key, value, line }], line };
    return { t: 'unknown', text: `[${keys.join('][')}] = …`, line };
  }

  private bind(name: string, v: V, ctx: Ctx, line: number, replace: boolean): void {
    const previous = ctx.scope.get(name);
    let origins: number[] = [];
    if (ctx.inFunction) {
      ctx.scope.set(name, { v, origins });
      return;
    }
    if (SETTING_NAME.test(name)) {
      const index =
        this.recorded.push({
          name,
          line,
          v,
          cond: ctx.cond,
          condText: ctx.condText,
          inBranch: ctx.inBranch,
          activeWhenUnset: ctx.activeWhenUnset,
        }) - 1;
      origins = replace ? [index] : unionOrigins([previous?.origins ?? [], [index]]);
    }
    ctx.scope.set(name, { v, origins });
    if (name === 'SECRET_KEY') this.requireValue(v);
    if (name === 'BASE_DIR' && !ctx.inBranch && v.t === 'path' && v.base === 'repo')
      this.baseDirParts = v.parts;
  }

  /** A value that must not be None: env reads without default that feed it become required. */
  private requireValue(v: V): void {
    if (v.t === 'env') {
      if (v.unset.t === 'none') markRequired(v.read);
      else this.requireValue(v.unset);
    } else if (v.t === 'choice') for (const o of v.options) this.requireValue(o.v);
  }

  // ---------------------------------------------------------------- expressions

  private eval(node: SyntaxNode, ctx: Ctx): V {
    const line = this.line(node);
    switch (node.name) {
      case 'String': {
        const parts = stringParts(this.text(node));
        if (!parts) return this.unknown(node);
        return { t: 'str', v: unescapeBody(parts.body, parts.prefix.includes('r')), line };
      }
      case 'FormatString':
        return this.fstring(node, ctx);
      case 'ContinuedString':
        return childrenOf(node).reduce<V>((acc, c) => this.binary(acc, '+', this.eval(c, ctx), line), {
          t: 'str',
          v: '',
          line,
        });
      case 'Number': {
        const n = parseNumber(this.text(node));
        return n === undefined ? this.unknown(node) : { t: 'num', v: n, line };
      }
      case 'Boolean':
        return { t: 'bool', v: this.text(node) === 'True', line };
      case 'None':
        return { t: 'none', line };
      case 'VariableName':
        return this.lookup(this.text(node), line, ctx);
      case 'ParenthesizedExpression': {
        const inner = childrenOf(node).filter((c) => c.name !== '(' && c.name !== ')');
        return inner.length === 1 ? this.eval(inner[0], ctx) : this.unknown(node);
      }
      case 'ArrayExpression':
      case 'TupleExpression':
      case 'SetExpression': {
        const items = childrenOf(node).filter((c) => !['[', ']', '(', ')', '{', '}', ','].includes(c.name));
        if (items.some((c) => c.name === '*')) return this.unknown(node);
        return { t: 'list', items: items.map((c) => this.eval(c, ctx)), line };
      }
      case 'DictionaryExpression':
        return this.dict(node, ctx);
      case 'MemberExpression':
        return this.member(node, ctx);
      case 'CallExpression':
        return this.call(node, ctx);
      case 'BinaryExpression': {
        const kids = childrenOf(node);
        if (kids.length < 3) return this.unknown(node);
        const op = kids
          .slice(1, -1)
          .map((c) => this.text(c))
          .join(' ');
        const left = this.eval(kids[0], ctx);
        if (op === 'or' || op === 'and') {
          const right = this.eval(kids[kids.length - 1], ctx);
          return lift(left, (l) => {
            const t = truthy(l);
            if (t === undefined) return { t: 'unknown', text: this.text(node).slice(0, MAX_TEXT), line };
            return (op === 'or') === t ? l : right;
          });
        }
        if ((op === 'in' || op === 'not in') && kids[0].name === 'String') {
          const right = this.eval(kids[kids.length - 1], ctx);
          if (right.t === 'ref' && right.name === 'os.environ' && left.t === 'str') {
            const read = this.newRead(left.v, 'other', line, ctx, false, false);
            read.presence = true;
            return { t: 'env', read, unset: { t: 'bool', v: op === 'not in', line }, line };
          }
          return this.binary(left, op, right, line);
        }
        return this.binary(left, op, this.eval(kids[kids.length - 1], ctx), line);
      }
      case 'UnaryExpression': {
        const kids = childrenOf(node);
        const op = kids[0] ? this.text(kids[0]) : '';
        const operand = kids[1] ? this.eval(kids[1], ctx) : this.unknown(node);
        return lift(operand, (x) => {
          if (op === 'not') {
            const t = truthy(x);
            return t === undefined ? { t: 'unknown', text: 'not …', line } : { t: 'bool', v: !t, line };
          }
          if (op === '-' && x.t === 'num') return { t: 'num', v: -x.v, line };
          if (op === '+' && x.t === 'num') return x;
          return { t: 'unknown', text: this.text(node).slice(0, MAX_TEXT), line };
        });
      }
      case 'ConditionalExpression': {
        const kids = childrenOf(node).filter((c) => c.name !== 'if' && c.name !== 'else');
        if (kids.length !== 3) return this.unknown(node);
        const whenTrue = this.eval(kids[0], ctx);
        const test = this.eval(kids[1], ctx);
        const whenFalse = this.eval(kids[2], ctx);
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
      case 'NamedExpression': {
        const kids = childrenOf(node);
        return this.eval(kids[kids.length - 1], ctx);
      }
      default:
        return this.unknown(node);
    }
  }

  /** Evaluates an if-test, and says which environment variable value it checks, when it checks one. */
  private evalTest(node: SyntaxNode, ctx: Ctx): { v: V; cond?: Cond } {
    const line = this.line(node);
    const kids = childrenOf(node);
    if (node.name === 'ParenthesizedExpression' && kids.length === 3) return this.evalTest(kids[1], ctx);
    if (node.name === 'UnaryExpression' && kids[0] && this.text(kids[0]) === 'not' && kids[1]) {
      const r = this.evalTest(kids[1], ctx);
      return {
        v: lift(r.v, (x) => {
          const tx = truthy(x);
          return tx === undefined ? { t: 'unknown', text: 'not …', line } : { t: 'bool', v: !tx, line };
        }),
        cond: r.cond ? negate(r.cond) : undefined,
      };
    }
    if (node.name === 'BinaryExpression' && kids.length >= 3) {
      const op = kids
        .slice(1, -1)
        .map((c) => this.text(c))
        .join(' ');
      if ((op === 'is' || op === 'is not') && kids[kids.length - 1].name === 'None') {
        const v = this.eval(node, ctx);
        if (v.t !== 'env') return { v };
        return {
          v,
          cond: { variable: v.read.variable, value: '', test: op === 'is' ? 'unset' : 'set', line },
        };
      }
      if (['==', '!=', 'in', 'not in'].includes(op)) {
        const v = this.eval(node, ctx);
        const left = v.t === 'env' ? v : undefined;
        if (left && (op === 'in' || op === 'not in') && left.read.presence) {
          return {
            v,
            cond: { variable: left.read.variable, value: '', test: op === 'in' ? 'set' : 'unset', line },
          };
        }
        const literal = this.literalOperand(
          op === '==' || op === '!=' ? [kids[0], kids[kids.length - 1]] : [kids[kids.length - 1]],
          ctx,
        );
        if (left && literal !== undefined) {
          const test = op === '==' || op === 'in' ? 'equals' : 'not-equals';
          return { v, cond: { variable: left.read.variable, value: literal, test, line } };
        }
        return { v };
      }
    }
    const v = this.eval(node, ctx);
    if (v.t === 'env') return { v, cond: { variable: v.read.variable, value: '', test: 'set', line } };
    return { v };
  }

  /** The string a comparison tests against: 'postgres' in `x == 'postgres'`, the first of `x in ('a', 'b')`. */
  private literalOperand(nodes: SyntaxNode[], ctx: Ctx): string | undefined {
    for (const n of nodes) {
      if (n.name === 'String') {
        const parts = stringParts(this.text(n));
        if (parts) return unescapeBody(parts.body, parts.prefix.includes('r'));
      }
      if (n.name === 'TupleExpression' || n.name === 'ArrayExpression' || n.name === 'SetExpression') {
        const v = this.eval(n, ctx);
        if (v.t === 'list' && v.items[0]?.t === 'str') return v.items[0].v;
      }
    }
    return undefined;
  }

  private fstring(node: SyntaxNode, ctx: Ctx): V {
    const line = this.line(node);
    const raw = this.text(node);
    const parts = stringParts(raw);
    if (!parts) return this.unknown(node);
    const isRaw = parts.prefix.includes('r');
    const bodyStart = node.from + parts.prefix.length + parts.quote.length;
    const bodyEnd = node.to - parts.quote.length;
    const pieces: V[] = [];
    let at = bodyStart;
    const literal = (from: number, to: number) => {
      if (to <= from) return;
      const text = unescapeBody(this.py.text.slice(from, to), isRaw)
        .replaceAll('{{', '{')
        .replaceAll('}}', '}');
      pieces.push({ t: 'str', v: text, line });
    };
    for (const rep of childrenOf(node)) {
      if (rep.name !== 'FormatReplacement') continue;
      literal(at, rep.from);
      at = rep.to;
      const inner = childrenOf(rep).filter((c) => c.name !== '{' && c.name !== '}');
      if (inner.length !== 1) {
        pieces.push({ t: 'unknown', text: this.text(rep), line });
        continue;
      }
      pieces.push(this.call1('builtins.str', this.eval(inner[0], ctx), line));
    }
    literal(at, bodyEnd);
    return pieces.reduce<V>((acc, p) => this.binary(acc, '+', p, line), { t: 'str', v: '', line });
  }

  private dict(node: SyntaxNode, ctx: Ctx): V {
    const kids = childrenOf(node).filter((c) => c.name !== '{' && c.name !== '}' && c.name !== ',');
    const entries: Entry[] = [];
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.name === '**') {
        i++;
        continue;
      }
      if (kids[i + 1]?.name !== ':' || !kids[i + 2]) return this.unknown(node);
      const key = this.eval(k, ctx);
      const value = this.eval(kids[i + 2], ctx);
      if (key.t === 'str') {
        const existing = entries.findIndex((e) => e.key === key.v);
        if (existing >= 0) entries.splice(existing, 1);
        entries.push({ key: key.v, value, line: this.line(k) });
      }
      i += 2;
    }
    return { t: 'dict', entries, line: this.line(node) };
  }

  private member(node: SyntaxNode, ctx: Ctx): V {
    const kids = childrenOf(node);
    const line = this.line(node);
    if (kids[1]?.name === '.' && kids[2]) return this.attr(this.eval(kids[0], ctx), this.text(kids[2]), line);
    if (kids[1]?.name === '[' && kids.length === 4) {
      const obj = this.eval(kids[0], ctx);
      if (obj.t === 'ref' && obj.name === 'os.environ') {
        const key = this.eval(kids[2], ctx);
        if (key.t !== 'str') return this.unknown(node);
        return this.envRead(key.v, 'environ[]', undefined, line, ctx, true);
      }
      return this.subscript(obj, this.eval(kids[2], ctx), line);
    }
    return this.unknown(node);
  }

  private attr(o: V, prop: string, line: number): V {
    if (o.t === 'ref') return { t: 'ref', name: `${o.name}.${prop}`, line };
    if (o.t === 'env' || o.t === 'choice') return lift(o, (x) => this.attr(x, prop, line));
    if (o.t === 'path') {
      if (prop === 'parent') return dirname(o, line);
      if (prop === 'parents') return { t: 'parents', of: o, line };
    }
    if (o.t === 'none') return { t: 'unknown', text: `None.${prop}`, crash: true, line };
    return { t: 'unknown', text: `….${prop}`, line };
  }

  private subscript(o: V, k: V, line: number): V {
    if (o.t === 'parents' && k.t === 'num' && Number.isInteger(k.v) && k.v >= 0) {
      let p = o.of;
      for (let i = 0; i <= k.v; i++) p = dirname(p, line);
      return p;
    }
    if (o.t === 'dict' && k.t === 'env') return this.switchOn(o, k, undefined, line);
    if (o.t === 'env' || o.t === 'choice') return lift(o, (x) => this.subscript(x, k, line));
    if (k.t === 'env') return lift(k, (x) => this.subscript(o, x, line));
    if (o.t === 'dict' && k.t === 'str') {
      const entry = o.entries.find((e) => e.key === k.v);
      return entry ? entry.value : { t: 'unknown', text: `[${k.v}]`, line };
    }
    if (o.t === 'list' && k.t === 'num') {
      const item = o.items[k.v < 0 ? o.items.length + k.v : k.v];
      return item ?? { t: 'unknown', text: `[${k.v}]`, crash: true, line };
    }
    if (o.t === 'none') return { t: 'unknown', text: 'None[…]', crash: true, line };
    return { t: 'unknown', text: '[…]', line };
  }

  /** `TABLE[env value]` or `TABLE.get(env value, fallback)`: one case per key of the table. */
  private switchOn(
    table: Extract<V, { t: 'dict' }>,
    key: Extract<V, { t: 'env' }>,
    fallback: V | undefined,
    line: number,
  ): V {
    const unsetKey = key.unset.t === 'str' ? key.unset.v : undefined;
    let unset: V;
    if (unsetKey !== undefined)
      unset = table.entries.find((e) => e.key === unsetKey)?.value ??
        fallback ?? { t: 'unknown', text: 'KeyError', crash: true, line };
    else if (key.unset.t === 'none') {
      unset = fallback ?? { t: 'unknown', text: 'KeyError', crash: true, line };
      if (!fallback) markRequired(key.read);
    } else unset = fallback ?? { t: 'unknown', text: '[…]', line };
    const out: V = {
      t: 'env',
      read: key.read,
      unset,
      cases: table.entries.map((e) => ({ value: e.key, v: e.value })),
      line,
    };
    if (unsetKey !== undefined) out.unsetKey = unsetKey;
    return out;
  }

  private args(argList: SyntaxNode, ctx: Ctx): Args {
    const pos: V[] = [];
    const kw = new Map<string, V>();
    const kids = childrenOf(argList).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== ',');
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i];
      if (c.name === '*' || c.name === '**') {
        i++;
        continue;
      }
      if (c.name === 'VariableName' && kids[i + 1]?.name === 'AssignOp' && kids[i + 2]) {
        kw.set(this.text(c), this.eval(kids[i + 2], ctx));
        i += 2;
        continue;
      }
      pos.push(this.eval(c, ctx));
    }
    return { pos, kw };
  }

  private call(node: SyntaxNode, ctx: Ctx): V {
    const [callee, argList] = childrenOf(node);
    const line = this.line(node);
    if (!callee || !argList || argList.name !== 'ArgList') return this.unknown(node);
    const calleeKids = childrenOf(callee);
    let result: V | undefined;
    if (callee.name === 'MemberExpression' && calleeKids[1]?.name === '.' && calleeKids[2]) {
      const obj = this.eval(calleeKids[0], ctx);
      const method = this.text(calleeKids[2]);
      const args = this.args(argList, ctx);
      result =
        obj.t === 'ref'
          ? this.callRef(`${obj.name}.${method}`, args, line, ctx)
          : this.callMethod(obj, method, args, line, ctx);
    } else {
      const f = this.eval(callee, ctx);
      const args = this.args(argList, ctx);
      if (f.t === 'ref') result = this.callRef(f.name, args, line, ctx);
      else if (f.t === 'envobj') result = this.envCall(f, '__call__', args, line, ctx);
      else if (f.t === 'func') result = this.callFunction(f, args, line, ctx);
      else if (f.t === 'path') result = args.pos.reduce<V>((acc, a) => this.join(acc, a, line), f);
    }
    if (!result || (result.t === 'unknown' && !result.crash && result.text === '')) return this.unknown(node);
    return result;
  }

  private params(list: SyntaxNode, ctx: Ctx): { name: string; def?: V }[] {
    const out: { name: string; def?: V }[] = [];
    const kids = childrenOf(list);
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.name === '*' || k.name === '**') {
        i++;
        continue;
      }
      if (k.name !== 'VariableName') continue;
      const param: { name: string; def?: V } = { name: this.text(k) };
      let j = i + 1;
      if (kids[j]?.name === 'TypeDef') j++;
      if (kids[j]?.name === 'AssignOp' && kids[j + 1]) {
        param.def = this.eval(kids[j + 1], ctx);
        j++;
      }
      out.push(param);
      i = j;
    }
    return out;
  }

  private callDepth = 0;

  /**
   * Runs a helper defined in the settings with the call's arguments and returns what it returns when no variable is
   * set; a helper that reads the environment gives an env-derived value.
   */
  private callFunction(f: Extract<V, { t: 'func' }>, args: Args, line: number, ctx: Ctx): V {
    if (this.callDepth >= 3) return { t: 'unknown', text: 'call', line };
    const scope = new Map(ctx.scope);
    f.params.forEach((p, i) => {
      const v = args.kw.get(p.name) ?? args.pos[i] ?? p.def ?? { t: 'unknown', text: p.name, line };
      scope.set(p.name, { v, origins: [] });
    });
    const readsBefore = this.reads.length;
    const returns: { v: V; reached: Tri }[] = [];
    this.callDepth++;
    let falloff: Tri;
    try {
      falloff = this.runBody(f.body, { ...ctx, scope, inFunction: true }, true, returns);
    } finally {
      this.callDepth--;
    }
    if (falloff !== false) returns.push({ v: { t: 'none', line }, reached: falloff });
    let result: V | undefined;
    for (const r of returns) {
      if (r.reached === false) continue;
      result = r.reached === true ? r.v : undefined;
      break;
    }
    // Reads inside the helper are reported at the call, where the variable name is written.
    for (const r of this.reads.slice(readsBefore)) r.line = line;
    const value: V = result ? { ...result, line } : { t: 'unknown', text: 'call', line };
    const read = this.reads[readsBefore];
    if (read && value.t === 'unknown' && value.crash) markRequired(read);
    if (read && value.t !== 'env') return { t: 'env', read, unset: value, line };
    return value;
  }

  /** Runs the statements of a function body; collects returns with whether they are reached; says whether the end is. */
  private runBody(body: SyntaxNode, ctx: Ctx, reached: Tri, returns: { v: V; reached: Tri }[]): Tri {
    for (const stmt of childrenOf(body)) {
      if (stmt.name === ':') continue;
      if (reached === false) return false;
      if (stmt.name === 'ReturnStatement') {
        const expr = childrenOf(stmt)[1];
        returns.push({ v: expr ? this.eval(expr, ctx) : { t: 'none', line: this.line(stmt) }, reached });
        return false;
      }
      if (stmt.name === 'RaiseStatement') {
        returns.push({ v: { t: 'unknown', text: 'raise', crash: true, line: this.line(stmt) }, reached });
        return false;
      }
      if (stmt.name === 'TryStatement') {
        let afterTry: Tri = reached;
        let after: Tri = false;
        const parts = childrenOf(stmt);
        for (const [i, k] of parts.entries()) {
          if (k.name !== 'Body') continue;
          const keyword = parts
            .slice(0, i)
            .reverse()
            .find((c) => ['try', 'except', 'else', 'finally'].includes(c.name))?.name;
          if (keyword === 'try') after = afterTry = this.runBody(k, ctx, reached, returns);
          else if (keyword === 'except') after = or3(after, this.runBody(k, ctx, undefined, returns));
          else after = this.runBody(k, ctx, afterTry, returns);
        }
        reached = after === false && afterTry !== false ? afterTry : after;
        continue;
      }
      if (['WithStatement', 'ForStatement', 'WhileStatement'].includes(stmt.name)) {
        const inner = childrenOf(stmt).find((c) => c.name === 'Body');
        if (inner) {
          const loop = stmt.name !== 'WithStatement';
          const end = this.runBody(inner, ctx, loop ? undefined : reached, returns);
          reached = loop ? reached : end;
        }
        continue;
      }
      if (stmt.name === 'IfStatement') {
        const kids = childrenOf(stmt);
        let previousFalse: Tri = true;
        let after: Tri = false;
        let hasElse = false;
        for (let i = 0; i < kids.length; i++) {
          const k = kids[i].name;
          let test: Tri;
          let branchBody: SyntaxNode | undefined;
          if ((k === 'if' || k === 'elif') && kids[i + 2]?.name === 'Body') {
            test = truthy(this.eval(kids[i + 1], ctx));
            branchBody = kids[i + 2];
            i += 2;
          } else if (k === 'else' && kids[i + 1]?.name === 'Body') {
            test = true;
            hasElse = true;
            branchBody = kids[i + 1];
            i += 1;
          } else continue;
          const branchReached = and3(reached, and3(previousFalse, test));
          after = or3(after, this.runBody(branchBody, ctx, branchReached, returns));
          previousFalse = and3(previousFalse, not3(test));
        }
        if (!hasElse) after = or3(after, and3(reached, previousFalse));
        reached = after;
        continue;
      }
      try {
        this.exec(stmt, ctx);
      } catch {
        // as at top level
      }
    }
    return reached;
  }

  private callRef(name: string, args: Args, line: number, ctx: Ctx): V | undefined {
    const [a0, a1] = args.pos;
    switch (name) {
      case 'os.environ.get':
      case 'os.getenv':
      case 'os.environ.setdefault': {
        if (a0?.t !== 'str') return undefined;
        const fallback = a1 ?? args.kw.get('default');
        return this.envRead(
          a0.v,
          name === 'os.getenv' ? 'getenv' : 'environ.get',
          fallback,
          line,
          ctx,
          false,
        );
      }
      case 'os.path.join':
        return args.pos.length
          ? args.pos.slice(1).reduce<V>((acc, a) => this.join(acc, a, line), this.asPath(a0, line))
          : undefined;
      case 'os.path.dirname':
        return a0 ? lift(a0, (p) => dirname(this.asPath(p, line), line)) : undefined;
      case 'os.path.abspath':
      case 'os.path.realpath':
      case 'os.path.normpath':
      case 'os.path.expanduser':
        return a0 ? lift(a0, (p) => this.asPath(p, line)) : undefined;
      case 'pathlib.Path':
      case 'pathlib.PurePath':
      case 'pathlib.PosixPath':
      case 'environ.Path':
        if (!a0) return { t: 'unknown', text: 'Path()', line };
        return args.pos.slice(1).reduce<V>(
          (acc, a) => this.join(acc, a, line),
          lift(a0, (p) => this.asPath(p, line)),
        );
      case 'builtins.str':
      case 'builtins.bool':
      case 'builtins.int':
      case 'builtins.float':
      case 'builtins.list':
      case 'builtins.tuple':
        return a0 ? this.call1(name, a0, line) : undefined;
      case 'dj_database_url.config': {
        const variable = args.kw.get('env');
        return this.dbUrlRead(
          variable?.t === 'str' ? variable.v : 'DATABASE_URL',
          args.kw.get('default') ?? a0,
          'dj-database-url',
          line,
          ctx,
          false,
        );
      }
      case 'dj_database_url.parse': {
        const url = a0 ?? args.kw.get('url');
        return url ? this.parseDbUrlValue(url, line) : undefined;
      }
      case 'environ.Env': {
        const scheme = new Map<string, { cast?: string; def?: V }>();
        for (const [key, v] of args.kw) {
          if (v.t === 'list')
            scheme.set(key, { cast: v.items[0]?.t === 'ref' ? v.items[0].name : undefined, def: v.items[1] });
          else if (v.t === 'ref') scheme.set(key, { cast: v.name });
        }
        return { t: 'envobj', scheme, line };
      }
      case 'environ.Env.read_env':
      case 'environ.Env.read_dotenv':
        this.dotenvLoads.push({ via: 'django-environ', line });
        return { t: 'none', line };
      case 'dotenv.load_dotenv':
      case 'dotenv.read_dotenv':
      case 'dotenv.main.load_dotenv':
        this.dotenvLoads.push({ via: 'python-dotenv', line });
        return { t: 'none', line };
      case 'decouple.config':
        return this.decouple(args, line, ctx);
      case 'decouple.AutoConfig':
      case 'decouple.Config':
        return { t: 'ref', name: 'decouple.config', line };
      case 'decouple.Csv':
        return { t: 'ref', name: 'decouple.Csv()', line };
      case 'distutils.util.strtobool':
      case 'str2bool.str2bool':
        return a0 ? lift(a0, (x) => strtobool(x, line)) : undefined;
      case 'ast.literal_eval':
      case 'json.loads':
        return a0 ? lift(a0, (x) => literalEval(x, line, name === 'json.loads')) : undefined;
      case 'logging.config.dictConfig':
        if (a0) this.extraHandlers.push(a0);
        return { t: 'none', line };
      default:
        return undefined;
    }
  }

  private callMethod(o: V, method: string, args: Args, line: number, ctx: Ctx): V | undefined {
    if (o.t === 'envobj') return this.envCall(o, method, args, line, ctx);
    if (o.t === 'dict' && method === 'get' && args.pos[0]) {
      const key = args.pos[0];
      const fallback = args.pos[1] ?? { t: 'none', line };
      if (key.t === 'env') return this.switchOn(o, key, fallback, line);
      if (key.t === 'str') return o.entries.find((e) => e.key === key.v)?.value ?? fallback;
      return undefined;
    }
    if (o.t === 'dict' && method === 'copy') return o;
    if (o.t === 'env' || o.t === 'choice') {
      return lift(
        o,
        (x) => this.callMethod(x, method, args, line, ctx) ?? { t: 'unknown', text: `.${method}()`, line },
      );
    }
    if (o.t === 'none') return { t: 'unknown', text: `None.${method}()`, crash: true, line };
    if (o.t === 'path') {
      if (['resolve', 'absolute', 'expanduser', 'as_posix', '__str__'].includes(method)) return o;
      if (method === 'joinpath') return args.pos.reduce<V>((acc, a) => this.join(acc, a, line), o);
      if (method === 'path') return args.pos.reduce<V>((acc, a) => this.join(acc, a, line), o);
      return undefined;
    }
    if (o.t === 'str' && method === 'format') return this.interpolate(o, /\{0?\}/, args.pos, line);
    if (o.t === 'str') return strMethod(o, method, args, line);
    if (o.t === 'list' && method === 'copy') return o;
    return undefined;
  }

  /** Calls on a django-environ Env: env('X'), env.str('X', default=...), env.db(), env.read_env(). */
  private envCall(
    obj: Extract<V, { t: 'envobj' }>,
    method: string,
    args: Args,
    line: number,
    ctx: Ctx,
  ): V | undefined {
    const [a0, a1, a2] = args.pos;
    if (method === 'read_env') {
      this.dotenvLoads.push({ via: 'django-environ', line });
      return { t: 'none', line };
    }
    if (['db', 'db_url', 'database_url'].includes(method)) {
      const variable = a0 ?? args.kw.get('var');
      return this.dbUrlRead(
        variable?.t === 'str' ? variable.v : 'DATABASE_URL',
        a1 ?? args.kw.get('default'),
        'django-environ',
        line,
        ctx,
        true,
      );
    }
    const urlDefaults: Record<string, string> = {
      cache: 'CACHE_URL',
      cache_url: 'CACHE_URL',
      email: 'EMAIL_URL',
      email_url: 'EMAIL_URL',
      search_url: 'SEARCH_URL',
    };
    let variable: string | undefined;
    let fallback: V | undefined;
    if (urlDefaults[method]) {
      variable = a0?.t === 'str' ? a0.v : urlDefaults[method];
      fallback = a1 ?? args.kw.get('default');
    } else if (method === '__call__' || method === 'get_value') {
      variable = a0?.t === 'str' ? a0.v : undefined;
      fallback = args.kw.get('default') ?? a2;
    } else if (
      ['str', 'bool', 'int', 'float', 'list', 'tuple', 'dict', 'json', 'url', 'path', 'parse_value'].includes(
        method,
      )
    ) {
      variable = a0?.t === 'str' ? a0.v : undefined;
      fallback = a1 ?? args.kw.get('default');
    } else return undefined;
    if (variable === undefined) return undefined;
    if (fallback === undefined) fallback = obj.scheme.get(variable)?.def;
    if (fallback?.t === 'ref' && fallback.name.endsWith('NOTSET')) fallback = undefined;
    return this.envRead(variable, 'django-environ', fallback, line, ctx, fallback === undefined);
  }

  private decouple(args: Args, line: number, ctx: Ctx): V | undefined {
    const [a0, a1, a2] = args.pos;
    if (a0?.t !== 'str') return undefined;
    const fallback = args.kw.get('default') ?? a1;
    const cast = args.kw.get('cast') ?? a2;
    const read = this.envRead(a0.v, 'other', fallback, line, ctx, fallback === undefined);
    if (read.t !== 'env' || cast?.t !== 'ref') return read;
    if (cast.name === 'dj_database_url.parse') {
      read.read.via = 'dj-database-url';
      return { ...read, unset: parseDbUrl(read.unset, line, this), dbUrl: true };
    }
    return lift(read, (x) => {
      if (x.t === 'unknown' && x.crash) return x;
      if (cast.name === 'builtins.bool')
        return x.t === 'str' ? decoupleBool(x, line) : this.call1('builtins.bool', x, line);
      if (cast.name === 'decouple.Csv()')
        return x.t === 'str'
          ? { t: 'list', items: splitCsv(x.v).map((s) => ({ t: 'str', v: s, line }) as V), line }
          : x;
      return this.call1(cast.name, x, line);
    });
  }

  private call1(name: string, a: V, line: number): V {
    return lift(a, (x) => {
      if (x.t === 'unknown')
        return x.crash ? x : { t: 'unknown', text: `${name.replace('builtins.', '')}(…)`, line };
      switch (name) {
        case 'builtins.str':
          if (x.t === 'str' || x.t === 'path' || x.t === 'concat') return x;
          if (x.t === 'num') return { t: 'str', v: String(x.v), line };
          if (x.t === 'bool') return { t: 'str', v: x.v ? 'True' : 'False', line };
          if (x.t === 'none') return { t: 'str', v: 'None', line };
          break;
        case 'builtins.bool': {
          const t = truthy(x);
          if (t !== undefined) return { t: 'bool', v: t, line };
          break;
        }
        case 'builtins.int':
        case 'builtins.float': {
          if (x.t === 'num') return { t: 'num', v: name === 'builtins.int' ? Math.trunc(x.v) : x.v, line };
          if (x.t === 'bool') return { t: 'num', v: x.v ? 1 : 0, line };
          if (x.t === 'none') return { t: 'unknown', text: 'int(None)', crash: true, line };
          if (x.t === 'str') {
            const s = x.v.trim().replaceAll('_', '');
            const ok =
              name === 'builtins.int' ? /^[+-]?\d+$/.test(s) : s !== '' && Number.isFinite(Number(s));
            return ok
              ? { t: 'num', v: Number(s), line }
              : { t: 'unknown', text: 'ValueError', crash: true, line };
          }
          break;
        }
        case 'builtins.list':
        case 'builtins.tuple':
          if (x.t === 'list') return x;
          if (x.t === 'none') return { t: 'unknown', text: 'list(None)', crash: true, line };
          break;
      }
      return { t: 'unknown', text: `${name.replace('builtins.', '')}(…)`, line };
    });
  }

  // ---------------------------------------------------------------- environment reads

  private newRead(
    variable: string,
    via: Via,
    line: number,
    ctx: Ctx,
    required: boolean,
    hasDefault: boolean,
    defaultText?: string,
  ): ReadRec {
    const guarded = ctx.guarded.has(variable);
    const read: ReadRec = { variable, via, line, required: required && !guarded, hasDefault, guarded };
    if (defaultText !== undefined) read.defaultText = defaultText;
    this.reads.push(read);
    return read;
  }

  private envRead(
    variable: string,
    via: Via,
    fallback: V | undefined,
    line: number,
    ctx: Ctx,
    failsWhenUnset: boolean,
  ): V {
    const hasDefault = fallback !== undefined && fallback.t !== 'none';
    const read = this.newRead(
      variable,
      via,
      line,
      ctx,
      failsWhenUnset && !hasDefault,
      hasDefault,
      fallback?.t === 'str' ? fallback.v : undefined,
    );
    const unset: V =
      fallback ??
      (failsWhenUnset ? { t: 'unknown', text: `${variable} unset`, crash: true, line } : { t: 'none', line });
    return { t: 'env', read, unset, line };
  }

  /** A database URL read: dj_database_url.config(), env.db(); unset is the config dict of the default URL. */
  private dbUrlRead(
    variable: string,
    fallback: V | undefined,
    via: Via,
    line: number,
    ctx: Ctx,
    failsWhenUnset: boolean,
  ): V {
    const hasDefault = fallback !== undefined && fallback.t !== 'none';
    const read = this.newRead(variable, via, line, ctx, !hasDefault, hasDefault, renderUrl(fallback));
    let unset: V;
    if (hasDefault) unset = parseDbUrl(fallback, line, this);
    else
      unset = failsWhenUnset
        ? { t: 'unknown', text: `${variable} unset`, crash: true, line }
        : { t: 'dict', entries: [], line };
    return { t: 'env', read, unset, dbUrl: true, line };
  }

  private parseDbUrlValue(url: V, line: number): V {
    if (url.t === 'env') {
      if (url.unset.t === 'none') markRequired(url.read);
      return { ...url, unset: parseDbUrl(url.unset, line, this), cases: undefined, dbUrl: true };
    }
    return parseDbUrl(url, line, this);
  }

  // ---------------------------------------------------------------- values

  private lookup(name: string, line: number, ctx: Ctx): V {
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

  /** A string where a path is expected: absolute strings become paths, relative ones stay strings (relative to the working directory). */
  asPath(v: V | undefined, line: number): V {
    if (!v) return { t: 'unknown', text: 'path', line };
    if (v.t === 'str' && v.v.startsWith('/'))
      return { t: 'path', base: 'absolute', parts: splitPath(v.v), line };
    if (v.t === 'concat') {
      const p = concatPath(v);
      if (p) return p;
    }
    if (v.t === 'none') return { t: 'unknown', text: 'None', crash: true, line };
    return v;
  }

  private join(a: V, b: V, line: number): V {
    return lift(a, (x) =>
      lift(b, (y) => {
        const left = this.asPath(x, line);
        const right = this.asPath(y, line);
        if (right.t === 'path' && right.base !== 'repo') return right;
        if (left.t === 'path' && right.t === 'str') return appendPath(left, right.v, line);
        if (left.t === 'str' && right.t === 'str')
          return { t: 'str', v: left.v ? `${left.v.replace(/\/+$/, '')}/${right.v}` : right.v, line };
        if (left.t === 'none' || right.t === 'none' || (left.t === 'unknown' && left.crash))
          return { t: 'unknown', text: 'join(None)', crash: true, line };
        return { t: 'unknown', text: 'path', line };
      }),
    );
  }

  /**
   * A template with one placeholder filled by one value ('…{}'.format(x), '…%s' % x), as the text around it joined to
   * the value, so a variable read keeps that text for its set value too; undefined for any other template.
   */
  private interpolate(template: Extract<V, { t: 'str' }>, placeholder: RegExp, args: V[], line: number) {
    const parts = template.v.split(placeholder);
    if (parts.length !== 2 || args.length !== 1 || /[{}%]/.test(parts.join(''))) return undefined;
    // Python formats None as 'None' where + would fail: only text, or a read with a text default or none at all
    // (os.environ['X']), is filled in.
    const [arg] = args;
    const filled = (v: V) => v.t === 'str' || (v.t === 'unknown' && v.crash);
    if (arg.t !== 'str' && !(arg.t === 'env' && filled(arg.unset))) return undefined;
    const text = (v: string): V => ({ t: 'str', v, line });
    return this.binary(this.binary(text(parts[0]), '+', arg, line), '+', text(parts[1]), line);
  }

  private binary(a: V, op: string, b: V, line: number): V {
    // Text joined to a variable's value stays known for the set value too (f'django.db.backends.{DB_ENGINE}').
    if (op === '+') {
      const affixed = affix(a, b, line);
      if (affixed) return affixed;
    }
    if (op === '%' && a.t === 'str' && b.t !== 'list' && b.t !== 'dict') {
      const filled = this.interpolate(a, /%s/, [b], line);
      if (filled) return filled;
    }
    return lift(a, (x) =>
      lift(b, (y): V => {
        switch (op) {
          case '==':
          case '!=': {
            const eq = equals(x, y);
            return eq === undefined
              ? { t: 'unknown', text: op, line }
              : { t: 'bool', v: op === '==' ? eq : !eq, line };
          }
          case 'in':
          case 'not in': {
            const has = contains(y, x);
            if (has === 'crash') return { t: 'unknown', text: 'in None', crash: true, line };
            return has === undefined
              ? { t: 'unknown', text: op, line }
              : { t: 'bool', v: op === 'in' ? has : !has, line };
          }
          case 'is':
          case 'is not': {
            const same = x.t === 'none' || y.t === 'none' ? x.t === y.t : undefined;
            return same === undefined
              ? { t: 'unknown', text: op, line }
              : { t: 'bool', v: op === 'is' ? same : !same, line };
          }
          case '+':
            return add(x, y, line);
          case '/':
            if (x.t === 'path') return this.join(x, y, line);
            break;
          case '-':
            if (x.t === 'path' && y.t === 'num' && Number.isInteger(y.v) && y.v >= 0) {
              let p: V = x;
              for (let i = 0; i < y.v; i++) p = dirname(p, line);
              return p;
            }
            if (x.t === 'num' && y.t === 'num') return { t: 'num', v: x.v - y.v, line };
            break;
          case '*':
            if (x.t === 'num' && y.t === 'num') return { t: 'num', v: x.v * y.v, line };
            break;
        }
        if (x.t === 'none' || y.t === 'none') return { t: 'unknown', text: `None ${op}`, crash: true, line };
        return { t: 'unknown', text: op, line };
      }),
    );
  }

  /** `X.append(v)`, `X.extend(l)`, `X.update(d)` as a new value of X. */
  private mutate(current: V, method: string, args: Args, line: number): V {
    const [a0, a1] = args.pos;
    if (method === 'append' && a0) return add(current, { t: 'list', items: [a0], line }, line);
    if (method === 'insert' && a1) return add({ t: 'list', items: [a1], line }, current, line);
    if (method === 'extend' && a0) return add(current, a0, line);
    if (method === 'update' && a0) {
      // DATABASES['default'].update(dj_database_url.config()): the URL wins when set, the old config stays otherwise.
      if (a0.t === 'env' && a0.dbUrl) return { ...a0, unset: mergeDicts(current, a0.unset, line) };
      return lift(a0, (x) => mergeDicts(current, x, line));
    }
    return { t: 'unknown', text: `.${method}()`, line };
  }

  // ---------------------------------------------------------------- output

  private toSource(v: V, depth = 0): ValueSource {
    const line = v.line;
    if (depth > 60) return { kind: 'unknown', text: '…', line };
    switch (v.t) {
      case 'str':
      case 'num':
      case 'bool':
        return { kind: 'literal', value: v.v, line };
      case 'none':
        return { kind: 'literal', value: null, line };
      case 'list':
        return { kind: 'list', items: v.items.map((i) => this.toSource(i, depth + 1)), line };
      case 'dict':
        return {
          kind: 'dict',
          entries: v.entries.map((e) => ({
            key: e.key,
            value: this.toSource(e.value, depth + 1),
            line: e.line,
          })),
          line,
        };
      case 'path':
        return this.pathSource(v);
      case 'concat': {
        const p = concatPath(v);
        return p ? this.pathSource(p) : { kind: 'unknown', text: renderConcat(v), line };
      }
      case 'env': {
        const out: EnvSource = {
          kind: 'env',
          variable: v.read.variable,
          via: v.read.via,
          required: v.read.required,
          line,
        };
        const fallback = v.unset;
        if (fallback.t !== 'none' && !(fallback.t === 'unknown' && fallback.crash))
          out.fallback = this.toSource(fallback, depth + 1);
        if (v.prefix) out.prefix = v.prefix;
        if (v.suffix) out.suffix = v.suffix;
        return out;
      }
      case 'choice':
        return { kind: 'choice', options: v.options.map((o) => this.toSource(o.v, depth + 1)), line };
      case 'ref':
        return { kind: 'unknown', text: v.name, line };
      case 'parents':
      case 'envobj':
      case 'func':
        return { kind: 'unknown', text: v.t, line };
      case 'unknown':
        return { kind: 'unknown', text: v.text, line };
    }
  }

  private pathSource(v: Extract<V, { t: 'path' }>): ValueSource {
    if (v.base === 'absolute') return { kind: 'path', base: 'absolute', parts: v.parts, line: v.line };
    if (v.base === 'BASE_DIR') return { kind: 'path', base: 'BASE_DIR', parts: v.parts, line: v.line };
    if (!this.baseDirParts)
      return { kind: 'unknown', text: `${v.parts.join('/')} (from __file__)`, line: v.line };
    return { kind: 'path', base: 'BASE_DIR', parts: relativeParts(this.baseDirParts, v.parts), line: v.line };
  }

  private logHandlers(ctx: Ctx): { className: string; line: number }[] {
    const out: { className: string; line: number }[] = [];
    const seen = new Set<string>();
    const visitConfig = (v: V, depth: number): void => {
      if (depth > 20) return;
      if (v.t === 'env') {
        visitConfig(v.unset, depth + 1);
        for (const c of v.cases ?? []) visitConfig(c.v, depth + 1);
      } else if (v.t === 'choice') for (const o of v.options) visitConfig(o.v, depth + 1);
      else if (v.t === 'dict') {
        const handlers = v.entries.find((e) => e.key === 'handlers')?.value;
        if (handlers?.t !== 'dict') return;
        for (const h of handlers.entries) {
          if (h.value.t !== 'dict') continue;
          const cls = h.value.entries.find((e) => e.key === 'class');
          if (cls?.value.t !== 'str') continue;
          const key = `${cls.value.v}\0${cls.line}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ className: cls.value.v, line: cls.line });
        }
      }
    };
    const logging = ctx.scope.get('LOGGING');
    if (logging) visitConfig(logging.v, 0);
    for (const v of this.extraHandlers) visitConfig(v, 0);
    return out.sort((a, b) => a.line - b.line);
  }

  private databases(binding: Binding): DatabasesModel {
    const lines = binding.origins.map((i) => this.recorded[i].line);
    const model = new DatabasesBuilder(this);
    model.walkDatabases(binding.v, { isDefault: true });
    return model.result(Math.min(...lines));
  }

  // ---------------------------------------------------------------- helpers used by the database builder

  source(v: V): ValueSource {
    return this.toSource(v);
  }

  private line(node: SyntaxNode): number {
    return this.py.lineOf(node.from);
  }

  private text(node: SyntaxNode): string {
    return this.py.text.slice(node.from, node.to);
  }

  private unknown(node: SyntaxNode): V {
    return { t: 'unknown', text: this.text(node).slice(0, MAX_TEXT), line: this.line(node) };
  }
}

// -------------------------------------------------------------------- DATABASES

interface Selection {
  selectedBy?: DatabaseConfig['selectedBy'];
  isDefault: Tri;
}

interface Selector {
  kind: 'env' | 'url' | 'engine';
  variable: string;
  default?: string;
  line: number;
}

const SERVER_FIELDS = ['NAME', 'USER', 'PASSWORD', 'HOST'];

class DatabasesBuilder {
  private readonly configs: DatabaseConfig[] = [];
  private readonly selectors: Selector[] = [];

  constructor(private readonly reader: SettingsReader) {}

  walkDatabases(v: V, sel: Selection, depth = 0): void {
    if (depth > 20) return;
    if (v.t === 'dict') {
      const entry = v.entries.find((e) => e.key === 'default');
      if (entry) this.walkDefault(entry.value, sel, depth + 1);
    } else if (v.t === 'choice') {
      for (const o of v.options) this.walkDatabases(o.v, this.option(o, sel), depth + 1);
    } else if (v.t === 'env') {
      this.walkEnv(v, sel, depth, (x, s) => this.walkDatabases(x, s, depth + 1));
    }
  }

  private walkDefault(v: V, sel: Selection, depth: number): void {
    if (depth > 20) return;
    if (v.t === 'dict') this.fromDict(v, sel);
    else if (v.t === 'choice')
      for (const o of v.options) this.walkDefault(o.v, this.option(o, sel), depth + 1);
    else if (v.t === 'env') this.walkEnv(v, sel, depth, (x, s) => this.walkDefault(x, s, depth + 1));
  }

  private walkEnv(
    v: Extract<V, { t: 'env' }>,
    sel: Selection,
    depth: number,
    next: (v: V, s: Selection) => void,
  ): void {
    const variable = v.read.variable;
    if (v.dbUrl) {
      this.selectors.push({ kind: 'url', variable, default: v.read.defaultText, line: v.read.line });
      if (v.unset.t === 'dict' && v.unset.entries.length > 0)
        this.fromDict(v.unset, { ...sel, isDefault: sel.isDefault }, v);
      return;
    }
    if (v.cases) {
      this.selectors.push({
        kind: 'env',
        variable,
        default: v.unsetKey ?? v.read.defaultText,
        line: v.read.line,
      });
      const isDefault = (c: { value: string; v: V }) => c.v === v.unset || v.unsetKey === c.value;
      for (const c of v.cases)
        next(c.v, { selectedBy: { variable, value: c.value }, isDefault: and3(sel.isDefault, isDefault(c)) });
      // TABLE.get(value, fallback): the fallback is one more alternative, the one used when the variable is unset.
      if (!v.cases.some(isDefault) && v.unset.t !== 'unknown')
        next(v.unset, { selectedBy: { variable, value: '', test: 'otherwise' }, isDefault: sel.isDefault });
      return;
    }
    this.selectors.push({ kind: 'env', variable, default: v.read.defaultText, line: v.read.line });
    next(v.unset, { selectedBy: sel.selectedBy, isDefault: sel.isDefault });
  }

  private option(o: Option, sel: Selection): Selection {
    if (o.when) this.selectors.push({ kind: 'env', variable: o.when.variable, line: o.when.line });
    return {
      selectedBy: o.when ? selectedBy(o.when) : sel.selectedBy,
      isDefault: and3(sel.isDefault, o.activeWhenUnset),
    };
  }

  private fromDict(d: Extract<V, { t: 'dict' }>, sel: Selection, url?: Extract<V, { t: 'env' }>): void {
    const engineV = d.entries.find((e) => e.key === 'ENGINE')?.value;
    const variants: { engine?: string; sel: Selection }[] = [];
    if (engineV?.t === 'env' && !url) {
      const variable = engineV.read.variable;
      this.selectors.push({
        kind: 'engine',
        variable,
        default: engineV.read.defaultText,
        line: engineV.read.line,
      });
      if (engineV.cases) {
        for (const c of engineV.cases)
          variants.push({
            engine: engineString(c.v),
            sel: {
              selectedBy: { variable, value: c.value },
              isDefault: and3(sel.isDefault, engineV.unsetKey === c.value),
            },
          });
      } else {
        const engine = engineString(engineV.unset);
        variants.push({
          engine,
          sel: {
            selectedBy:
              engine && engineV.read.defaultText !== undefined
                ? { variable, value: engineV.read.defaultText }
                : sel.selectedBy,
            isDefault: engine ? sel.isDefault : false,
          },
        });
      }
    } else variants.push({ engine: engineV ? engineString(engineV) : undefined, sel });

    for (const variant of variants) {
      if (!url && variant.engine && isServerEngine(variant.engine))
        for (const key of SERVER_FIELDS) {
          const value = d.entries.find((e) => e.key === key)?.value;
          if (value?.t === 'env' && value.unset.t === 'none') markRequired(value.read);
        }
      const fields: Record<string, ValueSource> = {};
      const fieldLines: Record<string, number> = {};
      for (const e of d.entries) {
        fieldLines[e.key] = url ? url.read.line : e.line;
        const source = this.reader.source(e.value);
        fields[e.key] = url
          ? {
              kind: 'env',
              variable: url.read.variable,
              via: url.read.via,
              required: url.read.required,
              fallback: source,
              line: url.read.line,
            }
          : source;
      }
      const config: DatabaseConfig = { line: url ? url.read.line : d.line, fields, fieldLines };
      if (variant.engine) config.engine = variant.engine;
      if (variant.sel.selectedBy) config.selectedBy = variant.sel.selectedBy;
      if (variant.sel.isDefault !== undefined) config.isDefault = variant.sel.isDefault;
      this.configs.push(config);
    }
  }

  result(line: number): DatabasesModel {
    const engines = new Set(this.configs.map((c) => c.engine ?? '?'));
    const url = this.selectors.find((s) => s.kind === 'url');
    const engine = this.selectors.find((s) => s.kind === 'engine');
    const branch = engines.size > 1 ? this.selectors.find((s) => s.kind === 'env') : undefined;
    let selection: DatabasesModel['selection'];
    const pick = url ?? engine ?? branch;
    if (pick) {
      const chosen: DatabasesModel['selection'] & { kind: 'env' | 'url' } = {
        kind: pick.kind === 'url' ? 'url' : 'env',
        variable: pick.variable,
        line: pick.line,
      };
      if (pick.default !== undefined) chosen.default = pick.default;
      selection = chosen;
    } else if (this.configs.length > 0 && !engines.has('?')) selection = { kind: 'fixed' };
    else selection = { kind: 'unknown' };
    return { line, selection, configs: this.configs };
  }
}

function selectedBy(c: Cond): DatabaseConfig['selectedBy'] {
  if (c.test === 'equals') return { variable: c.variable, value: c.value };
  if (c.test === 'set' || c.test === 'unset') return { variable: c.variable, value: '', test: c.test };
  return { variable: c.variable, value: '', test: 'otherwise' };
}

function engineString(v: V): string | undefined {
  if (v.t === 'str') return v.v;
  return undefined;
}

/** Engines that talk to a database server (credentials and host matter), as opposed to SQLite files. */
export function isServerEngine(engine: string): boolean {
  const e = engine.toLowerCase();
  return ['postgres', 'postgis', 'mysql', 'oracle', 'mssql', 'sql_server', 'cockroach', 'mariadb'].some((k) =>
    e.includes(k),
  );
}

/** True for SQLite (and SpatiaLite) engines. */
export function isSqliteEngine(engine: string): boolean {
  const e = engine.toLowerCase();
  return e.includes('sqlite') || e.includes('spatialite');
}

// -------------------------------------------------------------------- value helpers

// A setting assigned in more conditional branches than this keeps only its latest origins (liveness of older ones is lost).
const MAX_ORIGINS = 64;

function unionOrigins(lists: number[][]): number[] {
  const all = new Set<number>();
  for (const list of lists) for (const i of list) all.add(i);
  const out = [...all].sort((a, b) => a - b);
  return out.length > MAX_ORIGINS ? out.slice(-MAX_ORIGINS) : out;
}

function markRequired(read: ReadRec): void {
  if (!read.guarded) read.required = true;
}

function and3(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return undefined;
}

function or3(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  if (a === false && b === false) return false;
  return undefined;
}

function not3(a: Tri): Tri {
  return a === undefined ? undefined : !a;
}

function negate(c: Cond): Cond | undefined {
  const flip: Partial<Record<Cond['test'], Cond['test']>> = {
    equals: 'not-equals',
    'not-equals': 'equals',
    set: 'unset',
    unset: 'set',
  };
  const test = flip[c.test];
  return test ? { ...c, test } : undefined;
}

/** The condition of an else branch (or of falling through an if without else). */
function otherwise(previous: Cond[] | undefined, line: number): Cond | undefined {
  if (!previous || previous.length === 0) return undefined;
  if (previous.length === 1) return negate(previous[0]);
  const variable = previous[0].variable;
  if (!previous.every((c) => c.variable === variable)) return undefined;
  return { variable, value: '', test: 'otherwise', line };
}

/** Applies f through env-derived values (to the unset value and each case) and alternatives. */
function lift(v: V, f: (x: V) => V): V {
  if (v.t === 'env') {
    const unset = lift(v.unset, f);
    if (unset.t === 'unknown' && unset.crash && v.unset.t === 'none') markRequired(v.read);
    const out: V = { t: 'env', read: v.read, unset, line: v.line };
    // A URL config stays one when only its dict changes (DATABASES['default']['ATOMIC_REQUESTS'] = True).
    if (v.dbUrl && unset.t === 'dict') out.dbUrl = true;
    if (v.cases) {
      out.cases = v.cases.map((c) => ({ value: c.value, v: lift(c.v, f) }));
      if (v.unsetKey !== undefined) out.unsetKey = v.unsetKey;
    }
    return out;
  }
  if (v.t === 'choice')
    return choice(
      v.options.map((o) => ({ ...o, v: lift(o.v, f) })),
      v.line,
    );
  return f(v);
}

function choice(options: Option[], line: number): V {
  const flat: Option[] = [];
  for (const o of options) {
    if (o.v.t === 'choice')
      for (const inner of o.v.options)
        flat.push({
          v: inner.v,
          when: inner.when ?? o.when,
          activeWhenUnset: and3(o.activeWhenUnset, inner.activeWhenUnset),
        });
    else flat.push(o);
  }
  if (flat.length > MAX_OPTIONS) return { t: 'unknown', text: 'too many alternatives', line };
  return { t: 'choice', options: flat, line };
}

function truthy(v: V): Tri {
  switch (v.t) {
    case 'str':
      return v.v !== '';
    case 'num':
      return v.v !== 0;
    case 'bool':
      return v.v;
    case 'none':
      return false;
    case 'list':
      return v.items.length > 0;
    case 'dict':
      return v.entries.length > 0;
    case 'path':
    case 'ref':
    case 'envobj':
      return true;
    case 'concat':
      return v.parts.some((p) => p.t === 'path' || (p.t === 'str' && p.v !== '')) ? true : undefined;
    case 'env':
      return truthy(v.unset);
    case 'choice': {
      const active = v.options.filter((o) => o.activeWhenUnset === true);
      if (active.length > 0) return truthy(active[0].v);
      const values = v.options.map((o) => truthy(o.v));
      return values.every((x) => x === values[0]) ? values[0] : undefined;
    }
    default:
      return undefined;
  }
}

function isScalar(v: V): v is Extract<V, { t: 'str' | 'num' | 'bool' | 'none' }> {
  return v.t === 'str' || v.t === 'num' || v.t === 'bool' || v.t === 'none';
}

function equals(a: V, b: V): Tri {
  if (!isScalar(a) || !isScalar(b)) return undefined;
  if (a.t === 'none' || b.t === 'none') return a.t === b.t;
  if (a.t === 'str' || b.t === 'str') return a.t === b.t && a.v === b.v;
  return Number(a.v) === Number(b.v);
}

function contains(container: V, item: V): Tri | 'crash' {
  if (container.t === 'none') return 'crash';
  if (container.t === 'str') return item.t === 'str' ? container.v.includes(item.v) : undefined;
  if (container.t === 'list') {
    let unknown = false;
    for (const i of container.items) {
      const eq = equals(i, item);
      if (eq === true) return true;
      if (eq === undefined) unknown = true;
    }
    return unknown ? undefined : false;
  }
  if (container.t === 'dict')
    return item.t === 'str' ? container.entries.some((e) => e.key === item.v) : undefined;
  return undefined;
}

function add(x: V, y: V, line: number): V {
  if (x.t === 'str' && y.t === 'str') return { t: 'str', v: x.v + y.v, line };
  if (x.t === 'num' && y.t === 'num') return { t: 'num', v: x.v + y.v, line };
  if (x.t === 'list' && y.t === 'list') return { t: 'list', items: [...x.items, ...y.items], line };
  const stringy = (v: V) => v.t === 'str' || v.t === 'path' || v.t === 'concat';
  if (stringy(x) && stringy(y)) {
    const parts = [...(x.t === 'concat' ? x.parts : [x]), ...(y.t === 'concat' ? y.parts : [y])];
    return { t: 'concat', parts, line };
  }
  if (x.t === 'none' || y.t === 'none') return { t: 'unknown', text: 'None +', crash: true, line };
  return { t: 'unknown', text: '+', line };
}

/** A literal string joined before or after a plain variable read, as one read whose set value carries the text. */
function affix(a: V, b: V, line: number): V | undefined {
  const plain = (v: V) => v.t === 'env' && !v.cases && !v.dbUrl && !v.read.presence;
  const joined = (env: Extract<V, { t: 'env' }>, unset: V, prefix = '', suffix = ''): V => {
    // 'x' + os.environ.get('X') fails when X is unset (None + str), as lift() records.
    if (unset.t === 'unknown' && unset.crash && env.unset.t === 'none') markRequired(env.read);
    return {
      ...env,
      // A read that fails when unset (os.environ['X']) still does with text around it.
      unset: env.unset.t === 'unknown' && env.unset.crash ? env.unset : unset,
      prefix: prefix + (env.prefix ?? ''),
      suffix: (env.suffix ?? '') + suffix,
      line,
    };
  };
  if (a.t === 'str' && b.t === 'env' && plain(b)) return joined(b, add(a, b.unset, line), a.v);
  if (b.t === 'str' && a.t === 'env' && plain(a)) return joined(a, add(a.unset, b, line), '', b.v);
  return undefined;
}

function mergeDicts(a: V, b: V, line: number): V {
  if (a.t === 'dict' && b.t === 'dict') {
    const entries = a.entries.filter((e) => !b.entries.some((f) => f.key === e.key));
    return { t: 'dict', entries: [...entries, ...b.entries], line: a.line };
  }
  if (b.t === 'dict' && b.entries.length === 0) return a;
  return { t: 'unknown', text: '.update()', line };
}

function splitPath(s: string): string[] {
  return s.split('/').filter((p) => p !== '' && p !== '.');
}

function appendPath(p: Extract<V, { t: 'path' }>, s: string, line: number): V {
  if (s.startsWith('/'))
    return { t: 'path', base: 'absolute', parts: normalize([], splitPath(s), true), line };
  return { t: 'path', base: p.base, parts: normalize(p.parts, splitPath(s), p.base === 'absolute'), line };
}

function normalize(base: string[], more: string[], absolute: boolean): string[] {
  const out = base.slice();
  for (const part of more) {
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(part);
  }
  return out;
}

function dirname(p: V, line: number): V {
  if (p.t === 'path') return { ...p, parts: normalize(p.parts, ['..'], p.base === 'absolute'), line };
  if (p.t === 'str') {
    const at = p.v.replace(/\/+$/, '').lastIndexOf('/');
    return { t: 'str', v: at < 0 ? '' : at === 0 ? '/' : p.v.slice(0, at), line };
  }
  if (p.t === 'none') return { t: 'unknown', text: 'dirname(None)', crash: true, line };
  return { t: 'unknown', text: 'dirname(…)', line };
}

function relativeParts(from: string[], to: string[]): string[] {
  let i = 0;
  while (i < from.length && i < to.length && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)];
}

/** A string made of a path and literal text after it (`str(BASE_DIR) + '/db.sqlite3'`, f'{BASE_DIR}/x') as a path. */
function concatPath(v: Extract<V, { t: 'concat' }>): Extract<V, { t: 'path' }> | undefined {
  const parts = v.parts.filter((p) => !(p.t === 'str' && p.v === ''));
  const [head, ...rest] = parts;
  if (!head || rest.some((p) => p.t !== 'str')) return undefined;
  const suffix = rest.map((p) => (p as Extract<V, { t: 'str' }>).v).join('');
  if (head.t === 'path') {
    if (suffix !== '' && !suffix.startsWith('/')) return undefined;
    return {
      t: 'path',
      base: head.base,
      parts: normalize(head.parts, splitPath(suffix), head.base === 'absolute'),
      line: v.line,
    };
  }
  return undefined;
}

function renderConcat(v: Extract<V, { t: 'concat' }>): string {
  return v.parts
    .map((p) =>
      p.t === 'str'
        ? p.v
        : p.t === 'path'
          ? [p.base === 'absolute' ? '' : p.base === 'repo' ? '{__file__}' : '{BASE_DIR}', ...p.parts].join(
              '/',
            )
          : '…',
    )
    .join('');
}

function renderUrl(v: V | undefined): string | undefined {
  if (!v) return undefined;
  if (v.t === 'str') return v.v;
  if (v.t === 'concat') return renderConcat(v);
  return undefined;
}

const URL_ENGINES: Record<string, string> = {
  postgres: 'django.db.backends.postgresql',
  postgresql: 'django.db.backends.postgresql',
  pgsql: 'django.db.backends.postgresql',
  psql: 'django.db.backends.postgresql',
  postgis: 'django.contrib.gis.db.backends.postgis',
  mysql: 'django.db.backends.mysql',
  mysql2: 'django.db.backends.mysql',
  mysqlgis: 'django.contrib.gis.db.backends.mysql',
  mariadb: 'django.db.backends.mysql',
  oracle: 'django.db.backends.oracle',
  oraclegis: 'django.contrib.gis.db.backends.oracle',
  mssql: 'mssql',
  cockroach: 'django_cockroachdb',
  timescale: 'timescale.db.backends.postgresql',
  sqlite: 'django.db.backends.sqlite3',
  spatialite: 'django.contrib.gis.db.backends.spatialite',
};

/** A database URL (as dj-database-url and django-environ read it) → the config dict it stands for. */
function parseDbUrl(url: V, line: number, reader: { asPath(v: V | undefined, line: number): V }): V {
  if (url.t === 'env' || url.t === 'choice') return lift(url, (u) => parseDbUrl(u, line, reader));
  if (url.t === 'none') return { t: 'unknown', text: 'parse(None)', crash: true, line };
  if (url.t === 'unknown') return url;
  const head =
    url.t === 'str' ? url.v : url.t === 'concat' && url.parts[0]?.t === 'str' ? url.parts[0].v : undefined;
  if (head === undefined) return { t: 'unknown', text: 'database URL', line };
  const schemeEnd = head.indexOf('://');
  if (schemeEnd < 0) return { t: 'unknown', text: 'database URL', line };
  const scheme = head.slice(0, schemeEnd).toLowerCase().split('+')[0];
  const engine = URL_ENGINES[scheme] ?? scheme;
  const str = (v: string): V => ({ t: 'str', v, line });
  if (scheme === 'sqlite' || scheme === 'spatialite') {
    // sqlite:///relative.db, sqlite:////absolute.db, f'sqlite:///{BASE_DIR / "db.sqlite3"}'
    const after = head.slice(schemeEnd + 3);
    const slash = after.indexOf('/');
    let name: V;
    if (url.t === 'str') {
      const path = slash < 0 ? '' : after.slice(slash + 1);
      name = str(path === '' || path === ':memory:' ? ':memory:' : path);
    } else {
      const rest = (url as Extract<V, { t: 'concat' }>).parts.slice(1);
      const lead = slash < 0 ? '' : after.slice(slash + 1);
      const concat: V = { t: 'concat', parts: [str(lead), ...rest], line };
      const p = concatPath(concat as Extract<V, { t: 'concat' }>);
      name = p ?? { t: 'unknown', text: renderConcat(concat as Extract<V, { t: 'concat' }>), line };
    }
    return {
      t: 'dict',
      entries: [
        { key: 'ENGINE', value: str(engine), line },
        {
          key: 'NAME',
          value: name.t === 'str' && name.v.startsWith('/') ? reader.asPath(name, line) : name,
          line,
        },
      ],
      line,
    };
  }
  if (url.t !== 'str') return { t: 'dict', entries: [{ key: 'ENGINE', value: str(engine), line }], line };
  let parsed: URL;
  try {
    parsed = new URL(`http://${head.slice(schemeEnd + 3)}`);
  } catch {
    return { t: 'dict', entries: [{ key: 'ENGINE', value: str(engine), line }], line };
  }
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const entries: Entry[] = [{ key: 'ENGINE', value: str(engine), line }];
  const name = decode(parsed.pathname.replace(/^\//, ''));
  if (name) entries.push({ key: 'NAME', value: str(name), line });
  if (parsed.username) entries.push({ key: 'USER', value: str(decode(parsed.username)), line });
  if (parsed.password) entries.push({ key: 'PASSWORD', value: str(decode(parsed.password)), line });
  if (parsed.hostname) entries.push({ key: 'HOST', value: str(decode(parsed.hostname)), line });
  if (parsed.port) entries.push({ key: 'PORT', value: { t: 'num', v: Number(parsed.port), line }, line });
  return { t: 'dict', entries, line };
}

function parseNumber(text: string): number | undefined {
  const s = text.replaceAll('_', '').toLowerCase();
  if (s.endsWith('j')) return undefined;
  if (/^0[oO]/.test(s)) return parseInt(s.slice(2), 8);
  if (/^0[bB]/.test(s)) return parseInt(s.slice(2), 2);
  const n = Number(s.endsWith('l') ? s.slice(0, -1) : s);
  return Number.isFinite(n) ? n : undefined;
}

const TRUE_WORDS = ['y', 'yes', 't', 'true', 'on', '1'];
const FALSE_WORDS = ['n', 'no', 'f', 'false', 'off', '0'];

function strtobool(x: V, line: number): V {
  if (x.t !== 'str')
    return x.t === 'none'
      ? { t: 'unknown', text: 'strtobool(None)', crash: true, line }
      : { t: 'unknown', text: 'strtobool', line };
  const s = x.v.trim().toLowerCase();
  if (TRUE_WORDS.includes(s)) return { t: 'num', v: 1, line };
  if (FALSE_WORDS.includes(s)) return { t: 'num', v: 0, line };
  return { t: 'unknown', text: 'ValueError', crash: true, line };
}

function decoupleBool(x: Extract<V, { t: 'str' }>, line: number): V {
  const s = x.v.trim().toLowerCase();
  if (TRUE_WORDS.includes(s)) return { t: 'bool', v: true, line };
  if (FALSE_WORDS.includes(s) || s === '') return { t: 'bool', v: false, line };
  return { t: 'unknown', text: 'ValueError', crash: true, line };
}

function literalEval(x: V, line: number, json: boolean): V {
  if (x.t !== 'str')
    return x.t === 'none'
      ? { t: 'unknown', text: 'eval(None)', crash: true, line }
      : { t: 'unknown', text: 'eval', line };
  const s = x.v.trim();
  const words: Record<string, V> = json
    ? { true: { t: 'bool', v: true, line }, false: { t: 'bool', v: false, line }, null: { t: 'none', line } }
    : { True: { t: 'bool', v: true, line }, False: { t: 'bool', v: false, line }, None: { t: 'none', line } };
  if (words[s]) return words[s];
  if (s !== '' && Number.isFinite(Number(s))) return { t: 'num', v: Number(s), line };
  return { t: 'unknown', text: 'eval', line };
}

function splitCsv(s: string): string[] {
  return s
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function strMethod(o: Extract<V, { t: 'str' }>, method: string, args: Args, line: number): V | undefined {
  const [a0, a1] = args.pos;
  const str = (v: string): V => ({ t: 'str', v, line });
  switch (method) {
    case 'lower':
    case 'casefold':
      return str(o.v.toLowerCase());
    case 'upper':
      return str(o.v.toUpperCase());
    case 'strip':
    case 'lstrip':
    case 'rstrip': {
      if (a0 && a0.t !== 'none') return undefined;
      const v = method === 'strip' ? o.v.trim() : method === 'lstrip' ? o.v.trimStart() : o.v.trimEnd();
      return str(v);
    }
    case 'capitalize':
      return str(o.v.charAt(0).toUpperCase() + o.v.slice(1).toLowerCase());
    case 'title':
      return str(o.v.replace(/\w\S*/g, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()));
    case 'split':
    case 'rsplit': {
      if (a1) return undefined;
      const items =
        !a0 || a0.t === 'none'
          ? o.v.split(/\s+/).filter((p) => p !== '')
          : a0.t === 'str' && a0.v !== ''
            ? o.v.split(a0.v)
            : undefined;
      return items ? { t: 'list', items: items.map(str), line } : undefined;
    }
    case 'startswith':
    case 'endswith':
      if (a0?.t !== 'str') return undefined;
      return { t: 'bool', v: method === 'startswith' ? o.v.startsWith(a0.v) : o.v.endsWith(a0.v), line };
    case 'replace':
      if (a0?.t !== 'str' || a1?.t !== 'str') return undefined;
      return str(o.v.split(a0.v).join(a1.v));
    case 'isdigit':
      return { t: 'bool', v: /^\d+$/.test(o.v), line };
    case 'encode':
    case 'decode':
      return o;
    default:
      return undefined;
  }
}

// -------------------------------------------------------------------- for rules

/**
 * The settings as the running app sees them when the module star-imports others (`from .base import *`): the
 * bases' assignments and reads first, then the module's own. DATABASES is the one the last module to choose the
 * engine builds (by a switch or a URL), else the module's own, else the nearest base's.
 */
export function withBases(settings: SettingsModel, bases: SettingsModel[] = []): SettingsModel {
  if (bases.length === 0) return settings;
  const all = [...bases, settings].reverse();
  const databases =
    all.find((m) => m.databases && m.databases.selection.kind !== 'unknown')?.databases ??
    all.find((m) => m.databases)?.databases;
  return {
    ...settings,
    assignments: [...bases, settings].flatMap((m) => m.assignments),
    envReads: [...bases, settings].flatMap((m) => m.envReads),
    ...(databases ? { databases } : {}),
  };
}

/** The assignments of a setting that may give it its final value. */
export function liveAssignments(model: SettingsModel, name: string): SettingAssignment[] {
  return model.assignments.filter((a) => a.name === name && a.live);
}

/** Follows env fallbacks to what a value is when no environment variable is set; undefined when unknown or None. */
export function valueWhenUnset(v: ValueSource | undefined, depth = 0): ValueSource | undefined {
  if (!v || depth > 20) return undefined;
  if (v.kind === 'env') return valueWhenUnset(v.fallback, depth + 1);
  return v;
}

/** Environment variables the app's container gets from the target stage's ENV and the compose app service. */
export interface ProvidedEnvironment {
  /** Name → value (undefined when provided but not known statically: `${VAR}` unset, `- NAME` pass-through). */
  values: Map<string, string | undefined>;
  /** False when a source could not be read (an env_file that is missing or unreadable), so absence proves nothing. */
  complete: boolean;
  /** Where the names come from, for messages: 'the Dockerfile', "the compose service 'web'". */
  sources: string[];
}

export function providedEnvironment(app: App): ProvidedEnvironment {
  const values = new Map<string, string | undefined>();
  const sources: string[] = [];
  let complete = true;
  const stage = app.dockerfile?.targetStage;
  if (stage) {
    sources.push('the Dockerfile');
    for (const [name, value] of Object.entries(stage.env)) values.set(name, value);
  }
  const service = app.compose?.appService;
  if (service) {
    sources.push(`the compose service '${service.name}'`);
    for (const e of service.environment) values.set(e.name, e.value);
    for (const f of service.envFiles)
      if (!service.environment.some((e) => e.source === 'env_file' && e.file === f.path)) complete = false;
  }
  return { values, complete, sources };
}
