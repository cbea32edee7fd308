/** Calls of library functions by name and of methods on values, dispatched to the emulation of each library. */
import { switchOn } from './access.js';
import { callBuiltin, callStrMethod, literalEval, strtobool } from './builtins.js';
import type { CallRecorder, EvalContext } from './context.js';
import { callDecouple } from './decouple.js';
import { callEnv, newEnv } from './django-environ.js';
import { callDjDatabaseUrl } from './dj-database-url.js';
import { callOsEnviron } from './environ.js';
import { interpolate } from './operators.js';
import { callPathFunction, callPathMethod } from './paths.js';
import { lift, type CallArgs, type PyValue } from './value.js';

const CONVERSIONS = [
  'builtins.str',
  'builtins.bool',
  'builtins.int',
  'builtins.float',
  'builtins.list',
  'builtins.tuple',
];

/** A call of a function known by its dotted name (`os.getenv`, `dj_database_url.config`); undefined when not emulated. */
export function callByName(
  recorder: CallRecorder,
  ctx: EvalContext,
  name: string,
  args: CallArgs,
  line: number,
): PyValue | undefined {
  const [a0] = args.pos;
  if (CONVERSIONS.includes(name)) return a0 ? callBuiltin(name, a0, line) : undefined;
  switch (name) {
    case 'environ.Env':
      return newEnv(args, line);
    case 'environ.Env.read_env':
    case 'environ.Env.read_dotenv':
      recorder.dotenvLoads.push({ via: 'django-environ', line });
      return { t: 'none', line };
    case 'dotenv.load_dotenv':
    case 'dotenv.read_dotenv':
    case 'dotenv.main.load_dotenv':
      recorder.dotenvLoads.push({ via: 'python-dotenv', line });
      return { t: 'none', line };
    case 'distutils.util.strtobool':
    case 'str2bool.str2bool':
      return a0 ? lift(a0, (x) => strtobool(x, line)) : undefined;
    case 'ast.literal_eval':
    case 'json.loads':
      return a0 ? lift(a0, (x) => literalEval(x, line, name === 'json.loads')) : undefined;
    case 'logging.config.dictConfig':
      if (a0) recorder.loggingConfigs.push(a0);
      return { t: 'none', line };
  }
  return (
    callOsEnviron(recorder.reads, ctx, name, args, line) ??
    callPathFunction(name, args, line) ??
    callDjDatabaseUrl(recorder.reads, ctx, name, args, line) ??
    callDecouple(recorder, ctx, name, args, line)
  );
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
  if (o.t === 'env' || o.t === 'choice')
    return lift(
      o,
      (x) => callMethod(recorder, ctx, x, method, args, line) ?? { t: 'unknown', text: `.${method}()`, line },
    );
  if (o.t === 'none') return { t: 'unknown', text: `None.${method}()`, crash: true, line };
  if (o.t === 'path') return callPathMethod(o, method, args, line);
  if (o.t === 'str' && method === 'format') return interpolate(o, /\{0?\}/, args.pos, line);
  if (o.t === 'str') return callStrMethod(o, method, args, line);
  return undefined;
}
