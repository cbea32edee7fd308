/**
 * pydantic-settings: an instance of a `BaseSettings` subclass (`envs = Settings()`) holds one field per annotated
 * attribute, each read from the environment variable of its name (with the class's `env_prefix`), case-insensitively.
 */
import type { SyntaxNode } from '@lezer/common';
import { childrenOf } from '../../parse/python.js';
import type { EvalContext } from './context.js';
import { callArguments } from './expressions.js';
import type { DictEntry, PyOf, PyValue, VariableRead } from './value.js';

const SETTINGS_BASES = new Set(['pydantic_settings.BaseSettings', 'pydantic.BaseSettings']);
// Deeper class hierarchies than this are not followed.
const MAX_DEPTH = 8;
/** Field options that read another variable than the field's name: such a field is left unknown. */
const RENAMING = /\b(alias|validation_alias|env)\s*=/;

/** Whether the class derives (through any base) from pydantic-settings' BaseSettings. */
export function isPydanticSettings(c: PyOf<'class'>, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  return c.bases.some(
    (b) =>
      (b.t === 'ref' && SETTINGS_BASES.has(b.name)) || (b.t === 'class' && isPydanticSettings(b, depth + 1)),
  );
}

/**
 * `Settings()`: its fields as attributes, each an environment read that falls back to the field's default (a field
 * without one is required: pydantic raises at start when the variable is unset). Undefined when the prefix is not a
 * literal. The reads are not recorded as the module's own: only the values that use them carry them.
 */
export function pydanticSettingsInstance(
  c: PyOf<'class'>,
  ctx: EvalContext,
  line: number,
): PyValue | undefined {
  const classes = lineage(c);
  const prefix = envPrefix(classes, ctx);
  if (prefix === undefined) return undefined;
  const fields = new Map<string, DictEntry>();
  // Bases first, so a subclass's own field replaces its base's.
  for (const k of classes.reverse()) {
    const ev = k.home.ev;
    const at: EvalContext = { ...ctx, scope: k.home.scope };
    for (const stmt of childrenOf(k.body)) {
      if (stmt.name !== 'AssignStatement') continue;
      const kids = childrenOf(stmt);
      if (kids[0]?.name !== 'VariableName' || kids[1]?.name !== 'TypeDef') continue;
      const name = ev.text(kids[0]);
      if (name.startsWith('_') || name === 'model_config') continue;
      const valueNode = kids[2]?.name === 'AssignOp' ? kids[3] : undefined;
      const fieldLine = ev.line(stmt);
      if (valueNode && RENAMING.test(ev.text(valueNode))) {
        fields.set(name, {
          key: name,
          value: { t: 'unknown', text: name, line: fieldLine },
          line: fieldLine,
        });
        continue;
      }
      const fallback = valueNode ? ev.evaluate(valueNode, at) : undefined;
      const read: VariableRead = {
        variable: `${prefix}${name}`.toUpperCase(),
        via: 'pydantic-settings',
        line: fieldLine,
        required: fallback === undefined,
        hasDefault: fallback !== undefined && fallback.t !== 'none',
        guarded: false,
      };
      if (ev.file) read.file = ev.file;
      if (fallback?.t === 'str') read.defaultText = fallback.v;
      const unset: PyValue = fallback ?? {
        t: 'unknown',
        text: `${read.variable} unset`,
        crash: true,
        line: fieldLine,
      };
      fields.set(name, { key: name, value: { t: 'env', read, unset, line: fieldLine }, line: fieldLine });
    }
  }
  return { t: 'dict', entries: [...fields.values()], line, attributes: true };
}

/** The class and its project bases, the class first. */
function lineage(c: PyOf<'class'>, depth = 0): PyOf<'class'>[] {
  if (depth > MAX_DEPTH) return [c];
  const out = [c];
  for (const b of c.bases)
    if (b.t === 'class') for (const x of lineage(b, depth + 1)) if (!out.includes(x)) out.push(x);
  return out;
}

/**
 * The `env_prefix` of `model_config = SettingsConfigDict(env_prefix=…)` or of a `class Config:` (the nearest class's
 * first); '' when none is given, undefined when it is not a literal.
 */
function envPrefix(classes: PyOf<'class'>[], ctx: EvalContext): string | undefined {
  for (const k of classes) {
    const ev = k.home.ev;
    for (const stmt of childrenOf(k.body)) {
      const text = ev.text(stmt);
      if (!/\benv_prefix\b/.test(text)) continue;
      const config = configArguments(stmt, k, ctx);
      const prefix = config?.kw.get('env_prefix');
      if (prefix?.t === 'str') return prefix.v;
      return undefined;
    }
  }
  return '';
}

/** The keyword arguments of `model_config = SettingsConfigDict(…)`, or the assignments of `class Config:`. */
function configArguments(
  stmt: SyntaxNode,
  k: PyOf<'class'>,
  ctx: EvalContext,
): { kw: Map<string, PyValue> } | undefined {
  const ev = k.home.ev;
  const at: EvalContext = { ...ctx, scope: k.home.scope };
  const kids = childrenOf(stmt);
  if (stmt.name === 'AssignStatement' && ev.text(kids[0]) === 'model_config') {
    const call = kids.at(-1);
    const args = call?.name === 'CallExpression' ? childrenOf(call)[1] : undefined;
    return args?.name === 'ArgList' ? callArguments(ev, args, at) : undefined;
  }
  if (stmt.name !== 'ClassDefinition') return undefined;
  const body = kids.find((c) => c.name === 'Body');
  const kw = new Map<string, PyValue>();
  for (const s of body ? childrenOf(body) : []) {
    const parts = childrenOf(s);
    if (s.name === 'AssignStatement' && parts[0]?.name === 'VariableName' && parts.at(-1))
      kw.set(ev.text(parts[0]), ev.evaluate(parts.at(-1)!, at));
  }
  return { kw };
}
