/** Literal credentials a shell script carries: secret-looking variables it sets, and superuser passwords it passes. */
import { djangoCommand, programArgv } from './command.js';
import { isSecretName } from './secret-names.js';
import type { ShellCommand, ShellScript } from './types/shell.js';

/** Where a script writes a credential, and what kind (never the value). */
export interface LiteralCredential {
  line: number;
  /** What carries it: `DJANGO_SUPERUSER_PASSWORD=…`, `createsuperuser --password`, `create_superuser(…)`. */
  what: string;
}

const ADMIN_COMMANDS = new Set([
  'createsuperuser',
  'initadmin',
  'changepassword',
  'create_superuser',
  'createadmin',
]);
const PASSWORD_OPTIONS = /^--?(password|pass|passwd|pwd)(=|$)/;
// create_superuser('admin', 'a@b.c', 'pw') or password='pw'; set_password('pw')
// A string that starts with `$` is a shell variable the script expands ('$DJANGO_SUPERUSER_PASSWORD'), not a literal.
const PYTHON_PASSWORD = [
  /create_superuser\s*\(\s*(?:[^,()]*,\s*){2}(?:password\s*=\s*)?(['"])(?!\$)[^'"]+\1/,
  /create_(?:super)?user\s*\([^()]*password\s*=\s*(['"])(?!\$)[^'"]+\1/,
  /set_password\s*\(\s*(['"])(?!\$)[^'"]+\1/,
];

export function literalCredentials(script: ShellScript): LiteralCredential[] {
  const out: LiteralCredential[] = [];
  for (const a of script.assignments ?? []) {
    if (!a.literal || a.value === '' || !isSecretName(a.name)) continue;
    out.push({ line: a.line, what: `${a.name}=…` });
  }
  for (const c of script.commands) {
    const found = commandCredential(c);
    if (found) out.push({ line: c.line, what: found });
  }
  return out;
}

/** What carries a literal password in one command (`createsuperuser --password x`, `shell -c "…create_superuser(…)"`). */
export function commandCredential(c: ShellCommand): string | undefined {
  return adminPassword(c) ?? pythonPassword(c);
}

/** `manage.py createsuperuser --password secret` (custom commands such as initadmin take one). */
function adminPassword(c: ShellCommand): string | undefined {
  const dj = djangoCommand(c.argv);
  if (!dj || !ADMIN_COMMANDS.has(dj.name)) return undefined;
  for (let i = 0; i < dj.args.length; i++) {
    const m = PASSWORD_OPTIONS.exec(dj.args[i]);
    if (!m) continue;
    const value = m[2] === '=' ? dj.args[i].slice(dj.args[i].indexOf('=') + 1) : dj.args[i + 1];
    if (value && !value.startsWith('-') && !value.includes('$')) return `${dj.name} ${m[0].replace('=', '')}`;
  }
  return undefined;
}

/** Python given to `manage.py shell` (stdin or -c) or `python -c` that sets a password from a string literal. */
function pythonPassword(c: ShellCommand): string | undefined {
  const codes: string[] = [];
  const dj = djangoCommand(c.argv);
  if (dj?.name === 'shell') {
    if (c.stdin) codes.push(c.stdin);
    const i = dj.args.findIndex((a) => a === '-c' || a === '--command');
    if (i >= 0 && dj.args[i + 1]) codes.push(dj.args[i + 1]);
  }
  const a = programArgv(c.argv);
  if (/^python/.test(a[0] ?? '') && a[1] === '-c' && a[2]) codes.push(a[2]);
  for (const code of codes) {
    if (PYTHON_PASSWORD.some((re) => re.test(code)))
      return /set_password/.test(code) ? 'set_password(…)' : 'create_superuser(…)';
  }
  return undefined;
}

/** A Python program the start command runs (`create_superuser.py`, a management command) that sets a literal password. */
export function pythonFileCredentials(text: string): LiteralCredential[] {
  const out: LiteralCredential[] = [];
  for (const re of PYTHON_PASSWORD) {
    for (const m of text.matchAll(new RegExp(re.source, 'g'))) {
      const line = text.slice(0, m.index).split('\n').length;
      const what = m[0].startsWith('set_password') ? 'set_password(…)' : 'create_superuser(…)';
      if (!out.some((c) => c.line === line)) out.push({ line, what });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}
