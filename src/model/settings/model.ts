/** The SettingsModel the rules read, built from what an evaluation recorded: assignments, reads, DATABASES, logging. */
import type { OsNames, SettingAssignment, SettingsModel, ValueSource } from '../types/settings.js';
import type { EvalContext, RecordedAssignment } from './context.js';
import { resolveDatabases } from './databases.js';
import type { ModuleEvaluation } from './evaluation.js';
import { concatPath, relativeParts, renderConcat } from './paths.js';
import {
  PROBE_TEXTS,
  truthy,
  type Condition,
  type EnvValueSource,
  type PyOf,
  type PyValue,
} from './value.js';
import { compareText } from '../../util/compare-text.js';

// Values nested deeper than this are reported as unknown.
const MAX_SOURCE_DEPTH = 60;
const MAX_LOGGING_DEPTH = 20;

/** The model of a module whose statements have run, leaving `ctx`. */
export function settingsModelOf(ev: ModuleEvaluation, module: string, ctx: EvalContext): SettingsModel {
  // Without a BASE_DIR from __file__, paths are told from the project's root under another name (ROOT_DIR).
  const baseDirParts = ev.baseDirParts ?? ev.rootDirParts;
  const toSource = (v: PyValue) => valueSource(v, baseDirParts);
  const live = new Set<number>();
  for (const binding of ctx.scope.values()) for (const i of binding.origins) live.add(i);

  // DATABASES first: a server config makes its credential reads required, which the assignments then show.
  const databasesBinding = ctx.scope.get('DATABASES');
  // The first assignment that ran: its file and line go together (origins may come from several modules).
  const databasesOrigin = databasesBinding?.origins.length
    ? ev.recorded[Math.min(...databasesBinding.origins)]
    : undefined;
  // A value imported by name (`from .base import DATABASES`) is written in its own module: it is anchored there.
  const importedFrom =
    databasesOrigin?.v.file !== undefined && databasesOrigin.v.file !== (databasesOrigin.file ?? ev.file)
      ? { file: databasesOrigin.v.file, line: databasesOrigin.v.line }
      : undefined;
  const databasesAt =
    importedFrom ?? defaultReplacedAt(ev, databasesBinding?.v, databasesBinding?.origins) ?? databasesOrigin;
  const databases = databasesAt
    ? resolveDatabases(databasesBinding!.v, databasesAt.line, toSource)
    : undefined;
  if (databases && databasesAt?.file) databases.file = databasesAt.file;
  const assignments: SettingAssignment[] = ev.recorded.map((a, i) => {
    const out: SettingAssignment = { name: a.name, line: a.line, value: toSource(a.v) };
    if (a.endLine !== undefined && a.endLine > a.line) out.endLine = a.endLine;
    if (a.file) out.file = a.file;
    if (a.cond) out.condition = conditionOf(a.cond, a.condText);
    out.live = live.has(i);
    if (a.inBranch) out.inBranch = true;
    if (a.loadedInBranch) out.loadedInBranch = true;
    if (a.branchTest) out.branchTest = a.branchTest;
    if (a.activeWhenUnset !== undefined) out.activeWhenUnset = a.activeWhenUnset;
    return out;
  });

  const model: SettingsModel = {
    file: ev.file,
    module,
    assignments,
    envReads: [],
    logHandlers: logHandlers([loggingSetting(ev, ctx), ...ev.loggingConfigs], ev.file, toSource, ev.texts),
    starImports: ev.starImports,
    dotenvLoads: ev.dotenvLoads,
  };
  if (databases) model.databases = databases;
  model.envReads = ev.reads.map((r) => ({
    ...(r.file ? { file: r.file } : {}),
    variable: r.variable,
    line: r.line,
    required: r.required,
    hasDefault: r.hasDefault,
  }));
  if (ev.envIncludes.length > 0) model.envIncludes = ev.envIncludes;
  if (ev.imported.length > 0) model.mergedModules = [...ev.imported];
  if (ev.starImportEdges.length > 0)
    model.starImportEdges = ev.starImportEdges.map((e) =>
      e.cond ? { from: e.from, to: e.to, when: conditionOf(e.cond, e.condText) } : { from: e.from, to: e.to },
    );
  if (baseDirParts) model.baseDir = baseDirParts.length ? baseDirParts.join('/') : '.';
  const osNames: Record<string, OsNames> = {};
  for (const [file, scope] of [[ev.file, ctx.scope] as const, ...ev.starImportedScopes]) {
    const names = osNamesIn(scope);
    if (names) osNames[file] = names;
  }
  if (Object.keys(osNames).length > 0) model.osNames = osNames;
  return model;
}

/** The names a module's namespace gives `os`, `os.environ` and `os.getenv` (the first of each, in binding order). */
function osNamesIn(scope: EvalContext['scope']): OsNames | undefined {
  const names: OsNames = {};
  const keys = { os: 'os', 'os.environ': 'environ', 'os.getenv': 'getenv' } as const;
  for (const [name, binding] of scope) {
    const v = binding.v;
    const key = v.t === 'ref' ? keys[v.name as keyof typeof keys] : undefined;
    if (key && names[key] === undefined) names[key] = name;
  }
  return Object.keys(names).length > 0 ? names : undefined;
}

/**
 * `DATABASES['default'] = {...}` after the module it star-imports set DATABASES: the assignment that wrote the default
 * config in effect, when it is a later one than the first (a tweak of one key keeps the dict where it was written).
 */
function defaultReplacedAt(
  ev: ModuleEvaluation,
  v: PyValue | undefined,
  origins: number[] | undefined,
): RecordedAssignment | undefined {
  const value = v?.t === 'dict' ? v.entries.find((e) => e.key === 'default')?.value : undefined;
  // A dict, or a URL read with no default (`DATABASES["default"] = env.db("DATABASE_URL")`): one with a dict beneath
  // may be merged into the dict written before (`DATABASES["default"].update(dj_database_url.config())`).
  const isConfig = value?.t === 'dict' || (value?.t === 'env' && value.dbUrl && value.unset.t !== 'dict');
  if (!value || !isConfig || !origins || origins.length < 2) return undefined;
  const file = value.file ?? (value.t === 'env' ? value.read.file : undefined);
  const first = Math.min(...origins);
  const at = origins.find((i) => {
    const a = ev.recorded[i];
    return a.file === file && a.line <= value.line && value.line <= (a.endLine ?? a.line);
  });
  return at === undefined || at === first ? undefined : ev.recorded[at];
}

/** A branch's test as the model reports it; how it tests the variable only when it tests its own text. */
function conditionOf(c: Condition, text: string | undefined): NonNullable<SettingAssignment['condition']> {
  const out: NonNullable<SettingAssignment['condition']> = { variable: c.variable, text: text ?? '' };
  if (c.derivedFrom) return out;
  out.test = c.test;
  if (c.test === 'equals' || c.test === 'not-equals') out.values = c.values ?? [c.value];
  if (c.test === 'set' && c.allOf) out.allOf = c.allOf;
  if (c.test === 'otherwise' && c.excluded) out.excluded = c.excluded;
  return out;
}

/** How a value is obtained, as the model reports it; paths from __file__ are made relative to BASE_DIR. */
function valueSource(v: PyValue, baseDirParts: string[] | undefined, depth = 0): ValueSource {
  const out = valueSourceHere(v, baseDirParts, depth);
  if (v.file && out.file === undefined) out.file = v.file;
  return out;
}

function valueSourceHere(v: PyValue, baseDirParts: string[] | undefined, depth: number): ValueSource {
  const line = v.line;
  const inner = (x: PyValue) => valueSource(x, baseDirParts, depth + 1);
  if (depth > MAX_SOURCE_DEPTH) return { kind: 'unknown', text: '…', line };
  switch (v.t) {
    case 'str':
    case 'num':
    case 'bool':
      return { kind: 'literal', value: v.v, line };
    case 'none':
      return { kind: 'literal', value: null, line };
    case 'list':
      return v.written
        ? {
            kind: 'list',
            items: v.items.map(inner),
            line,
            written: v.written,
            ...(v.bare ? { bare: v.bare } : {}),
          }
        : { kind: 'list', items: v.items.map(inner), line };
    case 'dict':
      return {
        kind: 'dict',
        entries: v.entries.map((e) => ({ key: e.key, value: inner(e.value), line: e.line })),
        line,
      };
    case 'path':
      return pathSource(v, baseDirParts);
    case 'concat': {
      const p = concatPath(v);
      return p ? pathSource(p, baseDirParts) : { kind: 'unknown', text: renderConcat(v), line };
    }
    case 'env':
      return envSource(v, inner);
    case 'choice': {
      const out: ValueSource = { kind: 'choice', options: v.options.map((o) => inner(o.v)), line };
      if (v.decider?.t === 'env') out.decidedBy = inner(v.decider);
      return out;
    }
    case 'ref':
      return { kind: 'unknown', text: v.name, line };
    case 'parents':
    case 'envobj':
    case 'func':
    case 'class':
      return { kind: 'unknown', text: v.t, line };
    case 'unknown':
      return { kind: 'unknown', text: v.text, line };
  }
}

function envSource(v: PyOf<'env'>, inner: (x: PyValue) => ValueSource): ValueSource {
  const out: EnvValueSource = {
    kind: 'env',
    variable: v.read.variable,
    via: v.read.via,
    required: v.read.required,
    line: v.line,
  };
  const fallback = v.unset;
  if (fallback.t !== 'none' && !(fallback.t === 'unknown' && fallback.crash)) out.fallback = inner(fallback);
  if (v.prefix) out.prefix = v.prefix;
  if (v.suffix) out.suffix = v.suffix;
  if (v.whenSet) out.whenSet = v.whenSet;
  if (v.selects) out.selects = v.selects;
  if (v.read.presence || v.presence) out.presence = true;
  if (v.fromFile) out.fromFile = true;
  // a raw text is true for every probe word: nothing to add
  const truths = (v.whenSet ? [] : (v.probes ?? [])).flatMap((p) => {
    const t = truthy(p.v);
    return t === undefined ? [] : [[p.text, t] as const];
  });
  if (truths.length > 0) out.truthWhenSetTo = Object.fromEntries(truths);
  const compared = truths.map(([text]) => text).filter((text) => !PROBE_TEXTS.includes(text));
  if (compared.length > 0) out.comparedWith = compared;
  return out;
}

function pathSource(v: PyOf<'path'>, baseDirParts: string[] | undefined): ValueSource {
  if (v.base === 'absolute') return { kind: 'path', base: 'absolute', parts: v.parts, line: v.line };
  if (v.base === 'BASE_DIR') return { kind: 'path', base: 'BASE_DIR', parts: v.parts, line: v.line };
  if (!baseDirParts) return { kind: 'unknown', text: `${v.parts.join('/')} (from __file__)`, line: v.line };
  return { kind: 'path', base: 'BASE_DIR', parts: relativeParts(baseDirParts, v.parts), line: v.line };
}

/** LOGGING as the module leaves it, with the module that set it (a star-imported one, or this one). */
function loggingSetting(ev: ModuleEvaluation, ctx: EvalContext): { v: PyValue; file: string } | undefined {
  const binding = ctx.scope.get('LOGGING');
  if (!binding) return undefined;
  const origin = binding.origins.map((i) => ev.recorded[i]).find((a) => a.file);
  return { v: binding.v, file: origin?.file ?? ev.file };
}

/** The handler classes of logging configs (LOGGING, dictConfig arguments), in line order per file. */
/**
 * The handler names a dictConfig config sends records to or through: those its `root` and `loggers` list, and those
 * its handlers name (a MemoryHandler's `target`, a QueueHandler's `handlers`). Undefined when a part is not known
 * (built at run time, an incremental config).
 */
function handlerNamesUsed(config: PyOf<'dict'>): Set<string> | undefined {
  const names = new Set<string>();
  const entry = (d: PyOf<'dict'>, key: string) => d.entries.find((e) => e.key === key)?.value;
  const add = (v: PyValue | undefined): boolean => {
    if (v === undefined || v.t === 'none') return true;
    if (v.t === 'str') {
      names.add(v.v);
      return true;
    }
    if (v.t === 'list') return v.items.every(add);
    if (v.t === 'choice') return v.options.every((o) => add(o.v));
    if (v.t === 'env') return add(v.unset) && (v.cases ?? []).every((c) => add(c.v));
    return false;
  };
  const incremental = entry(config, 'incremental');
  if (incremental && !(incremental.t === 'bool' && !incremental.v)) return undefined;
  const root = entry(config, 'root');
  if (root && root.t !== 'none' && (root.t !== 'dict' || !add(entry(root, 'handlers')))) return undefined;
  const loggers = entry(config, 'loggers');
  if (loggers && loggers.t !== 'none') {
    if (loggers.t !== 'dict') return undefined;
    for (const l of loggers.entries)
      if (l.value.t !== 'dict' || !add(entry(l.value, 'handlers'))) return undefined;
  }
  const handlers = entry(config, 'handlers');
  for (const h of handlers?.t === 'dict' ? handlers.entries : [])
    if (h.value.t === 'dict' && !(add(entry(h.value, 'target')) && add(entry(h.value, 'handlers'))))
      return undefined;
  return names;
}

/** Whether `name` is written as a string literal once only in all of `texts`. */
function quotedOnce(name: string, texts: string[]): boolean {
  const quoted = new RegExp(`(['"])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`, 'g');
  return texts.reduce((n, t) => n + (t.match(quoted)?.length ?? 0), 0) === 1;
}

function logHandlers(
  configs: ({ v: PyValue; file: string; callLine?: number } | undefined)[],
  ownFile: string,
  toSource: (v: PyValue) => ValueSource,
  texts: string[],
): SettingsModel['logHandlers'] {
  const out: (SettingsModel['logHandlers'][number] & { file: string })[] = [];
  let file = '';
  let callLine: number | undefined;
  const seen = new Map<string, SettingsModel['logHandlers'][number]>();
  const visitConfig = (v: PyValue, depth: number): void => {
    if (depth > MAX_LOGGING_DEPTH) return;
    if (v.t === 'env') {
      visitConfig(v.unset, depth + 1);
      for (const c of v.cases ?? []) visitConfig(c.v, depth + 1);
    } else if (v.t === 'choice') for (const o of v.options) visitConfig(o.v, depth + 1);
    else if (v.t === 'dict') {
      const handlers = v.entries.find((e) => e.key === 'handlers')?.value;
      if (handlers?.t !== 'dict') return;
      const named = handlerNamesUsed(v);
      for (const h of handlers.entries) {
        if (h.value.t !== 'dict') continue;
        const cls = h.value.entries.find((e) => e.key === 'class');
        if (cls?.value.t !== 'str') continue;
        // A dict built in another module (`LOGGING = logging_config.build()`) carries that module's file.
        const where = cls.value.file ?? file;
        const key = `${where}\0${cls.value.v}\0${cls.line}`;
        // Its name quoted only where it is defined: no code the evaluation cannot follow attaches it either.
        const unused = named !== undefined && !named.has(h.key) && quotedOnce(h.key, texts);
        const earlier = seen.get(key);
        // The same handler in another alternative of the config (`LOGGING = A if X else B`): used if either uses it.
        if (earlier) {
          if (!unused) delete earlier.unreferenced;
          continue;
        }
        // Where a file handler writes: opened when the config is applied, at settings import (unless delay=True).
        const filename = h.value.entries.find((e) => e.key === 'filename')?.value;
        const delay = h.value.entries.find((e) => e.key === 'delay')?.value;
        const handler = {
          className: cls.value.v,
          line: cls.line,
          file: where,
          ...(callLine ? { dictConfigLine: callLine } : {}),
          ...(filename ? { filename: toSource(filename) } : {}),
          ...(delay?.t === 'bool' && delay.v ? { delayed: true } : {}),
          ...(unused ? { unreferenced: { name: h.key } } : {}),
        };
        seen.set(key, handler);
        out.push(handler);
      }
    }
  };
  for (const c of configs) {
    if (!c) continue;
    file = c.file;
    callLine = c.callLine;
    visitConfig(c.v, 0);
  }
  return out
    .sort((a, b) => compareText(a.file, b.file) || a.line - b.line)
    .map(({ file: f, ...h }) => (f === ownFile ? h : { ...h, file: f }));
}
