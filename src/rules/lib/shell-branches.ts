import {
  branchEnds,
  inlineScript,
  inlineScriptCommands,
  inlineScriptLastCommand,
  longRunningProcess,
  programArgv,
  setupOnly,
} from '../../model/command.js';
import type { ShellCommand } from '../../model/types/shell.js';
import { execLine, quotedLine } from './command-text.js';
import { listOf } from './processes.js';
import { mainProcessOf } from './main-process.js';

// The alternative branches (case items, if/else) of a shell's own script, and which of them keep the shell as PID 1.

/** The commands a shell runs itself: not those of a `sh -c` script it starts, nor those `su -c` runs as another user. */
export function ownCommands<C extends ShellCommand>(commands: C[]): C[] {
  const out: C[] = [];
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i];
    if (c.asUser) continue;
    out.push(c);
    // the parser lists the commands of the script right after the shell that runs it
    if (inlineScript(c.argv) !== undefined) i += inlineScriptCommands(c.argv, c.line).length;
  }
  return out;
}

/** Steps that exit at once: a branch ending in one leaves no process for SIGTERM to miss. */
const EXITING = new Set([
  'echo',
  'printf',
  'true',
  'false',
  ':',
  'exit',
  'return',
  'set',
  'export',
  'cd',
  '[',
  'test',
]);

/** A branch's last command as a shell sees it: whether it hands PID 1 over, and what it starts. */
export interface BranchEnd {
  command: ShellCommand;
  /** The server or long-running process it starts, named (`gunicorn`, `runserver`), through `sh -c` too. */
  what: string;
  /** The `sh -c` the process is started through, when it is: the shell's own command is that shell. */
  through?: string;
}

/**
 * The ends of the alternative branches of a shell's own commands, split into those started with exec (the shell
 * hands PID 1 over) and those that keep the shell as PID 1; undefined when the commands do not branch.
 */
export function shellBranches(
  commands: ShellCommand[],
): { execed: BranchEnd[]; keeping: BranchEnd[] } | undefined {
  const ends = branchEnds(ownCommands(commands));
  if (ends.length < 2) return undefined;
  const running = ends.flatMap((c): BranchEnd[] => {
    const a = programArgv(c.argv);
    if (c.background || EXITING.has(a[0] ?? '') || setupOnly([c])) return [];
    const inner = inlineScriptLastCommand(c.argv, c.line);
    const argv = inner?.argv ?? c.argv;
    const what = mainProcessOf(argv)?.kind ?? longRunningProcess(argv) ?? argv[0] ?? c.argv[0];
    return [{ command: c, what, ...(inner ? { through: c.argv[0] } : {}) }];
  });
  return {
    execed: running.filter((e) => e.command.viaExec),
    keeping: running.filter((e) => !e.command.viaExec),
  };
}

/** The message for a shell-form CMD/ENTRYPOINT whose branches keep /bin/sh as PID 1: only those are named. */
export function shellFormBranchesMessage(
  keyword: string,
  branches: { execed: BranchEnd[]; keeping: BranchEnd[] },
): string {
  const { execed, keeping } = branches;
  const one = keeping.length === 1;
  const each = keeping.map(
    (e) =>
      `the branch that runs ${e.what} starts it ${e.through ? `through '${e.through} -c' ` : ''}without exec`,
  );
  const handed =
    execed.length === 0
      ? ''
      : execed.length === 1
        ? ` (the branch that runs ${execed[0].what} starts it with exec, which hands PID 1 over)`
        : ` (the branches that run ${listOf(execed.map((e) => e.what))} start them with exec, which hands PID 1 over)`;
  // `exec sh -c "…"`: the script is as written in its branch, only the exec is new
  const write = keeping.map((e) => quotedLine(e.through ? `exec ${e.through} -c "…"` : execLine(e.command)));
  return `${keyword} is in shell form with alternative branches (a case or if/else), and ${listOf(each)}, so in ${one ? 'that branch' : 'those branches'} /bin/sh stays PID 1 and SIGTERM from docker stop does not reach the server${handed}. Write ${listOf(write)} in ${one ? 'that branch' : 'their branches'}.`;
}
