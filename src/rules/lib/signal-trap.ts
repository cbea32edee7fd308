// A start script's shell that stays PID 1 on purpose: to pass SIGTERM on to its server (a trap), or to restart it.
import { holderAfter, initAsPid1, type InitProcess } from '../../model/command.js';
import type { EntrypointScript } from '../../model/types/project.js';
import type { ShellCommand } from '../../model/types/shell.js';
import { execLine, quotedLine } from './command-text.js';
import type { SignalHolder } from './script-parent.js';

export interface TermForwarder {
  /** The line of the `trap` command. */
  line: number;
  /** Whether the script waits for the server again once the trap has run (wait in the handler, or a second wait). */
  waitsAgain: boolean;
}

/**
 * The `trap HANDLER TERM` (or INT) of a script whose handler passes the signal on to the server: `kill` of a process,
 * or a stop command (`q`, `Q`) written to uWSGI's master FIFO (`echo q > /tmp/uwsgi-fifo`); undefined when none.
 */
export function termForwarder(commands: ShellCommand[]): TermForwarder | undefined {
  for (const c of commands) {
    if (c.argv[0] !== 'trap' || c.argv.length < 3) continue;
    if (!c.argv.slice(2).some((s) => /^(SIG)?(TERM|INT)$|^(15|2)$/i.test(s))) continue;
    const handler = c.argv[1];
    const named = /^[A-Za-z_]\w*$/.test(handler);
    const body = named
      ? commands.filter((x) => x.inFunction === handler)
      : handler.split(/[;&|\n]+/).map((s) => ({ argv: s.trim().split(/\s+/), redirects: [] }));
    const forwards =
      body.some(({ argv }) => argv[0] === 'kill' && argv.length > 1) ||
      body.some(
        ({ argv, redirects }) =>
          /^(echo|printf)$/.test(argv[0] ?? '') &&
          argv[1] !== undefined &&
          /^[qQ]$/.test(argv[1]) &&
          redirects.some((r) => r.op.endsWith('>')),
      ) ||
      (!named && /\b(echo|printf)\s+['"]?[qQ]['"]?\s*>/.test(handler));
    if (!forwards) continue;
    const waitsInHandler = body.some(({ argv }) => argv[0] === 'wait');
    const waits = commands.filter((x) => x.argv[0] === 'wait' && (!named || x.inFunction !== handler)).length;
    return { line: c.line, waitsAgain: waitsInHandler || waits >= 2 };
  }
  return undefined;
}

/**
 * A server the script runs again each time it exits: the shell stays to restart it, which a restart policy can do.
 * `holder`: who holds PID 1 above the script, when the script is not PID 1 (whoKeepsSignal).
 */
export function restartLoopMessage(
  script: EntrypointScript,
  c: ShellCommand,
  what: string,
  init: InitProcess | undefined,
  holder: Pick<SignalHolder, 'above' | 'execAbove'>,
): string {
  const stays = holder.above
    ? "script's shell stays"
    : init
      ? `shell stays under ${initAsPid1(init)}, which sends SIGTERM to it only,`
      : 'shell stays PID 1';
  const above = holder.above ? `; and ${script.file} is not PID 1 either: ${holder.above}` : '';
  return `${script.file}, line ${c.line}, starts ${what} inside a restart loop (while/until), so the ${stays} to restart ${what} whenever it exits, and SIGTERM from docker stop does not reach ${what}${above}. Drop the loop and let the container's restart policy restart it (restart: unless-stopped in compose, docker run --restart unless-stopped), then start it with ${quotedLine(execLine(c))}; exec inside the loop would end the loop.${holder.execAbove}`;
}

/**
 * A forwarder that ends once its trap has run: the shell exits and the kernel kills the server it was stopping. When
 * the script is not PID 1 (`holder.above`), SIGTERM stops at the shell above it and the trap never runs at all.
 */
export function forwarderExitsMessage(
  file: string,
  what: string,
  forwarder: TermForwarder,
  init: InitProcess | undefined,
  holder: Pick<SignalHolder, 'above' | 'parentExec'>,
): string {
  const againAdvice = `wait for ${what} again after the trap (a second wait $pid after the first, or wait in the trap), or drop the trap and start ${what} in the foreground with exec`;
  if (holder.above) {
    const write = holder.parentExec
      ? `Write ${holder.parentExec}, so that SIGTERM reaches the script's trap. Even then`
      : 'Even once SIGTERM reaches the trap,';
    return `${file} starts ${what} in the background (&), passes SIGTERM on to it from its trap (line ${forwarder.line}) and waits (wait), but ${file} is not PID 1: ${holder.above}; the trap never runs, and ${what} is killed without a graceful shutdown when docker stop's timeout ends. ${write} a trapped signal makes wait return and the script ends with ${what} still stopping: ${againAdvice}.`;
  }
  const exits = init ? `exits, ${initAsPid1(init)} exits with it,` : '(PID 1) exits';
  return `${file} starts ${what} in the background (&), passes SIGTERM on to it from its trap (line ${forwarder.line}) and waits (wait), but a trapped signal makes wait return: once the trap has run the script ends, so the shell ${exits} and the kernel kills ${what} before it has finished stopping. ${againAdvice[0].toUpperCase()}${againAdvice.slice(1)}.`;
}

/** `trap HANDLER TERM` (or INT): the first, with the line it is on and what it runs. */
function termTrap(commands: ShellCommand[]): { line: number; handler: string } | undefined {
  const c = commands.find(
    (x) => x.argv[0] === 'trap' && x.argv.slice(2).some((s) => /^(SIG)?(TERM|INT)$|^(15|2)$/i.test(s)),
  );
  return c && c.argv[1] !== undefined ? { line: c.line, handler: c.argv[1] } : undefined;
}

/**
 * `"$@" &` then `wait`: the script runs the container command as a child and waits for it, so its shell keeps PID 1
 * (and a trap that does not pass SIGTERM on keeps the signal from the command). Undefined when it is not that, or a
 * trap passes SIGTERM on and waits again.
 */
export function waitedArgumentsFinding(
  file: string,
  commands: ShellCommand[],
  startsArgs: (argv: string[]) => boolean,
  init: InitProcess | undefined,
  holder: SignalHolder,
): { file: string; line: number; message: string } | undefined {
  const at = commands.findIndex((c) => c.background && !c.loop && startsArgs(c.argv));
  if (at < 0 || holderAfter(commands, at, startsArgs)?.kind !== 'wait') return undefined;
  const line = commands[at].line;
  const what = 'the container command ("$@")';
  const forwarder = termForwarder(commands);
  if (forwarder?.waitsAgain) return undefined;
  if (forwarder) return { file, line, message: forwarderExitsMessage(file, what, forwarder, init, holder) };
  const trap = termTrap(commands);
  const kept = trap
    ? `; its trap (line ${trap.line}) runs ${quotedLine(trap.handler)} on SIGTERM and passes nothing on`
    : '';
  const advice = trap
    ? `Write 'exec "$@"' in place of the & and the wait${holder.also} (the trap then no longer runs), or pass SIGTERM on from the trap (kill -TERM "$pid") and wait "$pid" again after it.`
    : `Write 'exec "$@"' in place of the & and the wait${holder.also}.`;
  return {
    file,
    line,
    message: `${file}, line ${line}, starts ${what} in the background (&) and waits for it (wait) instead of exec, ${holder.stays(what)}${kept}. ${advice}`,
  };
}
