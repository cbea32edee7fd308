/**
 * django-configurations: settings written as attributes of a class (`class Prod(Base, DatabaseMixin)`) that
 * DJANGO_CONFIGURATION selects, and its `values.*Value(...)` that read `DJANGO_<NAME>` with a default.
 */
import type { SyntaxNode } from '@lezer/common';
import { childrenOf } from '../../parse/python.js';
import { callBuiltin } from './builtins.js';
import type { Binding, EvalContext, LibraryCall } from './context.js';
import { parseDatabaseUrl } from './dj-database-url.js';
import { asText, readVariable } from './environ.js';
import { stampFile, type ModuleEvaluation } from './evaluation.js';
import { callArguments } from './expressions.js';
import { lift, type CallArgs, type PyOf, type PyValue } from './value.js';

/** The base every configuration class derives from. */
const CONFIGURATION_BASES = new Set(['configurations.Configuration', 'configurations.base.Configuration']);
/** Names that are settings (Django reads only upper-case attributes). */
const SETTING_NAME = /^[A-Z][A-Z0-9_]*$/;
// Deeper class hierarchies than this are not followed.
const MAX_BASES_DEPTH = 16;

/** `class Name(Base, Mixin): body` at module level: a class value with its bases and body; elsewhere, unknown. */
export function defineClass(ev: ModuleEvaluation, node: SyntaxNode, ctx: EvalContext): void {
  const kids = childrenOf(node);
  const name = kids.find((c) => c.name === 'VariableName');
  if (!name) return;
  const argList = kids.find((c) => c.name === 'ArgList');
  const body = kids.find((c) => c.name === 'Body');
  const v: PyValue =
    body && !ctx.inFunction
      ? {
          t: 'class',
          name: ev.text(name),
          bases: argList ? callArguments(ev, argList, ctx).pos : [],
          body,
          line: ev.line(node),
          home: { ev, scope: ctx.scope },
        }
      : ev.unknown(node);
  ctx.scope.set(ev.text(name), { v, origins: [] });
}

/**
 * The class's method resolution order by Python's C3 linearization (depth-first left-to-right when the bases
 * cannot be merged); bases that are not classes of the project (`Configuration`, `object`) are left out.
 */
export function methodResolutionOrder(c: PyOf<'class'>, depth = 0): PyOf<'class'>[] {
  const bases = c.bases.filter((b): b is PyOf<'class'> => b.t === 'class');
  if (depth > MAX_BASES_DEPTH) return [c];
  const lists = [...bases.map((b) => methodResolutionOrder(b, depth + 1)), bases];
  const merged: PyOf<'class'>[] = [];
  const pending = lists.map((l) => [...l]).filter((l) => l.length > 0);
  while (pending.length > 0) {
    const head = pending.map((l) => l[0]).find((h) => !pending.some((l) => l.indexOf(h) > 0));
    if (!head) return [c, ...depthFirst(bases, depth)];
    merged.push(head);
    for (const l of pending) if (l[0] === head) l.shift();
    for (let i = pending.length - 1; i >= 0; i--) if (pending[i].length === 0) pending.splice(i, 1);
  }
  return [c, ...merged];
}

function depthFirst(bases: PyOf<'class'>[], depth: number): PyOf<'class'>[] {
  const out: PyOf<'class'>[] = [];
  for (const b of bases)
    for (const x of methodResolutionOrder(b, depth + 1)) if (!out.includes(x)) out.push(x);
  return out;
}

/** Whether the class derives (through any base) from django-configurations' Configuration. */
export function isConfiguration(c: PyOf<'class'>, depth = 0): boolean {
  if (depth > MAX_BASES_DEPTH) return false;
  return c.bases.some(
    (b) =>
      (b.t === 'ref' && CONFIGURATION_BASES.has(b.name)) ||
      (b.t === 'class' && isConfiguration(b, depth + 1)),
  );
}

/**
 * The configuration class Django runs: the one DJANGO_CONFIGURATION names in the container (else the default
 * manage.py sets), or the only configuration class when nothing names one. Undefined when there is none to choose.
 */
export function selectedConfiguration(
  ctx: EvalContext,
  named: string | null | undefined,
  fallback: string | undefined,
): PyOf<'class'> | undefined {
  const classes = [...ctx.scope.entries()].filter(
    (e): e is [string, { v: PyOf<'class'>; origins: number[] }] =>
      e[1].v.t === 'class' && isConfiguration(e[1].v),
  );
  const name = typeof named === 'string' ? named : fallback;
  if (name !== undefined) return classes.find(([n]) => n === name)?.[1].v;
  const distinct = new Set(classes.map(([, b]) => b.v));
  return distinct.size === 1 ? [...distinct][0] : undefined;
}

/**
 * Runs the bodies of the selected class and its bases (bases first, so the class's own attributes win, as Python
 * looks them up): each attribute becomes a setting of the module, recorded at the line that sets it.
 */
export function applyConfiguration(top: ModuleEvaluation, ctx: EvalContext, selected: PyOf<'class'>): void {
  const order = methodResolutionOrder(selected).reverse();
  const attributes = new Map<string, Binding>();
  for (const c of order) {
    const home = c.home.ev;
    const ev = home.file === top.file ? top : top.sharing(home.file, home.py);
    const scope = new Map(c.home.scope);
    for (const [name, binding] of attributes) scope.set(name, binding);
    const before = new Map(scope);
    const classCtx: EvalContext = { ...ctx, scope, guarded: new Set(ctx.guarded) };
    const start = top.reads.length;
    for (const stmt of childrenOf(c.body)) {
      if (stmt.name === ':') continue;
      classCtx.classAttribute = attributeOf(ev, stmt);
      ev.executeOrSkip(stmt, classCtx);
    }
    delete classCtx.classAttribute;
    if (ev !== top) for (const r of top.reads.slice(start)) r.file ??= ev.file;
    for (const [name, binding] of scope) {
      if (before.get(name) === binding || !SETTING_NAME.test(name)) continue;
      if (ev !== top) stampFile(binding.v, ev.file);
      attributes.set(name, binding);
    }
  }
  for (const [name, binding] of attributes) ctx.scope.set(name, binding);
}

/** The attribute a statement of a class body assigns (`DEBUG = values.BooleanValue(True)`), when it is one name. */
function attributeOf(ev: ModuleEvaluation, stmt: SyntaxNode): string | undefined {
  if (stmt.name !== 'AssignStatement') return undefined;
  const kids = childrenOf(stmt);
  return kids[0]?.name === 'VariableName' && kids[1]?.name === 'AssignOp' ? ev.text(kids[0]) : undefined;
}

/** How a value class reads its variable: where its name comes from, and what its text becomes. */
interface ValueKind {
  /** A fixed variable name, without prefix (DatabaseURLValue reads DATABASE_URL). */
  environName?: string;
  cast: (x: PyValue, line: number) => PyValue;
  /** Whether the default is itself parsed like the variable's text (a database URL). */
  /** A backend's URL (DatabaseURLValue): the value is `{'default': <the URL parsed>}`. */
  backend?: 'database' | 'other';
  required?: boolean;
}

const text = (x: PyValue): PyValue => x;
const VALUE_KINDS: Record<string, ValueKind> = {
  Value: { cast: text },
  BooleanValue: { cast: booleanOf },
  IntegerValue: { cast: (x, line) => callBuiltin('builtins.int', x, line) },
  FloatValue: { cast: (x, line) => callBuiltin('builtins.float', x, line) },
  ListValue: { cast: sequenceOf('list') },
  TupleValue: { cast: sequenceOf('tuple') },
  SetValue: { cast: sequenceOf('set') },
  EmailValue: { cast: text },
  URLValue: { cast: text },
  IPValue: { cast: text },
  RegexValue: { cast: text },
  PathValue: { cast: text },
  SecretValue: { cast: text, required: true },
  DatabaseURLValue: { environName: 'DATABASE_URL', cast: text, backend: 'database' },
  CacheURLValue: { environName: 'CACHE_URL', cast: text, backend: 'other' },
  SearchURLValue: { environName: 'SEARCH_URL', cast: text, backend: 'other' },
  EmailURLValue: { environName: 'EMAIL_URL', cast: text },
};

/**
 * `values.BooleanValue(True)` as the attribute `DEBUG` of a configuration class: a read of `DJANGO_DEBUG` (or the
 * `environ_name`/`environ_prefix` given), its text cast as the value class does, the default when it is unset.
 */
export const callConfigurationsValue: LibraryCall = (recorder, ctx, name, args, line) => {
  const match = /^configurations\.values\.(\w+)$/.exec(name);
  const kind = match ? VALUE_KINDS[match[1]] : undefined;
  const attribute = ctx.classAttribute;
  if (!kind || !attribute) return undefined;
  const fallback = args.kw.get('default') ?? args.pos[0];
  const environ = args.kw.get('environ');
  if (!kind.required && environ?.t === 'bool' && !environ.v) return fallback ?? { t: 'none', line };
  const variable = environName(kind, attribute, args);
  if (!variable) return undefined;
  const read = readVariable(recorder.reads, ctx, {
    variable,
    via: kind.backend === 'database' ? 'dj-database-url' : 'other',
    ...(fallback && fallback.t !== 'none' ? { fallback } : {}),
    line,
    failsWhenUnset: kind.required === true || isTrue(args.kw.get('environ_required')),
  });
  if (read.t !== 'env') return read;
  if (kind.backend) {
    const url: PyValue =
      kind.backend === 'database'
        ? { ...read, unset: parseDatabaseUrl(read.unset, line), dbUrl: true }
        : { ...read, unset: { t: 'unknown', text: 'parsed URL', line } };
    return { t: 'dict', entries: [{ key: 'default', value: url, line }], line };
  }
  return lift(asText(read), (x) => kind.cast(x, line));
};

/** The variable a value reads: `environ_name` (else the attribute's name), after `environ_prefix` (else DJANGO). */
function environName(kind: ValueKind, attribute: string, args: CallArgs): string | undefined {
  const given = args.kw.get('environ_name');
  const prefixArg = args.kw.get('environ_prefix');
  if ((given && given.t !== 'str') || (prefixArg && prefixArg.t !== 'str' && prefixArg.t !== 'none'))
    return undefined;
  const base = given?.v ?? kind.environName ?? attribute.toUpperCase();
  const prefix = prefixArg ? (prefixArg.t === 'str' ? prefixArg.v : '') : kind.environName ? '' : 'DJANGO';
  const trimmed = prefix.endsWith('_') ? prefix.slice(0, -1) : prefix;
  return trimmed ? `${trimmed}_${base}` : base;
}

function isTrue(v: PyValue | undefined): boolean {
  return v?.t === 'bool' && v.v;
}

/** BooleanValue's reading of a text: its true and false words, else a ValueError. */
function booleanOf(x: PyValue, line: number): PyValue {
  if (x.t !== 'str') return x;
  const s = x.v.trim().toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(s)) return { t: 'bool', v: true, line };
  if (['no', 'n', 'false', '0', ''].includes(s)) return { t: 'bool', v: false, line };
  return { t: 'unknown', text: 'ValueError', crash: true, line };
}

function sequenceOf(written: 'list' | 'tuple' | 'set'): (x: PyValue, line: number) => PyValue {
  return (x, line) =>
    x.t === 'str'
      ? {
          t: 'list',
          items: x.v
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '')
            .map((s): PyValue => ({ t: 'str', v: s, line })),
          line,
          written,
        }
      : x;
}
