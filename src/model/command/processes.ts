/** Which commands keep running: servers, workers, schedulers, and daemons that detach by themselves. */
import type { ShellCommand } from '../types/shell.js';
import { exclusive } from './branches.js';
import { uwsgiIniArg } from '../server-config.js';
import type { DaemonFacts } from './daemons.js';
import { basename, djangoCommand, programArgv, serverOf } from './servers.js';
import { initScriptService } from './init-scripts.js';
import { inlineScriptCommands } from './inline-script.js';
import { ALL_ARGS } from './script-arguments.js';

// Management commands that run until stopped (task queues, channel workers).
const LONG_RUNNING_COMMANDS = new Set([
  'runworker',
  'qcluster',
  'rqworker',
  'rqscheduler',
  'process_tasks',
  'celery',
  'rundramatiq',
  'run_huey',
  'djangohuey',
  'db_worker',
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
  // a front-end task runner's dev server or watcher runs until stopped (`gulp serve`, `grunt watch`)
  if (['gulp', 'grunt'].includes(basename(a[0] ?? '')) && ['serve', 'watch'].includes(a[1] ?? ''))
    return `${basename(a[0])} ${a[1]}`;
  return LONG_RUNNING_PROGRAMS.has(a[0] ?? '') ? a[0] : (foregroundApache(a) ?? packageScriptServer(a));
}

/**
 * Apache httpd kept in the foreground (`apache2 -DFOREGROUND`, `apachectl -D FOREGROUND`, the official image's
 * `httpd-foreground`), by the name messages give it; undefined when it forks into the background or only checks.
 */
function foregroundApache(a: string[]): string | undefined {
  const name = REVERSE_PROXIES[a[0] ?? ''];
  if (name !== 'apache2' && name !== 'httpd') return undefined;
  if (a.slice(1).some((w) => APACHE_ONE_SHOT.includes(w))) return undefined;
  const foreground =
    a[0]!.endsWith('-foreground') ||
    a.some((w, i) => w === '-DFOREGROUND' || (w === '-D' && a[i + 1] === 'FOREGROUND'));
  return foreground ? name : undefined;
}

// package.json scripts that by convention start a dev server or a watcher, which run until stopped.
const PACKAGE_SERVER_SCRIPTS = new Set(['start', 'dev', 'serve', 'watch']);

/** `npm start`, `npm run dev`, `yarn serve`, `pnpm run watch`: a front end's dev server or watcher, as written. */
function packageScriptServer(argv: string[]): string | undefined {
  const runner = basename(argv[0] ?? '');
  if (!['npm', 'yarn', 'pnpm'].includes(runner)) return undefined;
  const script = argv[1] === 'run' || argv[1] === 'run-script' ? argv[2] : argv[1];
  // npm runs only `start` (and a few others) without `run`; yarn and pnpm run any script by its name.
  const direct = argv[1] !== 'run' && argv[1] !== 'run-script';
  if (!script || !PACKAGE_SERVER_SCRIPTS.has(script) || (direct && runner === 'npm' && script !== 'start'))
    return undefined;
  return argv.slice(0, direct ? 2 : 3).join(' ');
}

// Django's own management commands (and the common third-party one-offs): each does its work and exits.
const DJANGO_ONE_OFFS = new Set([
  ...'changepassword check clearsessions collectstatic compilemessages compress createcachetable createsuperuser dbshell diffsettings dumpdata findstatic flush inspectdb loaddata makemessages makemigrations migrate optimizemigration remove_stale_contenttypes sendtestemail shell showmigrations sqlflush sqlmigrate sqlsequencereset squashmigrations startapp startproject test wait_for_db'.split(
    ' ',
  ),
]);

/**
 * What a command a start script sends to the background (`&`) runs beside the main process: a known long-running
 * process, else a management command that is not one of Django's one-offs (`manage.py rundramatiq`, the project's
 * own consumer), which the script starts and never waits for; undefined for a known one-off or another program.
 */
export function backgroundedProcess(argv: string[]): string | undefined {
  const known = longRunningProcess(argv);
  if (known) return known;
  const dj = djangoCommand(argv);
  return dj && !DJANGO_ONE_OFFS.has(dj.name) && /^\w+$/.test(dj.name) ? `manage.py ${dj.name}` : undefined;
}

/**
 * A Celery worker that runs the beat scheduler inside it (`celery -A proj worker -B`, `--beat`, `-BE`): two
 * long-running processes in one container, beat as the worker's child.
 */
export function embedsBeat(argv: string[]): boolean {
  if (longRunningProcess(argv) !== 'celery worker') return false;
  const a = programArgv(argv);
  return a
    .slice(a.indexOf('worker') + 1)
    .some((w) => w === '--beat' || bundledFlags(w, 'worker').includes('B'));
}

/**
 * The one-letter flags a Celery (click) option word sets: `-B`, `-BE`, `-Bl` (then `-l`'s value), not `-lINFO`.
 * Only the flags that take no value can come before another in one word: -B (beat), -D (detach), -E (events) of the
 * worker, -D of beat; the first letter that takes a value ends the flags, the rest of the word being its value.
 */
function bundledFlags(word: string, sub: string): string {
  if (!/^-[A-Za-z]/.test(word)) return '';
  const valueless = sub === 'worker' ? 'BDE' : sub === 'beat' ? 'D' : '';
  let flags = '';
  for (const c of word.slice(1)) {
    flags += c;
    if (!valueless.includes(c)) break;
  }
  return flags;
}

/**
 * The service a command starts as a daemon that detaches by itself: `service nginx start`, `/etc/init.d/cron start`,
 * `nginx`; with the image's facts, `uwsgi --ini FILE` whose ini daemonizes, and not an nginx told `daemon off;`.
 */
export function daemonOf(argv: string[], facts: DaemonFacts = {}): string | undefined {
  const a = programArgv(argv);
  if (facts.uwsgiDaemonize && basename(a[0] ?? '') === 'uwsgi' && uwsgiIniArg(a)) return 'uwsgi';
  if (facts.nginxForeground && a[0] === 'nginx') return undefined;
  const service = initScriptService(argv);
  if (service) return service;
  // celery worker/beat --detach (-D) and celery multi start fork into the background and return.
  if (a[0] === 'celery') {
    const sub = a.find((x, i) => i > 0 && ['worker', 'beat', 'multi'].includes(x));
    if (sub === 'multi' && ['start', 'restart'].some((w) => a.includes(w))) return 'celery multi';
    const options = sub ? a.slice(a.indexOf(sub) + 1) : [];
    if (sub && sub !== 'multi' && options.some((w) => w === '--detach' || bundledFlags(w, sub).includes('D')))
      return `celery ${sub}`;
  }
  if (
    ['gunicorn', 'uwsgi'].includes(basename(a[0] ?? '')) &&
    a.some((w) => /^(--daemon|-D|--daemonize(=.*)?)$/.test(w))
  )
    return basename(a[0] ?? '');
  // cron (Debian's, busybox crond) forks into the background unless -f keeps it in the foreground.
  if ((a[0] === 'cron' || a[0] === 'crond') && !a.some((w) => /^-[a-zA-Z]*f/.test(w))) return a[0];
  // nginx forks into the background unless told `daemon off;`; `nginx -s reload`, `nginx -t` start nothing.
  if (a[0] === 'nginx' && !a.some((w) => /daemon\s+off/.test(w) || ONE_SHOT.nginx.includes(w)))
    return 'nginx';
  return undefined;
}

/** A command that runs a long-running process: what it is (`gunicorn`, `celery worker`), and the command. */
export interface LongRunningCommand<C extends ShellCommand = ShellCommand> {
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
  facts: DaemonFacts = {},
): LongRunningCommand<C>[] | undefined {
  const held = commands.flatMap((command) => {
    if (command.background || daemonOf(command.argv, facts)) return [];
    const what = longRunningProcess(command.argv);
    return what ? [{ what, command }] : [];
  });
  // Commands of alternative branches (`case` items, if/else) never run one after the other.
  for (const [i, first] of held.entries()) {
    const run = [first];
    for (const later of held.slice(i + 1))
      if (run.every((p) => !exclusive(p.command, later.command))) run.push(later);
    if (run.length > 1) return run;
  }
  return undefined;
}

// Management commands that do their work and exit: a start of only these serves nothing.
const SETUP_COMMANDS = new Set([
  'migrate',
  'collectstatic',
  'makemigrations',
  'createsuperuser',
  'createcachetable',
  'loaddata',
  'compilemessages',
  'compress',
  'check',
  'showmigrations',
]);
const SHELL_STEPS = new Set(['echo', 'cd', 'set', 'export', 'true', ':', 'printf']);

/**
 * A start that only runs setup and exits (`manage.py migrate --noinput`, `migrate && collectstatic`, a one-off
 * service): no long-running process stays for a signal to reach. False for anything not known to end by itself.
 */
export function setupOnly(commands: Pick<ShellCommand, 'argv' | 'background'>[]): boolean {
  let setup = false;
  for (const c of commands) {
    const a = programArgv(c.argv);
    if (c.background) return false;
    const dj = djangoCommand(c.argv);
    if (dj && SETUP_COMMANDS.has(dj.name)) setup = true;
    else if (!(SHELL_STEPS.has(a[0] ?? '') || (a[0] === 'sleep' && /^\d+[smh]?$/.test(a[1] ?? ''))))
      return false;
  }
  return setup;
}

/** `tail -f /dev/null`, `sleep infinity`: a command that only keeps the container running. */
export function isKeepAliveCommand(argv: string[]): boolean {
  const a = programArgv(argv);
  if (a[0] === 'tail') return a.some((w) => /^-[a-zA-Z]*[fF]/.test(w) || /^--follow(=|$)/.test(w));
  if (a[0] === 'sleep') return a.slice(1).some((w) => w === 'infinity' || w === 'inf');
  return false;
}

/**
 * `tail -n 0 -f /app/logs/*.log`: the files a `tail -f` follows, copying what is written to them to its output as long
 * as it runs; undefined for any other command and for the keep-alive `tail -f /dev/null`.
 */
export function followedFiles(argv: string[]): string[] | undefined {
  const a = programArgv(argv);
  if (a[0] !== 'tail' || !isKeepAliveCommand(argv)) return undefined;
  const files: string[] = [];
  for (let i = 1; i < a.length; i++) {
    // -n 0, -c 10, -s 1, --pid 42: an option whose value is the next word
    if (/^-[a-zA-Z]*[ncs]$/.test(a[i]) || a[i] === '--pid') i++;
    else if (!a[i].startsWith('-') || a[i] === '-') files.push(a[i]);
  }
  const real = files.filter((f) => f !== '/dev/null');
  return real.length > 0 ? real : undefined;
}

/** What holds a shell in the foreground once it has sent processes to the background. */
export type ShellHolder<C extends ShellCommand = ShellCommand> =
  /** A long-running process in the foreground (`celery … worker`), the container's main process beside them. */
  | { kind: 'process'; what: string; command: C }
  /** `wait`: the shell itself waits for them. */
  | { kind: 'wait'; command: C }
  /** `tail -f /dev/null`, `sleep infinity`: a command that serves nothing. */
  | { kind: 'keep-alive'; command: C }
  /** The container command (`"$@"`), not known here. */
  | { kind: 'arguments'; command: C };

/**
 * What holds the shell in the foreground after commands[index]: the first later command that keeps running (a
 * process, `wait`, a keep-alive, the container command); undefined when none does.
 */
export function holderAfter<C extends ShellCommand>(
  commands: C[],
  index: number,
  runsArguments: (argv: string[]) => boolean = () => false,
  facts: DaemonFacts = {},
): ShellHolder<C> | undefined {
  for (const command of commands.slice(index + 1)) {
    // another item of the same `case`, the else of the same if: it never runs after this one
    if (command.background || exclusive(command, commands[index])) continue;
    // `exec "$@"` runs the container command whatever the caller knows of the script's variables.
    if (runsArguments(command.argv) || ALL_ARGS.has(programArgv(command.argv)[0] ?? ''))
      return { kind: 'arguments', command };
    const a = programArgv(command.argv);
    if (a[0] === 'wait') return { kind: 'wait', command };
    if (isKeepAliveCommand(command.argv)) return { kind: 'keep-alive', command };
    if (daemonOf(command.argv, facts)) continue;
    const what = longRunningProcess(command.argv);
    if (what) return { kind: 'process', what, command };
    // `exec jupyter-notebook …` ends the script: the shell becomes that process, whatever it runs, until it exits.
    const program = basename(programArgv(command.argv)[0] ?? '');
    if (command.viaExec && program) return { kind: 'process', what: program, command };
  }
  return undefined;
}

/**
 * Nothing runs in the foreground after commands[index] (`a && gunicorn … &` as the last line): the shell reaches the
 * end of its commands and exits at once, and what it sent to the background dies with the container. False in a loop,
 * which may never end.
 */
export function endsAfter<C extends ShellCommand>(commands: C[], index: number): boolean {
  const command = commands[index];
  if (!command || command.loop) return false;
  return commands.slice(index + 1).every((c) => c.background || exclusive(c, command));
}

/** The long-running processes a shell sends to the background (`gunicorn … &`), and what then holds it. */
export interface BackgroundStart<C extends ShellCommand = ShellCommand> {
  background: LongRunningCommand<C>[];
  holder?: ShellHolder<C>;
  /** Nothing runs in the foreground after them: the shell exits at once (endsAfter). */
  ends: boolean;
}

/** Undefined when the commands send no long-running process to the background; the first branch that does. */
export function backgroundStart<C extends ShellCommand>(
  commands: C[],
  runsArguments?: (argv: string[]) => boolean,
): BackgroundStart<C> | undefined {
  return backgroundStarts(commands, runsArguments)[0];
}

/**
 * The long-running processes sent to the background, one start per branch that does it: processes in alternative
 * branches (`case` items, if/else) never run together, so each branch is judged on its own.
 */
export function backgroundStarts<C extends ShellCommand>(
  commands: C[],
  runsArguments?: (argv: string[]) => boolean,
): BackgroundStart<C>[] {
  const groups: LongRunningCommand<C>[][] = [];
  for (const command of commands) {
    const what = command.background ? longRunningProcess(command.argv) : undefined;
    if (!what) continue;
    const group = groups.find((g) => g.every((p) => !exclusive(p.command, command)));
    if (group) group.push({ what, command });
    else groups.push([{ what, command }]);
  }
  return groups.map((background) => ({
    background,
    holder: holderAfter(commands, commands.indexOf(background[0].command), runsArguments),
    ends: endsAfter(commands, commands.indexOf(background.at(-1)!.command)),
  }));
}

/** Reverse proxies, by the program that runs them: the name a message uses for each. */
const REVERSE_PROXIES: Record<string, string> = {
  nginx: 'nginx',
  openresty: 'nginx',
  caddy: 'caddy',
  apache2: 'apache2',
  apache2ctl: 'apache2',
  'apache2-foreground': 'apache2',
  httpd: 'httpd',
  apachectl: 'httpd',
  'httpd-foreground': 'httpd',
  haproxy: 'haproxy',
  traefik: 'traefik',
};

// Words that make each proxy's program check, print or signal, and exit, instead of serving.
const APACHE_ONE_SHOT = [
  '-t',
  '-v',
  '-V',
  '-h',
  '-S',
  '-M',
  '-l',
  '-L',
  'configtest',
  'stop',
  'graceful-stop',
  'status',
];
const ONE_SHOT: Record<string, string[]> = {
  nginx: ['-t', '-T', '-v', '-V', '-h', '-?', '-s'],
  apache2: APACHE_ONE_SHOT,
  httpd: APACHE_ONE_SHOT,
  haproxy: ['-c', '-v', '-vv', '-h'],
  traefik: ['version', 'healthcheck'],
};

/**
 * The reverse proxy a command runs (`nginx -g 'daemon off;'`, `service nginx start`, `caddy run`, `apache2ctl
 * -D FOREGROUND`, `haproxy -f …`), by name; undefined for any other command and for a proxy's one-shot use
 * (`nginx -t`, `nginx -s reload`, `apachectl configtest`, `caddy fmt`).
 */
export function reverseProxyOf(argv: string[]): string | undefined {
  const a = programArgv(argv);
  const name = REVERSE_PROXIES[a[0] ?? ''];
  // `service nginx start`, `/etc/init.d/apache2 start`
  if (!name) return REVERSE_PROXIES[daemonOf(argv) ?? ''];
  if (a.slice(1).some((w) => ONE_SHOT[name]?.includes(w))) return undefined;
  if (name === 'caddy' && !['run', 'start', 'reverse-proxy', 'file-server'].includes(a[1] ?? ''))
    return undefined;
  return name;
}

// Programs (and init script or service names) of the backing services an image may run beside the app.
const BACKING_SERVICES: Record<string, string> = {
  mysqld: 'MySQL',
  mysqld_safe: 'MySQL',
  mysql: 'MySQL',
  mariadbd: 'MySQL',
  'mariadbd-safe': 'MySQL',
  mariadb: 'MySQL',
  postgres: 'PostgreSQL',
  postmaster: 'PostgreSQL',
  pg_ctl: 'PostgreSQL',
  pg_ctlcluster: 'PostgreSQL',
  postgresql: 'PostgreSQL',
  'redis-server': 'Redis',
  redis: 'Redis',
  memcached: 'Memcached',
  mongod: 'MongoDB',
  mongodb: 'MongoDB',
  'rabbitmq-server': 'RabbitMQ',
};

// Names that are a client when run as a program, a server only as a service name (`service mysql start`).
const CLIENT_PROGRAMS = new Set(['mysql', 'mariadb', 'redis', 'mongodb', 'postgresql']);

/**
 * The backing service a command starts in the container (`mysqld_safe`, `redis-server`, `service mysql start`,
 * `pg_ctl start`), also inside `sh -c SCRIPT` (`if [ … ]; then mysqld_safe; fi`); undefined for any other command.
 */
export function backingServiceOf(argv: string[], line: number): string | undefined {
  const a = programArgv(argv);
  const program = basename(a[0] ?? '');
  if (!CLIENT_PROGRAMS.has(program) && BACKING_SERVICES[program]) return BACKING_SERVICES[program];
  const service = daemonOf(argv);
  if (service && BACKING_SERVICES[service]) return BACKING_SERVICES[service];
  for (const c of inlineScriptCommands(argv, line)) {
    const inner = backingServiceOf(c.argv, c.line);
    if (inner) return inner;
  }
  return undefined;
}
