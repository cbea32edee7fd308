/** The functions of a start script that nothing calls: their bodies never run. Pure. */
import type { ShellCommand, ShellScript } from '../types/shell.js';

/**
 * A script's commands without those of functions it declares and nothing names: not the script itself (a call, a
 * `trap HANDLER TERM`, `export -f`), not another script of the chain (one that sources it), and not the arguments the
 * script runs (`"$@"` with `setup` as the container command). With the arguments unknown and run, every body stays.
 */
export function withoutUncalledFunctions(
  script: ShellScript,
  scripts: ShellScript[],
  args: string[] | undefined,
  runsArgs: boolean,
): ShellCommand[] {
  const uncalled = new Set(script.commands.flatMap((c) => (c.uncalledFunction ? [c.uncalledFunction] : [])));
  if (uncalled.size === 0 || (args === undefined && runsArgs)) return script.commands;
  const dead = [...uncalled].filter(
    (name) =>
      !(args ?? []).some((w) => names(w, name)) &&
      !scripts.some((s) =>
        s.commands.some(
          (c) =>
            c.inFunction !== name &&
            !PRINTS.has(c.argv[0] ?? '') &&
            c.argv.some((w, k) => (k === 0 ? w === name : names(w, name))),
        ),
      ),
  );
  return script.commands.filter((c) => !c.uncalledFunction || !dead.includes(c.uncalledFunction));
}

const PRINTS = new Set(['echo', 'printf']);

/** Whether a word names the function: is it, or holds it as a word of a command string (`trap 'stop; exit' TERM`). */
function names(word: string, name: string): boolean {
  return word.split(/[^\w-]+/).includes(name);
}
