/** What the evaluator carries through statements: names in scope, the branch it is in, what it has recorded. */
import type { CallArgs, Condition, PyValue, Truth, VariableRead } from './value.js';

export interface Binding {
  v: PyValue;
  /** Indices of the recorded assignments that may have produced this value. */
  origins: number[];
}

export type Scope = Map<string, Binding>;

/** Where a statement runs: its scope and the branch (and environment test) it sits in. */
export interface EvalContext {
  scope: Scope;
  inBranch: boolean;
  activeWhenUnset: Truth;
  cond?: Condition;
  condText?: string;
  /** The test of the innermost `if`/`elif` it sits under, as written, whatever it tests (`not DEBUG`). */
  branchTest?: { text: string; line: number };
  /** Variables tested as set by an enclosing branch: reading them there cannot fail. */
  guarded: Set<string>;
  /** Inside a helper function: its local assignments are not settings. */
  inFunction?: boolean;
  /** The attribute a statement of a django-configurations class assigns: `values.Value()` reads DJANGO_<it>. */
  classAttribute?: string;
  /** Defaults `os.environ.setdefault('X', d)` gave: a later read of X finds d where X is unset. */
  environDefaults?: Map<string, PyValue>;
}

/** An assignment to a setting name, as it was evaluated. */
export interface RecordedAssignment {
  /** The module it is in, when not the settings module itself (a module it star-imports). */
  file?: string;
  name: string;
  line: number;
  /** Last line of the statement. */
  endLine?: number;
  v: PyValue;
  cond?: Condition;
  condText?: string;
  branchTest?: { text: string; line: number };
  inBranch: boolean;
  /** A top-level statement of a module star-imported in a branch whose test cannot be told. */
  loadedInBranch?: boolean;
  activeWhenUnset: Truth;
}

/** What library calls record besides the value they return: variable reads, .env loads, logging configs. */
export interface CallRecorder {
  readonly reads: VariableRead[];
  readonly dotenvLoads: { via: string; line: number }[];
  /** Keeps a config passed to logging.config.dictConfig(), searched for handlers like LOGGING. */
  recordLoggingConfig(config: PyValue, callLine: number): void;
}

/** A call of a library function by its dotted name; undefined when the name is not this library's or not emulated. */
export type LibraryCall = (
  recorder: CallRecorder,
  ctx: EvalContext,
  name: string,
  args: CallArgs,
  line: number,
) => PyValue | undefined;
