/** Whether a start waits for a host to accept connections before it goes on (`until nc -z db 5432`). Pure. */
import type { ShellCommand } from '../types/shell.js';
import { basename } from './servers.js';

/** Probes that answer once: a start waits with them only in a loop (`until nc -z db 5432; do sleep 1; done`). */
const PROBES = new Set(['nc', 'ncat', 'netcat', 'pg_isready', 'mysqladmin']);
/** Helpers that wait themselves, then exit or run the command after `--`. */
const WAITERS = new Set(['wait-for', 'wait-for-it', 'wait-for.sh', 'wait-for-it.sh', 'dockerize']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash']);

/**
 * The first command of a start that waits until `host` accepts connections: a wait helper naming it
 * (`wait-for-it db:5432`, `sh wait-for.sh db:5432 -- …`, `dockerize -wait tcp://db:5432`), or a probe of it in a loop
 * (`until pg_isready -h db`).
 */
export function hostWait<C extends ShellCommand>(commands: C[], host: string): C | undefined {
  return commands.find((c) => {
    // `bash wait-for-it.sh db:5432`: the script the shell reads
    const argv = SHELLS.has(basename(c.argv[0] ?? '')) ? c.argv.slice(1) : c.argv;
    const program = basename(argv[0] ?? '');
    if (!(PROBES.has(program) && c.loop) && !WAITERS.has(program)) return false;
    // words up to `--` only: what follows is the command a helper runs once the host answers
    const end = argv.indexOf('--');
    const words = argv.slice(1, end < 0 ? undefined : end);
    return words.some((w, i) => {
      const word = /^(-h|--host)$/.test(words[i - 1] ?? '') ? w : w.replace(/^(-h|--host=|tcp:\/\/)/, '');
      return word === host || word.startsWith(`${host}:`);
    });
  });
}
