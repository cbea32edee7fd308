/** The directory a script's commands run in, as its `cd`s move it. Pure. */
import { posix } from 'node:path';
import type { ShellCommand } from '../../parse/types.js';
import type { BranchInputs } from './branches.js';

/**
 * The directory a script is in after a command: `cd DIR` moves it (a DIR known as written, or `cd ${PROJECT}` with
 * the variable's value known from the container's environment), anything else not.
 */
export function directoryAfter(argv: string[], dir: string, variable?: BranchInputs['variable']): string {
  if (argv[0] !== 'cd' || argv.length !== 2 || argv[1] === '-' || argv[1].startsWith('~')) return dir;
  const target = argv[1].includes('$') ? expandKnown(argv[1], variable) : argv[1];
  return target === undefined || target === '' ? dir : posix.resolve(dir, target);
}

/** A word with every `$NAME` / `${NAME}` replaced by its known value; undefined when one is not known or unset. */
function expandKnown(word: string, variable: BranchInputs['variable'] | undefined): string | undefined {
  if (!variable) return undefined;
  let unknown = false;
  const out = word.replace(
    /\$(?:\{(\w+)\}|(\w+))/g,
    (_, braced: string | undefined, bare: string | undefined) => {
      const value = variable(braced ?? bare ?? '');
      if (typeof value !== 'string') unknown = true;
      return typeof value === 'string' ? value : '';
    },
  );
  return unknown || out.includes('$') ? undefined : out;
}

/**
 * The directory along a script's commands, in order: `cd` moves it, and a `cd` inside `( … )` ends with that
 * subshell (POSIX: a subshell has its own working directory), so the commands after it run where they did before.
 */
export class WorkingDirectory {
  private readonly entered: { subshell: number; dir: string }[] = [];

  constructor(public dir: string) {}

  /** The directory after the command, which runs in `this.dir` once `at` has left or entered its subshells. */
  at(command: Pick<ShellCommand, 'subshells'>): string {
    const subshells = command.subshells ?? [];
    while (this.entered.length > 0 && !this.entered.every((e, i) => subshells[i] === e.subshell))
      this.dir = this.entered.pop()!.dir;
    for (let i = this.entered.length; i < subshells.length; i++)
      this.entered.push({ subshell: subshells[i], dir: this.dir });
    return this.dir;
  }

  /** Moves to the directory the command leaves the script in, and returns it. */
  after(command: Pick<ShellCommand, 'argv' | 'subshells'>, variable?: BranchInputs['variable']): string {
    this.at(command);
    return (this.dir = directoryAfter(command.argv, this.dir, variable));
  }
}
