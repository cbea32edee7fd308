/** Emulation of os.environ and os.getenv: each read of a variable, whether it has a default, whether it can fail. */
import type { CallArgs, PyValue, ReadVia, VariableRead } from './value.js';
import type { EvalContext } from './context.js';

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

/** A read of `variable` with an optional fallback; `failsWhenUnset` for reads that raise without one. */
export function readVariable(
  reads: VariableRead[],
  ctx: EvalContext,
  variable: string,
  via: ReadVia,
  fallback: PyValue | undefined,
  line: number,
  failsWhenUnset: boolean,
): PyValue {
  const hasDefault = fallback !== undefined && fallback.t !== 'none';
  const read = recordRead(reads, ctx, {
    variable,
    via,
    line,
    required: failsWhenUnset && !hasDefault,
    hasDefault,
    defaultText: fallback?.t === 'str' ? fallback.v : undefined,
  });
  const unset: PyValue =
    fallback ??
    (failsWhenUnset ? { t: 'unknown', text: `${variable} unset`, crash: true, line } : { t: 'none', line });
  return { t: 'env', read, unset, line };
}

/** `os.environ.get('X', d)`, `os.getenv('X', d)`, `os.environ.setdefault('X', d)`; undefined for other names. */
export function callOsEnviron(
  reads: VariableRead[],
  ctx: EvalContext,
  name: string,
  args: CallArgs,
  line: number,
): PyValue | undefined {
  if (name !== 'os.environ.get' && name !== 'os.getenv' && name !== 'os.environ.setdefault') return undefined;
  const [a0, a1] = args.pos;
  if (a0?.t !== 'str') return undefined;
  const fallback = a1 ?? args.kw.get('default');
  return readVariable(
    reads,
    ctx,
    a0.v,
    name === 'os.getenv' ? 'getenv' : 'environ.get',
    fallback,
    line,
    false,
  );
}

/** `os.environ['X']`: fails when X is unset. */
export function subscriptOsEnviron(
  reads: VariableRead[],
  ctx: EvalContext,
  key: PyValue,
  line: number,
): PyValue | undefined {
  if (key.t !== 'str') return undefined;
  return readVariable(reads, ctx, key.v, 'environ[]', undefined, line, true);
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
  return { t: 'env', read, unset: { t: 'bool', v: negated, line }, line };
}

export function isOsEnviron(v: PyValue): boolean {
  return v.t === 'ref' && v.name === 'os.environ';
}
