/**
 * The commands a Python program runs through a shell or a child process: `subprocess.run(["python", "manage.py",
 * "migrate"])`, `os.system("python manage.py migrate")`. Only what the text shows: literal strings, lists of them,
 * `" ".join(…)`, `.format(…)`, f-strings and `+`, with names assigned once in the same file; anything else is unknown.
 */
import type { SyntaxNode } from '@lezer/common';
import {
  childrenOf,
  parsePython,
  stringParts,
  stringValue,
  textOf,
  type PythonModule,
} from '../parse/python.js';
import { parseShell } from '../parse/shell.js';

/** One command a program runs, with the line of the call that runs it. */
export interface ProgramCommand {
  line: number;
  argv: string[];
}

type Value = string | string[] | undefined;

/** `subprocess` functions that take the command as their first argument; `os.system`/`os.popen` always use a shell. */
const SUBPROCESS = new Set(['run', 'call', 'check_call', 'check_output', 'Popen']);
const OS_SHELL = new Set(['system', 'popen']);

/** Every command `text` runs through `subprocess` or `os.system` whose words it shows. */
export function programCommands(text: string): ProgramCommand[] {
  if (!/\b(subprocess|os)\s*\.\s*(run|call|check_call|check_output|Popen|system|popen)\b/.test(text))
    return [];
  const module = parsePython(text);
  const names = new Evaluator(module);
  const out: ProgramCommand[] = [];
  const visit = (node: SyntaxNode) => {
    if (node.name === 'CallExpression') {
      const run = runCall(module, node);
      if (run) {
        const line = module.lineOf(node.from);
        const value = run.command && names.value(run.command);
        if (typeof value === 'string' && run.shell)
          out.push(...parseShell(value).commands.map((c) => ({ line, argv: c.argv })));
        else if (Array.isArray(value) && !run.shell) out.push({ line, argv: value });
        else if (typeof value === 'string' && !/\s/.test(value)) out.push({ line, argv: [value] });
      }
    }
    for (const child of childrenOf(node)) visit(child);
  };
  for (const statement of module.statements) visit(statement);
  return out;
}

/** The command argument of a `subprocess.*`/`os.system` call, and whether a shell reads it. */
function runCall(
  module: PythonModule,
  call: SyntaxNode,
): { command?: SyntaxNode; shell: boolean } | undefined {
  const callee = call.firstChild;
  const args = call.getChild('ArgList');
  if (callee?.name !== 'MemberExpression' || !args) return undefined;
  const m = /^(subprocess|os)\s*\.\s*(\w+)$/.exec(textOf(module, callee));
  if (!m || !(m[1] === 'os' ? OS_SHELL : SUBPROCESS).has(m[2])) return undefined;
  const { positional, keywords } = argumentsOf(module, args);
  const shellArg = keywords.get('shell');
  return {
    command: positional[0] ?? keywords.get('args'),
    shell: m[1] === 'os' || (shellArg !== undefined && textOf(module, shellArg) === 'True'),
  };
}

/** A call's arguments: the positional expressions, and the keyword ones by name. */
function argumentsOf(
  module: PythonModule,
  args: SyntaxNode,
): { positional: SyntaxNode[]; keywords: Map<string, SyntaxNode> } {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  const parts = childrenOf(args).filter((n) => !['(', ')'].includes(n.name));
  for (let i = 0; i < parts.length; i++) {
    const n = parts[i]!;
    if (n.name === ',') continue;
    if (n.name === 'VariableName' && parts[i + 1]?.name === 'AssignOp' && parts[i + 2]) {
      keywords.set(textOf(module, n), parts[i + 2]!);
      i += 2;
    } else positional.push(n);
  }
  return { positional, keywords };
}

/** Values of the expressions of one module, names resolved from its single assignments. */
class Evaluator {
  private readonly assigned = new Map<string, SyntaxNode | null>();
  private readonly resolving = new Set<string>();

  constructor(private readonly module: PythonModule) {
    const visit = (node: SyntaxNode) => {
      if (node.name === 'AssignStatement') {
        const parts = childrenOf(node);
        // `NAME = expr` only; a name assigned twice (or in a tuple, or augmented) has no one value
        if (parts.length === 3 && parts[0]!.name === 'VariableName' && parts[1]!.name === 'AssignOp') {
          const name = textOf(module, parts[0]!);
          this.assigned.set(name, this.assigned.has(name) ? null : parts[2]!);
        } else
          for (const p of parts) if (p.name === 'VariableName') this.assigned.set(textOf(module, p), null);
      }
      for (const child of childrenOf(node)) visit(child);
    };
    for (const statement of module.statements) visit(statement);
  }

  value(node: SyntaxNode): Value {
    const text = textOf(this.module, node);
    switch (node.name) {
      case 'String':
        return stringValue(text);
      case 'FormatString':
        return this.formatted(text, [], new Map(), true);
      case 'VariableName':
        return this.named(text);
      case 'MemberExpression':
        // the interpreter running the program: `[sys.executable, "manage.py", "migrate"]`
        return text.replace(/\s/g, '') === 'sys.executable' ? 'python' : undefined;
      case 'ParenthesizedExpression': {
        const inner = childrenOf(node).filter((n) => n.name !== '(' && n.name !== ')');
        return inner.length === 1 ? this.value(inner[0]!) : undefined;
      }
      case 'ArrayExpression':
      case 'TupleExpression':
        return this.list(node);
      case 'BinaryExpression':
        return this.sum(node);
      case 'CallExpression':
        return this.method(node);
      default:
        return undefined;
    }
  }

  private named(name: string): Value {
    const node = this.assigned.get(name);
    if (!node || this.resolving.has(name)) return undefined;
    this.resolving.add(name);
    try {
      return this.value(node);
    } finally {
      this.resolving.delete(name);
    }
  }

  private list(node: SyntaxNode): string[] | undefined {
    const items = childrenOf(node).filter((n) => !['[', ']', '(', ')', ','].includes(n.name));
    const values = items.map((n) => this.value(n));
    return values.every((v) => typeof v === 'string') ? (values as string[]) : undefined;
  }

  private sum(node: SyntaxNode): Value {
    const [left, op, right] = childrenOf(node);
    if (!left || !right || op?.name !== 'ArithOp' || textOf(this.module, op) !== '+') return undefined;
    const a = this.value(left);
    const b = this.value(right);
    if (typeof a === 'string' && typeof b === 'string') return a + b;
    if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
    return undefined;
  }

  /** `SEP.join(list)`, `TEMPLATE.format(…)`. */
  private method(node: SyntaxNode): Value {
    const callee = node.firstChild;
    const args = node.getChild('ArgList');
    if (callee?.name !== 'MemberExpression' || !args) return undefined;
    const object = callee.firstChild;
    const method = callee.lastChild;
    if (!object || method?.name !== 'PropertyName') return undefined;
    const self = this.value(object);
    if (typeof self !== 'string') return undefined;
    const { positional, keywords } = argumentsOf(this.module, args);
    const name = textOf(this.module, method);
    if (name === 'join' && positional.length === 1 && keywords.size === 0) {
      const items = this.value(positional[0]!);
      return Array.isArray(items) ? items.join(self) : undefined;
    }
    if (name !== 'format') return undefined;
    const values = positional.map((n) => this.value(n));
    const named = new Map([...keywords].map(([k, n]) => [k, this.value(n)] as const));
    return this.formatted(self, values, named, false);
  }

  /** A template's fields filled: `{}`/`{0}` from `values`, `{name}` from `named` (or, in an f-string, the names). */
  private formatted(template: string, values: Value[], named: Map<string, Value>, fString: boolean): Value {
    let body = template;
    if (fString) {
      const parts = stringParts(template);
      if (!parts || parts.prefix.includes('r') || parts.body.includes('\\')) return undefined;
      body = parts.body;
    }
    let next = 0;
    let unknown = false;
    const out = body.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (whole, field: string | undefined) => {
      if (field === undefined) return whole[0]!;
      const key = field.trim();
      const v = fString
        ? /^[A-Za-z_]\w*$/.test(key)
          ? this.named(key)
          : undefined
        : key === ''
          ? values[next++]
          : /^\d+$/.test(key)
            ? values[Number(key)]
            : named.get(key);
      if (typeof v !== 'string') unknown = true;
      return typeof v === 'string' ? v : '';
    });
    return unknown ? undefined : out;
  }
}
