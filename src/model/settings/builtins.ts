/** Emulation of Python builtins and str methods the settings use: str(), int(), bool(), .split(), literal_eval, strtobool. */
import type { LibraryCall } from './context.js';
import { lift, truthy, type CallArgs, type PyOf, type PyValue } from './value.js';

/** Builtin names that evaluate to `builtins.NAME` references. */
export const BUILTINS = new Set([
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
  'all',
  'any',
]);

/** Words strtobool and decouple read as true or false. */
export const TRUE_WORDS = ['y', 'yes', 't', 'true', 'on', '1'];
export const FALSE_WORDS = ['n', 'no', 'f', 'false', 'off', '0'];

const CONVERSIONS = [
  'builtins.str',
  'builtins.bool',
  'builtins.int',
  'builtins.float',
  'builtins.list',
  'builtins.tuple',
];

/** `str(x)`, `int(x)`, ... and the functions that read text as a value: strtobool, ast.literal_eval, json.loads. */
export const callBuiltinFunction: LibraryCall = (_recorder, _ctx, name, args, line) => {
  const [a0] = args.pos;
  if (!a0) return undefined;
  if (CONVERSIONS.includes(name)) return callBuiltin(name, a0, line);
  switch (name) {
    case 'builtins.all':
    case 'builtins.any':
      return a0.t === 'list' ? allOrAny(name === 'builtins.all', a0.items, line) : undefined;
    case 'distutils.util.strtobool':
    case 'str2bool.str2bool':
      return lift(a0, (x) => strtobool(x, line));
    case 'builtins.open':
      return openedFile(a0, line);
    case 'ast.literal_eval':
    case 'json.loads':
      return lift(a0, (x) => literalEval(x, line, name === 'json.loads'));
    default:
      return undefined;
  }
};

/**
 * `open(os.environ["X_FILE"])`: the file X names (a Docker secret), read as its content by `.read()`/`.readline()`.
 * Unset, X names no file: `open(None)` raises.
 */
function openedFile(path: PyValue, line: number): PyValue | undefined {
  if (path.t !== 'env' || path.fromFile || path.derived || path.presence) return undefined;
  const crash = path.unset.t === 'none' || (path.unset.t === 'unknown' && path.unset.crash === true);
  const unset: PyValue = { t: 'unknown', text: 'open()', line, ...(crash ? { crash: true } : {}) };
  return { t: 'env', read: path.read, unset, derived: true, fromFile: true, line };
}

/**
 * `all([a, b])` as `bool(a and b)`, `any([a, b])` as `bool(a or b)`: env reads among the items keep deciding the
 * result (`all([os.environ.get("PG_HOST"), …])` is false when PG_HOST is unset).
 */
function allOrAny(all: boolean, items: readonly PyValue[], line: number): PyValue {
  let out: PyValue = { t: 'bool', v: all, line };
  for (const item of [...items].reverse()) {
    const rest = out;
    out = lift(item, (x) => {
      const t = truthy(x);
      if (t === undefined) return { t: 'unknown', text: all ? 'all(…)' : 'any(…)', line };
      return t === all ? rest : { t: 'bool', v: t, line };
    });
  }
  // all() of plain reads: false as soon as any one of them is unset, so each is a variable a deploy must set.
  const reads = items.filter((i) => i.t === 'env' && !i.derived);
  if (all && out.t === 'env' && reads.length > 1 && reads.length === items.length)
    out.allOf = reads.map((r) => (r.t === 'env' ? r.read.variable : ''));
  return out;
}

/** A Python number literal; undefined for complex numbers and what JavaScript cannot read. */
export function parseNumber(text: string): number | undefined {
  const s = text.replaceAll('_', '').toLowerCase();
  if (s.endsWith('j')) return undefined;
  if (/^0[oO]/.test(s)) return parseInt(s.slice(2), 8);
  if (/^0[bB]/.test(s)) return parseInt(s.slice(2), 2);
  const n = Number(s.endsWith('l') ? s.slice(0, -1) : s);
  return Number.isFinite(n) ? n : undefined;
}

/** `str(x)`, `bool(x)`, `int(x)`, `float(x)`, `list(x)`, `tuple(x)`, through env-derived values. */
export function callBuiltin(name: string, a: PyValue, line: number): PyValue {
  const short = name.replace('builtins.', '');
  const out = lift(a, (x) => {
    if (x.t === 'unknown') return x.crash ? x : { t: 'unknown', text: `${short}(…)`, line };
    return convert(name, x, line) ?? { t: 'unknown', text: `${short}(…)`, line };
  });
  // bool() of a variable's text is true for any non-empty text, 'False' included
  if (name === 'builtins.bool' && a.t === 'env' && a.whenSet === 'text' && out.t === 'env')
    out.whenSet = 'truth-of-text';
  return out;
}

function convert(name: string, x: PyValue, line: number): PyValue | undefined {
  switch (name) {
    case 'builtins.str':
      if (x.t === 'str' || x.t === 'path' || x.t === 'concat') return x;
      if (x.t === 'num') return { t: 'str', v: String(x.v), line };
      if (x.t === 'bool') return { t: 'str', v: x.v ? 'True' : 'False', line };
      if (x.t === 'none') return { t: 'str', v: 'None', line };
      return undefined;
    case 'builtins.bool': {
      const t = truthy(x);
      return t === undefined ? undefined : { t: 'bool', v: t, line };
    }
    case 'builtins.int':
    case 'builtins.float':
      return toNumber(name === 'builtins.int', x, line);
    case 'builtins.list':
    case 'builtins.tuple':
      if (x.t === 'list') return x;
      if (x.t === 'none') return { t: 'unknown', text: 'list(None)', crash: true, line };
      return undefined;
    default:
      return undefined;
  }
}

function toNumber(integer: boolean, x: PyValue, line: number): PyValue | undefined {
  if (x.t === 'num') return { t: 'num', v: integer ? Math.trunc(x.v) : x.v, line };
  if (x.t === 'bool') return { t: 'num', v: x.v ? 1 : 0, line };
  if (x.t === 'none') return { t: 'unknown', text: 'int(None)', crash: true, line };
  if (x.t === 'str') {
    const s = x.v.trim().replaceAll('_', '');
    const ok = integer ? /^[+-]?\d+$/.test(s) : s !== '' && Number.isFinite(Number(s));
    return ok ? { t: 'num', v: Number(s), line } : { t: 'unknown', text: 'ValueError', crash: true, line };
  }
  return undefined;
}

/** distutils' strtobool: 1 or 0, ValueError for other words. */
function strtobool(x: PyValue, line: number): PyValue {
  if (x.t !== 'str')
    return x.t === 'none'
      ? { t: 'unknown', text: 'strtobool(None)', crash: true, line }
      : { t: 'unknown', text: 'strtobool', line };
  const s = x.v.trim().toLowerCase();
  if (TRUE_WORDS.includes(s)) return { t: 'num', v: 1, line };
  if (FALSE_WORDS.includes(s)) return { t: 'num', v: 0, line };
  return { t: 'unknown', text: 'ValueError', crash: true, line };
}

/** `ast.literal_eval(x)` or `json.loads(x)` of a string holding a keyword or a number. */
function literalEval(x: PyValue, line: number, json: boolean): PyValue {
  if (x.t !== 'str')
    return x.t === 'none'
      ? { t: 'unknown', text: 'eval(None)', crash: true, line }
      : { t: 'unknown', text: 'eval', line };
  const s = x.v.trim();
  const words: Record<string, PyValue> = json
    ? { true: { t: 'bool', v: true, line }, false: { t: 'bool', v: false, line }, null: { t: 'none', line } }
    : { True: { t: 'bool', v: true, line }, False: { t: 'bool', v: false, line }, None: { t: 'none', line } };
  if (words[s]) return words[s];
  if (s !== '' && Number.isFinite(Number(s))) return { t: 'num', v: Number(s), line };
  return { t: 'unknown', text: 'eval', line };
}

/** Methods of a str; undefined for those not emulated. */
export function callStrMethod(
  o: PyOf<'str'>,
  method: string,
  args: CallArgs,
  line: number,
): PyValue | undefined {
  const [a0, a1] = args.pos;
  const str = (v: string): PyValue => ({ t: 'str', v, line });
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
