/** The directory a script's commands run in, as its `cd`s move it. Pure. */
import { posix } from 'node:path';
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
