/**
 * The settings module manage.py or a wsgi/asgi module sets as DJANGO_SETTINGS_MODULE's default, evaluated with the
 * container's environment: `'config.settings.' + os.getenv('ENV', 'local')`, f-strings, `%` and `.format()`, and the
 * branch of an `if`/`else` the environment takes. These files are short boilerplate, read line by line.
 */
import { isModuleName } from '../discover/classify.js';

/** A variable's value in the container: a string, unset (null), or unknown (undefined). */
export type ContainerVariable = (name: string) => string | null | undefined;

/** A value known to be a string, unset (null: an unset variable read without a default), or unknown (undefined). */
type Value = string | null | undefined;

const SETTER =
  /^(?:[A-Za-z_]\w*\s*=\s*)?os\.environ(?:\.setdefault\(\s*['"]DJANGO_SETTINGS_MODULE['"]\s*,\s*(.+)\)|\[\s*['"]DJANGO_SETTINGS_MODULE['"]\s*\]\s*=\s*(.+))$/;

/** The text of a project module a file imports (`from config.environment import SETTINGS_MODULE`), where found. */
export type ImportedModule = (module: string, from: string) => { file: string; text: string } | undefined;

/**
 * The module the file sets, in the branch the environment takes; a variable the container may set but whose value
 * is unknown is taken at its default in the code, unless `defaults` is false (an env_file the repository does not hold
 * may set it). Names imported from the project's own modules carry the value
 * those modules give them. Undefined when no setter is found or its value cannot be worked out.
 */
export function chosenSettingsModule(
  text: string,
  variable: ContainerVariable,
  source?: { file: string; imported: ImportedModule },
  defaults = true,
): string | undefined {
  const atDefault: ContainerVariable = (name) => (variable(name) === undefined ? null : variable(name));
  return (
    readModule(text, { variable, ...source }).module ??
    (defaults ? readModule(text, { variable: atDefault, ...source }).module : undefined)
  );
}

/** The module a file sets by default, and the others a value of one variable the deploy may set makes it set. */
export interface SettingsModuleSwitch {
  /** The module set when the variable is unset. */
  fallback: string;
  variable: string;
  /** The line of the file's first read of the variable. */
  line: number;
  /** Each other module, with a value of the variable (one the file compares it with) that sets it. */
  alternatives: { module: string; value: string }[];
}

/**
 * `settings_file = "production" if os.getenv("ENV") == "production" else "dev"` before the setter: the module for an
 * unset variable, and the other modules the values the file compares the variable with lead to. Only a variable the
 * container does not set to a known value counts (a deploy may set it); undefined when none switches the module.
 */
export function settingsModuleSwitch(
  text: string,
  variable: ContainerVariable,
  source?: { file: string; imported: ImportedModule },
): SettingsModuleSwitch | undefined {
  const atDefault: ContainerVariable = (name) => (variable(name) === undefined ? null : variable(name));
  const fallback = readModule(text, { variable: atDefault, ...source }).module;
  if (!fallback) return undefined;
  const reads = /(?:getenv|environ\.get|environ\[|config|env)\(?\s*(['"])(\w+)\1/g;
  const open = [...new Set([...text.matchAll(reads)].map((m) => m[2]))].filter(
    (n) => n !== 'DJANGO_SETTINGS_MODULE' && typeof variable(n) !== 'string',
  );
  const words = [...text.matchAll(/(?:==|!=)\s*(['"])([\w.-]+)\1|(['"])([\w.-]+)\3\s*(?:==|!=)/g)].map(
    (m) => m[2] ?? m[4],
  );
  for (const name of open) {
    const alternatives = new Map<string, string>();
    for (const value of new Set(words)) {
      const set: ContainerVariable = (n) => (n === name ? value : atDefault(n));
      const module = readModule(text, { variable: set, ...source }).module;
      if (module && module !== fallback && !alternatives.has(module)) alternatives.set(module, value);
    }
    if (alternatives.size === 0) continue;
    const at = new RegExp(`['"]${name}['"]`).exec(text)?.index ?? 0;
    return {
      fallback,
      variable: name,
      line: text.slice(0, at).split('\n').length,
      alternatives: [...alternatives].map(([module, value]) => ({ module, value })),
    };
  }
  return undefined;
}

interface Branch {
  indent: number;
  /** For a `match`, the subject its `case` arms compare with. */
  subject?: string;
  /** Whether the current arm of the if runs: undefined when it cannot be told. */
  current: boolean | undefined;
  /** Whether an earlier arm ran. */
  taken: boolean | undefined;
}

interface Reading {
  variable: ContainerVariable;
  /** The file read, for its relative imports. */
  file?: string;
  imported?: ImportedModule;
  /** Files being read, outermost first: an import cycle stops there. */
  within?: string[];
}

/**
 * Reads a module top to bottom: the settings module its first setter that surely runs sets (else the first that may
 * run), and the names it leaves assigned.
 */
function readModule(text: string, reading: Reading): { module?: string; names: Map<string, Value> } {
  const names = new Map<string, Value>();
  // manage.py runs as a script: its `if __name__ == "__main__":` block runs (an imported module's would not).
  if (!reading.within?.length && reading.file && /(^|\/)manage\.py$/.test(reading.file))
    names.set('__name__', '__main__');
  const branches: Branch[] = [];
  const evaluate = (expr: string) => valueOf(expr, reading.variable, names);
  let sure: string | undefined;
  let unsure: string | undefined;
  // The class whose body is being read: its attributes are named `Class.NAME` (an Enum's members).
  let klass: { name: string; indent: number } | undefined;
  for (const raw of logicalLines(text)) {
    const line = raw.replace(/\s+#.*$/, '');
    const stripped = line.trim();
    if (!stripped || stripped.startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (klass && indent <= klass.indent) klass = undefined;
    const declared = /^class\s+([A-Za-z_]\w*)\s*\((.*)\)\s*:$/.exec(stripped);
    if (declared) {
      klass = { name: declared[1], indent };
      // `Environment(value)` of an Enum is the member with that value: here, the value itself.
      if (/\b(Enum|StrEnum|TextChoices)\b/.test(declared[2])) names.set(`${declared[1]}()`, '');
      continue;
    }
    const content = caseAsIf(stripped, indent, branches) ?? stripped;
    const arm = /^(elif\s+(.+)|else\s*):$/.exec(content);
    while (
      branches.length > 0 &&
      (indent < branches.at(-1)!.indent || (indent === branches.at(-1)!.indent && !arm))
    )
      branches.pop();
    const top = branches.at(-1);
    if (arm && top && top.indent === indent) {
      const test = arm[2] === undefined ? true : truth(arm[2], evaluate);
      top.current = top.taken === true ? false : top.taken === false ? test : undefined;
      top.taken =
        top.taken === true || top.current === true ? true : top.taken === false ? top.current : undefined;
      continue;
    }
    // `match environment:` opens a chain whose `case` arms (one level deeper) test the subject.
    const matched = /^match\s+(.+):$/.exec(content);
    if (matched) {
      branches.push({ indent, subject: matched[1], current: true, taken: true });
      continue;
    }
    const opened = /^if\s+(.+):$/.exec(content);
    if (opened) {
      const current = truth(opened[1], evaluate);
      branches.push({ indent, current, taken: current });
      continue;
    }
    const runs = branches.every((b) => b.current === true)
      ? true
      : branches.some((b) => b.current === false)
        ? false
        : undefined;
    if (runs === false) continue;
    const setter = SETTER.exec(content);
    if (setter) {
      const module = evaluate(setter[1] ?? setter[2]);
      if (typeof module !== 'string' || !isModuleName(module)) continue;
      if (runs) sure ??= module;
      else unsure ??= module;
      continue;
    }
    const imports = /^from\s+(\.*[\w.]*)\s+import\s+\(?([\w\s,]+?|\*)\)?$/.exec(content);
    if (imports) {
      for (const [name, value] of importedNames(imports[1], imports[2], reading))
        names.set(name, runs ? value : undefined);
      continue;
    }
    const assigned = /^([A-Za-z_]\w*)\s*(?::[^=]+)?=\s*(.+)$/.exec(content);
    if (assigned)
      names.set(
        klass ? `${klass.name}.${assigned[1]}` : assigned[1],
        runs ? evaluate(assigned[2]) : undefined,
      );
  }
  return { module: sure ?? unsure, names };
}

/**
 * The names `from MODULE import a, b as c` binds, with the values MODULE leaves them (read with the same
 * environment); a module outside the project, or a name it does not assign, binds an unknown value.
 */
function importedNames(module: string, list: string, reading: Reading): [string, Value][] {
  const within = [...(reading.within ?? []), ...(reading.file ? [reading.file] : [])];
  const found = reading.file !== undefined ? reading.imported?.(module, reading.file) : undefined;
  const names =
    found && !within.includes(found.file) && within.length < 6
      ? readModule(found.text, { ...reading, file: found.file, within }).names
      : undefined;
  if (list.trim() === '*') return names ? [...names].filter(([name]) => !name.includes('(')) : [];
  return list
    .split(',')
    .map((item) => /^([A-Za-z_]\w*)(?:\s+as\s+([A-Za-z_]\w*))?$/.exec(item.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[2] ?? m[1], names?.get(m[1])]);
}

/**
 * A `case` arm of a `match` written as the `if`/`elif`/`else` it amounts to (`case Environment.LOCAL:` under
 * `match environment:` is `if environment == Environment.LOCAL:`); undefined for any other line.
 */
function caseAsIf(content: string, indent: number, branches: Branch[]): string | undefined {
  const pattern = /^case\s+(.+?)\s*:$/.exec(content)?.[1];
  if (pattern === undefined) return undefined;
  const top = branches.at(-1);
  const first = top?.subject !== undefined && top.indent < indent;
  const subject = first ? top.subject : top?.indent === indent ? branches.at(-2)?.subject : undefined;
  if (subject === undefined) return undefined;
  if (pattern === '_') return first ? 'if True:' : 'else:';
  return `${first ? 'if' : 'elif'} ${subject} == ${pattern}:`;
}

/** The file's lines, a call or literal continued over several lines joined into one (`setdefault(\n  'X', …)`). */
function logicalLines(text: string): string[] {
  const out: string[] = [];
  let pending: string | undefined;
  for (const raw of text.split('\n')) {
    const line = pending === undefined ? raw : `${pending} ${raw.trim()}`;
    if (openBrackets(line) > 0) pending = line;
    else {
      out.push(line);
      pending = undefined;
    }
  }
  if (pending !== undefined) out.push(pending);
  return out;
}

/** Brackets opened and not closed on a line, outside quotes and comments. */
function openBrackets(line: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '#') break;
    else if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
  }
  return depth;
}

/** Whether a condition holds: `A == 'x'`, `A != 'x'`, `A in ('x', 'y')`, `not A`, `A`; undefined when unknown. */
function truth(condition: string, evaluate: (expr: string) => Value): boolean | undefined {
  const c = condition.trim().replace(/^\((.*)\)$/, '$1');
  const negated = /^not\s+(.+)$/.exec(c);
  if (negated) {
    const t = truth(negated[1], evaluate);
    return t === undefined ? undefined : !t;
  }
  const compared = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(c);
  if (compared) {
    const [a, b] = [evaluate(compared[1]), evaluate(compared[3])];
    if (a === undefined || b === undefined) return undefined;
    return (a === b) === (compared[2] === '==');
  }
  const member = /^(.+?)\s+(not\s+in|in)\s+[([{](.*)[)\]}]$/.exec(c);
  if (member) {
    const a = evaluate(member[1]);
    const items = member[3].split(',').map((s) => evaluate(s.trim()));
    if (a === undefined || items.includes(undefined)) return undefined;
    return items.includes(a) === (member[2] === 'in');
  }
  const v = evaluate(c);
  if (v === undefined) return undefined;
  if (v === null) return false;
  // `config('DEBUG', cast=bool)`, `env.bool('DEBUG')`: the string read as a boolean
  if (/cast\s*=\s*bool|\.bool\(/.test(c)) return /^(1|true|yes|on|y|t)$/i.test(v.trim());
  return v !== '';
}

/** A string expression's value: literals, `+`, f-strings, `%`, `.format()`, `.lower()`, env reads and names. */
function valueOf(expr: string, variable: ContainerVariable, names: Map<string, Value>): Value {
  const e = expr.trim().replace(/^\((.*)\)$/, '$1');
  // `A if TEST else B`, which binds looser than `+`: the branch the test takes.
  const [taken, test, otherwise] = splitTopLevel(e, ' if ').flatMap((p, i) =>
    i ? splitTopLevel(p, ' else ') : [p],
  );
  if (otherwise !== undefined) {
    const holds = truth(test, (x) => valueOf(x, variable, names));
    return holds === undefined ? undefined : valueOf(holds ? taken : otherwise, variable, names);
  }
  const parts = splitTopLevel(e, '+');
  if (parts.length > 1) {
    const values = parts.map((p) => valueOf(p, variable, names));
    return values.every((v) => typeof v === 'string') ? values.join('') : undefined;
  }
  const inner = (x: string) => valueOf(x, variable, names);
  const literal = /^([fF]?)(['"])(.*)\2$/.exec(e);
  if (literal && !literal[3].includes(literal[2])) {
    if (!literal[1]) return literal[3];
    let unknown = false;
    const s = literal[3].replace(/\{([^{}]+)\}/g, (_, x: string) => {
      const v = inner(x);
      if (typeof v !== 'string') unknown = true;
      return v ?? '';
    });
    return unknown ? undefined : s;
  }
  const percent = /^(['"])(.*)\1\s*%\s*(.+)$/.exec(e);
  if (percent) {
    const v = inner(percent[3].replace(/^\((.*?),?\)$/, '$1'));
    return typeof v === 'string' ? percent[2].replace(/%s/, v) : undefined;
  }
  const format = /^(['"])(.*)\1\.format\((.+)\)$/.exec(e);
  if (format) {
    const v = inner(format[3]);
    return typeof v === 'string' ? format[2].replace(/\{\w*\}/, v) : undefined;
  }
  const method = /^(.+)\.(lower|upper|strip)\(\)$/.exec(e);
  if (method) {
    const v = inner(method[1]);
    if (typeof v !== 'string') return v;
    return method[2] === 'lower' ? v.toLowerCase() : method[2] === 'upper' ? v.toUpperCase() : v.trim();
  }
  // `str(x)`, and an Enum built from its value (`Environment(value)`), are the string itself.
  const wrapped = /^([A-Za-z_]\w*)\((.+)\)$/.exec(e);
  if (wrapped && (wrapped[1] === 'str' || names.has(`${wrapped[1]}()`))) return inner(wrapped[2]);
  const read =
    /^(?:os\.getenv|os\.environ\.get|getenv|environ\.get|config|env(?:\.str|\.bool)?)\(\s*(['"])(\w+)\1\s*(?:,\s*(?:default\s*=\s*)?(.+?))?\s*\)$/.exec(
      e,
    ) ?? /^os\.environ\[\s*(['"])(\w+)\1\s*\]()$/.exec(e);
  if (read) {
    const set = variable(read[2]);
    if (set !== null) return set;
    const fallback = read[3]
      ? splitTopLevel(read[3], ',').find((a) => !/^\w+\s*=/.test(a) || /^default\s*=/.test(a))
      : undefined;
    return fallback === undefined ? null : inner(fallback.replace(/^default\s*=\s*/, ''));
  }
  if (/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)?$/.test(e)) return names.get(e);
  if (/^(True|False)$/.test(e)) return e;
  if (/^None$/.test(e)) return null;
  return /^\d+$/.test(e) ? e : undefined;
}

/** Splits at a separator (a character or a keyword with its spaces) outside quotes and brackets. */
function splitTopLevel(text: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      out.push(text.slice(start, i).trim());
      start = i + separator.length;
      i = start - 1;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}
