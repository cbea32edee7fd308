/** Emulation of python-decouple: `config('X', default=..., cast=...)`, Csv(), AutoConfig. */
import { callBuiltin, FALSE_WORDS, TRUE_WORDS } from './builtins.js';
import type { CallRecorder, EvalContext, LibraryCall } from './context.js';
import { parseDatabaseUrl } from './dj-database-url.js';
import { asText, readVariable } from './environ.js';
import { lift, type CallArgs, type PyOf, type PyValue } from './value.js';

/** `decouple.config(...)`, `decouple.AutoConfig()`, `decouple.Csv()`; undefined for other names. */
export const callDecouple: LibraryCall = (recorder, ctx, name, args, line) => {
  switch (name) {
    case 'decouple.config':
      return config(recorder, ctx, args, line);
    case 'decouple.AutoConfig':
    case 'decouple.Config':
      return { t: 'ref', name: 'decouple.config', line };
    case 'decouple.Csv':
      return { t: 'ref', name: 'decouple.Csv()', line };
    default:
      return undefined;
  }
};

function config(recorder: CallRecorder, ctx: EvalContext, args: CallArgs, line: number): PyValue | undefined {
  const [a0, a1, a2] = args.pos;
  if (a0?.t !== 'str') return undefined;
  const fallback = args.kw.get('default') ?? a1;
  const cast = args.kw.get('cast') ?? a2;
  const failsWhenUnset = fallback === undefined;
  const read = readVariable(recorder.reads, ctx, {
    variable: a0.v,
    via: 'other',
    fallback,
    line,
    failsWhenUnset,
  });
  if (read.t !== 'env') return read;
  if (cast === undefined) return asText(read);
  if (cast.t !== 'ref') return read;
  if (cast.name === 'dj_database_url.parse') {
    read.read.via = 'dj-database-url';
    return { ...read, unset: parseDatabaseUrl(read.unset, line), dbUrl: true };
  }
  // Cast through the probe words too, so `DEBUG=True` in compose is known to make `config("DEBUG", cast=bool)` true.
  return lift(asText(read), (x) => {
    if (x.t === 'unknown' && x.crash) return x;
    if (cast.name === 'builtins.bool')
      return x.t === 'str' ? decoupleBool(x, line) : callBuiltin('builtins.bool', x, line);
    if (cast.name === 'decouple.Csv()')
      return x.t === 'str'
        ? { t: 'list', items: splitCsv(x.v).map((s): PyValue => ({ t: 'str', v: s, line })), line }
        : x;
    return callBuiltin(cast.name, x, line);
  });
}

function decoupleBool(x: PyOf<'str'>, line: number): PyValue {
  const s = x.v.trim().toLowerCase();
  if (TRUE_WORDS.includes(s)) return { t: 'bool', v: true, line };
  if (FALSE_WORDS.includes(s) || s === '') return { t: 'bool', v: false, line };
  return { t: 'unknown', text: 'ValueError', crash: true, line };
}

function splitCsv(s: string): string[] {
  return s
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
