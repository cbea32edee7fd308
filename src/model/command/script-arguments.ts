/** How a script runs the arguments it is given: `exec "$@"`, `exec $cmd` after `cmd="$*"`, `gosu app "$@"`. Pure. */
import { ARGS_WORD } from './branches.js';
import { basename, programArgv } from './servers.js';
import type { ShellCommand, ShellScript } from '../types/shell.js';

export const ALL_ARGS = new Set(['$@', '$*', '${@}', '${*}']);

/** Variables a script sets to all its arguments (`cmd="$@"`), so that `exec $cmd` runs them. */
export function argumentsHeldBy(script: ShellScript): Set<string> {
  return new Set((script.assignments ?? []).filter((a) => ALL_ARGS.has(a.value)).map((a) => a.name));
}

/** Whether words only launch the command that follows them: `gosu app`, `pdm run`, `taskset -c 0`, `env X=1`. */
export function launcherOnly(prefix: string[]): boolean {
  if (prefix.some((w) => /^python[\d.]*$/.test(basename(w)))) return false;
  const mark = '\u0000';
  const rest = programArgv([...prefix, mark]);
  return rest.length === 1 && rest[0] === mark;
}

/** `gosu USER …`, `su-exec USER …`, `chpst -u USER …`, `pid1 -u USER …`: a launcher that also switches the user. */
export function dropsUser(argv: string[]): boolean {
  const program = basename(argv[0] ?? '');
  if (program === 'pid1') return argv.some((w) => w === '-u' || w === '--user' || w.startsWith('--user='));
  return ['gosu', 'su-exec', 'chpst', 'setpriv', 'runuser', 's6-setuidgid'].includes(program);
}

/**
 * Whether a command runs the script's arguments through a launcher that execs them (`gosu app "$@"`,
 * `pdm run "$@"`): the shell still waits for that launcher unless the command is exec'd.
 */
export function launchesArguments(argv: string[], argsVariables: Set<string> = new Set()): boolean {
  const at = argv.findIndex((w, k) => k > 0 && runsArguments([w], argsVariables));
  return at > 0 && launcherOnly(argv.slice(0, at));
}

/** Whether a command's word k is where the script's arguments go: `"$@"`, or an unquoted `$cmd` holding them all. */
export function fillsWithArguments(c: ShellCommand, k: number, argsVariables: Set<string>): boolean {
  const word = c.argv[k];
  if (ARGS_WORD.test(word)) return true;
  const written = c.written?.[k] ?? word;
  return written === word && runsArguments([word], argsVariables);
}

/** Whether a command runs the script's arguments: `"$@"`, `$*`, or a variable holding them (`exec $cmd`). */
export function runsArguments(argv: string[], argsVariables: Set<string> = new Set()): boolean {
  const word = argv[0] ?? '';
  if (ALL_ARGS.has(word)) return true;
  const name = /^\$(?:\{(\w+)\}|(\w+))$/.exec(word);
  return name !== null && argsVariables.has(name[1] ?? name[2]);
}

/** Whether a command's word k is written unquoted (`exec $cmd`, `exec $@`), so that the shell splits what it holds. */
export function splitsArguments(c: ShellCommand, k: number): boolean {
  return (c.written?.[k] ?? c.argv[k]) === c.argv[k];
}

/** The words the shell makes of arguments expanded unquoted: each split at blanks (`"sh /app/run.sh"` is two). */
export function splitWords(args: string[]): string[] {
  return args.flatMap((a) => a.split(/[ \t\n]+/).filter((w) => w !== ''));
}
