import type { ServerListening } from '../../core/index.js';
import type { RunState } from '../run-state.js';
import type { EngineRun } from './engine-run.js';

/** TCP state LISTEN in /proc/net/tcp{,6}. */
const LISTEN = '0A';

/** The ports in LISTEN state in the text of /proc/net/tcp and /proc/net/tcp6, in order, each once. */
export function listeningPorts(procNetTcp: string): number[] {
  const ports: number[] = [];
  for (const line of procNetTcp.split('\n')) {
    const fields = line.trim().split(/\s+/);
    // sl local_address rem_address st …: local_address is ADDRESS:PORT in hex.
    const local = /^[0-9A-Fa-f]+:([0-9A-Fa-f]{4})$/.exec(fields[1] ?? '');
    if (!local || fields[3]?.toUpperCase() !== LISTEN) continue;
    const port = parseInt(local[1], 16);
    if (port > 0 && !ports.includes(port)) ports.push(port);
  }
  return ports;
}

/**
 * The server did not answer on the port probed: the ports it does listen on, read from the running container's
 * /proc (no tool of the image needed but `cat`), observed so a fix can name the real one.
 */
export async function observeListening(run: RunState, e: EngineRun, container: string): Promise<void> {
  const r = await run.docker
    .exec(['exec', container, 'cat', '/proc/net/tcp', '/proc/net/tcp6'], { timeoutMs: 30_000 })
    .catch(() => undefined);
  // cat exits 1 when tcp6 is missing (no IPv6) after printing tcp.
  if (!r?.stdout) return;
  for (const port of listeningPorts(r.stdout)) {
    const seen: ServerListening = { kind: 'listening', engine: e.engine, port, answered: false };
    run.observe(seen);
  }
}
