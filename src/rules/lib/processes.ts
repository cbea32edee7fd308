/** Words for the processes a start command runs, shared by the rules on one process per container. */
import {
  backingServiceOf,
  type BackgroundStart,
  endsAfter,
  effectiveCommand,
  imageCommand,
  type LongRunningCommand,
  reverseProxyOf,
  serverOf,
  type StartCommand,
} from '../../model/command.js';
import type { App } from '../../model/types/project.js';
import type { ShellCommand } from '../../model/types/shell.js';
import { commandLine, execLine, quotedLine, type WrittenCommand } from './command-text.js';

/** `a`, `a and b`, `a, b and c`. */
export function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
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
export function othersOwnContainers(others: WrittenCommand[]): string {
  const quoted = others.map((c) => quotedLine(commandLine(c)));
  return `run ${listOf(quoted)} ${quoted.length === 1 ? 'as its own container' : 'each as its own container'} (its own compose service) from the same image`;
}

/** The official image of each backing service an app's image may run (Docker Hub's repository). */
const OFFICIAL_IMAGES: Record<string, string> = {
  MySQL: 'mysql',
  MariaDB: 'mariadb',
  PostgreSQL: 'postgres',
  Redis: 'redis',
  Memcached: 'memcached',
  MongoDB: 'mongo',
  RabbitMQ: 'rabbitmq',
};

/**
 * `Run MariaDB as its own container … from its official image, mariadb, …` for a command that starts a database or
 * another backing service in the app's container (`/etc/init.d/mariadb start`); undefined for any other command.
 */
export function officialImageAdvice(command: { argv: string[]; line: number }): string | undefined {
  const found = backingServiceOf(command.argv, command.line);
  // MariaDB's programs and init script count as MySQL's; its official image is its own.
  const service = found === 'MySQL' && command.argv.some((w) => /maria/i.test(w)) ? 'MariaDB' : found;
  const image = service && OFFICIAL_IMAGES[service];
  return (
    image &&
    `Run ${service} as its own container (its own compose service) from its official image, ${image}, not from the app's image, and point the app at that service by its name`
  );
}

/** The reverse proxy that runs beside a start command in the same container, with where it is started. */
export interface ProxyBeside {
  proxy: string;
  at: string;
}

/**
 * For each start command of the app, the reverse proxy (nginx, caddy, apache2/httpd, haproxy) that every start
 * running that command also runs, in the same container (a supervisord program, a script line); undefined when
 * some start runs the command with no proxy beside it.
 */
export function proxyBeside(app: App): (command: StartCommand) => ProxyBeside | undefined {
  const key = (c: StartCommand) => `${c.file}\0${c.line}\0${c.argv.join('\0')}`;
  const starts = [imageCommand(app), effectiveCommand(app)].map((chain) => {
    const proxy = chain.find((c) => reverseProxyOf(c.argv));
    return {
      keys: new Set(chain.map(key)),
      proxy: proxy && { proxy: reverseProxyOf(proxy.argv)!, at: `${proxy.file}:${proxy.line}` },
    };
  });
  return (command) => {
    const running = starts.filter((s) => s.keys.has(key(command)));
    if (running.length === 0 || running.some((s) => !s.proxy)) return undefined;
    return running[0].proxy;
  };
}

/**
 * Whether the container stops once the shell that sent `command` to the background reaches its end: every start chain
 * of the app that runs it runs nothing in the foreground after it. False when no chain is known to run it.
 */
export function containerEndsAfter(app: App, command: ShellCommand & { file: string }): boolean {
  const key = (c: ShellCommand & { file: string }) => `${c.file}\0${c.line}\0${c.argv.join('\0')}`;
  const chains = [imageCommand(app), effectiveCommand(app)]
    .map((chain) => ({ chain, at: chain.findIndex((c) => key(c) === key(command)) }))
    .filter(({ at }) => at >= 0);
  return chains.length > 0 && chains.every(({ chain, at }) => endsAfter(chain, at));
}

/** `nothing runs in the foreground after it, so the shell … exits at once: the container stops, and gunicorn …`. */
export function exitsAtOnceWords(whats: string[]): string {
  const one = whats.length === 1;
  return `nothing runs in the foreground after ${one ? 'it' : 'them'}, so the shell reaches the end of its commands and exits at once: the container stops, and ${listOf(whats)} ${one ? 'is' : 'are'} killed with it`;
}

/** Remove the '&': the server (or the first process) in the foreground with exec, every other in its own container. */
export function foregroundAdvice(
  processes: LongRunningCommand[],
  shown: (c: ShellCommand) => WrittenCommand = (c) => c,
): string {
  const keep = keptProcess(processes);
  const others = processes.filter((p) => p !== keep).map((p) => shown(p.command));
  const start = `start ${keep.what} in the foreground with exec (${quotedLine(execLine(shown(keep.command)))}), as the container's main process`;
  return others.length === 0
    ? `Remove the '&' and ${start}.`
    : `Remove the '&' from ${keep.what}: ${start}, and ${othersOwnContainers(others)}.`;
}

/** `starts gunicorn and celery worker in the background (&) and then waits for them (wait)`. */
export function backgroundWords(run: BackgroundStart): string {
  const one = run.background.length === 1;
  const h = run.holder;
  const then =
    h?.kind === 'process'
      ? `runs ${h.what} in the foreground`
      : h?.kind === 'wait'
        ? `waits for ${one ? 'it' : 'them'} (wait)`
        : h?.kind === 'keep-alive'
          ? `runs ${commandLine(h.command)} only to keep the container running`
          : h?.kind === 'arguments'
            ? 'runs the container command ("$@")'
            : 'goes on running other commands';
  return `starts ${listOf(run.background.map((p) => p.what))} in the background (&) and then ${then}`;
}

// The official image of each reverse proxy reverseProxyOf names.
const PROXY_IMAGES: Record<string, string> = {
  nginx: 'nginx',
  caddy: 'caddy',
  apache2: 'httpd',
  httpd: 'httpd',
  haproxy: 'haproxy',
  traefik: 'traefik',
};

const LOOPBACK = /\b(127\.0\.0\.1|localhost):(?=\d)/g;

/** The unix socket a server listens on (`--bind=unix:/run/app.sock`, uWSGI's `--socket /run/app.sock`). */
function unixSocketOf(argv: string[]): string | undefined {
  for (const word of argv) {
    const value = word.replace(/^--?[\w-]+=/, '');
    if (value.startsWith('unix:')) return value.slice('unix:'.length);
    if (/^\/\S*\.sock$/.test(value)) return value;
  }
  return undefined;
}

/** A process to move out of the app's container: how the advice names it, its words and its line. */
export interface MovedProcess {
  name: string;
  argv: string[];
  line: number;
}

/**
 * Where each process goes, each in its own container (its own compose service): the app's own processes (a worker,
 * beat, the server) from the same image with their commands; a database or cache from its official image; a reverse
 * proxy from its official image, in front of the app server.
 */
export function ownContainersAdvice(processes: MovedProcess[]): string {
  const own: MovedProcess[] = [];
  const parts: string[] = [];
  let proxied = false;
  for (const p of processes) {
    const found = backingServiceOf(p.argv, p.line);
    const service = found === 'MySQL' && p.argv.some((w) => /maria/i.test(w)) ? 'MariaDB' : found;
    const proxy = reverseProxyOf(p.argv);
    if (service && OFFICIAL_IMAGES[service])
      parts.push(
        `${p.name} from ${service}'s official image, ${OFFICIAL_IMAGES[service]}, not from the app's image, the app pointed at it by its service name`,
      );
    else if (proxy && PROXY_IMAGES[proxy]) {
      proxied = true;
      parts.push(
        `${p.name} from the official ${PROXY_IMAGES[proxy]} image with its configuration, in front of the app server, which it reaches by its service name`,
      );
    } else own.push(p);
  }
  if (own.length > 0) {
    // A server bound to loopback for a proxy beside it is out of reach once the proxy has a container of its own.
    const rebind = parts.length > 0 && own.some((p) => p.argv.join(' ').search(LOOPBACK) >= 0);
    const commands = own.map((p) => `'${p.argv.join(' ').replace(LOOPBACK, rebind ? '0.0.0.0:' : '$&')}'`);
    // A socket file is out of the proxy's reach once the proxy has a container of its own.
    const socket = proxied ? own.map((p) => unixSocketOf(p.argv)).find((s) => s !== undefined) : undefined;
    const notes = [
      ...(rebind ? ['the server bound to 0.0.0.0, not loopback, so that the other containers reach it'] : []),
      ...(socket
        ? [
            `the server listening on a TCP port (e.g. 0.0.0.0:8000) instead of the unix socket ${socket}, which the proxy cannot open from its own container, or that socket's directory shared with the proxy through a volume`,
          ]
        : []),
    ];
    parts.unshift(
      `${listOf(own.map((p) => p.name))} from the same image, ${own.length === 1 ? 'with its command' : 'each with its own command'} (${[listOf(commands), ...notes].join('; ')})`,
    );
  }
  const each = processes.length === 1 ? 'it as its own container' : 'each as its own container';
  return `Run ${each} (its own compose service): ${parts.join('; ')}`;
}
