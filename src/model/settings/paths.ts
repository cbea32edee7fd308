/** Emulation of pathlib and os.path: paths relative to the settings file, to BASE_DIR, or absolute. */
import type { LibraryCall } from './context.js';
import { lift, markRequired, type CallArgs, type PyOf, type PyValue } from './value.js';

export function splitPath(s: string): string[] {
  return s.split('/').filter((p) => p !== '' && p !== '.');
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

function appendPath(p: PyOf<'path'>, s: string, line: number): PyValue {
  if (s.startsWith('/'))
    return { t: 'path', base: 'absolute', parts: normalize([], splitPath(s), true), line };
  return { t: 'path', base: p.base, parts: normalize(p.parts, splitPath(s), p.base === 'absolute'), line };
}

export function dirname(p: PyValue, line: number): PyValue {
  if (p.t === 'path') return { ...p, parts: normalize(p.parts, ['..'], p.base === 'absolute'), line };
  if (p.t === 'str') {
    const at = p.v.replace(/\/+$/, '').lastIndexOf('/');
    return { t: 'str', v: at < 0 ? '' : at === 0 ? '/' : p.v.slice(0, at), line };
  }
  if (p.t === 'none') return { t: 'unknown', text: 'dirname(None)', crash: true, line };
  return { t: 'unknown', text: 'dirname(…)', line };
}

/** The n-th parent (`Path.parents[n - 1]`, `environ.Path(__file__) - n`). */
export function ancestor(p: PyValue, levels: number, line: number): PyValue {
  let out = p;
  for (let i = 0; i < levels; i++) out = dirname(out, line);
  return out;
}

export function relativeParts(from: string[], to: string[]): string[] {
  let i = 0;
  while (i < from.length && i < to.length && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)];
}

/** A string made of a path and literal text after it (`str(BASE_DIR) + '/db.sqlite3'`, f'{BASE_DIR}/x') as a path. */
export function concatPath(v: PyOf<'concat'>): PyOf<'path'> | undefined {
  const parts = v.parts.filter((p) => !(p.t === 'str' && p.v === ''));
  const [head, ...rest] = parts;
  if (!head || rest.some((p) => p.t !== 'str')) return undefined;
  const suffix = rest.map((p) => (p as PyOf<'str'>).v).join('');
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

export function renderConcat(v: PyOf<'concat'>): string {
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

/** A string where a path is expected: absolute strings become paths, relative ones stay strings (relative to the working directory). */
export function asPath(v: PyValue | undefined, line: number): PyValue {
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

/** `os.path.join(a, b)`, `a / b`. */
export function join(a: PyValue, b: PyValue, line: number): PyValue {
  // A directory from the environment (`Path(os.environ.get("DATA_DIR", BASE_DIR)) / "db.sqlite3"`) keeps the file
  // name for its set value too, as text after it.
  if (a.t === 'env' && b.t === 'str' && !b.v.startsWith('/') && !a.cases && !a.dbUrl && !a.read.presence) {
    const unset = join(a.unset, b, line);
    if (unset.t === 'unknown' && unset.crash && a.unset.t === 'none') markRequired(a.read);
    return { ...a, unset, suffix: `${a.suffix ?? ''}/${b.v}`, line };
  }
  // A directory chosen by branches, one of them from the environment (`DATA_DIR = os.environ.get(...)` in an if and
  // outside it): each alternative keeps the file name as above.
  if (a.t === 'choice' && b.t === 'str' && a.options.some((o) => o.v.t === 'env'))
    return { ...a, options: a.options.map((o) => ({ ...o, v: join(o.v, b, line) })), line };
  return lift(a, (x) =>
    lift(b, (y) => {
      const left = asPath(x, line);
      const right = asPath(y, line);
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

/** Each argument joined in turn onto the first value. */
export function joinAll(first: PyValue, more: PyValue[], line: number): PyValue {
  return more.reduce<PyValue>((acc, a) => join(acc, a, line), first);
}

/** Calls of os.path functions and pathlib constructors (and unipath's, which join their arguments alike). */
export const callPathFunction: LibraryCall = (_recorder, _ctx, name, args, line) => {
  const [a0] = args.pos;
  switch (name) {
    case 'os.path.join':
      return args.pos.length ? joinAll(asPath(a0, line), args.pos.slice(1), line) : undefined;
    case 'os.path.dirname':
      return a0 ? lift(a0, (p) => dirname(asPath(p, line), line)) : undefined;
    // Docker creates /.dockerenv in every container it runs, and the settings are judged in such a container.
    case 'os.path.exists':
    case 'os.path.isfile':
      return a0?.t === 'str' && a0.v === '/.dockerenv' ? { t: 'bool', v: true, line } : undefined;
    case 'os.path.abspath':
    case 'os.path.realpath':
    case 'os.path.normpath':
    case 'os.path.expanduser':
      return a0 ? lift(a0, (p) => asPath(p, line)) : undefined;
    // The unbound method, `Path.joinpath(BASE_DIR, 'media')`: the first argument is the path.
    case 'pathlib.Path.joinpath':
    case 'pathlib.PurePath.joinpath':
    case 'pathlib.PosixPath.joinpath':
      return a0 ? joinAll(asPath(a0, line), args.pos.slice(1), line) : undefined;
    case 'pathlib.Path.resolve':
    case 'pathlib.Path.absolute':
      return a0 ? lift(a0, (p) => asPath(p, line)) : undefined;
    case 'pathlib.Path':
    case 'pathlib.PurePath':
    case 'pathlib.PosixPath':
    case 'environ.Path':
    case 'unipath.Path':
    case 'unipath.FSPath':
    case 'unipath.path.Path':
      if (!a0) return { t: 'unknown', text: 'Path()', line };
      return joinAll(
        lift(a0, (p) => asPath(p, line)),
        args.pos.slice(1),
        line,
      );
    default:
      return undefined;
  }
};

/** Methods of a path object: `.resolve()`, `.joinpath(...)`, environ.Path's `.path(...)`, unipath's `.child(...)`. */
export function callPathMethod(
  o: PyOf<'path'>,
  method: string,
  args: CallArgs,
  line: number,
): PyValue | undefined {
  if (['resolve', 'absolute', 'expanduser', 'as_posix', '__str__'].includes(method)) return o;
  if (method === 'joinpath' || method === 'path') return joinAll(o, args.pos, line);
  // unipath: `Path(__file__).ancestor(3)`, `BASE_DIR.child("media")`, `.absolute()` (above).
  if (method === 'child') return joinAll(o, args.pos, line);
  // `Path("/.dockerenv").exists()`: true in a container Docker runs.
  if (
    (method === 'exists' || method === 'is_file') &&
    o.base === 'absolute' &&
    o.parts.join('/') === '.dockerenv'
  )
    return { t: 'bool', v: true, line };
  const [n] = args.pos;
  if (method === 'ancestor' && n?.t === 'num' && Number.isInteger(n.v) && n.v >= 0)
    return ancestor(o, n.v, line);
  return undefined;
}

/** `.parent` and `.parents` of a path. */
export function pathAttribute(o: PyOf<'path'>, prop: string, line: number): PyValue | undefined {
  if (prop === 'parent') return dirname(o, line);
  if (prop === 'parents') return { t: 'parents', of: o, line };
  return undefined;
}
