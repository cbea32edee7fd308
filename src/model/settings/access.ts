/** Attribute access, subscripts and item assignment on evaluated values (`x.parent`, `DBS[key]`, `D['a'] = v`). */
import { platformConstant } from './container-platform.js';
import { DJANGO_SETTINGS } from './django-settings.js';
import { ancestor, pathAttribute } from './paths.js';
import { derive, lift, markRequired, type PyOf, type PyValue } from './value.js';

export function attribute(o: PyValue, prop: string, line: number): PyValue {
  // `from django.conf import settings` in a settings module: `settings.X` is what the module (or the environment, by
  // a `globals()` update) has set so far, else Django's default: not known here.
  if (o.t === 'ref' && o.name === DJANGO_SETTINGS) return { t: 'unknown', text: `settings.${prop}`, line };
  if (o.t === 'ref')
    return platformConstant(`${o.name}.${prop}`, line) ?? { t: 'ref', name: `${o.name}.${prop}`, line };
  if (o.t === 'env' || o.t === 'choice') return derive(lift(o, (x) => attribute(x, prop, line)));
  if (o.t === 'dict' && o.attributes)
    return o.entries.find((e) => e.key === prop)?.value ?? { t: 'unknown', text: `….${prop}`, line };
  if (o.t === 'path') {
    const v = pathAttribute(o, prop, line);
    if (v) return v;
  }
  if (o.t === 'none') return { t: 'unknown', text: `None.${prop}`, crash: true, line };
  return { t: 'unknown', text: `….${prop}`, line };
}

export function subscript(o: PyValue, k: PyValue, line: number): PyValue {
  if (o.t === 'parents' && k.t === 'num' && Number.isInteger(k.v) && k.v >= 0)
    return ancestor(o.of, k.v + 1, line);
  if (o.t === 'dict' && k.t === 'env') return switchOn(o, k, undefined, line);
  // A part of the variable's text (split(':')[0]) or of what it parses to (parse(X)['ENGINE'])
  if (o.t === 'env' || o.t === 'choice') return derive(lift(o, (x) => subscript(x, k, line)));
  if (k.t === 'env') return lift(k, (x) => subscript(o, x, line));
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
export function switchOn(
  table: PyOf<'dict'>,
  key: PyOf<'env'>,
  fallback: PyValue | undefined,
  line: number,
): PyValue {
  const unsetKey = key.unset.t === 'str' ? key.unset.v : undefined;
  let unset: PyValue;
  if (unsetKey !== undefined)
    unset = table.entries.find((e) => e.key === unsetKey)?.value ??
      fallback ?? { t: 'unknown', text: 'KeyError', crash: true, line };
  else if (key.unset.t === 'none') {
    unset = fallback ?? { t: 'unknown', text: 'KeyError', crash: true, line };
    if (!fallback) markRequired(key.read);
  } else unset = fallback ?? { t: 'unknown', text: '[…]', line };
  const out: PyValue = {
    t: 'env',
    read: key.read,
    unset,
    cases: table.entries.map((e) => ({ value: e.key, v: e.value })),
    line,
  };
  if (unsetKey !== undefined) out.unsetKey = unsetKey;
  return out;
}

/** `base[k1][k2] = value` as the new value of base. */
export function setIn(base: PyValue, keys: string[], value: PyValue, line: number): PyValue {
  if (keys.length === 0) return value;
  const [key, ...rest] = keys;
  if (base.t === 'dict') {
    const entries = base.entries.slice();
    const at = entries.findIndex((e) => e.key === key);
    if (at >= 0) entries[at] = { ...entries[at], value: setIn(entries[at].value, rest, value, line) };
    else entries.push({ key, value: rest.length ? { t: 'unknown', text: `[${key}]`, line } : value, line });
    return { ...base, entries };
  }
  if (base.t === 'choice' || base.t === 'env') {
    const out = lift(base, (b) => setIn(b, keys, value, line));
    // A URL config stays one when only its dict changes, also when an unset URL fails (`env.db()` with no default).
    if (out.t === 'env' && base.t === 'env' && base.dbUrl) {
      out.dbUrl = true;
      if (base.engineOverride) out.engineOverride = base.engineOverride;
    }
    // A literal ENGINE set over a URL's config fixes the engine, whatever scheme the URL names.
    if (out.t === 'env' && out.dbUrl && key === 'ENGINE' && rest.length === 0)
      if (value.t === 'str') out.engineOverride = value;
      else delete out.engineOverride;
    return out;
  }
  // Python never gets past a value that raises (a required variable unset): the assignment changes nothing.
  if (base.t === 'unknown' && base.crash) return base;
  // DATABASES['default'] = ... on a dict from a star import: the entry is known even if the rest is not.
  if (base.t === 'unknown' && !base.crash && rest.length === 0)
    return { t: 'dict', entries: [{ key, value, line }], line };
  return { t: 'unknown', text: `[${keys.join('][')}] = …`, line };
}
