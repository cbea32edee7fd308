/** Emulation of os.environ and os.getenv: each read of a variable, whether it has a default, whether it can fail. */
import type { EvalContext, LibraryCall } from './context.js';
import { PROBE_TEXTS, textProbes, type PyValue, type ReadVia, type VariableRead } from './value.js';

/** Records a read of `variable`; a read under a branch that tests the variable as set is never required. */
export function recordRead(
  reads: VariableRead[],
  ctx: EvalContext,
  read: Omit<VariableRead, 'guarded' | 'defaultText'> & { defaultText?: string },
): VariableRead {
  const guarded = ctx.guarded.has(read.variable);
  const out: VariableRead = {
    variable: read.variable,
    via: read.via,
    line: read.line,
    required: read.required && !guarded,
    hasDefault: read.hasDefault,
    guarded,
  };
  if (read.defaultText !== undefined) out.defaultText = read.defaultText;
  reads.push(out);
  return out;
}

/** A read of a variable as a library call makes it: with a fallback or none, failing when unset or not. */
export interface ReadRequest {
  variable: string;
  via: ReadVia;
  fallback?: PyValue;
  line: number;
  /** The call raises when the variable is unset and there is no fallback (os.environ['X'], env('X')). */
  failsWhenUnset: boolean;
}

/** A fallback other than None is a default. */
export function hasDefault(fallback: PyValue | undefined): fallback is PyValue {
  return fallback !== undefined && fallback.t !== 'none';
}

/** Records the read a request makes. */
export function recordRequest(
  reads: VariableRead[],
  ctx: EvalContext,
  request: ReadRequest,
  required: boolean,
  defaultText: string | undefined,
): VariableRead {
  const { variable, via, line, fallback } = request;
  return recordRead(reads, ctx, {
    variable,
    via,
    line,
    required,
    hasDefault: hasDefault(fallback),
    defaultText,
  });
}

/** A read of a variable; unset, it gives the fallback, or None, or a failure. */
export function readVariable(reads: VariableRead[], ctx: EvalContext, request: ReadRequest): PyValue {
  const { variable, fallback, line, failsWhenUnset } = request;
  const required = failsWhenUnset && !hasDefault(fallback);
  const read = recordRequest(reads, ctx, request, required, fallback?.t === 'str' ? fallback.v : undefined);
  const unset: PyValue =
    fallback ??
    (failsWhenUnset ? { t: 'unknown', text: `${variable} unset`, crash: true, line } : { t: 'none', line });
  return { t: 'env', read, unset, line };
}

/** `os.environ.get('X', d)`, `os.getenv('X', d)`, `os.environ.setdefault('X', d)`; undefined for other names. */
export const callOsEnviron: LibraryCall = (recorder, ctx, name, args, line) => {
  if (name !== 'os.environ.get' && name !== 'os.getenv' && name !== 'os.environ.setdefault') return undefined;
  const [a0, a1] = args.pos;
  if (a0?.t !== 'str') return undefined;
  const via = name === 'os.getenv' ? 'getenv' : 'environ.get';
  const given = a1 ?? args.kw.get('default');
  const fallback = given ?? ctx.environDefaults?.get(a0.v);
  if (name === 'os.environ.setdefault' && given !== undefined) ctx.environDefaults?.set(a0.v, given);
  return asText(
    readVariable(recorder.reads, ctx, { variable: a0.v, via, fallback, line, failsWhenUnset: false }),
  );
};

/** A read whose value, when the variable is set, is the variable's text as it is (no cast). */
export function asText(v: PyValue): PyValue {
  return v.t === 'env' ? { ...v, whenSet: 'text', probes: textProbes(v.line) } : v;
}

/** `os.environ['X']`: fails when X is unset. */
export function subscriptOsEnviron(
  reads: VariableRead[],
  ctx: EvalContext,
  key: PyValue,
  line: number,
): PyValue | undefined {
  if (key.t !== 'str') return undefined;
  const fallback = ctx.environDefaults?.get(key.v);
  const request = { variable: key.v, via: 'environ[]' as const, line, failsWhenUnset: true };
  return asText(readVariable(reads, ctx, fallback ? { ...request, fallback } : request));
}

/** `'X' in os.environ` (or `not in`): only whether X is set is read. */
export function presenceOfVariable(
  reads: VariableRead[],
  ctx: EvalContext,
  variable: string,
  negated: boolean,
  line: number,
): PyValue {
  const read = recordRead(reads, ctx, { variable, via: 'other', line, required: false, hasDefault: false });
  read.presence = true;
  // Whatever the text (`DEBUG=False` included), a set variable makes the test true.
  const probes = PROBE_TEXTS.map((text) => ({ text, v: { t: 'bool', v: !negated, line } as PyValue }));
  return { t: 'env', read, unset: { t: 'bool', v: negated, line }, probes, line };
}

export function isOsEnviron(v: PyValue): boolean {
  return v.t === 'ref' && v.name === 'os.environ';
}
