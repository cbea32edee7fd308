/**
 * Which branches of a start script run: the conditions a command is guarded by (if/elif/else, case, `test … &&`)
 * evaluated against the arguments and environment the container gives the script. Three-valued: a condition that
 * reads something unknown is neither true nor false, and a command is dropped only when a guard is known false. Pure.
 */
import type { ShellCommand, ShellCondition } from '../types/shell.js';
import { LINES } from '../../util/lines.js';

/** What a script knows when it starts. */
export interface BranchInputs {
  /** The script's arguments ($1 …); undefined when they cannot be known. */
  args?: string[];
  /** A variable's value: a string, null when it is set nowhere, undefined when its value cannot be known. */
  variable: (name: string) => string | null | undefined;
}

type Truth = boolean | undefined;

/** Whether a script replaces its positional arguments (`shift`, `set -- a b`, `set a b`; not `set -e -o pipefail`). */
export function movesArgs(commands: Pick<ShellCommand, 'argv'>[]): boolean {
  return commands.some((c) => c.argv[0] === 'shift' || setsArgs(c.argv));
}

/**
 * The arguments a script's branches are read with: those it is given, unless a command that replaces them may run
 * before a test is read (`set -- app "$@"` under a test the given arguments fail leaves them as they are; the `shift`
 * of `elif [ "$1" = web ]; then shift; exec gunicorn "$@"` comes after the only tests its branch reads).
 */
export function argsThrough(
  commands: Pick<ShellCommand, 'argv' | 'guards' | 'loop'>[],
  args: string[] | undefined,
  variable: BranchInputs['variable'],
): string[] | undefined {
  const testedAfter = (c: Pick<ShellCommand, 'guards' | 'loop'>, i: number): boolean =>
    c.loop === true ||
    commands
      .slice(i + 1)
      .some(
        (later) => !exclusive(c, later) && (later.guards ?? []).some((g) => !(c.guards ?? []).includes(g)),
      );
  return commands.some((c, i) => movesArgs([c]) && mayRun(c, { args, variable }) && testedAfter(c, i))
    ? undefined
    : args;
}

/** A word that is the script's arguments: `$@`, `"$@"`, `${@}`, `$*`. */
export const ARGS_WORD = /^\$\{?[@*]\}?$/;

/**
 * The script's arguments after a command: `shift [N]` drops the first N when it surely runs, `set -- WORD…` puts its
 * words in their place (`"$@"` among them the arguments before); either leaves them unknown when it may not run.
 */
export function argsAfter(
  c: ShellCommand,
  args: string[] | undefined,
  inputs: BranchInputs,
): string[] | undefined {
  if (!args || !movesArgs([c])) return args;
  const surely = !c.loop && (c.guards ?? []).every((g) => evaluateCondition(g, inputs) === true);
  if (!surely) return undefined;
  if (c.argv[0] === 'set' && c.argv[1] === '--')
    return c.argv.slice(2).flatMap((w) => (ARGS_WORD.test(w) ? args : [w]));
  const n = c.argv[0] === 'shift' ? Number(c.argv[1] ?? '1') : NaN;
  return Number.isInteger(n) && n >= 0 ? args.slice(n) : undefined;
}

/** A foreground `exec PROGRAM …` (the program written out) whose every guard is known to hold: it replaces the shell. */
export function execsSurely(c: ShellCommand, inputs: BranchInputs): boolean {
  if (!c.viaExec || c.background || c.loop || c.inFunction !== undefined) return false;
  if (c.argv.length === 0 || /[$`]/.test(c.argv[0])) return false;
  return (c.guards ?? []).every((g) => evaluateCondition(g, inputs) === true);
}

/**
 * Whether a script's text reads its positional arguments anywhere (`"$@"`, `$*`, `$1`, `${2:-x}`, `$#`, `shift`):
 * one that never does drops the command docker passes it. Comment lines are left out; any other mention counts.
 */
export function readsArguments(text: string): boolean {
  const code = text
    .split(LINES)
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');
  return (
    /\$(?:[@*#1-9]|\{[#!]?(?:[@*1-9]|#\}))/.test(code) ||
    /(^|[\s;&|(])(shift|set\s+--|getopts)\b/m.test(code) ||
    sourcesScript(code)
  );
}

/** `. ./run.sh`, `source lib.sh`: a sourced script sees the same arguments (a virtualenv's activate does not read them). */
function sourcesScript(code: string): boolean {
  for (const m of code.matchAll(/(?:^|[;&|(]|then|do|else)\s*(?:\.|source)\s+["']?([^\s"';&|]+)/gm))
    if (!/(^|\/)activate$/.test(m[1])) return true;
  return false;
}

function setsArgs(argv: string[]): boolean {
  if (argv[0] !== 'set') return false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--' || !/^[-+]/.test(a)) return true;
    if (a === '-o' || a === '+o') i++;
  }
  return false;
}

/**
 * Whether two commands are alternatives: items of one `case`, or branches of one if/else. One's guards then hold a
 * condition that the other's negate (a later item or branch runs only when the earlier one's test failed).
 */
export function exclusive(a: Pick<ShellCommand, 'guards'>, b: Pick<ShellCommand, 'guards'>): boolean {
  const negated = (from: ShellCondition[]) =>
    new Set(from.flatMap((g) => (g.kind === 'not' ? [JSON.stringify(g.condition)] : [])));
  const held = (from: ShellCondition[]) => from.map((g) => JSON.stringify(g));
  const ga = a.guards ?? [];
  const gb = b.guards ?? [];
  const notA = negated(ga);
  const notB = negated(gb);
  if (held(ga).some((g) => notB.has(g)) || held(gb).some((g) => notA.has(g))) return true;
  // `[ "$ENV" = dev ] && A` beside `[ "$ENV" != dev ] && B`: opposite tests of one word, written as two guards.
  return ga.some((g) => {
    const x = polarTest(g);
    return (
      x !== undefined &&
      gb.some((h) => {
        const y = polarTest(h);
        return y !== undefined && y.key === x.key && y.positive !== x.positive;
      })
    );
  });
}

/**
 * A test guard as one comparison and whether it is asserted or denied: `[ "$E" != dev ]` and `! [ "$E" = dev ]` are
 * `$E = dev` denied, `[ -n "$X" ]` is `-z $X` denied. Undefined for anything but one comparison or string test.
 */
function polarTest(g: ShellCondition): { key: string; positive: boolean } | undefined {
  let positive = true;
  let c = g;
  while (c.kind === 'not') {
    positive = !positive;
    c = c.condition;
  }
  if (c.kind !== 'test') return undefined;
  let words = c.words;
  while (words[0] === '!' && words.length > 1) {
    positive = !positive;
    words = words.slice(1);
  }
  const glob = (w: string) => (c.extended === true && /[*?[]/.test(w) ? `[[${w}` : w);
  if (words.length === 3 && ['=', '==', '!='].includes(words[1])) {
    if (words[1] === '!=') positive = !positive;
    return { key: `${words[0]}\0=\0${glob(words[2])}`, positive };
  }
  if (words.length === 2 && (words[0] === '-z' || words[0] === '-n')) {
    if (words[0] === '-n') positive = !positive;
    return { key: `-z\0${words[1]}`, positive };
  }
  return undefined;
}

/** The commands a script may end with: those no later command can run after (it is in another branch). */
export function branchEnds<C extends Pick<ShellCommand, 'guards'>>(commands: C[]): C[] {
  return commands.filter((c, i) => commands.slice(i + 1).every((later) => exclusive(c, later)));
}

/**
 * The commands that may run: those none of whose guards is known to be false. When the branches the repository's
 * arguments and variables select do nothing at all (`if [ "$RUN_MODE" = web ]; then …; elif …; fi` with RUN_MODE set
 * nowhere), the container is evidently started with them given at run time (`docker run -e`, a platform's settings):
 * a variable set nowhere, and the arguments when none are given, are then unknown, and every such branch may run.
 */
export function commandsThatRun<C extends Pick<ShellCommand, 'argv' | 'guards'>>(
  commands: C[],
  inputs: BranchInputs,
): C[] {
  const taken = commands.filter((c) => mayRun(c, inputs));
  if (taken.some(doesSomething) || !commands.some(doesSomething)) return taken;
  const givenAtRun: BranchInputs = {
    args: inputs.args?.length === 0 ? undefined : inputs.args,
    variable: (name) => inputs.variable(name) ?? undefined,
  };
  return commands.filter((c) => mayRun(c, givenAtRun));
}

/** Shell steps that change nothing a container runs: tests, messages, settings of the shell itself. */
const IDLE_STEPS = new Set([
  '[',
  '[[',
  'test',
  'echo',
  'printf',
  'true',
  'false',
  ':',
  'exit',
  'set',
  'export',
  'cd',
]);

/** Whether a command does something beyond testing, printing and setting up the shell. */
function doesSomething(command: Pick<ShellCommand, 'argv'>): boolean {
  return command.argv.length > 0 && !IDLE_STEPS.has(command.argv[0]);
}

/** False only when one of the command's guards is known to be false. */
export function mayRun(command: Pick<ShellCommand, 'guards'>, inputs: BranchInputs): boolean {
  return (command.guards ?? []).every((g) => evaluateCondition(g, inputs) !== false);
}

/** The truth of a condition, undefined when it depends on something unknown. */
export function evaluateCondition(condition: ShellCondition, inputs: BranchInputs): Truth {
  switch (condition.kind) {
    case 'not': {
      const v = evaluateCondition(condition.condition, inputs);
      return v === undefined ? undefined : !v;
    }
    case 'and':
      return and(evaluateCondition(condition.left, inputs), evaluateCondition(condition.right, inputs));
    case 'or':
      return or(evaluateCondition(condition.left, inputs), evaluateCondition(condition.right, inputs));
    case 'case': {
      const word = expandWord(condition.word, inputs);
      if (word === undefined) return undefined;
      let result: Truth = false;
      for (const p of condition.patterns) result = or(result, globMatch(p, word, inputs));
      return result;
    }
    case 'test':
      return new TestReader(condition.words, inputs, condition.extended === true).read();
    default:
      return undefined;
  }
}

function and(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : undefined;
}

function or(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  return a === false && b === false ? false : undefined;
}

const EXPANSION = /\$(?:\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*|[0-9#@*?$!-]))/g;

/**
 * A word with its `$1`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$#`, `$@` expanded; undefined when
 * it reads something unknown or holds another expansion (`$(cmd)`, `${VAR%x}`).
 */
export function expandWord(word: string, inputs: BranchInputs): string | undefined {
  if (word.includes('`') || word.includes('$(')) return undefined;
  let unknown = false;
  const out = word.replace(EXPANSION, (_m, braced: string | undefined, bare: string | undefined) => {
    const v = braced !== undefined ? bracedValue(braced, inputs) : parameter(bare!, inputs);
    if (v === undefined) unknown = true;
    return v ?? '';
  });
  return unknown || out.includes('$') ? undefined : out;
}

function bracedValue(inner: string, inputs: BranchInputs): string | undefined {
  // `${1:0:1}`: bash's substring of a parameter, from a non-negative offset
  const sub = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+):([0-9]+)(?::([0-9]+))?$/.exec(inner);
  if (sub) {
    const value = lookup(sub[1], inputs);
    if (value === undefined) return undefined;
    const start = Number(sub[2]);
    return (value ?? '').slice(start, sub[3] === undefined ? undefined : start + Number(sub[3]));
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[#@*])(?:(:?)([-=])(.*))?$/s.exec(inner);
  if (!m) return undefined;
  const [, name, colon, op, fallback] = m;
  const value = lookup(name, inputs);
  if (value === undefined) return undefined;
  if (!op) return value ?? '';
  const useDefault = value === null || (colon === ':' && value === '');
  return useDefault ? expandWord(fallback, inputs) : value;
}

function parameter(name: string, inputs: BranchInputs): string | undefined {
  const v = lookup(name, inputs);
  return v === null ? '' : v;
}

/** A parameter's value: null when unset, undefined when unknown. */
function lookup(name: string, inputs: BranchInputs): string | null | undefined {
  const { args } = inputs;
  if (/^[0-9]+$/.test(name)) {
    if (name === '0') return undefined;
    if (!args) return undefined;
    return args[Number(name) - 1] ?? null;
  }
  if (name === '#') return args ? String(args.length) : undefined;
  if (name === '@' || name === '*') return args ? args.join(' ') : undefined;
  if (/^[A-Za-z_]/.test(name)) return inputs.variable(name);
  return undefined; // $?, $$, $!, $-
}

/** Whether `word` matches the shell pattern (`*`, `?`, `[…]`); undefined when the pattern reads something unknown. */
function globMatch(pattern: string, word: string, inputs: BranchInputs): Truth {
  const p = expandWord(pattern, inputs);
  if (p === undefined) return undefined;
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else if (ch === '[' && p.indexOf(']', i + 2) > 0) {
      const end = p.indexOf(']', i + 2);
      const body = p.slice(i + 1, end);
      re += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`.replace(/\\/g, '\\\\');
      i = end;
    } else re += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  try {
    return new RegExp(`^${re}$`, 's').test(word);
  } catch {
    return undefined;
  }
}

const UNARY_STRING = new Set(['-z', '-n']);
/** File and other tests whose answer depends on the container's filesystem or terminal. */
const UNARY_OTHER = /^-[a-hkprstuwxGLNOSv]$/;
const NUMERIC: Record<string, (a: number, b: number) => boolean> = {
  '-eq': (a, b) => a === b,
  '-ne': (a, b) => a !== b,
  '-lt': (a, b) => a < b,
  '-le': (a, b) => a <= b,
  '-gt': (a, b) => a > b,
  '-ge': (a, b) => a >= b,
};

/** `test` / `[` / `[[` expressions: `!`, `-a`/`&&`, `-o`/`||`, parentheses, -z/-n, =/==/!=, the numeric comparisons. */
class TestReader {
  private at = 0;

  constructor(
    private readonly words: string[],
    private readonly inputs: BranchInputs,
    private readonly extended: boolean,
  ) {}

  read(): Truth {
    if (this.words.length === 0) return false;
    const v = this.or();
    return this.at === this.words.length ? v : undefined;
  }

  private or(): Truth {
    let v = this.and();
    while (this.peek() === '-o' || this.peek() === '||') {
      this.at++;
      v = or(v, this.and());
    }
    return v;
  }

  private and(): Truth {
    let v = this.not();
    while (this.peek() === '-a' || this.peek() === '&&') {
      this.at++;
      v = and(v, this.not());
    }
    return v;
  }

  private not(): Truth {
    if (this.peek() === '!' && this.words.length - this.at > 1) {
      this.at++;
      const v = this.not();
      return v === undefined ? undefined : !v;
    }
    return this.primary();
  }

  private primary(): Truth {
    const w = this.next();
    if (w === undefined) return undefined;
    if (w === '(') {
      const v = this.or();
      return this.next() === ')' ? v : undefined;
    }
    const op = this.peek();
    if (op !== undefined && this.isBinary(op) && this.at + 1 < this.words.length) {
      this.at++;
      return this.binary(w, op, this.next()!);
    }
    if (UNARY_STRING.has(w) && op !== undefined) {
      const s = expandWord(this.next()!, this.inputs);
      if (s === undefined) return undefined;
      return w === '-z' ? s === '' : s !== '';
    }
    if (UNARY_OTHER.test(w) && op !== undefined) {
      this.next();
      return undefined;
    }
    const s = expandWord(w, this.inputs);
    return s === undefined ? undefined : s !== '';
  }

  private isBinary(op: string): boolean {
    return ['=', '==', '!=', '=~', '<', '>'].includes(op) || op in NUMERIC || /^-(nt|ot|ef)$/.test(op);
  }

  private binary(left: string, op: string, right: string): Truth {
    const a = expandWord(left, this.inputs);
    if (a === undefined) return undefined;
    if (op === '=' || op === '==' || op === '!=') {
      const equal = this.extended ? globMatch(right, a, this.inputs) : eq(a, expandWord(right, this.inputs));
      return op === '!=' && equal !== undefined ? !equal : equal;
    }
    const compare = NUMERIC[op];
    if (!compare) return undefined;
    const b = expandWord(right, this.inputs);
    if (b === undefined || !/^\s*-?\d+\s*$/.test(a) || !/^\s*-?\d+\s*$/.test(b)) return undefined;
    return compare(Number(a), Number(b));
  }

  private peek(): string | undefined {
    return this.words[this.at];
  }

  private next(): string | undefined {
    return this.words[this.at++];
  }
}

function eq(a: string, b: string | undefined): Truth {
  return b === undefined ? undefined : a === b;
}
