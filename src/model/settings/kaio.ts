/** Emulation of django-kaio's options reader: `opts = Options()`, then `opts.get('X', default)`. */
import type { LibraryCall } from './context.js';
import { readVariable } from './environ.js';
import { PROBE_TEXTS, type PyValue } from './value.js';

/** Words kaio casts to a bool, after trying int(); any other text stays a string. */
const KAIO_TRUE = ['true', 't', '1', 'yes'];
const KAIO_FALSE = ['false', 'f', 'no', '0'];

/** `kaio.Options()` and its `get`; undefined for other names. */
export const callKaio: LibraryCall = (recorder, ctx, name, args, line) => {
  if (name === 'kaio.Options' || name === 'kaio.options.Options') {
    // Options() reads app.ini from the working directory and its parents at run time.
    recorder.dotenvLoads.push({ via: 'kaio', line });
    return { t: 'ref', name: 'kaio.Options()', line };
  }
  if (name !== 'kaio.Options().get') return undefined;
  const [a0, a1] = args.pos;
  if (a0?.t !== 'str') return undefined;
  // The environment variable of that name comes first, cast; unset (and not in app.ini), the default as given.
  const fallback = a1 ?? args.kw.get('default');
  const read = readVariable(recorder.reads, ctx, {
    variable: a0.v.trim(),
    via: 'other',
    fallback,
    line,
    failsWhenUnset: false,
  });
  if (read.t !== 'env') return read;
  return { ...read, probes: PROBE_TEXTS.map((text) => ({ text, v: kaioCast(text, line) })) };
};

/** kaio's `_cast_value`: an int when the text is one, else a bool for its true/false words, else the text. */
function kaioCast(text: string, line: number): PyValue {
  const s = text.trim();
  if (/^[-+]?\d+$/.test(s)) return { t: 'num', v: Number(s), line };
  const word = s.toLowerCase();
  if (KAIO_TRUE.includes(word)) return { t: 'bool', v: true, line };
  if (KAIO_FALSE.includes(word)) return { t: 'bool', v: false, line };
  return { t: 'str', v: text, line };
}
