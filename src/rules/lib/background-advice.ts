import { backgroundStart, type BackgroundStart, serverOf } from '../../model/command.js';
import type { ShellCommand } from '../../model/types/shell.js';
import { commandLine, execLine, quotedLine, type WrittenCommand } from './command-text.js';
import { endsInExec, endsInSimpleCommand } from './image-shell.js';
import type { CommandInstr } from '../../model/types/dockerfile.js';
import type { App } from '../../model/types/project.js';
import { looksLikeArray } from './exec-form.js';
import {
  backgroundWords,
  containerEndsAfter,
  exitsAtOnceWords,
  keptProcess,
  listOf,
  othersOwnContainers,
} from './processes.js';

// What TF0901 says of a start that sends its server to the background: which process gets SIGTERM, and the one
// process to keep.

/** Keep the server (or the first process), in the foreground with exec; every other process in its own container. */
export function oneProcessAdvice(
  run: BackgroundStart,
  shown: (c: ShellCommand) => WrittenCommand = (c) => c,
): string {
  const holder = run.holder;
  const processes = [...run.background, ...(holder?.kind === 'process' ? [holder] : [])];
  const keep = keptProcess(processes);
  const others = processes.filter((p) => p !== keep).map((p) => shown(p.command));
  const start = `Run one process per container: start only ${keep.what}, in the foreground with exec (${quotedLine(execLine(shown(keep.command)))})`;
  if (others.length > 0) return `${start}, and ${othersOwnContainers(others)}.`;
  if (holder?.kind === 'keep-alive')
    return `${start}, instead of ${quotedLine(commandLine(holder.command))}.`;
  return `${start}.`;
}

/**
 * A server sent to the background and a process the shell then execs (`gunicorn … & celery … worker` on BusyBox,
 * which execs the last command even after a background job, or `… & exec celery …` on any shell): that process is
 * PID 1 and gets SIGTERM, the server never does. Undefined when the shell stays PID 1.
 */
export function execedHolderMessage(
  start: string,
  run: BackgroundStart,
  script: string,
  commands: ShellCommand[],
  busybox: boolean,
  shown?: (c: ShellCommand) => WrittenCommand,
): string | undefined {
  const last = commands.at(-1);
  const holder = run.holder;
  if (!last || holder?.kind !== 'process' || holder.command !== last) return undefined;
  const byExec = last.viaExec && endsInExec(script, last);
  if (!byExec && !(busybox && endsInSimpleCommand(script, last, true))) return undefined;
  const how = byExec
    ? `the shell execs ${holder.what} (exec)`
    : `Alpine's /bin/sh (BusyBox ash) execs ${holder.what}, the last command, in its place`;
  return `${start}, which ${execedHolderWords(run, how, holder.what, `${holder.what} is PID 1 and gets SIGTERM`, shown)}`;
}

/**
 * `starts gunicorn in the background (&) and then runs celery worker in the foreground; <how>, so <gets> (who gets
 * SIGTERM), but gunicorn … never gets it …`, then the one process to keep.
 */
export function execedHolderWords(
  run: BackgroundStart,
  how: string,
  holder: string,
  gets: string,
  shown?: (c: ShellCommand) => WrittenCommand,
): string {
  const servers = run.background.filter((p) => serverOf(p.command.argv)).map((p) => p.what);
  return `${backgroundWords(run)}; ${how}, so ${gets}, but ${listOf(servers)}, in the background, never ${servers.length > 1 ? 'get' : 'gets'} it and ${servers.length > 1 ? 'are' : 'is'} killed without a graceful shutdown when ${holder} exits. ${oneProcessAdvice(run, shown)}`;
}

/**
 * A shell-form CMD/ENTRYPOINT that ends by sending its processes to the background (`a && gunicorn … &`): /bin/sh
 * reaches the end at once and exits, and the container stops with it. Undefined when anything runs after them.
 */
export function exitingShellFormMessage(instr: CommandInstr, file: string, app: App): string | undefined {
  const commands = instr.script?.commands ?? [];
  const run = backgroundStart(commands);
  const last = run?.background.at(-1)?.command;
  if (!run?.ends || !last || looksLikeArray(instr.raw) || !containerEndsAfter(app, { ...last, file }))
    return undefined;
  const k = instr.keyword;
  const whats = run.background.map((p) => p.what);
  const keep = keptProcess(run.background);
  const others = run.background.filter((p) => p !== keep).map((p) => p.command);
  const plain = commands.length === 1 && !keep.command.env && !keep.command.argv.some((w) => w.includes('$'));
  const form = plain
    ? `${k} [${keep.command.argv.map((a) => JSON.stringify(a)).join(', ')}]`
    : `run the commands from a start script whose last command is ${quotedLine(execLine(keep.command))}, in an exec-form ${k} ["<path of the script in the image>"]`;
  const rest = others.length > 0 ? `, and ${othersOwnContainers(others)}` : '';
  return `${k} is in shell form and sends ${listOf(whats)} to the background ('&'): /bin/sh is PID 1, and ${exitsAtOnceWords(whats)}. Remove the '&' and use the exec form: ${form}${rest}.`;
}
