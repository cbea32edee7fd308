/** Which commands keep running: servers, workers, schedulers, and daemons that detach by themselves. */
import type { ShellCommand } from '../types/shell.js';
import { basename, djangoCommand, programArgv, serverOf } from './servers.js';

// Management commands that run until stopped (task queues, channel workers).
const LONG_RUNNING_COMMANDS = new Set([
  'runworker',
  'qcluster',
  'rqworker',
  'rqscheduler',
  'process_tasks',
  'celery',
]);
const LONG_RUNNING_PROGRAMS = new Set([
  'nginx',
  'cron',
  'crond',
  'redis-server',
  'dramatiq',
  'huey_consumer',
  'rq',
]);

/** What a command runs when it runs until stopped: a server, a worker, a scheduler; undefined for a one-shot. */
export function longRunningProcess(argv: string[]): string | undefined {
  const server = serverOf(argv);
  if (server) return server.kind;
  const dj = djangoCommand(argv);
  if (dj) return LONG_RUNNING_COMMANDS.has(dj.name) ? dj.name : undefined;
  const a = programArgv(argv);
  if (a[0] === 'celery') {
    const sub = a.find((x, i) => i > 0 && ['worker', 'beat', 'flower'].includes(x));
    return sub ? `celery ${sub}` : undefined;
  }
  return LONG_RUNNING_PROGRAMS.has(a[0] ?? '') ? a[0] : undefined;
}

/** The service a command starts as a daemon that detaches by itself: `service nginx start`, `/etc/init.d/cron start`, `nginx`. */
export function daemonOf(argv: string[]): string | undefined {
  const a = programArgv(argv);
  if (a[0] === 'service' && a[1] && ['start', 'restart'].includes(a[2] ?? '')) return a[1];
  const initd = /^\/etc\/init\.d\/([\w.-]+)$/.exec(a[0] ?? '');
  if (initd && ['start', 'restart'].includes(a[1] ?? '')) return initd[1];
  // celery worker/beat --detach (-D) and celery multi start fork into the background and return.
  if (a[0] === 'celery') {
    const sub = a.find((x, i) => i > 0 && ['worker', 'beat', 'multi'].includes(x));
    if (sub === 'multi' && ['start', 'restart'].some((w) => a.includes(w))) return 'celery multi';
    if (sub && sub !== 'multi' && a.some((w) => w === '--detach' || w === '-D')) return `celery ${sub}`;
  }
  if (
    ['gunicorn', 'uwsgi'].includes(basename(a[0] ?? '')) &&
    a.some((w) => /^(--daemon|-D|--daemonize(=.*)?)$/.test(w))
  )
    return basename(a[0] ?? '');
  // nginx forks into the background unless told `daemon off;`.
  if (a[0] === 'nginx' && !a.some((w) => /daemon\s+off/.test(w)) && !a.includes('-t')) return 'nginx';
  return undefined;
}

/** A long-running process a command keeps in the foreground: what it is, and the command. */
export interface ForegroundProcess<C extends ShellCommand = ShellCommand> {
  what: string;
  command: C;
}

/**
 * Long-running processes a shell runs one after the other in the foreground (`gunicorn … && celery … worker`): each
 * starts only once the one before it has exited. Undefined unless there are at least two; a daemon that detaches
 * (`nginx`, `celery worker --detach`) and a command sent to the background (`&`) do not hold the shell.
 */
export function foregroundSequence<C extends ShellCommand>(
  commands: C[],
): ForegroundProcess<C>[] | undefined {
  const held = commands.flatMap((command) => {
    if (command.background || daemonOf(command.argv)) return [];
    const what = longRunningProcess(command.argv);
    return what ? [{ what, command }] : [];
  });
  // Commands under different conditions (`case` items, if/else) are alternatives, not a sequence.
  const branches = new Map<string, ForegroundProcess<C>[]>();
  for (const p of held) {
    const key = JSON.stringify(p.command.guards ?? []);
    branches.set(key, [...(branches.get(key) ?? []), p]);
  }
  return [...branches.values()].find((run) => run.length > 1);
}
