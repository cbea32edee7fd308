/** Docker's variable substitution in instruction arguments, over what each variable is worth at that point. */

/** What a variable is worth at some point of the build. */
export type VarState =
  { kind: 'value'; value: string } | { kind: 'unset' } | { kind: 'absent' } | { kind: 'unknown' };
export type Lookup = (name: string) => VarState;
export const UNKNOWN: VarState = { kind: 'unknown' };
export const UNSET: VarState = { kind: 'unset' };
/** Declared nowhere, not even by the base image: it expands to nothing, and no `--build-arg` can change that. */
export const ABSENT: VarState = { kind: 'absent' };

/**
 * Docker's word processing for one word: quote removal, escapes and `$VAR`, `${VAR}`, `${VAR:-x}`, `${VAR-x}`,
 * `${VAR:+x}`, `${VAR+x}`. Undefined when a variable it needs has no known value, except a plain reference to one
 * `inherited` says the base image may set (the same value all through the stage): that one is written `${NAME}`,
 * so two paths built on it compare as text.
 */
export function expand(
  raw: string,
  lookup: Lookup,
  escape = '\\',
  inherited?: (name: string) => boolean,
): string | undefined {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else out += c;
      continue;
    }
    if (c === escape && i + 1 < raw.length) {
      const next = raw[i + 1];
      if (quote === '"' && next !== '"' && next !== '$' && next !== escape) {
        out += c; // inside double quotes the escape only protects ", $ and itself
        continue;
      }
      out += next;
      i++;
      continue;
    }
    if (c === '"' || (c === "'" && !quote)) {
      quote = quote === c ? undefined : c;
      continue;
    }
    if (c === '$') {
      const parsed = variableAt(raw, i);
      if (!parsed) {
        out += c;
        continue;
      }
      const symbolic = parsed.op === undefined && parsed.name !== '' && inherited?.(parsed.name);
      const value =
        substitute(parsed, lookup, escape) ??
        (symbolic && lookup(parsed.name).kind === 'unknown' ? `\${${parsed.name}}` : undefined);
      if (value === undefined) return undefined;
      out += value;
      i = parsed.end - 1;
      continue;
    }
    out += c;
  }
  return out;
}

interface VariableRef {
  name: string;
  op?: string; // ':-', '-', ':+', '+', ':?', '?', or an unsupported operator
  word?: string;
  end: number; // index after the reference
}

function variableAt(s: string, i: number): VariableRef | undefined {
  if (s[i + 1] === '{') {
    let depth = 1;
    let j = i + 2;
    while (j < s.length && depth > 0) {
      if (s[j] === '{') depth++;
      else if (s[j] === '}') depth--;
      j++;
    }
    if (depth > 0) return undefined;
    const inner = s.slice(i + 2, j - 1);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?]|[#%/^,:]+)([\s\S]*))?$/.exec(inner);
    if (!m) return { name: '', op: '?unsupported', end: j };
    return { name: m[1], ...(m[2] ? { op: m[2], word: m[3] ?? '' } : {}), end: j };
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1));
  return m ? { name: m[0], end: i + 1 + m[0].length } : undefined;
}

function substitute(ref: VariableRef, lookup: Lookup, escape: string): string | undefined {
  const state = ref.name ? lookup(ref.name) : UNKNOWN;
  const set = state.kind === 'value';
  const nonEmpty = set && state.value !== '';
  const word = (): string | undefined => expand(ref.word ?? '', lookup, escape);
  switch (ref.op) {
    case undefined:
      return set ? state.value : state.kind === 'absent' ? '' : undefined;
    case ':-':
      return state.kind === 'unknown' ? undefined : nonEmpty ? state.value : word();
    case '-':
      return state.kind === 'unknown' ? undefined : set ? state.value : word();
    case ':+':
      return state.kind === 'unknown' ? undefined : nonEmpty ? word() : '';
    case '+':
      return state.kind === 'unknown' ? undefined : set ? word() : '';
    case ':?':
    case '?':
      return set ? state.value : undefined;
    default:
      return undefined;
  }
}
