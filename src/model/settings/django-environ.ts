/** Emulation of django-environ (`environ.Env(...)`) and environs (`environs.Env()`): env('X'), env.str(), env.bool(), env.db(), env.read_env(). */
import type { CallRecorder, EvalContext, LibraryCall } from './context.js';
import { readDatabaseUrl } from './dj-database-url.js';
import { callBuiltin, TRUE_WORDS } from './builtins.js';
import { asText, readVariable } from './environ.js';
import { PROBE_TEXTS, type CallArgs, type PyOf, type PyValue } from './value.js';

/** Methods that read a URL variable, with the variable each reads by default. */
const URL_DEFAULTS: Record<string, string> = {
  cache: 'CACHE_URL',
  cache_url: 'CACHE_URL',
  email: 'EMAIL_URL',
  email_url: 'EMAIL_URL',
  search_url: 'SEARCH_URL',
};
/** Env methods that read one variable with a cast: env.str('X'), env.bool('X', default=False), ... */
const CAST_METHODS = 'str bool int float list tuple dict json url path parse_value'.split(' ');

/** `environ.Env(...)` and the class methods `Env.read_env()`, `Env.read_dotenv()`. */
export const callDjangoEnviron: LibraryCall = (recorder, _ctx, name, args, line) => {
  if (name === 'environ.Env') return newEnv(args, line);
  if (name === 'environs.Env') return { t: 'envobj', scheme: new Map(), line, positionalDefault: true };
  if (name !== 'environ.Env.read_env' && name !== 'environ.Env.read_dotenv') return undefined;
  recorder.dotenvLoads.push({ via: 'django-environ', line });
  return { t: 'none', line };
};

/** `environ.Env(DEBUG=(bool, False), ...)`: an Env object with those casts and defaults. */
function newEnv(args: CallArgs, line: number): PyValue {
  const scheme = new Map<string, { cast?: string; def?: PyValue }>();
  for (const [key, v] of args.kw) {
    if (v.t === 'list')
      scheme.set(key, { cast: v.items[0]?.t === 'ref' ? v.items[0].name : undefined, def: v.items[1] });
    else if (v.t === 'ref') scheme.set(key, { cast: v.name });
  }
  return { t: 'envobj', scheme, line };
}

/** Calls on a django-environ Env: env('X'), env.str('X', default=...), env.db(), env.read_env(). */
export function callEnv(
  recorder: CallRecorder,
  ctx: EvalContext,
  env: PyOf<'envobj'>,
  method: string,
  args: CallArgs,
  line: number,
): PyValue | undefined {
  const [a0, a1, a2] = args.pos;
  if (method === 'read_env') {
    recorder.dotenvLoads.push({ via: 'django-environ', line });
    return { t: 'none', line };
  }
  if (['db', 'db_url', 'database_url', 'dj_db_url'].includes(method)) {
    const name = a0 ?? args.kw.get('var');
    const variable = name?.t === 'str' ? name.v : 'DATABASE_URL';
    const fallback = a1 ?? args.kw.get('default');
    return readDatabaseUrl(recorder.reads, ctx, {
      variable,
      via: 'django-environ',
      fallback,
      line,
      failsWhenUnset: true,
    });
  }
  let variable: string | undefined;
  let fallback: PyValue | undefined;
  if (URL_DEFAULTS[method]) {
    variable = a0?.t === 'str' ? a0.v : URL_DEFAULTS[method];
    fallback = a1 ?? args.kw.get('default');
  } else if (method === '__call__' || method === 'get_value') {
    variable = a0?.t === 'str' ? a0.v : undefined;
    fallback = args.kw.get('default') ?? (env.positionalDefault ? a1 : a2);
  } else if (CAST_METHODS.includes(method)) {
    variable = a0?.t === 'str' ? a0.v : undefined;
    fallback = a1 ?? args.kw.get('default');
  } else return undefined;
  if (variable === undefined) return undefined;
  if (fallback === undefined) fallback = env.scheme.get(variable)?.def;
  if (fallback?.t === 'ref' && fallback.name.endsWith('NOTSET')) fallback = undefined;
  const failsWhenUnset = fallback === undefined;
  const read = readVariable(recorder.reads, ctx, {
    variable,
    via: 'django-environ',
    fallback,
    line,
    failsWhenUnset,
  });
  const cast = castOf(env, method, args, variable);
  // A bool cast keeps the probe words, so `DEBUG=true` in compose is known to make `env.bool("DEBUG")` true.
  if (read.t === 'env' && cast === 'builtins.bool') read.probes = boolProbes(line);
  const byCall = method === '__call__' || method === 'get_value';
  // django-environ's smart cast: `env("DEBUG", default=0)` casts the variable's text to the default's type.
  const smartCast = byCall && cast === undefined && !env.positionalDefault ? fallback?.t : undefined;
  if (read.t === 'env' && smartCast === 'bool') read.probes = boolProbes(line);
  if (read.t === 'env' && smartCast === 'num') read.probes = intProbes(line);
  // No cast: the variable's text as it is (django-environ casts to the default's type, environs never does).
  const untyped = !fallback || fallback.t === 'none' || fallback.t === 'str' || env.positionalDefault;
  if (read.t === 'env' && cast === undefined && (method === 'str' || (byCall && untyped)))
    return asText(read);
  return read;
}

/** The cast a read applies: env.bool(), env('X', cast=bool), django-environ's env('X', bool), or the Env scheme's. */
function castOf(env: PyOf<'envobj'>, method: string, args: CallArgs, variable: string): string | undefined {
  if (method === 'bool') return 'builtins.bool';
  if (method !== '__call__' && method !== 'get_value') return undefined;
  const cast = args.kw.get('cast') ?? (env.positionalDefault ? undefined : args.pos[1]);
  if (cast?.t === 'ref') return cast.name;
  return cast === undefined ? env.scheme.get(variable)?.cast : undefined;
}

/** What `int()` makes of each probe word: a number for `1` and `0`, a ValueError for the other words. */
function intProbes(line: number): { text: string; v: PyValue }[] {
  return PROBE_TEXTS.map((text) => ({
    text,
    v: callBuiltin('builtins.int', { t: 'str', v: text, line }, line),
  }));
}

/** What both libraries' bool parsing makes of each probe word (true words as strtobool's, the rest false). */
function boolProbes(line: number): { text: string; v: PyValue }[] {
  return PROBE_TEXTS.map((text) => ({
    text,
    v: { t: 'bool', v: TRUE_WORDS.includes(text.toLowerCase()), line },
  }));
}
