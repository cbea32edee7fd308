// A start script's shell that stays PID 1 on purpose: to pass SIGTERM on to its server (a trap), or to restart it.
import type { InitProcess } from '../../model/command.js';
import type { EntrypointScript } from '../../model/types/project.js';
import type { ShellCommand } from '../../model/types/shell.js';
import { execLine, quotedLine } from './command-text.js';

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

/** A server the script runs again each time it exits: the shell stays to restart it, which a restart policy can do. */
export function restartLoopMessage(
  script: EntrypointScript,
  c: ShellCommand,
  what: string,
  init: InitProcess | undefined,
): string {
  const stays = init ? `stays under ${init.name} (PID 1), which sends SIGTERM to it only,` : 'stays PID 1';
  return `${script.file}, line ${c.line}, starts ${what} inside a restart loop (while/until), so the shell ${stays} to restart ${what} whenever it exits, and SIGTERM from docker stop does not reach ${what}. Drop the loop and let the container's restart policy restart it (restart: unless-stopped in compose, docker run --restart unless-stopped), then start it with ${quotedLine(execLine(c))}; exec inside the loop would end the loop.`;
}

/** A forwarder that ends once its trap has run: the shell exits and the kernel kills the server it was stopping. */
export function forwarderExitsMessage(file: string, what: string, forwarder: TermForwarder): string {
  return `${file} starts ${what} in the background (&), passes SIGTERM on to it from its trap (line ${forwarder.line}) and waits (wait), but a trapped signal makes wait return: once the trap has run the script ends, so the shell (PID 1) exits and the kernel kills ${what} before it has finished stopping. Wait for ${what} again after the trap (a second wait $pid after the first, or wait in the trap), or drop the trap and start ${what} in the foreground with exec.`;
}
