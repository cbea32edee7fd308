import {
  argumentsHeldBy,
  initAsPid1,
  type InitProcess,
  launchedCommand,
  launchesArguments,
  runsArguments,
  scriptCommandsThatRun,
} from '../../model/command.js';
import type { App, EntrypointScript } from '../../model/types/project.js';
import type { ShellCommand } from '../../model/types/shell.js';
import { commandLine, execLine, quotedLine } from './command-text.js';
import { scriptExecForm } from './exec-form.js';
import { scriptRunBy } from './script-steps.js';

/** Where a start script runs another one: the caller, the line, and whether it hands its process over with exec. */
interface ScriptCall {
  caller: EntrypointScript;
  line: number;
  viaExec: boolean;
}

/**
 * The shell of a start command (shell-form CMD, compose `command: ["/bin/sh", "-c", "…"]`) found staying PID 1:
 * whose (`the compose command`), the shell (`/bin/sh -c`), where, and the commands it runs.
 */
export interface StartShell {
  owner: string;
  shell: string;
  file: string;
  line: number;
  commands: ShellCommand[];
  /** Set for a shell-form CMD/ENTRYPOINT, whose own finding proposes the exec form rather than an exec inside it. */
  shellForm?: true;
  /** Set when the shell execs its last command (bash 5.1, BusyBox): only the commands before it are its children. */
  execsLast?: true;
}

/** The start script that runs `script` in the foreground (`./start.sh`, `exec sh start.sh`), first found. */
function callOf(app: App, script: EntrypointScript): ScriptCall | undefined {
  for (const caller of app.entrypointScripts) {
    if (caller === script || caller.makeTargets || caller.program) continue;
    const c = scriptCommandsThatRun(app, caller).find(
      (c) => !c.background && !c.asUser && scriptRunBy(c.argv, app.entrypointScripts, caller) === script,
    );
    if (c) return { caller, line: c.line, viaExec: c.viaExec };
  }
  return undefined;
}

/**
 * The call that leaves PID 1 with a shell above `script`: going up the scripts that run it, the topmost one made
 * without exec (`entrypoint.sh` running `start.sh` as its child); PID 1 then runs its caller's shell. Undefined when
 * every script above hands its process over with exec, or none runs it: the script's own shell is PID 1.
 */
export function pid1Call(app: App, script: EntrypointScript): ScriptCall | undefined {
  let found: ScriptCall | undefined;
  const seen = new Set([script]);
  for (let call = callOf(app, script); call && !seen.has(call.caller); call = callOf(app, call.caller)) {
    seen.add(call.caller);
    if (!call.viaExec) found = call;
  }
  return found;
}

/** The topmost script of the exec chain that ends in `script` (`script` itself when no script runs it). */
function execChainTop(app: App, script: EntrypointScript): EntrypointScript {
  let top = script;
  const seen = new Set([script]);
  for (let call = callOf(app, top); call?.viaExec && !seen.has(call.caller); call = callOf(app, top)) {
    seen.add(call.caller);
    top = call.caller;
  }
  return top;
}

/** The start shell that runs `script` as its child (in the foreground, without exec), and the command that does. */
function shellCallOf(
  app: App,
  script: EntrypointScript,
  shells: StartShell[],
): { shell: StartShell; command: ShellCommand; next?: ShellCommand } | undefined {
  const runs = (argv: string[] | undefined) => argv && scriptRunBy(argv, app.entrypointScripts) === script;
  for (const shell of shells) {
    const children = shell.execsLast ? shell.commands.slice(0, -1) : shell.commands;
    // `wait-for-it db:5432 -- ./start.sh`, `gosu app ./start.sh`: the launcher execs the script, still a child
    const command = children.find(
      (c) => !c.viaExec && !c.background && (runs(c.argv) || runs(launchedCommand(c.argv))),
    );
    if (command) return { shell, command, next: shell.commands[shell.commands.indexOf(command) + 1] };
  }
  return undefined;
}

/** Who holds SIGTERM above a start script that its own shell does not hand to PID 1. */
export interface SignalHolder {
  /** What the script's shell does with `what`, said after it (`so the script stays PID 1 and SIGTERM does not …`). */
  stays: (what: string) => string;
  /** What to write besides the script's own exec, appended to "Write 'exec …'" ('' when nothing). */
  also: string;
  /**
   * Set when the script is not PID 1: a clause saying which shell runs it as a child and holds PID 1 (`the compose
   * command's '/bin/sh -c' runs it without exec (compose.yaml:4), so that shell is PID 1 and SIGTERM … stops there`).
   */
  above?: string;
  /** A sentence naming the exec the shell above needs (' Write … in the compose command too: …'), or ''. */
  execAbove: string;
  /** The exec the shell above needs, as an object of "write" (`'exec bash start.sh' in the compose command`), or ''. */
  parentExec: string;
}

/**
 * How a script that starts `what` without exec keeps SIGTERM from it (`stays`, said after that), and what to write
 * besides its own exec (`also`, appended to the advice): the script's shell is PID 1; under an init that signals only
 * its child (tini without -g), the init passes it to that shell only; a script another one runs without exec is a
 * child, PID 1 being that caller's shell; a script a start command's shell runs without exec (`sh -c "…; bash
 * start.sh"`) is a child of that shell, and both need exec.
 */
export function whoKeepsSignal(
  app: App,
  script: EntrypointScript,
  init: InitProcess | undefined,
  shells: StartShell[],
): SignalHolder {
  const call = pid1Call(app, script);
  const top = call ? undefined : execChainTop(app, script);
  const parent = top && shellCallOf(app, top, shells);
  if (parent) {
    const { shell, command, next } = parent;
    const where = `the ${shell.owner}'s '${shell.shell}'`;
    const before = next ? `, before ${quotedLine(commandLine(next))}` : '';
    const runs = `${where} runs ${top === script ? 'it' : top!.file} without exec${before} (${shell.file}:${shell.line})`;
    const pid1 = init
      ? `and ${initAsPid1(init)} sends SIGTERM to that shell only`
      : 'so that shell is PID 1 and SIGTERM from docker stop stops there';
    const above = `${runs}, ${pid1}`;
    // `/app/start.sh && gunicorn …`: an exec there would drop what follows; the script alone is the command to run.
    if (next) return aloneHolder(shell, top!, script, above, next);
    const parentExec = shell.shellForm
      ? `an exec before ${top!.file} in the ${shell.owner} (${shell.file}:${shell.line})`
      : `${quotedLine(execLine(command))} in the ${shell.owner}`;
    const handOver = 'both shells must hand their process over';
    return {
      stays: (what) =>
        `so the script's shell stays between ${what} and SIGTERM; and ${script.file} is not PID 1 either: ${above}`,
      also: ` here, and ${shell.shellForm ? `make the ${shell.owner} start ${top!.file} with exec too (${shell.file}:${shell.line})` : `${quotedLine(execLine(command))} in the ${shell.owner}`}: ${handOver}`,
      above,
      execAbove: shell.shellForm
        ? ` Make the ${shell.owner} start ${top!.file} with exec too (${shell.file}:${shell.line}): ${handOver}.`
        : ` Write ${quotedLine(execLine(command))} in the ${shell.owner} too: ${handOver}.`,
      parentExec,
    };
  }
  if (!call)
    return {
      stays: () =>
        init
          ? `so ${initAsPid1(init)} sends SIGTERM to the script's shell only, which does not pass it on`
          : 'so the script stays PID 1 and SIGTERM does not reach it',
      also: '',
      execAbove: '',
      parentExec: '',
    };
  const caller = call.caller.file;
  const child = `${script.file} is itself a child: ${caller} runs it without exec (${caller}:${call.line})`;
  const pid1 = init
    ? `and ${initAsPid1(init)} sends SIGTERM to the shell of ${caller} only`
    : `so PID 1 is the shell of ${caller}, and SIGTERM from docker stop reaches that shell`;
  return {
    stays: (what) => `and ${child}, ${pid1}, not ${what}`,
    also: '',
    above: `${caller} runs it without exec (${caller}:${call.line}), ${pid1}`,
    execAbove: '',
    parentExec: '',
  };
}

/**
 * The holder above a script that a start shell runs before more commands (`/app/start.sh && gunicorn …`): the shell
 * is PID 1 while the script runs, and what follows it runs only once the script has ended, so the start command
 * should run the script alone, in exec form.
 */
function aloneHolder(
  shell: StartShell,
  top: EntrypointScript,
  script: EntrypointScript,
  above: string,
  next: ShellCommand,
): SignalHolder {
  const argv = `[${scriptExecForm(top)
    .map((a) => JSON.stringify(a))
    .join(', ')}]`;
  const form = shell.owner.startsWith('compose ')
    ? `${shell.owner.slice('compose '.length)}: ${argv}`
    : `${shell.owner} ${argv}`;
  const alone = `run ${top.file} alone as the ${shell.owner}, in exec form (${form})`;
  const why = `with exec in ${script.file} alone, the ${shell.owner}'s '${shell.shell}' would still be PID 1, and ${quotedLine(commandLine(next))} after ${top.file} in the ${shell.owner} runs only once ${top.file} has ended`;
  return {
    stays: (what) =>
      `so the script's shell stays between ${what} and SIGTERM; and ${script.file} is not PID 1 either: ${above}`,
    also: ` here, and ${alone}: ${why}`,
    above,
    execAbove: ` Also ${alone}: ${why}.`,
    parentExec: form,
  };
}

/**
 * The ENTRYPOINT script that runs a shell-form CMD (its arguments, `/bin/sh -c "…"`) as a child, without exec
 * (`"$@" &` then `wait`, or `"$@"` followed by more): that script's shell is PID 1, not the CMD's /bin/sh, and an
 * exec-form CMD alone changes nothing. Undefined when the script execs its arguments, or is not known; else the
 * message and the script it names.
 */
export function cmdUnderEntrypointMessage(
  app: App,
  argv: string[] | undefined,
): { text: string; names: string } | undefined {
  const stage = app.dockerfile?.targetStage;
  const entrypoint = stage?.entrypoint?.argv;
  const cmd = stage?.cmd;
  if (!entrypoint || cmd?.form !== 'shell') return undefined;
  const script = scriptRunBy(entrypoint, app.entrypointScripts);
  if (!script) return undefined;
  const held = argumentsHeldBy(script.script);
  const runs = scriptCommandsThatRun(app, script).filter(
    (c) => runsArguments(c.argv, held) || launchesArguments(c.argv, held),
  );
  if (runs.length === 0 || runs.some((c) => c.viaExec)) return undefined;
  const at = `${script.file}:${runs[0].line}`;
  const form = `CMD [${(argv ?? ['<program>', '<argument>']).map((a) => JSON.stringify(a)).join(', ')}]`;
  const how = runs[0].background ? 'in the background (&) and waits for it' : 'as a child, without exec';
  const text = `CMD is in shell form, so the ENTRYPOINT ${script.file} gets it as /bin/sh -c ${JSON.stringify(cmd.raw.trim())} and runs that ${how} (${at}): ${script.file}'s shell is PID 1, and SIGTERM from docker stop stops there, reaching neither /bin/sh nor what it runs. The exec form alone would not fix it: start the command with exec "$@" in ${script.file} (line ${runs[0].line}), and use the exec form, ${form}, so that no /bin/sh is left between: both must hand the process over.`;
  return { text, names: script.file };
}
