// A start command whose server nothing in the image installs fails at once ("gunicorn: not found").
import { programArgv } from '../../model/command.js';
import type { App } from '../../model/types/project.js';
import type { ShellCommand } from '../../model/types/shell.js';
import { commandLine, quotedLine } from './command-text.js';
import { listOf } from './processes.js';

/** The server program `argv` runs when nothing the image installs provides it (App.missingServers). */
export function missingServer(app: App, argv: string[]): string | undefined {
  const words = programArgv(argv);
  const program = words[0];
  if (program === undefined || !app.missingServers?.includes(program)) return undefined;
  // `uv run --with uvicorn==0.32.1 uvicorn …`, `pipx run gunicorn`: the launcher fetches it when the command starts.
  const launcher = argv.slice(0, Math.max(0, argv.length - words.length));
  if (launcher.some((w) => w.toLowerCase().includes(program)) || /^(uvx|pipx)$/.test(launcher[0] ?? ''))
    return undefined;
  return program;
}

/** `set -e`, `set -euo pipefail`, `set -o errexit`: a failing command ends the script. */
function setsErrexit(argv: string[]): boolean {
  if (argv[0] !== 'set') return false;
  return argv.some((w, i) => /^-[a-z]*e[a-z]*$/.test(w) || (w === '-o' && argv[i + 1] === 'errexit'));
}

/** What a script runs after a command that fails (`commands[i]`): what runs next, and what `&&` skips on the way. */
interface AfterFailure {
  /** The command that runs next; undefined when the script ends there (nothing left, or errexit). */
  next?: ShellCommand;
  /** Whether `||` runs `next` because the command failed. */
  or: boolean;
  /** The commands `&&` skips after the failure. */
  skipped: ShellCommand[];
  /** Set when errexit (`set -e`) ends the script at the failure. */
  errexit: boolean;
}

/**
 * What follows a failing command, read as the shell reads an and-or list (`&&` and `||` of equal precedence, left to
 * right): the commands after `&&` are skipped while the list has failed, one after `||` runs. Under errexit the script
 * ends at a failure that ends its list; one followed by `&&` or `||` does not end it (POSIX: -e is ignored for any
 * command of an and-or list but the last), so the next list runs.
 */
function afterFailure(commands: ShellCommand[], i: number): AfterFailure {
  const errexit = commands.slice(0, i).some((b) => setsErrexit(b.argv));
  const skipped: ShellCommand[] = [];
  let j = i + 1;
  for (; commands[j]?.after === '&&'; j++) skipped.push(commands[j]);
  const next = commands[j];
  if (next?.after === '||') return { next, or: true, skipped, errexit: false };
  if (!next || (errexit && skipped.length === 0)) return { or: false, skipped, errexit: errexit && !!next };
  return { next, or: false, skipped, errexit: false };
}

/** A server command that fails at once for want of its program, and what the script does after it. */
export interface MissingRun extends AfterFailure {
  program: string;
}

/**
 * The commands of a script that run a server nothing the image installs provides and that the script goes on past:
 * the command fails at once, and the next line runs (with no errexit set before it), or the command after `||`.
 */
export function passedOver(app: App, commands: ShellCommand[]): Map<ShellCommand, MissingRun> {
  const out = new Map<ShellCommand, MissingRun>();
  for (const [c, run] of missingRuns(app, commands)) if (run.next) out.set(c, run);
  return out;
}

/** The commands of a script that run a server nothing the image installs provides, and what follows each failure. */
export function missingRuns(app: App, commands: ShellCommand[]): Map<ShellCommand, MissingRun> {
  const out = new Map<ShellCommand, MissingRun>();
  for (const [i, c] of commands.entries()) {
    const program = missingServer(app, c.argv);
    if (program && !c.viaExec && !c.background) out.set(c, { program, ...afterFailure(commands, i) });
  }
  return out;
}

/** What a message on the rest of the script adds about the server lines that fail and are passed over. */
export function passedOverNote(skipped: Map<ShellCommand, MissingRun>, then: string): string {
  if (skipped.size === 0) return '';
  const lines = [...skipped].map(([c, run]) => `Line ${c.line} runs ${run.program}`);
  const programs = [...new Set([...skipped.values()].map((r) => r.program))];
  const them = programs.length > 1 ? 'them' : 'it';
  const on = [...skipped.values()].every((r) => r.or)
    ? `${lines.length > 1 ? 'each' : 'it'} fails at once with 'command not found' and || runs what follows`
    : "that line fails at once with 'command not found' and the script goes on";
  return ` ${lines.join(' and ')}, but nothing the image installs provides ${them} (no requirement, RUN, lock file, start script or base image): ${on}, so ${then}. To serve with ${programs.join(' or ')}, add ${them} to the requirements.`;
}

/**
 * What a message on a server that nothing installs adds when its failure stops the script before the next server:
 * `&&` skips it, or errexit ends the script, so the container exits at start. '' for any other command.
 */
export function stoppedNote(app: App, commands: ShellCommand[], c: ShellCommand): string {
  const run = missingRuns(app, commands).get(c);
  if (!run || run.next || (!run.errexit && run.skipped.length === 0)) return '';
  const skipped = listOf(run.skipped.map((s) => `${quotedLine(commandLine(s))} (line ${s.line})`));
  const stop = run.errexit
    ? 'set -e ends the script there'
    : `&& skips ${skipped}, and the script ends there`;
  return ` But nothing the image installs provides ${run.program} (no requirement, RUN, lock file, start script or base image): line ${c.line} fails at once with 'command not found' and ${stop}, so the container exits at start. Add ${run.program} to the requirements.`;
}
