/** Calls of library functions by name and of methods on values, dispatched to the emulation of each library. */
import { switchOn } from './access.js';
import { callBuiltinFunction, callStrMethod } from './builtins.js';
import type { CallRecorder, EvalContext, LibraryCall } from './context.js';
import { callConfigurationsValue } from './configurations.js';
import { callPlatform } from './container-platform.js';
import { callDecouple } from './decouple.js';
import { callDjangoEnviron, callEnv } from './django-environ.js';
import { callDjDatabaseUrl } from './dj-database-url.js';
import { callKaio } from './kaio.js';
import { callOsEnviron } from './environ.js';
import { interpolate } from './operators.js';
import { callPathFunction, callPathMethod } from './paths.js';
import { callUrllib } from './urllib.js';
import { derive, lift, type CallArgs, type PyValue } from './value.js';

/** Methods whose result still spells the variable's value (a test on it names a value of the variable). */
const SPELLING_METHODS = new Set([
  'lower',
  'upper',
  'casefold',
  'strip',
  'lstrip',
  'rstrip',
  'title',
  'capitalize',
]);

/** python-dotenv's load_dotenv() and the like: variables come from a file at run time. */
const callDotenv: LibraryCall = (recorder, _ctx, name, _args, line) => {
  if (!['dotenv.load_dotenv', 'dotenv.read_dotenv', 'dotenv.main.load_dotenv'].includes(name))
    return undefined;
  recorder.dotenvLoads.push({ via: 'python-dotenv', line });
  return { t: 'none', line };
};

/** `logging.config.dictConfig(config)`: its handlers count as LOGGING's. */
const callLoggingConfig: LibraryCall = (recorder, _ctx, name, args, line) => {
  if (name !== 'logging.config.dictConfig') return undefined;
  if (args.pos[0]) recorder.recordLoggingConfig(args.pos[0], line);
  return { t: 'none', line };
};

/** Each library's calls; a name belongs to one library at most. */
const LIBRARIES: LibraryCall[] = [
  callOsEnviron,
  callPathFunction,
  callBuiltinFunction,
  callDjDatabaseUrl,
  callDjangoEnviron,
  callDotenv,
  callDecouple,
  callKaio,
  callLoggingConfig,
  callUrllib,
  callConfigurationsValue,
  callPlatform,
];

/** A call of a function known by its dotted name (`os.getenv`, `dj_database_url.config`); undefined when not emulated. */
export function callByName(
  recorder: CallRecorder,
  ctx: EvalContext,
  name: string,
  args: CallArgs,
  line: number,
): PyValue | undefined {
  for (const call of LIBRARIES) {
    const value = call(recorder, ctx, name, args, line);
    if (value) return value;
  }
  return undefined;
}

/** A method call on a value (`env.str(...)`, `DBS.get(...)`, `'…'.format(x)`, `path.joinpath(...)`). */
export function callMethod(
  recorder: CallRecorder,
  ctx: EvalContext,
  o: PyValue,
  method: string,
  args: CallArgs,
  line: number,
): PyValue | undefined {
  if (o.t === 'envobj') return callEnv(recorder, ctx, o, method, args, line);
  if (o.t === 'dict' && method === 'get' && args.pos[0]) {
    const key = args.pos[0];
    const fallback = args.pos[1] ?? { t: 'none', line };
    if (key.t === 'env') return switchOn(o, key, fallback, line);
    if (key.t === 'str') return o.entries.find((e) => e.key === key.v)?.value ?? fallback;
    return undefined;
  }
  if ((o.t === 'dict' || o.t === 'list') && method === 'copy') return o;
  if (o.t === 'env' || o.t === 'choice') {
    const out = lift(
      o,
      (x) => callMethod(recorder, ctx, x, method, args, line) ?? { t: 'unknown', text: `.${method}()`, line },
    );
    return SPELLING_METHODS.has(method) ? out : derive(out);
  }
  if (o.t === 'none') return { t: 'unknown', text: `None.${method}()`, crash: true, line };
  if (o.t === 'path') return callPathMethod(o, method, args, line);
  if (o.t === 'str' && method === 'format') return interpolate(o, /\{0?\}/, args.pos, line);
  if (o.t === 'str') return callStrMethod(o, method, args, line);
  return undefined;
}
