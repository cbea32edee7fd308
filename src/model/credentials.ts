/** Literal credentials a shell script carries: secret-looking variables it sets, and superuser passwords it passes. */
import { djangoCommand, programArgv } from './command.js';
import { basename } from './command/servers.js';
import { callsNamed, stringLiteral } from './python-calls.js';
import { isLiteralCredential } from './secret-names.js';
import type { ShellCommand, ShellScript } from './types/shell.js';

/** Where a script writes a credential, and what kind (never the value). */
export interface LiteralCredential {
  line: number;
  /** What carries it: `DJANGO_SUPERUSER_PASSWORD=…`, `createsuperuser --password`, `create_superuser(…)`. */
  what: string;
  /**
   * A client's password option as written before the value (`-p`, `--password=`, `-a `): the password of a
   * connection, not of an account.
   */
  clientOption?: string;
  /** The client that option belongs to. */
  client?: PasswordClient;
}

/** Django's and the usual custom ones: createsuperuser, initadmin, changepassword, create_superuser, ensure_admin… */
const ADMIN_COMMANDS = /superuser|admin|changepassword/i;
const PASSWORD_OPTIONS = /^--?(password|pass|passwd|pwd)(=|$)/;
const PASSWORD_CALLS = /create_(?:super)?user|set_password/;

/** The literal password a call sets: create_superuser('admin', 'a@b.c', 'pw'), password='pw', set_password('pw'). */
function passwordCalls(code: string): { index: number; what: string }[] {
  const out: { index: number; what: string }[] = [];
  for (const call of callsNamed(code, PASSWORD_CALLS)) {
    const called = /^\w+/.exec(code.slice(call.index))?.[0] ?? 'create_superuser';
    const setter = called === 'set_password';
    const positional = call.args.filter((a) => a.name === undefined);
    const arg = call.args.find((a) => a.name === 'password') ?? positional[setter ? 0 : 2];
    const fallback = arg && environmentFallback(arg);
    const literal = arg && (literalArgument(arg) ?? literalVariable(code, arg.text, call.index) ?? fallback);
    // A string that starts with `$` is a shell variable the script expands ('$DJANGO_SUPERUSER_PASSWORD').
    if (!literal?.value || literal.value.startsWith('$')) continue;
    // Anchored where the literal is written: a line below the call, or the assignment of the variable passed.
    const what =
      literal === fallback ? `${called}(…), the fallback when ${fallback.variable} is unset` : `${called}(…)`;
    out.push({ index: literal.index, what });
  }
  return out;
}

/** `os.environ.get("X", "admin123")`, `os.getenv("X", "admin123")`: the literal used whenever X is unset. */
function environmentFallback(arg: {
  text: string;
  index: number;
}): { value: string; index: number; variable: string } | undefined {
  const m = /^(?:os\.)?(?:environ\.get|getenv)\(\s*['"](\w+)['"]\s*,\s*(['"][^'"\n]*['"])\s*,?\s*\)$/.exec(
    arg.text.trim(),
  );
  const value = m && stringLiteral(m[2]);
  if (!m || !value) return undefined;
  return { value, variable: m[1], index: arg.index + arg.text.indexOf(m[2]) };
}

function literalArgument(arg: { text: string; index: number }): { value: string; index: number } | undefined {
  const value = stringLiteral(arg.text);
  return value === undefined ? undefined : { value, index: arg.index };
}

/** The string literal last assigned before the call to the variable passed (`password = 'admin'`), if that is all. */
function literalVariable(
  code: string,
  text: string,
  before: number,
): { value: string; index: number } | undefined {
  const name = /^[A-Za-z_]\w*$/.exec(text.trim())?.[0];
  if (!name) return undefined;
  let last: { value: string | undefined; index: number } | undefined;
  for (const m of code.slice(0, before).matchAll(new RegExp(`^[ \\t]*${name}[ \\t]*=(?!=)([^\\n]*)`, 'gm')))
    last = { value: stringLiteral(m[1].replace(/[ \t]+#.*$/, '')), index: m.index };
  return last?.value === undefined ? undefined : { value: last.value, index: last.index };
}

export function literalCredentials(script: ShellScript): LiteralCredential[] {
  const out: LiteralCredential[] = [];
  for (const a of script.assignments ?? []) {
    if (!a.literal || a.value === '' || !isLiteralCredential(a.name, a.value)) continue;
    out.push({ line: a.line, what: `${a.name}=…` });
  }
  for (const c of script.commands) {
    const found = commandCredential(c);
    if (found) out.push(found);
  }
  return out;
}

/**
 * What carries a literal password in one command (`createsuperuser --password x`, `shell -c "…create_superuser(…)"`,
 * `python -c "…connect(password='x')"`), and the line it is written on.
 */
export function commandCredential(c: ShellCommand): LiteralCredential | undefined {
  const admin = adminPassword(c);
  return admin ? { line: c.line, what: admin } : (clientPassword(c) ?? pythonPassword(c));
}

/** Which client a password option belongs to: the advice names the variable or option that client reads. */
export type PasswordClient = 'mysql' | 'redis' | 'mongo' | 'sshpass';

/** How each client takes its password on the command line: attached to the option, or as the next word. */
const CLIENTS: {
  client: PasswordClient;
  programs: RegExp;
  attached: readonly string[];
  separate: readonly string[];
  /** The options end at the first other word, which starts the command run (`sshpass -p x ssh -p 22 host`). */
  optionsFirst?: boolean;
}[] = [
  // `-p secret` prompts and takes `secret` for a database name; `-P` is the port.
  {
    client: 'mysql',
    programs:
      /^(mysql|mysqladmin|mysqldump|mysqlcheck|mysqlimport|mysqlshow|mysqlpump|mysqlslap|mariadb|mariadb-(admin|dump|check|import|show|slap))$/,
    attached: ['-p', '--password='],
    separate: [],
  },
  // `-p` is the port.
  { client: 'redis', programs: /^redis-cli$/, attached: [], separate: ['-a', '--pass'] },
  // A bare `-p`/`--password` last, or before another option, prompts.
  {
    client: 'mongo',
    programs:
      /^(mongo|mongosh|mongodump|mongorestore|mongoexport|mongoimport|mongostat|mongotop|mongofiles)$/,
    attached: ['--password='],
    separate: ['-p', '--password'],
  },
  { client: 'sshpass', programs: /^sshpass$/, attached: ['-p'], separate: ['-p'], optionsFirst: true },
];

/** A value written in the script, not taken from a variable or a command's output. */
const literalValue = (value: string | undefined): value is string =>
  !!value && !value.includes('$') && !value.includes('`');

/**
 * `mysqladmin -u root -psecret ping`, `redis-cli -a secret`, `mongosh --password secret`, `sshpass -p secret ssh …`:
 * a client given a literal password by its password option.
 */
function clientPassword(c: ShellCommand): LiteralCredential | undefined {
  const argv = programArgv(c.argv);
  const program = basename(argv[0] ?? '');
  const known = CLIENTS.find((k) => k.programs.test(program));
  if (!known) return undefined;
  const offset = c.argv.length - argv.length;
  const found = (i: number, option: string): LiteralCredential => ({
    line: c.wordLines?.[offset + i] ?? c.line,
    what: `${program} ${option}…`,
    client: known.client,
    clientOption: option,
  });
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--' || (known.optionsFirst && !word.startsWith('-'))) break;
    if (known.separate.includes(word)) {
      // the next word is the value unless it is another option (a bare one last, or before an option, prompts)
      if (literalValue(argv[i + 1]) && !argv[i + 1].startsWith('-')) return found(i + 1, `${word} `);
      continue;
    }
    const option = known.attached.find((o) => word.startsWith(o) && word.length > o.length);
    if (option && literalValue(word.slice(option.length))) return found(i, option);
  }
  return undefined;
}

/** `manage.py createsuperuser --password secret` (custom commands such as initadmin take one). */
function adminPassword(c: ShellCommand): string | undefined {
  const dj = djangoCommand(c.argv);
  if (!dj || !ADMIN_COMMANDS.test(dj.name)) return undefined;
  for (let i = 0; i < dj.args.length; i++) {
    const m = PASSWORD_OPTIONS.exec(dj.args[i]);
    if (!m) continue;
    const value = m[2] === '=' ? dj.args[i].slice(dj.args[i].indexOf('=') + 1) : dj.args[i + 1];
    if (value && !value.startsWith('-') && !value.includes('$')) return `${dj.name} ${m[0].replace('=', '')}`;
  }
  return undefined;
}

/** Python given to `manage.py shell` (stdin or -c) or `python -c` that sets a password from a string literal. */
function pythonPassword(c: ShellCommand): LiteralCredential | undefined {
  // Each piece of code with the line its text starts on (a heredoc's body starts below the command).
  const codes: { code: string; line: number }[] = [];
  const lineOf = (i: number) => c.wordLines?.[c.argv.length - programArgv(c.argv).length + i] ?? c.line;
  const dj = djangoCommand(c.argv);
  if (dj?.name === 'shell') {
    if (c.stdin) codes.push({ code: c.stdin, line: c.line + 1 });
    const i = dj.args.findIndex((a) => a === '-c' || a === '--command');
    if (i >= 0 && dj.args[i + 1]) codes.push({ code: dj.args[i + 1], line: c.line });
  }
  const a = programArgv(c.argv);
  if (/^python/.test(a[0] ?? '') && a[1] === '-c' && a[2]) codes.push({ code: a[2], line: lineOf(2) });
  // `python - <<'PY'` (or `python` alone) runs the heredoc: anchored at the password's line in it.
  const stdinProgram = /^python[\d.]*$/.test(a[0] ?? '') && (a.length === 1 || a[1] === '-');
  if (stdinProgram && c.stdin) codes.push({ code: c.stdin, line: c.line + 1 });
  for (const { code, line } of codes) {
    const found = passwordCalls(code);
    if (found.length > 0) {
      const what = found.some((c) => c.what.startsWith('set_')) ? 'set_password(…)' : found[0].what;
      return { line: stdinProgram ? line + newlinesBefore(code, found[0].index) : c.line, what };
    }
    // Any other call given a literal password by keyword: a database connection the script opens itself.
    const keyword = keywordPasswords(code)[0];
    if (keyword) return { line: line + newlinesBefore(code, keyword.index), what: keyword.what };
  }
  return undefined;
}

/** Calls given a literal `password=`/`passwd=` keyword: psycopg2.connect(…, password='12345'), at the literal. */
function keywordPasswords(code: string): { index: number; what: string }[] {
  const out: { index: number; what: string }[] = [];
  for (const call of callsNamed(code, /[A-Za-z_][\w.]*/)) {
    const arg = call.args.find((a) => a.name === 'password' || a.name === 'passwd');
    const value = arg && stringLiteral(arg.text);
    if (!arg || !value || value.startsWith('$')) continue;
    const name = /^[\w.]+/.exec(code.slice(call.index))?.[0] ?? '';
    out.push({ index: arg.index, what: `${name}(${arg.name}=…)` });
  }
  return out;
}

function newlinesBefore(text: string, index: number): number {
  return text.slice(0, index).split('\n').length - 1;
}

/** A Python program the start command runs (`create_superuser.py`, a management command) that sets a literal password. */
export function pythonFileCredentials(text: string): LiteralCredential[] {
  const out: LiteralCredential[] = [];
  for (const { index, what } of passwordCalls(text)) {
    const line = text.slice(0, index).split('\n').length;
    if (!out.some((c) => c.line === line)) out.push({ line, what });
  }
  return out.sort((a, b) => a.line - b.line);
}
