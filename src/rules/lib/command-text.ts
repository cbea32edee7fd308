/**
 * Command lines written back into messages and fixes: shell text quoted once, for sh to read as the author meant.
 * (Exec-form arrays are JSON: `execForm` in fix.ts, with no shell quotes in their elements.)
 */
import type { ShellAssignment } from '../../model/types/shell.js';
import { withoutPlaceholders } from '../../util/shell-placeholder.js';

/** A command as the shell parser gives it: its words (and as written), the assignments before it. */
export interface WrittenCommand {
  argv: string[];
  written?: string[];
  constantWord?: number[];
  env?: ShellAssignment[];
}

/**
 * One word (after quote removal, expansions kept as written) as sh reads it back: plain words bare, `"$@"` quoted,
 * a word with an expansion (`$VAR`, `${VAR}`, `$(cmd)`) as written, in double quotes only when its literal parts need
 * them, any other word in single quotes.
 */
export function shellWord(word: string): string {
  if (word === '') return "''";
  // braces expand only around a comma or `..` (`{a,b}`, `{1..3}`): `{{ name }}` template words stay bare
  // a template placeholder (`<APP_NAME>.wsgi`) stays bare, as its author wrote it to be replaced
  const plain = withoutPlaceholders(word);
  if (/^[\w@%+=:,./^-]+$/.test(plain) || (/^[\w@%+=:./{}^-]+$/.test(plain) && !plain.includes('..')))
    return word;
  if (/^\$\{?[@*]\}?$/.test(word)) return `"${word}"`;
  const parts = expansionParts(word);
  if (!parts) return `'${word.replace(/'/g, `'\\''`)}'`;
  if (parts.every((p) => p.expansion || /^[\w@%+=:,./^-]*$/.test(p.text))) return word;
  return `"${parts.map((p) => (p.expansion ? p.text : p.text.replace(/["\\`]/g, '\\$&'))).join('')}"`;
}

/** The words of a command joined for sh. */
export function shellLine(argv: string[]): string {
  return argv.map(shellWord).join(' ');
}

/**
 * The words of a command for sh: as written in the script when they are still the words of its argv (a command
 * rebuilt from another keeps the other's written words), a script constant's words under the word that reads it
 * (`--workers $WORKERS`, not its value), else quoted from argv.
 */
function wordsOf(command: WrittenCommand): string {
  const { argv, written, constantWord } = command;
  const bare = (w: string) => w.replace(/['"\\]/g, '');
  const part = (i: number) => (constantWord?.length === argv.length ? constantWord[i] : -1);
  if (written?.length === argv.length && written.every((w, i) => part(i) >= 0 || bare(w) === bare(argv[i])))
    return written.filter((_, i) => part(i) <= 0).join(' ');
  return shellLine(argv);
}

/** `X=1 cmd …`: a command with the assignments written before it, for sh. */
export function commandLine(command: WrittenCommand): string {
  const env = (command.env ?? []).map((a) => a.text ?? `${a.name}=${shellWord(a.value)}`);
  return [...env, wordsOf(command)].join(' ');
}

/**
 * `exec cmd …`, the command replacing the shell. Assignments before it are passed through env (`exec env X=1 cmd`):
 * `exec X=1 cmd` would look for a program named `X=1`, and POSIX leaves unspecified whether `X=1 exec cmd` exports X.
 */
export function execLine(command: WrittenCommand): string {
  const env = command.env ?? [];
  return `exec ${env.length > 0 ? `env ${env.map(envArgument).join(' ')} ` : ''}${wordsOf(command)}`;
}

/** An assignment as an argument of env: a word, so an expansion in it is double-quoted against field splitting. */
function envArgument(a: ShellAssignment): string {
  if (a.literal) return a.text ?? shellWord(`${a.name}=${a.value}`);
  return /["\\`]/.test(a.value) ? (a.text ?? `${a.name}=${a.value}`) : `"${a.name}=${a.value}"`;
}

/** A word split into its literal text and its expansions (as written); undefined when it has no expansion. */
function expansionParts(word: string): { text: string; expansion: boolean }[] | undefined {
  const parts: { text: string; expansion: boolean }[] = [];
  let literal = '';
  let i = 0;
  while (i < word.length) {
    const end = expansionEnd(word, i);
    if (end === undefined) {
      literal += word[i++];
      continue;
    }
    if (literal) parts.push({ text: literal, expansion: false });
    literal = '';
    parts.push({ text: word.slice(i, end), expansion: true });
    i = end;
  }
  if (literal) parts.push({ text: literal, expansion: false });
  return parts.some((p) => p.expansion) ? parts : undefined;
}

/** The end of the expansion starting at i (`$NAME`, `$1`, `${…}`, `$(…)`, `` `…` ``), undefined when none starts there. */
function expansionEnd(word: string, i: number): number | undefined {
  const c = word[i];
  if (c === '`') {
    const close = word.indexOf('`', i + 1);
    return close < 0 ? undefined : close + 1;
  }
  if (c !== '$') return undefined;
  const next = word[i + 1] ?? '';
  if (next === '(' || next === '{') return closing(word, i + 1);
  const name = /^(?:[A-Za-z_]\w*|[0-9@*#?$!-])/.exec(word.slice(i + 1));
  return name ? i + 1 + name[0].length : undefined;
}

/** The index after the bracket that closes the one at `open`, quotes inside respected. */
function closing(word: string, open: number): number | undefined {
  const pair: Record<string, string> = { '(': ')', '{': '}' };
  const stack: string[] = [];
  let quote: string | undefined;
  for (let i = open; i < word.length; i++) {
    const c = word[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '\\') i++;
    else if (c === "'" || c === '"') quote = c;
    else if (pair[c]) stack.push(pair[c]);
    else if (c === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
  }
  return undefined;
}

/** A command line quoted in a message: in single quotes, or in backquotes when it holds a single quote itself. */
export function quotedLine(line: string): string {
  return line.includes("'") ? `\`${line}\`` : `'${line}'`;
}
