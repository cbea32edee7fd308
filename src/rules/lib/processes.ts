/** Words for the processes a start command runs, shared by the rules on one process per container. */
import { type LongRunningCommand, serverOf } from '../../model/command.js';

/** `a`, `a and b`, `a, b and c`. */
export function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A command as its author could write it again: words with spaces quoted. */
export function commandText(argv: string[]): string {
  return argv.map((w) => (/\s/.test(w) ? JSON.stringify(w) : w)).join(' ');
}

/** `gunicorn in the foreground, then celery worker, which starts only once gunicorn has exited`. */
export function sequencePhrase(seq: LongRunningCommand[]): string {
  const [first, ...rest] = seq;
  if (rest.length === 1)
    return `${first.what} in the foreground, then ${rest[0].what}, which starts only once ${first.what} has exited`;
  return `${first.what} in the foreground, then ${listOf(rest.map((p) => p.what))}, each starting only once the one before it has exited`;
}

/** The process of a sequence the container should keep: the server when one is in it, else the first. */
export function keptProcess<P extends LongRunningCommand>(seq: P[]): P {
  return seq.find((p) => serverOf(p.command.argv)) ?? seq[0];
}

/** `run 'celery -A mysite worker' as its own container (…)` for the processes of a sequence but the kept one. */
export function othersOwnContainers(others: string[][]): string {
  const quoted = others.map((argv) => `'${commandText(argv)}'`);
  return `run ${listOf(quoted)} ${quoted.length === 1 ? 'as its own container' : 'each as its own container'} (its own compose service) from the same image`;
}
