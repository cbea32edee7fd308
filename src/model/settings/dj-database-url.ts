/** Emulation of dj-database-url (and django-environ's db()): a database URL read as the DATABASES config it stands for. */
import type { EvalContext, LibraryCall } from './context.js';
import { hasDefault, recordRequest, type ReadRequest } from './environ.js';
import { asPath, concatPath, renderConcat } from './paths.js';
import { lift, markRequired, type DictEntry, type PyOf, type PyValue, type VariableRead } from './value.js';

const URL_ENGINES: Record<string, string> = {
  postgres: 'django.db.backends.postgresql',
  postgresql: 'django.db.backends.postgresql',
  pgsql: 'django.db.backends.postgresql',
  psql: 'django.db.backends.postgresql',
  postgis: 'django.contrib.gis.db.backends.postgis',
  mysql: 'django.db.backends.mysql',
  mysql2: 'django.db.backends.mysql',
  mysqlgis: 'django.contrib.gis.db.backends.mysql',
  mariadb: 'django.db.backends.mysql',
  oracle: 'django.db.backends.oracle',
  oraclegis: 'django.contrib.gis.db.backends.oracle',
  mssql: 'mssql',
  cockroach: 'django_cockroachdb',
  timescale: 'timescale.db.backends.postgresql',
  sqlite: 'django.db.backends.sqlite3',
  spatialite: 'django.contrib.gis.db.backends.spatialite',
};

/** `dj_database_url.config(...)` and `dj_database_url.parse(...)`. */
export const callDjDatabaseUrl: LibraryCall = (recorder, ctx, name, args, line) => {
  const [a0] = args.pos;
  if (name === 'dj_database_url.config') {
    const env = args.kw.get('env');
    const variable = env?.t === 'str' ? env.v : 'DATABASE_URL';
    const fallback = args.kw.get('default') ?? a0;
    return readDatabaseUrl(recorder.reads, ctx, {
      variable,
      via: 'dj-database-url',
      fallback,
      line,
      failsWhenUnset: false,
    });
  }
  if (name === 'dj_database_url.parse') {
    const url = a0 ?? args.kw.get('url');
    return url ? parseDatabaseUrlValue(url, line) : undefined;
  }
  return undefined;
};

/** A database URL read: dj_database_url.config(), env.db(); unset is the config dict of the default URL. */
export function readDatabaseUrl(reads: VariableRead[], ctx: EvalContext, request: ReadRequest): PyValue {
  const { variable, line } = request;
  // `config(default=os.environ.get("DATABASE_URL", url))`: the same variable again, so the default is its own
  // (`url`, or none when it is None).
  const given = request.fallback;
  const fallback = given?.t === 'env' && given.read.variable === variable ? orNone(given.unset) : given;
  const read = recordRequest(
    reads,
    ctx,
    { ...request, fallback },
    !hasDefault(fallback),
    renderUrl(fallback),
  );
  let unset: PyValue;
  if (hasDefault(fallback)) unset = parseDatabaseUrl(fallback, line);
  else
    unset = request.failsWhenUnset
      ? { t: 'unknown', text: `${variable} unset`, crash: true, line }
      : { t: 'dict', entries: [], line };
  return { t: 'env', read, unset, dbUrl: true, line };
}

function orNone(v: PyValue): PyValue | undefined {
  return v.t === 'none' ? undefined : v;
}

function parseDatabaseUrlValue(url: PyValue, line: number): PyValue {
  if (url.t === 'env') {
    if (url.unset.t === 'none') markRequired(url.read);
    return { ...url, unset: parseDatabaseUrl(url.unset, line), cases: undefined, dbUrl: true };
  }
  return parseDatabaseUrl(url, line);
}

function renderUrl(v: PyValue | undefined): string | undefined {
  if (!v) return undefined;
  if (v.t === 'str') return v.v;
  if (v.t === 'concat') return renderConcat(v);
  return undefined;
}

/** A database URL (as dj-database-url and django-environ read it) → the config dict it stands for. */
export function parseDatabaseUrl(url: PyValue, line: number): PyValue {
  if (url.t === 'env' || url.t === 'choice') return lift(url, (u) => parseDatabaseUrl(u, line));
  if (url.t === 'none') return { t: 'unknown', text: 'parse(None)', crash: true, line };
  if (url.t === 'unknown') return url;
  // Fields point at the URL as written (a default held in a variable is written above the read).
  line = url.line;
  const head =
    url.t === 'str' ? url.v : url.t === 'concat' && url.parts[0]?.t === 'str' ? url.parts[0].v : undefined;
  if (head === undefined) return { t: 'unknown', text: 'database URL', line };
  const schemeEnd = head.indexOf('://');
  if (schemeEnd < 0) return { t: 'unknown', text: 'database URL', line };
  const scheme = head.slice(0, schemeEnd).toLowerCase().split('+')[0];
  const engine: DictEntry = {
    key: 'ENGINE',
    value: { t: 'str', v: URL_ENGINES[scheme] ?? scheme, line },
    line,
  };
  const afterScheme = head.slice(schemeEnd + 3);
  if (scheme === 'sqlite' || scheme === 'spatialite') return sqliteConfig(url, afterScheme, engine, line);
  if (url.t !== 'str') return { t: 'dict', entries: [engine], line };
  return { t: 'dict', entries: [engine, ...serverFields(afterScheme, line)], line };
}

/** sqlite:///relative.db, sqlite:////absolute.db, f'sqlite:///{BASE_DIR / "db.sqlite3"}' */
function sqliteConfig(url: PyValue, afterScheme: string, engine: DictEntry, line: number): PyValue {
  const str = (v: string): PyValue => ({ t: 'str', v, line });
  const slash = afterScheme.indexOf('/');
  const lead = slash < 0 ? '' : afterScheme.slice(slash + 1);
  let name: PyValue;
  if (url.t === 'str') name = str(lead === '' || lead === ':memory:' ? ':memory:' : lead);
  else {
    const rest = (url as PyOf<'concat'>).parts.slice(1);
    // 'sqlite:////' + an absolute path: the doubled slash is the same directory (BASE_DIR is absolute when run).
    const prefix = /^\/+$/.test(lead) && rest[0]?.t === 'path' ? '' : lead;
    const concat: PyOf<'concat'> = {
      t: 'concat',
      parts: [str(prefix), ...rest],
      line,
    };
    name = concatPath(concat) ?? { t: 'unknown', text: renderConcat(concat), line };
  }
  return {
    t: 'dict',
    entries: [
      engine,
      { key: 'NAME', value: name.t === 'str' && name.v.startsWith('/') ? asPath(name, line) : name, line },
    ],
    line,
  };
}

/** NAME, USER, PASSWORD, HOST, PORT of a server URL (after its scheme); none when it is not a URL. */
function serverFields(afterScheme: string, line: number): DictEntry[] {
  let parsed: URL;
  try {
    parsed = new URL(`http://${afterScheme}`);
  } catch {
    return [];
  }
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const str = (v: string): PyValue => ({ t: 'str', v, line });
  const entries: DictEntry[] = [];
  const name = decode(parsed.pathname.replace(/^\//, ''));
  if (name) entries.push({ key: 'NAME', value: str(name), line });
  if (parsed.username) entries.push({ key: 'USER', value: str(decode(parsed.username)), line });
  if (parsed.password) entries.push({ key: 'PASSWORD', value: str(decode(parsed.password)), line });
  if (parsed.hostname) entries.push({ key: 'HOST', value: str(decode(parsed.hostname)), line });
  if (parsed.port) entries.push({ key: 'PORT', value: { t: 'num', v: Number(parsed.port), line }, line });
  return entries;
}
