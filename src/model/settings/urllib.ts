/** Emulation of urllib.parse as settings use it to read a database URL by hand: urlparse, urlsplit, unquote. */
import type { LibraryCall } from './context.js';
import { derive, lift, type DictEntry, type PyOf, type PyValue } from './value.js';

const PARSERS = new Set([
  'urllib.parse.urlparse',
  'urllib.parse.urlsplit',
  // Python 2's module, still imported by old settings
  'urlparse.urlparse',
  'urlparse.urlsplit',
]);
const UNQUOTERS = new Set(['urllib.parse.unquote', 'urllib.parse.unquote_plus', 'urllib.unquote']);

/**
 * `urlparse(x)` → its fields as attributes; `unquote(x)` → x decoded; a value computed from a variable is derived. The
 * parts of a URL written in another module (a settings class's default) are written where the URL is, and reported
 * there; those of a URL written in the settings module are used at the call.
 */
export const callUrllib: LibraryCall = (_recorder, _ctx, name, args, line) => {
  const [a0] = args.pos;
  if (!a0) return undefined;
  if (PARSERS.has(name))
    return derive(lift(a0, (x) => (x.t === 'str' ? writtenAt(parseUrl, x, line) : opaque(x, line))));
  if (UNQUOTERS.has(name))
    return derive(
      lift(a0, (x) =>
        x.t === 'str'
          ? writtenAt((v, at) => ({ t: 'str', v: unquote(v, name.endsWith('_plus')), line: at }), x, line)
          : opaque(x, line),
      ),
    );
  return undefined;
};

/** What `make` computes from a string, placed at the call, or, for a string of another module, where it is written. */
function writtenAt(
  make: (text: string, line: number) => PyValue,
  source: PyOf<'str'>,
  line: number,
): PyValue {
  if (source.file === undefined) return make(source.v, line);
  const v = make(source.v, source.line);
  if (v.t === 'dict') for (const e of v.entries) e.value.file = source.file;
  v.file = source.file;
  return v;
}

function opaque(x: PyValue, line: number): PyValue {
  if (x.t === 'none') return { t: 'unknown', text: 'urllib(None)', crash: true, line };
  return { t: 'unknown', text: 'urllib(…)', line };
}

/** A URL split as Python's urlsplit does: scheme, netloc, path, query, fragment and the netloc's parts. */
export function parseUrl(url: string, line: number): PyValue {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(url);
  const scheme = m ? m[1].toLowerCase() : '';
  let rest = m ? m[2] : url;
  let netloc = '';
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?#]/);
    netloc = end < 0 ? rest.slice(2) : rest.slice(2, end + 2);
    rest = end < 0 ? '' : rest.slice(end + 2);
  }
  const hashAt = rest.indexOf('#');
  const fragment = hashAt < 0 ? '' : rest.slice(hashAt + 1);
  if (hashAt >= 0) rest = rest.slice(0, hashAt);
  const queryAt = rest.indexOf('?');
  const query = queryAt < 0 ? '' : rest.slice(queryAt + 1);
  const path = queryAt < 0 ? rest : rest.slice(0, queryAt);
  const at = netloc.lastIndexOf('@');
  const userinfo = at < 0 ? undefined : netloc.slice(0, at);
  const hostport = at < 0 ? netloc : netloc.slice(at + 1);
  const colon = userinfo?.indexOf(':') ?? -1;
  const username = userinfo === undefined ? undefined : colon < 0 ? userinfo : userinfo.slice(0, colon);
  const password = userinfo === undefined || colon < 0 ? undefined : userinfo.slice(colon + 1);
  const portMatch = /^(.*):(\d*)$/.exec(hostport);
  const host = portMatch ? portMatch[1] : hostport;
  const port = portMatch && portMatch[2] !== '' ? Number(portMatch[2]) : undefined;
  const str = (v: string | undefined): PyValue =>
    v === undefined ? { t: 'none', line } : { t: 'str', v, line };
  const fields: [string, PyValue][] = [
    ['scheme', str(scheme)],
    ['netloc', str(netloc)],
    ['path', str(path)],
    ['query', str(query)],
    ['fragment', str(fragment)],
    ['username', str(username)],
    ['password', str(password)],
    ['hostname', str(host === '' ? undefined : host.replace(/^\[|\]$/g, '').toLowerCase())],
    ['port', port === undefined ? { t: 'none', line } : { t: 'num', v: port, line }],
  ];
  const entries: DictEntry[] = fields.map(([key, value]) => ({ key, value, line }));
  return { t: 'dict', entries, line, attributes: true };
}

/** `%xx` escapes decoded (and `+` as a space for unquote_plus); a malformed escape stays as written. */
function unquote(text: string, plus: boolean): string {
  const s = plus ? text.replaceAll('+', ' ') : text;
  return s.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
