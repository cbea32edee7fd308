import type { Node, Parser } from 'mvdan-sh';
import type { ShellAssignment, ShellCommand, ShellCondition, ShellScript } from './types.js';
import { plainCommands } from './plain-shell.js';
import { afterExec, asUser, basename, inlineScriptIndex, physicalLines } from './shell-argv.js';
import { maskPlaceholders, unmaskedDeep } from '../util/shell-placeholder.js';
import { loadSh, nodeType } from './mvdan.js';
import { completePrefix, describeError } from './shell-recovery.js';
import {
  echoedText,
  hasExpansion,
  heredocText,
  literalWord,
  slice,
  sliceBetween,
  wordText,
} from './shell-text.js';

// Token values of mvdan.cc/sh/v3/syntax RedirOperator, as the GopherJS build reports them.
const REDIRECT_OPS: Record<number, string> = {
  54: '>',
  55: '>>',
  56: '<',
  57: '<>',
  58: '<&',
  59: '>&',
  60: '>|',
  61: '<<',
  62: '<<-',
  63: '<<<',
  64: '&>',
  65: '&>>',
};
const HEREDOC_OPS = new Set([61, 62]);
// BinCmdOperator values of `|` and `|&`, `&&` and `||`; CaseOperator value of `;;`.
const PIPE_OPS = new Set([12, 13]);
const AND_OP = 10;
const OR_OP = 11;
const CASE_BREAK_OP = 30;
const UNKNOWN: ShellCondition = { kind: 'unknown' };
const DECLARATIONS = new Set(['export', 'declare', 'typeset', 'readonly', 'local']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);
const MAX_NESTING = 4;
// Calls followed into function bodies, one inside another.
const MAX_FUNCTION_DEPTH = 8;

let parser: Parser | undefined;

/** How many scripts went to the full parser: the robustness tests bound it for large plain Dockerfiles. */
export const fullParserCalls = { count: 0 };

/** Shell text → simple commands with absolute lines. `firstLine` is the file line the text starts on. Never throws. */
export function parseShell(text: string, firstLine = 1): ShellScript {
  const masked = maskPlaceholders(text);
  // `gunicorn <APP_NAME>.wsgi`: a template placeholder is word text, not two redirections
  if (masked !== undefined) return unmaskedDeep(readScript(masked, firstLine));
  const plain = plainScript(text, firstLine);
  return plain ? { commands: plain, assignments: [] } : parseShellFully(text, firstLine);
}

/** parseShell by the full parser alone, whatever the script. */
export function parseShellFully(text: string, firstLine = 1): ShellScript {
  const masked = maskPlaceholders(text);
  if (masked !== undefined) return unmaskedDeep(readScript(masked, firstLine));
  return readScript(text, firstLine);
}

function readScript(text: string, firstLine: number): ShellScript {
  const commands: ShellCommand[] = [];
  const assignments: ShellAssignment[] = [];
  try {
    collectScript(text, firstLine, commands, 0, assignments, []);
    return { commands, assignments };
  } catch (error) {
    const parseError = describeError(error, firstLine);
    const ran = completePrefix(text);
    if (ran === undefined) return { commands: [], parseError };
    try {
      // the shell runs each complete command before it meets the one it cannot parse (often dead text after `exec`)
      const before: ShellCommand[] = [];
      const beforeAssignments: ShellAssignment[] = [];
      collectScript(ran, firstLine, before, 0, beforeAssignments, []);
      return { commands: before, assignments: beforeAssignments, parseError };
    } catch {
      return { commands: [], parseError };
    }
  }
}

/**
 * The commands of a script of plain words, as the full parser would read them, `sh -c 'plain script'` included;
 * undefined for any other script.
 */
function plainScript(text: string, firstLine: number, depth = 0): ShellCommand[] | undefined {
  const plain = plainCommands(text);
  if (!plain) return undefined;
  const out: ShellCommand[] = [];
  // commands after an `exec` may be dead or run (`exec a || b`): the full parser reads which
  if (plain.slice(0, -1).some((c) => c.argv[0] === 'exec')) return undefined;
  for (const c of plain) {
    const { argv, viaExec, first } = afterExec(c.argv);
    out.push({ argv, line: firstLine + c.line - 1, redirects: c.redirects, viaExec });
    if (c.after) out.at(-1)!.after = c.after;
    const lines = c.wordLines.slice(first).map((l) => firstLine + l - 1);
    if (lines.some((l) => l !== out.at(-1)!.line)) out.at(-1)!.wordLines = lines;
    if (depth >= MAX_NESTING || argv.length === 0) continue;
    const user = asUser(argv);
    if (user?.argv) out.push({ ...out.at(-1)!, argv: user.argv, viaExec: false, asUser: true });
    if (user?.script !== undefined) {
      const inner = plainScript(
        argv[user.script],
        firstLine + c.wordLines[first + user.script] - 1,
        depth + 1,
      );
      if (!inner) return undefined; // the nested script needs the full parser: so does this one
      out.push(...inner.map((i) => ({ ...i, asUser: true })));
      continue;
    }
    if (!SHELLS.has(basename(argv[0]))) continue;
    const inline = inlineScriptIndex(argv);
    if (inline === undefined) continue;
    const inner = plainScript(argv[inline], firstLine + c.wordLines[first + inline] - 1, depth + 1);
    if (!inner) return undefined; // the nested script needs the full parser: so does this one
    out.push(...inner);
  }
  return out;
}

interface Source {
  bytes: Buffer; // mvdan-sh reports byte offsets
  lineOffset: number;
  depth: number;
  assignments: ShellAssignment[];
  /** The conditions under which the statements being visited run. */
  guards: ShellCondition[];
  /** The script's functions: those called by name run where they are called, under that call's guards. */
  functions: ScriptFunctions;
  /** Inside a while/until loop. */
  loop?: boolean;
  /** Inside a `( … )` subshell, a fork of the shell: exec there replaces the fork only. */
  subshell?: boolean;
  /** Variables the script sets once, unconditionally and to literal text, with the byte offset they are set at. */
  constants: Map<string, { value: string; offset: number }>;
}

interface ScriptFunctions {
  bodies: Map<string, Node>;
  /** Functions called somewhere outside their own body (not only from a command substitution). */
  called: Set<string>;
  /** The functions whose body is being visited for a call, innermost last (a recursive call is not followed). */
  running: string[];
  /** Functions whose body was visited, at a call or where declared. */
  visited: Set<string>;
  /** The function never called whose body is being read where it is declared, the outermost. */
  uncalled?: string;
}

/** Parses `text` and appends its commands; throws the parser's error for the caller to report. */
function collectScript(
  text: string,
  firstLine: number,
  out: ShellCommand[],
  depth: number,
  assignments: ShellAssignment[],
  guards: ShellCondition[],
): void {
  parser ??= loadSh().syntax.NewParser();
  fullParserCalls.count++;
  const file = parser.Parse(text, 'script');
  const src: Source = {
    bytes: Buffer.from(text, 'utf8'),
    lineOffset: firstLine - 1,
    depth,
    assignments,
    guards,
    functions: scriptFunctions(file),
    constants: new Map(),
  };
  scriptConstants(file, src);
  visitStmts(file.Stmts, src, out);
  // Functions called only from one another (never from the script itself) still hold commands to judge.
  for (const [name, body] of src.functions.bodies)
    if (!src.functions.visited.has(name)) visitFunction(name, body, src, out);
}

/**
 * The functions a script declares, and which of them it calls by name. A called function's commands run where it
 * is called, under that call's guards: `case … in dev) run_dev;; *) run_prod;; esac` makes the two bodies
 * alternatives, not a sequence in declaration order.
 */
function scriptFunctions(file: Node): ScriptFunctions {
  const bodies = new Map<string, Node>();
  const callers = new Map<string, Set<string>>(); // function name → the functions (or '' for the script) calling it
  const walk = (node: Node, caller: string) =>
    loadSh().syntax.Walk(node, (n) => {
      if (!n) return true;
      const type = nodeType(n);
      if (type === 'CmdSubst' || type === 'ProcSubst') return false; // command substitutions are not run
      if (type === 'FuncDecl' && n.Name && n.Body) {
        const name = n.Name.Value as string;
        if (!bodies.has(name)) bodies.set(name, n.Body as Node);
        walk(n.Body as Node, name);
        return false;
      }
      const name = type === 'CallExpr' ? literalWord((n.Args ?? [])[0]) : undefined;
      if (name !== undefined) callers.set(name, (callers.get(name) ?? new Set()).add(caller));
      return true;
    });
  walk(file, '');
  const called = new Set<string>();
  for (const name of bodies.keys())
    if ([...(callers.get(name) ?? [])].some((caller) => caller !== name)) called.add(name);
  return { bodies, called, running: [], visited: new Set() };
}

/**
 * The variables a script assigns exactly once, in a plain assignment statement of its top level (run before anything
 * after it, whatever the branches), to literal text: `MANAGE='python manage.py'`.
 */
function scriptConstants(file: Node, src: Source): void {
  const count = new Map<string, number>();
  loadSh().syntax.Walk(file, (n) => {
    if (n && nodeType(n) === 'Assign' && n.Name)
      count.set(n.Name.Value as string, (count.get(n.Name.Value as string) ?? 0) + 1);
    return true;
  });
  for (const stmt of (file.Stmts ?? []) as Node[]) {
    const cmd = stmt.Cmd as Node | null;
    if (!cmd || stmt.Background || nodeType(cmd) !== 'CallExpr' || (cmd.Args ?? []).length > 0) continue;
    for (const a of (cmd.Assigns ?? []) as Node[]) {
      const name = a?.Name?.Value as string | undefined;
      if (!name || a.Naked || a.Array || a.Append || count.get(name) !== 1) continue;
      if (!(a.Value?.Parts ?? []).some((p: Node) => hasExpansion(p)))
        src.constants.set(name, { value: a.Value ? wordText(a.Value, src) : '', offset: a.End().Offset() });
    }
  }
}

/**
 * A command's words, each word that is only a script constant read through it (`$MANAGE runserver` with
 * `MANAGE='python manage.py'`, `python $MANAGE_PY migrate` with `MANAGE_PY=./manage.py` set above): the shell splits
 * an unquoted value into words, a quoted one (`"$MANAGE_PY"`) stays one. `from`: the word each comes from; `part`:
 * its place among the words of the constant read, -1 for a word read as written.
 */
function commandWords(words: Node[], src: Source): { texts: string[]; from: number[]; part: number[] } {
  const written = words.map((w) => wordText(w, src));
  const at = afterExec(written).first;
  const texts: string[] = [];
  const from: number[] = [];
  const part: number[] = [];
  words.forEach((word, i) => {
    const read = i < at ? undefined : constantWords(word, src);
    (read ?? [written[i]!]).forEach((text, k) => {
      texts.push(text);
      from.push(i);
      part.push(read ? k : -1);
    });
  });
  return { texts, from, part };
}

/** The words a word that is only a script constant (`$X`, `"${X}"`) expands to; undefined for any other word. */
function constantWords(word: Node, src: Source): string[] | undefined {
  const parts: Node[] = word.Parts ?? [];
  const quoted = parts.length === 1 && nodeType(parts[0]) === 'DblQuoted' ? parts[0] : undefined;
  const inner: Node[] = quoted ? (quoted.Parts ?? []) : parts;
  const part = inner.length === 1 ? inner[0] : undefined;
  if (!part || nodeType(part) !== 'ParamExp' || part.Exp || part.Repl || part.Index || part.Length)
    return undefined;
  const constant = src.constants.get(part.Param?.Value as string);
  if (!constant || constant.offset > part.Pos().Offset()) return undefined;
  return quoted ? [constant.value] : constant.value.split(/[ \t\n]+/).filter((w) => w !== '');
}

function visitFunction(name: string, body: Node, src: Source, out: ShellCommand[]): void {
  src.functions.visited.add(name);
  src.functions.running.push(name);
  try {
    visitStmt(body, src, out);
  } finally {
    src.functions.running.pop();
  }
}

function visitStmts(list: Node[] | null | undefined, src: Source, out: ShellCommand[]): void {
  for (const stmt of list ?? []) {
    visitStmt(stmt, src, out);
    // `exec gunicorn …` replaces the shell: the commands after it in the same list never run
    if (replacesShell(stmt, src)) break;
  }
}

/** A statement of one `exec PROGRAM …`, in the foreground, whose program is written out (not `exec "$@"`, empty when no arguments). */
function replacesShell(stmt: Node, src: Source): boolean {
  const cmd = stmt.Cmd as Node | null;
  if (!cmd || stmt.Background || nodeType(cmd) !== 'CallExpr') return false;
  const { argv, viaExec } = afterExec(commandWords(cmd.Args ?? [], src).texts);
  return viaExec && argv.length > 0 && !argv[0].includes('$') && !argv[0].includes('`');
}

function visitStmt(stmt: Node | null | undefined, src: Source, out: ShellCommand[]): void {
  if (!stmt) return;
  const cmd = stmt.Cmd as Node | null;
  if (!cmd) return;
  switch (nodeType(cmd)) {
    case 'CallExpr':
      visitCall(stmt, cmd, src, out);
      break;
    case 'BinaryCmd': {
      const first = out.length;
      visitStmt(cmd.X, src, out);
      const piped = PIPE_OPS.has(cmd.Op as number) && out.length > first ? echoedText(out.at(-1)) : undefined;
      const before = out.length;
      const test = cmd.Op === AND_OP || cmd.Op === OR_OP ? conditionOf(cmd.X, src) : UNKNOWN;
      // `[ "$1" = --dev ] && cmd`: cmd runs only when the test holds (`||`: when it fails)
      const guard = cmd.Op === AND_OP ? test : { kind: 'not' as const, condition: test };
      withGuards(src, test.kind === 'unknown' ? [] : [guard], () => visitStmt(cmd.Y, src, out));
      if ((cmd.Op === AND_OP || cmd.Op === OR_OP) && out.length > before)
        out[before].after = cmd.Op === AND_OP ? '&&' : '||';
      if (piped !== undefined && out.length > before) out[before].stdin = piped;
      // `. venv/bin/activate && gunicorn … &`: the whole list runs in the background
      if (stmt.Background) for (const c of out.slice(first)) c.background = true;
      break;
    }
    case 'DeclClause':
      if (DECLARATIONS.has(cmd.Variant?.Value as string)) {
        const exporting = cmd.Variant?.Value === 'export';
        recordAssigns(cmd.Args, src, exporting);
        // `X=v` earlier, then `export X`: from here on the commands the script starts get X.
        if (exporting)
          for (const a of cmd.Args ?? []) {
            const name = a?.Naked ? (a.Name?.Value as string | undefined) : undefined;
            if (name) for (const s of src.assignments) if (s.name === name) s.exported = true;
          }
      }
      break;
    case 'Block':
    case 'Subshell': {
      const first = out.length;
      const outer = src.subshell;
      if (nodeType(cmd) === 'Subshell') src.subshell = true;
      visitStmts(cmd.Stmts, src, out);
      src.subshell = outer;
      if (nodeType(cmd) === 'Subshell') {
        const at = cmd.Pos().Offset() as number;
        for (const c of out.slice(first)) c.subshells = [at, ...(c.subshells ?? [])];
      }
      // `( gunicorn … ) &`: the subshell runs in the background, and so do its commands
      if (stmt.Background) for (const c of out.slice(first)) c.background = true;
      break;
    }
    case 'IfClause':
      visitIf(cmd, src, out);
      break;
    case 'WhileClause': {
      const outer = src.loop;
      src.loop = true;
      visitStmts(cmd.Cond, src, out);
      visitStmts(cmd.Do, src, out);
      src.loop = outer;
      break;
    }
    case 'ForClause':
      visitStmts(cmd.Do, src, out);
      break;
    case 'CaseClause':
      visitCase(cmd, src, out);
      break;
    case 'FuncDecl': {
      // A function the script calls runs where it is called; one it never calls is read where it is declared.
      const name = cmd.Name?.Value as string | undefined;
      if (name === undefined) visitStmt(cmd.Body, src, out);
      else if (!src.functions.called.has(name) && !src.functions.visited.has(name)) {
        const outer = src.functions.uncalled;
        src.functions.uncalled ??= name;
        visitFunction(name, cmd.Body, src, out);
        src.functions.uncalled = outer;
      }
      break;
    }
    case 'TimeClause':
    case 'CoprocClause':
      visitStmt(cmd.Stmt, src, out);
      break;
    default:
      break; // [[ ]], (( )), let, declare/export: no program runs
  }
}

/** if/elif/else: each branch runs when its test holds and every earlier one failed. */
function visitIf(clause: Node | null | undefined, src: Source, out: ShellCommand[]): void {
  const failed: ShellCondition[] = [];
  for (let c = clause; c; c = c.Else as Node | null) {
    withGuards(src, failed, () => visitStmts(c!.Cond, src, out));
    const stmts: Node[] = c.Cond ?? [];
    const test = stmts.length === 0 ? undefined : stmts.length === 1 ? conditionOf(stmts[0], src) : UNKNOWN;
    withGuards(src, test ? [...failed, test] : failed, () => visitStmts(c!.Then, src, out));
    if (test) failed.push({ kind: 'not', condition: test });
  }
}

/** case: an item runs when the word matches one of its patterns and no earlier item's (`;;` items only). */
function visitCase(clause: Node, src: Source, out: ShellCommand[]): void {
  const word = clause.Word ? wordText(clause.Word, src) : '';
  const failed: ShellCondition[] = [];
  let fellThrough = false;
  for (const item of clause.Items ?? []) {
    const patterns = (item.Patterns ?? []).map((p: Node) => wordText(p, src));
    const match: ShellCondition = fellThrough ? UNKNOWN : { kind: 'case', word, patterns };
    withGuards(src, [...failed, match], () => visitStmts(item.Stmts, src, out));
    failed.push({ kind: 'not', condition: match });
    if (item.Op !== CASE_BREAK_OP) fellThrough = true; // `;&` and `;;&` run on into the next item
  }
}

function withGuards(src: Source, guards: ShellCondition[], visit: () => void): void {
  const before = src.guards;
  src.guards = [...before, ...guards];
  try {
    visit();
  } finally {
    src.guards = before;
  }
}

/** The condition a statement's exit status stands for: a test, a negation, `&&`/`||` of them; else unknown. */
function conditionOf(stmt: Node | null | undefined, src: Source): ShellCondition {
  const cmd = stmt?.Cmd as Node | null;
  if (!cmd) return UNKNOWN;
  let condition: ShellCondition = UNKNOWN;
  const type = nodeType(cmd);
  if (type === 'CallExpr' && !(cmd.Assigns ?? []).length) {
    const words = (cmd.Args ?? []).map((w: Node) => wordText(w, src));
    if (words[0] === '[' && words.at(-1) === ']') condition = { kind: 'test', words: words.slice(1, -1) };
    else if (words[0] === 'test') condition = { kind: 'test', words: words.slice(1) };
  } else if (type === 'TestClause') {
    condition = { kind: 'test', words: testWords(cmd.X, src), extended: true };
  } else if (type === 'BinaryCmd' && (cmd.Op === AND_OP || cmd.Op === OR_OP)) {
    const left = conditionOf(cmd.X, src);
    const right = conditionOf(cmd.Y, src);
    // `a || b` of two plain commands says nothing a branch could be decided on.
    if (left.kind !== 'unknown' || right.kind !== 'unknown')
      condition = { kind: cmd.Op === AND_OP ? 'and' : 'or', left, right };
  }
  return stmt!.Negated ? { kind: 'not', condition } : condition;
}

/** The words of a `[[ … ]]` expression, operators as written. */
function testWords(expr: Node | null | undefined, src: Source): string[] {
  if (!expr) return [];
  switch (nodeType(expr)) {
    case 'BinaryTest':
      return [...testWords(expr.X, src), between(expr.X, expr.Y, src), ...testWords(expr.Y, src)];
    case 'UnaryTest':
      return [
        src.bytes.subarray(expr.Pos().Offset(), expr.X.Pos().Offset()).toString('utf8').trim(),
        ...testWords(expr.X, src),
      ];
    case 'ParenTest':
      return ['(', ...testWords(expr.X, src), ')'];
    case 'Word':
      return [wordText(expr, src)];
    default:
      return [slice(expr, src)];
  }
}

function between(a: Node, b: Node, src: Source): string {
  return src.bytes.subarray(a.End().Offset(), b.Pos().Offset()).toString('utf8').trim();
}

function visitCall(stmt: Node, call: Node, src: Source, out: ShellCommand[]): void {
  const env = recordAssigns(call.Assigns, src, (call.Args ?? []).length > 0);
  const words: Node[] = call.Args ?? [];
  if (words.length === 0) return; // only assignments
  const line = src.lineOffset + words[0].Pos().Line();
  const redirects = (stmt.Redirs ?? []).map((r: Node) => ({
    op: `${r.N ? r.N.Value : ''}${REDIRECT_OPS[r.Op as number] ?? '?'}`,
    target: r.Word ? wordText(r.Word, src) : '',
  }));
  const { texts, from, part } = commandWords(words, src);
  const { argv, viaExec, first } = afterExec(texts);
  if (!viaExec && callsFunction(argv[0], src)) {
    const first = out.length;
    visitFunction(argv[0], src.functions.bodies.get(argv[0])!, src, out);
    if (stmt.Background) for (const c of out.slice(first)) c.background = true;
    return;
  }
  const command: ShellCommand = { argv, line, redirects, viaExec: viaExec && !src.subshell };
  if (viaExec && src.subshell) command.execInSubshell = true;
  if (env.length > 0) command.env = env;
  // The node each word of argv comes from: the words a script constant splits into all come from the one it names.
  const wordNodes = argv.map((_, i) => words[from[first + i]!]!);
  // Only a command with an expansion needs its words as written: quotes alone are rewritten exactly from argv (and a
  // plain script, read without this parser, has none).
  const lines = wordNodes.map((w) => src.lineOffset + w.Pos().Line());
  if (lines.some((l) => l !== line)) command.wordLines = lines;
  const written = wordNodes.map((w) => sliceBetween(w, w, src));
  const expands = wordNodes.some((w) => (w.Parts ?? []).some((p: Node) => hasExpansion(p)));
  if (expands && written.some((w, i) => w !== argv[i])) {
    command.written = written;
    const constantWord = argv.map((_, i) => part[first + i]!);
    if (constantWord.some((k) => k >= 0)) command.constantWord = constantWord;
  }
  if (stmt.Background) command.background = true;
  if (src.guards.length > 0) command.guards = src.guards;
  if (src.loop) command.loop = true;
  const inFunction = src.functions.running.at(-1);
  if (inFunction !== undefined) command.inFunction = inFunction;
  if (src.functions.uncalled !== undefined) command.uncalledFunction = src.functions.uncalled;
  const heredoc = (stmt.Redirs ?? []).find((r: Node) => HEREDOC_OPS.has(r.Op as number) && r.Hdoc);
  if (heredoc) command.stdin = heredocText(heredoc.Hdoc, src);
  out.push(command);
  if (src.depth >= MAX_NESTING || argv.length === 0) return;
  // `su app -c "python manage.py migrate"`, `sudo -u app gunicorn …`: the commands run as another user
  const user = asUser(argv);
  if (user?.argv)
    out.push({
      ...command,
      argv: user.argv,
      written: undefined,
      constantWord: undefined,
      viaExec: false,
      asUser: true,
    });
  if (user?.script !== undefined) {
    const at = out.length;
    const word = wordNodes[user.script];
    nested(argv[user.script], src.lineOffset + word.Pos().Line(), src, out);
    for (const c of out.slice(at)) c.asUser = true;
    physicalLines(out.slice(at), slice(word, src), src.lineOffset + word.Pos().Line());
    return;
  }
  if (!SHELLS.has(basename(argv[0]))) return;
  const inline = inlineScriptIndex(argv);
  if (inline !== undefined) {
    const at = out.length;
    const word = wordNodes[inline];
    nested(argv[inline], src.lineOffset + word.Pos().Line(), src, out);
    // `sh -c "migrate && \<newline> gunicorn …"`: the quotes join the lines, each command stays on its own
    physicalLines(out.slice(at), slice(word, src), src.lineOffset + word.Pos().Line());
    return;
  }
  // `bash <<EOF ... EOF`: the heredoc is the script the shell reads from stdin
  for (const r of stmt.Redirs ?? []) {
    if (!HEREDOC_OPS.has(r.Op as number) || !r.Hdoc) continue;
    const body = heredocText(r.Hdoc, src);
    nested(body, src.lineOffset + r.Hdoc.Pos().Line(), src, out);
  }
}

/** Whether a command calls one of the script's functions, whose body is then read in its place. */
function callsFunction(name: string | undefined, src: Source): boolean {
  const { bodies, called, running } = src.functions;
  return (
    name !== undefined &&
    called.has(name) &&
    bodies.has(name) &&
    !running.includes(name) &&
    running.length < MAX_FUNCTION_DEPTH
  );
}

function nested(text: string, firstLine: number, src: Source, out: ShellCommand[]): void {
  const inner: ShellCommand[] = [];
  const assignments: ShellAssignment[] = [];
  try {
    collectScript(text, firstLine, inner, src.depth + 1, assignments, src.guards);
  } catch {
    return; // the inner script is a string the outer parse accepted; not being shell is not our error
  }
  out.push(...inner);
  src.assignments.push(...assignments);
}

/** `X=v` assignments (of a command, or of export/declare): naked names and arrays set nothing readable. */
function recordAssigns(
  assigns: Node[] | null | undefined,
  src: Source,
  exported: boolean,
): ShellAssignment[] {
  const recorded: ShellAssignment[] = [];
  for (const a of assigns ?? []) {
    if (!a?.Name || a.Naked || a.Array) continue;
    const value = a.Value ? wordText(a.Value, src) : '';
    const literal = !(a.Value?.Parts ?? []).some((p: Node) => hasExpansion(p));
    const assignment: ShellAssignment = {
      name: a.Name.Value as string,
      value,
      literal,
      line: src.lineOffset + a.Pos().Line(),
    };
    // `if [ "$APP_ENV" = prod ]; then export DJANGO_SETTINGS_MODULE=…`: holds only where the branch runs.
    if (src.guards.length > 0) assignment.guards = src.guards;
    if (exported) assignment.exported = true;
    src.assignments.push(assignment);
    recorded.push({ ...assignment, text: sliceBetween(a, a, src) });
  }
  return recorded;
}
