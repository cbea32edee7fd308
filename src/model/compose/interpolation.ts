/** Compose variable interpolation and `.env` files: pure text → text. */
import { LINES } from '../../util/lines.js';

type Env = Record<string, string>;

/**
 * Compose interpolation: `${VAR}`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?e}`, `${VAR?e}`, `${VAR:+r}`, `${VAR+r}`, `$VAR`,
 * `$$` for a literal `$`. Unset variables become '' as in compose (`unset` then says so); `${VAR:?err}` does not fail here because the
 * variable may well be set where the stack is deployed.
 */
export function interpolate(
  raw: string,
  env: Env,
): { value: string; interpolated: boolean; unset?: true; unsetNames?: string[] } {
  let out = '';
  let interpolated = false;
  // A variable with no default that is not set: the value is then shown as written, never as ''.
  let unset = false;
  // The plain `${VAR}` / `$VAR` left unset, which compose fills with '' (a `?` form stops compose instead).
  const unsetNames: string[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = raw[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const end = matchingBrace(raw, i + 1);
      const m =
        end < 0 ? null : /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(raw.slice(i + 2, end));
      if (!m) {
        out += c; // not a valid expression: compose would refuse it, keep it literal
        i++;
        continue;
      }
      interpolated = true;
      const name = m[1]!;
      const op = m[2];
      const isSet = Object.prototype.hasOwnProperty.call(env, name);
      const val = isSet ? env[name]! : '';
      const present = op?.startsWith(':') ? val !== '' : isSet;
      const arg = (): string => {
        const r = interpolate(m[3] ?? '', env);
        if (r.unset) unset = true;
        unsetNames.push(...(r.unsetNames ?? []));
        return r.value;
      };
      if (op === undefined || op.endsWith('?')) {
        out += val;
        if (!isSet) unset = true;
        if (!isSet && op === undefined) unsetNames.push(name);
      } else if (op.endsWith('-')) out += present ? val : arg();
      else out += present ? arg() : '';
      i = end + 1;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1));
    if (name) {
      interpolated = true;
      if (Object.prototype.hasOwnProperty.call(env, name[0])) out += env[name[0]];
      else {
        unset = true;
        unsetNames.push(name[0]);
      }
      i += 1 + name[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return {
    value: out,
    interpolated,
    ...(unset ? { unset: true as const } : {}),
    ...(unsetNames.length > 0 ? { unsetNames: [...new Set(unsetNames)] } : {}),
  };
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `.env` / env_file text → entries with lines. `KEY` alone has no value. */
export function parseDotenv(text: string): { name: string; value?: string; line: number }[] {
  const out: { name: string; value?: string; line: number }[] = [];
  text.split(LINES).forEach((rawLine, i) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!m) return;
    let value = m[2];
    if (value !== undefined) {
      const q = value[0];
      if ((q === '"' || q === "'") && value.lastIndexOf(q) > 0) value = value.slice(1, value.lastIndexOf(q));
      else value = value.replace(/\s+#.*$/, '').trim();
    }
    out.push({ name: m[1]!, value, line: i + 1 });
  });
  return out;
}

/**
 * What an interpolated compose value becomes when none of its variables is set where the stack runs, provided every
 * one has a default (`${DEBUG:-true}` → 'true'); undefined when one has none (the value is the deployer's).
 */
export function interpolationDefault(raw: string): { value: string; variables: string[] } | undefined {
  const r = interpolate(raw, {});
  if (!r.interpolated || r.unset) return undefined;
  const variables = [...raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
  return { value: r.value, variables: [...new Set(variables)] };
}
