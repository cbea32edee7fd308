// TF0901's words for a start script that runs its server through `make TARGET`: the server is a recipe line, and
// make between the script and the server changes what exec can do.
import { daemonOf, type DaemonFacts, makeScriptRun, programArgv } from '../../model/command.js';
import type { EntrypointScript } from '../../model/types/project.js';
import type { ShellCommand } from '../../model/types/shell.js';
import { execLine, quotedLine } from './command-text.js';
import { mainProcessOf } from './main-process.js';

/** The server a script's `make TARGET` starts: the recipe command and the Makefile it is written in. */
export interface MakeStart {
  kind: string;
  makefile: string;
  recipe: ShellCommand;
  /** make runs the recipe line itself, with no shell between: SIGTERM to make is passed on to the server. */
  plain: boolean;
  /** The command line the script writes (`make UV_RUN= prod`), for `exec` before it. */
  make: string;
  /** The invocation sets make variables (`UV_RUN=`), which the recipe as read does not take in. */
  overrides: boolean;
}

/** The server `make TARGET` starts in the foreground (the last one of the target's recipes); undefined when none. */
export function makeStartOf(
  command: ShellCommand,
  scripts: EntrypointScript[],
  facts: DaemonFacts,
): MakeStart | undefined {
  const makefile = makeScriptRun(command.argv, scripts);
  const recipe = makefile?.script.commands.findLast(
    (c) => !c.background && !daemonOf(c.argv, facts) && mainProcessOf(c.argv),
  );
  if (!makefile || !recipe) return undefined;
  return {
    kind: mainProcessOf(recipe.argv)!.kind,
    makefile: makefile.file,
    recipe,
    plain: makefile.plainRecipeLines?.includes(recipe.line) ?? false,
    make: command.argv.join(' '),
    overrides: programArgv(command.argv).some((w) => /^[A-Za-z_]\w*=/.test(w)),
  };
}

/**
 * What the script should write in place of `make TARGET`: `exec make TARGET` hands the signal to make, which passes
 * it to the process of the recipe line, the server itself only when make runs that line with no shell.
 */
export function makeStartAdvice(start: MakeStart): string {
  const { recipe, makefile } = start;
  const at = `${makefile}:${recipe.line}`;
  // `$(or ${APP_ENV}, local)` left by the Makefile's reading is make's own syntax, not the shell's
  const written =
    !start.overrides &&
    !recipe.argv.some((w) => w.includes('$(')) &&
    !recipe.env?.some((a) => a.value.includes('$('));
  const command = written
    ? `the server's command itself: ${quotedLine(execLine(recipe))}`
    : "the recipe's command itself, with exec, make's variables and functions written out";
  if (start.plain)
    return `Write ${quotedLine(`exec ${start.make}`)} (make runs the recipe line at ${at} with no shell and passes SIGTERM on to it), or ${command}`;
  return `${quotedLine(`exec ${start.make}`)} would not be enough: make would be PID 1 and pass SIGTERM only to the /bin/sh it runs the recipe line at ${at} in (an assignment before the command, or other shell syntax, needs one), which does not pass it on. Write ${command}, in its place`;
}
