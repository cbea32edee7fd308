/** Python operators on evaluated values: ==, in, is, +, /, -, *, % and the in-place list and dict methods. */
import { ancestor, join } from './paths.js';
import {
  lift,
  markRequired,
  PROBE_TEXTS,
  type CallArgs,
  type PyOf,
  type PyValue,
  type Truth,
} from './value.js';

function isScalar(v: PyValue): v is PyOf<'str' | 'num' | 'bool' | 'none'> {
  return v.t === 'str' || v.t === 'num' || v.t === 'bool' || v.t === 'none';
}

function equals(a: PyValue, b: PyValue): Truth {
  if (!isScalar(a) || !isScalar(b)) return undefined;
  if (a.t === 'none' || b.t === 'none') return a.t === b.t;
  if (a.t === 'str' || b.t === 'str') return a.t === b.t && a.v === b.v;
  return Number(a.v) === Number(b.v);
}

function contains(container: PyValue, item: PyValue): Truth | 'crash' {
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

export function add(x: PyValue, y: PyValue, line: number): PyValue {
  if (x.t === 'str' && y.t === 'str') return { t: 'str', v: x.v + y.v, line };
  if (x.t === 'num' && y.t === 'num') return { t: 'num', v: x.v + y.v, line };
  if (x.t === 'list' && y.t === 'list') return { t: 'list', items: [...x.items, ...y.items], line };
  const stringy = (v: PyValue) => v.t === 'str' || v.t === 'path' || v.t === 'concat';
  if (stringy(x) && stringy(y)) {
    const parts = [...(x.t === 'concat' ? x.parts : [x]), ...(y.t === 'concat' ? y.parts : [y])];
    return { t: 'concat', parts, line };
  }
  if (x.t === 'none' || y.t === 'none') return { t: 'unknown', text: 'None +', crash: true, line };
  return { t: 'unknown', text: '+', line };
}

/** A literal string joined before or after a plain variable read, as one read whose set value carries the text. */
function affix(a: PyValue, b: PyValue, line: number): PyValue | undefined {
  const plain = (v: PyValue) => v.t === 'env' && !v.cases && !v.dbUrl && !v.read.presence;
  const joined = (env: PyOf<'env'>, unset: PyValue, prefix = '', suffix = ''): PyValue => {
    // 'x' + os.environ.get('X') fails when X is unset (None + str), as lift() records.
    if (unset.t === 'unknown' && unset.crash && env.unset.t === 'none') markRequired(env.read);
    const { probes: _stale, ...rest } = env;
    return {
      ...rest,
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

export function mergeDicts(a: PyValue, b: PyValue, line: number): PyValue {
  if (a.t === 'dict' && b.t === 'dict') {
    const entries = a.entries.filter((e) => !b.entries.some((f) => f.key === e.key));
    return { t: 'dict', entries: [...entries, ...b.entries], line: a.line };
  }
  if (b.t === 'dict' && b.entries.length === 0) return a;
  return { t: 'unknown', text: '.update()', line };
}

/**
 * A template with one placeholder filled by one value ('…{}'.format(x), '…%s' % x), as the text around it joined to
 * the value, so a variable read keeps that text for its set value too; undefined for any other template.
 */
export function interpolate(
  template: PyOf<'str'>,
  placeholder: RegExp,
  args: PyValue[],
  line: number,
): PyValue | undefined {
  const parts = template.v.split(placeholder);
  if (parts.length !== 2 || args.length !== 1 || /[{}%]/.test(parts.join(''))) return undefined;
  // Python formats None as 'None' where + would fail: only text, or a read with a text default or none at all
  // (os.environ['X']), is filled in; a path is formatted as its text ('sqlite:///{}'.format(os.path.join(...))).
  const [arg] = args;
  const filled = (v: PyValue) => v.t === 'str' || (v.t === 'unknown' && v.crash);
  const text = arg.t === 'str' || arg.t === 'path' || arg.t === 'concat';
  if (!text && !(arg.t === 'env' && filled(arg.unset))) return undefined;
  const str = (v: string): PyValue => ({ t: 'str', v, line });
  return binary(binary(str(parts[0]), '+', arg, line), '+', str(parts[1]), line);
}

/** `a op b` for the binary operators the settings use; unknown for the rest. */
export function binary(a: PyValue, op: string, b: PyValue, line: number): PyValue {
  // Text joined to a variable's value stays known for the set value too (f'django.db.backends.{DB_ENGINE}').
  if (op === '+') {
    const affixed = affix(a, b, line);
    if (affixed) return affixed;
  }
  // `Path(os.environ.get("DATA_DIR", BASE_DIR)) / "db.sqlite3"`: the file name stays joined to the set value too.
  if (op === '/' && a.t === 'env' && b.t === 'str') {
    const joined = join(a, b, line);
    if (joined.t === 'env') return joined;
  }
  if (op === '%' && a.t === 'str' && b.t !== 'list' && b.t !== 'dict') {
    const filled = interpolate(a, /%s/, [b], line);
    if (filled) return filled;
  }
  const presence = presenceTest(a, op, b, line);
  if (presence) return presence;
  const left = ['==', '!=', 'in', 'not in'].includes(op) ? withComparedWords(a, b) : a;
  return lift(left, (x) => lift(b, (y) => scalarBinary(x, op, y, line)));
}

/**
 * A plain read compared with words (`os.environ.get("ENV") == "dev"`, `in ["dev", "stg"]`) is also probed with those
 * words, so the value a deploy's `ENV=dev` gives is known, and which word the comparison turns on.
 */
function withComparedWords(a: PyValue, b: PyValue): PyValue {
  if (a.t !== 'env' || !a.probes?.length || a.probes.some((p) => p.v.t !== 'str' || p.v.v !== p.text))
    return a;
  const words = (b.t === 'str' ? [b] : b.t === 'list' ? b.items : []).flatMap((w) =>
    w.t === 'str' && w.v !== '' && !a.probes?.some((p) => p.text === w.v) ? [w.v] : [],
  );
  if (words.length === 0 || words.length > 8) return a;
  const added = words.map((text) => ({ text, v: { t: 'str', v: text, line: a.line } as PyValue }));
  return { ...a, probes: [...a.probes, ...added] };
}

/** `os.getenv("DEBUG") is not None`: only whether the variable is set is read, its text (`False`) never. */
function presenceTest(a: PyValue, op: string, b: PyValue, line: number): PyValue | undefined {
  if (!['is', 'is not', '==', '!='].includes(op) || b.t !== 'none') return undefined;
  if (a.t !== 'env' || a.unset.t !== 'none' || a.derived || a.cases || a.selects) return undefined;
  const whenSet = op === 'is not' || op === '!=';
  const probes = PROBE_TEXTS.map((text) => ({ text, v: { t: 'bool', v: whenSet, line } as PyValue }));
  return { t: 'env', read: a.read, unset: { t: 'bool', v: !whenSet, line }, probes, presence: true, line };
}

function scalarBinary(x: PyValue, op: string, y: PyValue, line: number): PyValue {
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
      const same = x.t === 'none' || y.t === 'none' ? x.t === y.t : sameBool(x, y);
      return same === undefined
        ? { t: 'unknown', text: op, line }
        : { t: 'bool', v: op === 'is' ? same : !same, line };
    }
    case '+':
      return add(x, y, line);
    case '/':
      if (x.t === 'path') return join(x, y, line);
      break;
    case '-':
      if (x.t === 'path' && y.t === 'num' && Number.isInteger(y.v) && y.v >= 0) return ancestor(x, y.v, line);
      if (x.t === 'num' && y.t === 'num') return { t: 'num', v: x.v - y.v, line };
      break;
    case '*':
      if (x.t === 'num' && y.t === 'num') return { t: 'num', v: x.v * y.v, line };
      // `50 * '-'`: a repeated string is a constant text all the same (capped, the text is only ever a fallback).
      if (x.t === 'str' && y.t === 'num') return repeat(x.v, y.v, line);
      if (x.t === 'num' && y.t === 'str') return repeat(y.v, x.v, line);
      break;
  }
  if (x.t === 'none' || y.t === 'none') return { t: 'unknown', text: `None ${op}`, crash: true, line };
  return { t: 'unknown', text: op, line };
}

/**
 * `DEBUG is True`: True and False are singletons, so a bool is the other only when both are the same bool, and never
 * a number or a string (`1 is True` is False); undefined for anything else.
 */
function sameBool(x: PyValue, y: PyValue): boolean | undefined {
  if (x.t === 'bool' && y.t === 'bool') return x.v === y.v;
  const scalar = (v: PyValue) => v.t === 'str' || v.t === 'num';
  return (x.t === 'bool' && scalar(y)) || (y.t === 'bool' && scalar(x)) ? false : undefined;
}

function repeat(text: string, times: number, line: number): PyValue {
  if (!Number.isInteger(times) || text.length * Math.max(times, 0) > 10_000)
    return { t: 'unknown', text: '*', line };
  return { t: 'str', v: text.repeat(Math.max(times, 0)), line };
}

/** `X.append(v)`, `X.extend(l)`, `X.update(d)` as a new value of X. */
export function mutate(current: PyValue, method: string, args: CallArgs, line: number): PyValue {
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
