/** The value domain of the settings evaluator: what a Python expression evaluates to, and three-valued truth. */
import type { SyntaxNode } from '@lezer/common';
import type { ValueSource } from '../types/settings.js';
import type { Scope } from './context.js';
import type { ModuleEvaluation } from './evaluation.js';

export type EnvValueSource = Extract<ValueSource, { kind: 'env' }>;
/** How a variable is read (`os.environ[...]`, `os.getenv`, django-environ, ...), as the model reports it. */
export type ReadVia = EnvValueSource['via'];
/** True, false, or not known statically (undefined). */
export type Truth = boolean | undefined;

/** One read of an environment variable, as the model reports it; `required` may be raised by later use. */
export interface VariableRead {
  /** The module it is in, when not the settings module itself (a module it star-imports). */
  file?: string;
  variable: string;
  via: ReadVia;
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

export interface DictEntry {
  key: string;
  value: PyValue;
  line: number;
}

/** A test on an environment variable that decides a branch: `if os.environ.get('DB') == 'postgres':`. */
export interface Condition {
  /** The module the test is in, when not the settings module itself (a module it star-imports). */
  file?: string;
  variable: string;
  value: string;
  test: 'equals' | 'not-equals' | 'set' | 'unset' | 'otherwise';
  /** Every value an `X in ("a", "b")` test names, when it names several (`value` is the first). */
  values?: string[];
  line: number;
  /** The test is on a value computed from the variable (`urlparse(X).scheme == 'sqlite'`), so it names no value of it. */
  derivedFrom?: VariableRead;
  /** A truth test of `all([A, B, C])`: true only when every one of these variables is set (`variable` is the first). */
  allOf?: string[];
  /** An `otherwise` after `equals` tests only: the values those name, for which it is not taken. */
  excluded?: string[];
}

/** One value a name may have after branches, with the condition that gives it. */
export interface Alternative {
  v: PyValue;
  when?: Condition;
  activeWhenUnset?: boolean;
  /** Chosen by a test the analysis cannot follow: a setting read back through `django.conf.settings`. */
  untraced?: boolean;
}

/**
 * What an expression evaluates to, as far as static reading can tell. Env-derived values carry `unset`: the value the
 * expression takes when the variable is not set, so `os.environ.get('DEBUG', 'False') == 'True'` is known to be False
 * by default.
 */
export type PyValue = (
  | { t: 'str'; v: string; line: number }
  | { t: 'num'; v: number; line: number }
  | { t: 'bool'; v: boolean; line: number }
  | { t: 'none'; line: number }
  /** `written`: the brackets of the literal (a bare `a, b` is a tuple); unset when built otherwise. */
  | { t: 'list'; items: PyValue[]; line: number; written?: 'tuple' | 'list' | 'set'; bare?: true }
  /**
   * `attributes`: a parse result (urllib's named tuple) whose entries are read as attributes (`url.scheme`).
   * `complete`: a literal whose every key is known (no `**` spread, no computed key): a key it lacks is absent.
   */
  | { t: 'dict'; entries: DictEntry[]; line: number; attributes?: boolean; complete?: true }
  /** repo: relative to the scanned directory (from __file__); BASE_DIR: symbolic, when BASE_DIR comes from elsewhere. */
  | { t: 'path'; base: 'repo' | 'BASE_DIR' | 'absolute'; parts: string[]; line: number }
  /** A string built from literal text and paths: f'sqlite:///{BASE_DIR}/db.sqlite3'. */
  | { t: 'concat'; parts: PyValue[]; line: number }
  | {
      t: 'env';
      read: VariableRead;
      unset: PyValue;
      /** A table indexed by the variable's value: DBS[os.environ.get('DB_ENGINE', 'sqlite')]. */
      cases?: { value: string; v: PyValue }[];
      /** The key the table is indexed with when the variable is unset. */
      unsetKey?: string;
      /** A database URL read (dj-database-url, env.db()): unset is the config dict of the default URL. */
      dbUrl?: boolean;
      /** ENGINE written over the URL's in code (`DATABASES['default']['ENGINE'] = '…postgresql'`): the literal, last one. */
      engineOverride?: PyOf<'str'>;
      /** Text joined to the variable's value when it is set: 'django.db.backends.' + os.environ['DB_ENGINE']. */
      prefix?: string;
      suffix?: string;
      /** The value's shape when the variable is set: its text itself, or bool() of that text (true unless empty). */
      whenSet?: 'text' | 'truth-of-text';
      /** The value when the variable is set to one of a few common words (PROBE_TEXTS), where that is known. */
      probes?: { text: string; v: PyValue }[];
      /** `all([A, B, C])` of plain reads: the value is true only when every one of these variables is set. */
      allOf?: string[];
      /** Other variables the value is read from when this one is set: this one only selects between values. */
      selects?: string[];
      /** A part of the variable's text or a value computed from it (urlparse(X).scheme), not the text itself. */
      derived?: boolean;
      /** The content of the file the variable names (a Docker secret, `X_FILE=/run/secrets/x`), not its text. */
      fromFile?: boolean;
      /** Computed only from whether the variable is set (`os.getenv('X') is not None`), never from its text. */
      presence?: boolean;
      /** The `if "X" in os.environ:` test that picks this read over the value written before it (its fallback). */
      chosenAt?: { line: number; file?: string };
      line: number;
    }
  /**
   * `decider`: the same alternatives as a read of the one variable whose truth picks between them (`"1" if X else
   * "0"`), so what X's absence or value selects is known.
   */
  | { t: 'choice'; options: Alternative[]; line: number; decider?: PyValue }
  /** A name of a module or library object: 'os.environ', 'dj_database_url.config', 'builtins.str'. */
  | { t: 'ref'; name: string; line: number }
  | { t: 'parents'; of: PyValue; line: number }
  /** A django-environ `Env` object, with the casts and defaults given to its constructor. */
  | {
      t: 'envobj';
      scheme: Map<string, { cast?: string; def?: PyValue }>;
      line: number;
      /** environs' Env: the second positional argument of every read is the default (django-environ's is the cast). */
      positionalDefault?: boolean;
    }
  /** A module-level helper (`def env_bool(name, default=False): ...`), evaluated at each call. */
  | {
      t: 'func';
      /** `star`: `*args`, the positional arguments left over, as a tuple (parameters after it are keyword-only). */
      params: { name: string; def?: PyValue; star?: true }[];
      body: SyntaxNode;
      line: number;
      /** Defined in another module of the project (`from .secrets import getter`): its evaluation and names. */
      home?: { ev: ModuleEvaluation; scope: Scope };
    }
  /** A class of the module (django-configurations' settings): its bases and body, run when it is the one selected. */
  | {
      t: 'class';
      name: string;
      bases: PyValue[];
      body: SyntaxNode;
      line: number;
      home: { ev: ModuleEvaluation; scope: Scope };
    }
  /** Not known statically; `crash` when evaluating it would raise (None.attr, int('x'), a missing variable). */
  | { t: 'unknown'; text: string; crash?: boolean; line: number }
) & {
  /** The module that wrote it, when not the settings module itself (a module it star-imports). */
  file?: string;
};

/** The variant of PyValue with tag T. */
export type PyOf<T extends PyValue['t']> = Extract<PyValue, { t: T }>;

/** Positional and keyword arguments of a call, evaluated. */
export interface CallArgs {
  pos: PyValue[];
  kw: Map<string, PyValue>;
}

// More alternatives than this for one name are not followed (the value becomes unknown).
const MAX_OPTIONS = 16;
/** Longest source text kept in an unknown value. */
export const MAX_TEXT = 160;

export function truthAnd(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return undefined;
}

export function truthOr(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  if (a === false && b === false) return false;
  return undefined;
}

export function truthNot(a: Truth): Truth {
  return a === undefined ? undefined : !a;
}

export function markRequired(read: VariableRead): void {
  if (!read.guarded) read.required = true;
}

/** A value that must not be None: env reads without default that feed it become required. */
export function requireValue(v: PyValue): void {
  if (v.t === 'env') {
    // None computed from a set variable (urlparse(X).password) is not the variable missing
    if (v.unset.t === 'none') {
      if (!v.derived) markRequired(v.read);
    } else requireValue(v.unset);
  } else if (v.t === 'choice') for (const o of v.options) requireValue(o.v);
}

export function negateCondition(c: Condition): Condition | undefined {
  const flip: Partial<Record<Condition['test'], Condition['test']>> = {
    equals: 'not-equals',
    'not-equals': 'equals',
    set: 'unset',
    unset: 'set',
  };
  const test = flip[c.test];
  return test ? { ...c, test } : undefined;
}

/** An env-derived value (or the env options of a choice) marked as computed from the variable's text. */
export function derive(v: PyValue): PyValue {
  if (v.t === 'env') return v.derived ? v : { ...v, derived: true };
  if (v.t === 'choice') return { ...v, options: v.options.map((o) => ({ ...o, v: derive(o.v) })) };
  return v;
}

/** The condition of an else branch (or of falling through an if without else). */
export function otherwiseCondition(previous: Condition[] | undefined, line: number): Condition | undefined {
  if (!previous || previous.length === 0) return undefined;
  if (previous.length === 1) return negateCondition(previous[0]);
  const variable = previous[0].variable;
  if (!previous.every((c) => c.variable === variable)) return undefined;
  const derivedFrom = previous.find((c) => c.derivedFrom)?.derivedFrom;
  const excluded = previous.every((c) => c.test === 'equals')
    ? previous.flatMap((c) => c.values ?? [c.value])
    : undefined;
  return {
    variable,
    value: '',
    test: 'otherwise',
    line,
    ...(derivedFrom ? { derivedFrom } : {}),
    ...(excluded ? { excluded } : {}),
  };
}

/** Texts a variable read is also evaluated with, so the value an image's `ENV DEBUG=1` gives is known. */
export const PROBE_TEXTS = [
  '1',
  '0',
  'true',
  'false',
  'True',
  'False',
  'TRUE',
  'FALSE',
  'yes',
  'no',
  'on',
  'off',
];

/** The probes of a plain read: the variable's text itself for each probe word. */
export function textProbes(line: number): { text: string; v: PyValue }[] {
  return PROBE_TEXTS.map((text) => ({ text, v: { t: 'str', v: text, line } }));
}

/** Applies f through env-derived values (to the unset value and each case) and alternatives. */
export function lift(v: PyValue, f: (x: PyValue) => PyValue): PyValue {
  if (v.t === 'env') {
    const unset = lift(v.unset, f);
    if (unset.t === 'unknown' && unset.crash && v.unset.t === 'none' && !v.derived) markRequired(v.read);
    const out: PyValue = { t: 'env', read: v.read, unset, line: v.line };
    if (v.derived) out.derived = true;
    if (v.fromFile) out.fromFile = true;
    if (v.presence) out.presence = true;
    if (v.chosenAt) out.chosenAt = v.chosenAt;
    // Only scalar results are kept: a probe that meets another read would multiply the work.
    const mapped = v.probes?.map((p) => ({ text: p.text, v: f(p.v) })) ?? [];
    const probes = mapped.filter((p) => isScalarValue(p.v));
    if (probes.length) out.probes = probes;
    const selects = new Set(v.selects);
    for (const p of mapped)
      if (p.v.t === 'env' && p.v.read.variable !== v.read.variable) selects.add(p.v.read.variable);
    if (selects.size > 0) out.selects = [...selects];
    // A URL config stays one when only its dict changes (DATABASES['default']['ATOMIC_REQUESTS'] = True).
    if (v.dbUrl && unset.t === 'dict') out.dbUrl = true;
    if (out.dbUrl && v.engineOverride) out.engineOverride = v.engineOverride;
    if (v.cases) {
      out.cases = v.cases.map((c) => ({ value: c.value, v: lift(c.v, f) }));
      if (v.unsetKey !== undefined) out.unsetKey = v.unsetKey;
    }
    return out;
  }
  if (v.t === 'choice') {
    const out = choice(
      v.options.map((o) => ({ ...o, v: lift(o.v, f) })),
      v.line,
    );
    if (v.decider && out.t === 'choice' && out.options.length === v.options.length)
      out.decider = lift(v.decider, f);
    return out;
  }
  return f(v);
}

function isScalarValue(v: PyValue): boolean {
  return v.t === 'str' || v.t === 'num' || v.t === 'bool' || v.t === 'none';
}

/** Alternatives as one value, nested ones flattened. */
export function choice(options: Alternative[], line: number): PyValue {
  const flat: Alternative[] = [];
  for (const o of options) {
    if (o.v.t === 'choice')
      for (const inner of o.v.options)
        flat.push({
          v: inner.v,
          when: inner.when ?? o.when,
          activeWhenUnset: truthAnd(o.activeWhenUnset, inner.activeWhenUnset),
          ...(o.untraced || inner.untraced ? { untraced: true } : {}),
        });
    else flat.push(o);
  }
  if (flat.length > MAX_OPTIONS) return { t: 'unknown', text: 'too many alternatives', line };
  return { t: 'choice', options: flat, line };
}

/** Python truthiness, as far as it is known when no environment variable is set. */
export function truthy(v: PyValue): Truth {
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

/** `not x`, unknown when x's truth is. */
export function notValue(x: PyValue, line: number): PyValue {
  const t = truthy(x);
  return t === undefined ? { t: 'unknown', text: 'not …', line } : { t: 'bool', v: !t, line };
}
