/** What a command is: the program it runs, a Django management command, a server and where it listens. */
import { rememberedParser } from '../../parse/memo.js';
import { expand } from '../dockerfile.js';
import { uwsgiIniArg } from '../server-config.js';
import type { ServerConfigFile } from '../types/project.js';

export const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);
/** Shells that read a script named as their first word (`sh wait-for-it.sh …`). */
export const SCRIPT_SHELLS = new Set(['sh', 'bash', 'dash']);
/** wait-for-it and wait-for, as a command or a script. */
const WAITERS = new Set(['wait-for', 'wait-for-it', 'wait-for.sh', 'wait-for-it.sh']);

/** `python`, `python3`, `python3.12` (/^python(\d+(\.\d+)*)?$/, without compiling one). */
function isPython(p: string): boolean {
  if (!p.startsWith('python')) return false;
  const version = p.slice('python'.length);
  return (
    version === '' || version.split('.').every((n) => n !== '' && [...n].every((c) => c >= '0' && c <= '9'))
  );
}

// ---------------------------------------------------------------------------------------------------------------
// What a command is

// Options of debugpy and ptvsd that take a value.
const DEBUGGER_VALUED = new Set([
  '--listen',
  '--connect',
  '--log-to',
  '--pid',
  '--host',
  '--port',
  '--log-dir',
]);

/** Options of `uv run` that take the next word as their value (`uv run --with watchfiles==1.2.0 uvicorn …`). */
const UV_RUN_VALUED = new Set(
  (
    '--with --with-editable --with-requirements --python -p --package --extra --group ' +
    '--only-group --no-group --env-file --directory --project --index --default-index ' +
    '--index-url --extra-index-url --find-links -f --config-file --cache-dir --exclude-newer ' +
    '--index-strategy --keyring-provider --resolution --prerelease --link-mode --color ' +
    '--refresh-package --reinstall-package --upgrade-package -P --config-setting -C'
  ).split(' '),
);

/**
 * argv with launchers peeled off (env, tini, poetry run, python -m, ..., and the launchers of launchedCommand:
 * wait-for-it, dockerize, gosu, `su -c`, whose script stays a shell), argv[0] reduced to its basename.
 */
export function programArgv(argv: readonly string[]): string[] {
  // Every rule asks again for the few commands of a project: each answer is worked out once, and a copy handed out.
  return rememberedArgv(argv).slice();
}

const rememberedArgv = rememberedParser(
  (argv: readonly string[]) => peeled(argv),
  (argv) => JSON.stringify(argv),
  256,
);

function peeled(argv: readonly string[]): string[] {
  let a = argv.slice();
  for (let guard = 0; guard < 8 && a.length > 0; guard++) {
    const p = basename(a[0]);
    const launched = launchedCommand(a);
    if (launched) {
      a = launched;
    } else if (p === 'env') {
      let i = 1;
      while (i < a.length && (a[i].startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(a[i])))
        i += a[i] === '-u' ? 2 : 1;
      a = a.slice(i);
    } else if (['tini', 'dumb-init', 'nohup', 'setsid', 'stdbuf'].includes(p)) {
      let i = 1;
      while (i < a.length && a[i].startsWith('-')) i++;
      a = a.slice(i);
    } else if (p === 'taskset' && !a.some((w) => w === '--pid' || /^-[a-z]*p/.test(w))) {
      // `taskset -c 0 gunicorn …` runs the command on those CPUs (MASK or -c LIST, then it); `-p` starts none
      let i = 1;
      while (i < a.length && a[i].startsWith('-')) i++;
      a = a.slice(i + 1);
    } else if (p === 'nice') {
      a = a.slice(a[1] === '-n' ? 3 : a[1]?.startsWith('-') ? 2 : 1);
    } else if (['poetry', 'pipenv', 'uv', 'pdm', 'hatch', 'rye'].includes(p) && a[1] === 'run') {
      let i = 2;
      while (i < a.length && a[i].startsWith('-')) i += p === 'uv' && UV_RUN_VALUED.has(a[i]) ? 2 : 1;
      a = a.slice(i);
    } else if (p === 'newrelic-admin' && a[1] === 'run-program') {
      a = a.slice(2);
    } else if (p === 'ddtrace-run' || p === 'opentelemetry-instrument') {
      let i = 1;
      while (i < a.length && a[i].startsWith('-')) i++;
      a = a.slice(i);
    } else if (isPython(p)) {
      let i = 1;
      while (i < a.length && a[i].startsWith('-') && a[i] !== '-m' && a[i] !== '-c')
        i += ['-X', '-W'].includes(a[i]) ? 2 : 1;
      if (a[i] === '-m' && a[i + 1]) {
        // `python -m manage runserver` runs manage.py of the working directory as its main module.
        const mod = a[i + 1] === 'django' ? 'django-admin' : a[i + 1] === 'manage' ? 'manage.py' : a[i + 1];
        a = [mod, ...a.slice(i + 2)];
        continue;
      }
      if (!a[i] || a[i] === '-c') return [p, ...a.slice(1)];
      a = [basename(a[i]), ...a.slice(i + 1)];
    } else if (p === 'debugpy' || p === 'ptvsd') {
      // A debugger launcher runs its target as python would: `debugpy --listen 0.0.0.0:5678 manage.py runserver`.
      let i = 1;
      while (i < a.length && a[i].startsWith('-') && a[i] !== '-m' && a[i] !== '-c')
        i += DEBUGGER_VALUED.has(a[i]) || a[i].startsWith('--configure-') ? 2 : 1;
      if (!a[i]) return [p, ...a.slice(1)];
      a = ['python', ...a.slice(i)];
    } else {
      return [p, ...a.slice(1)];
    }
  }
  return a.length ? [basename(a[0]), ...a.slice(1)] : a;
}

// Options of dockerize that stand alone (every other option takes a value).
const DOCKERIZE_FLAGS = new Set([
  '-no-overwrite',
  '-poll',
  '-version',
  '--no-overwrite',
  '--poll',
  '--version',
]);

/**
 * The command a launcher runs once it is done: `wait-for-it host:port -- CMD` and `wait-for host:port -- CMD` (after
 * `--`), `dockerize -wait tcp://db:5432 CMD`, `gosu USER CMD`/`su-exec USER CMD`, `pid1 -u USER CMD`, and `su [-m] USER -c "CMD"` (its
 * shell script, as `sh -c`). Undefined when argv is no launcher or runs nothing after it.
 */
export function launchedCommand(argv: string[]): string[] | undefined {
  const p = basename(argv[0] ?? '');
  let inner: string[] | undefined;
  const waiter = shellReadWaiter(argv);
  if (waiter) {
    inner = launchedCommand(waiter);
  } else if (WAITERS.has(p)) {
    const dashes = argv.indexOf('--');
    inner = dashes > 0 ? argv.slice(dashes + 1) : undefined;
  } else if (p === 'dockerize') {
    let i = 1;
    while (i < argv.length && argv[i].startsWith('-'))
      i += DOCKERIZE_FLAGS.has(argv[i]) || argv[i].includes('=') ? 1 : 2;
    inner = argv.slice(i);
  } else if (p === 'gosu' || p === 'su-exec' || p === 's6-setuidgid') {
    inner = argv.slice(2);
  } else if (p === 'pid1') {
    // `pid1 -u app -g app CMD`: each of its options (-e, -u, -g, -w, -t) takes a value, then the program it runs
    let i = 1;
    while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '--') i += argv[i].includes('=') ? 1 : 2;
    inner = argv.slice(argv[i] === '--' ? i + 1 : i);
  } else if (p === 's6-notifyoncheck') {
    // s6's readiness wrapper: its options (-d alone, the others with a value), then the program it execs
    let i = 1;
    while (i < argv.length && argv[i].startsWith('-')) i += /^-[3sTtwnc]$/.test(argv[i]) ? 2 : 1;
    inner = argv.slice(i);
  } else if (p === 'su') {
    const script = suScript(argv);
    inner = script === undefined ? undefined : ['sh', '-c', script];
  }
  return inner && inner.length > 0 ? inner : undefined;
}

/** `bash ./wait-for-it.sh redis:6379 -- CMD`: a shell reading a wait helper script, from the script's word on. */
function shellReadWaiter(argv: string[]): string[] | undefined {
  if (!SCRIPT_SHELLS.has(basename(argv[0] ?? '')) || argv.includes('-c')) return undefined;
  const i = argv.findIndex((w, k) => k > 0 && !w.startsWith('-'));
  return i > 0 && WAITERS.has(basename(argv[i])) ? argv.slice(i) : undefined;
}

/**
 * A wait helper that only waits and exits (`wait-for-it.sh db:5432`, `bash scripts/wait-for-it.sh -h db -p 5432`,
 * `dockerize -wait tcp://db:5432`): a setup step, not the server; false when it runs a command (`-- gunicorn …`).
 */
export function isWaitStep(argv: string[]): boolean {
  // `bash scripts/wait-for-it.sh …`, `sh wait-for.sh …`: the script a shell reads
  const a =
    SCRIPT_SHELLS.has(basename(argv[0] ?? '')) && !argv.includes('-c')
      ? argv.slice(argv.findIndex((w, i) => i > 0 && !w.startsWith('-')))
      : argv;
  const p = basename(a[0] ?? '');
  return (WAITERS.has(p) || p === 'dockerize') && !launchedCommand(a);
}

/** The command that ends up in argv's process: launchers that exec what they run (all but su) peeled off. */
export function execTarget(argv: string[]): string[] {
  let a = argv;
  for (let guard = 0; guard < 4 && basename(a[0] ?? '') !== 'su'; guard++) {
    const inner = launchedCommand(a);
    if (!inner) break;
    a = inner;
  }
  return a;
}

/** The script of `su [options] USER -c SCRIPT` (`--command=SCRIPT`, `--command SCRIPT`). */
function suScript(argv: string[]): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-c' || a === '--command') return argv[i + 1];
    if (a.startsWith('--command=')) return a.slice('--command='.length);
    if (a === '-s' || a === '--shell' || a === '-g' || a === '--group') i++;
  }
  return undefined;
}

/** The Django management command (`migrate`, `runserver`, ...) of `manage.py X` / `django-admin X`, if it is one. */
export function djangoCommand(argv: string[]): { name: string; args: string[] } | undefined {
  const a = programArgv(argv);
  if (!['manage.py', 'django-admin', 'django-admin.py'].includes(a[0] ?? '')) return undefined;
  for (let i = 1; i < a.length; i++) {
    if (a[i] === '--settings' || a[i] === '--pythonpath') {
      i++;
      continue;
    }
    if (!a[i].startsWith('-')) return { name: a[i], args: a.slice(i + 1) };
  }
  return undefined;
}

/** The name messages give a server: the management command of Django's (`runserver`, `runserver_plus`), else its kind. */
export function serverName(argv: string[], server: Server): string {
  return server.kind === 'runserver' ? (djangoCommand(argv)?.name ?? 'runserver') : server.kind;
}

export function isRunserver(argv: string[]): boolean {
  const name = djangoCommand(argv)?.name;
  return name === 'runserver' || name === 'runserver_plus';
}

/** A TCP address a server listens on; host or port undefined when a variable hides it. */
export interface ListenAddress {
  host?: string;
  port?: number;
  /** The address word as the server receives it, `$PORT` and all, when no shell expanded it (exec form). */
  unexpanded?: string;
  /** gunicorn's default bind, which it replaces by 0.0.0.0:$PORT wherever PORT is set (Heroku, Cloud Run set it). */
  untilPortSet?: true;
}

/** How the server has a word of its command: expanded by a shell with the container's environment, or as written. */
type WordReader = (word: string) => string | undefined;

function wordReader(env: Record<string, string | undefined>, unexpanded?: boolean): WordReader {
  return (word) => (unexpanded ? word : resolveWord(word, env));
}

/** Options of the server readers: a gunicorn config file in the context; words that reach the server unexpanded. */
export interface ServerOptions {
  configFileInContext?: boolean;
  unexpanded?: boolean;
}

/** Where `manage.py runserver [addrport]` listens (no address: 127.0.0.1:8000). */
export function runserverAddr(
  argv: string[],
  env: Record<string, string | undefined> = {},
  options: ServerOptions = {},
): ListenAddress | undefined {
  const dj = djangoCommand(argv);
  if (!dj || !(dj.name === 'runserver' || dj.name === 'runserver_plus')) return undefined;
  const ipv6 = dj.args.includes('-6') || dj.args.includes('--ipv6');
  const positional = dj.args.find((x) => !x.startsWith('-'));
  if (positional === undefined) return { host: ipv6 ? '::1' : '127.0.0.1', port: 8000 };
  const value = wordReader(env, options.unexpanded)(positional);
  if (value === undefined) return { ...hostPortHint(positional) };
  if (/^\d+$/.test(value)) return { host: ipv6 ? '::1' : '127.0.0.1', port: Number(value) };
  const addr = splitHostPort(value);
  if (addr.host === '0') addr.host = '0.0.0.0'; // Django reads '0' as 0.0.0.0
  return addr;
}

/**
 * Where gunicorn listens: -b/--bind (several allowed), else GUNICORN_CMD_ARGS, else 0.0.0.0:$PORT when PORT is set,
 * else gunicorn's default 127.0.0.1:8000. Undefined when a config file may set the bind.
 */
export function gunicornBind(
  argv: string[],
  env: Record<string, string | undefined> = {},
  options: ServerOptions = {},
): ListenAddress[] | undefined {
  const a = programArgv(argv);
  if (a[0] !== 'gunicorn') return undefined;
  let binds = optionValues(a, ['-b', '--bind']);
  if (binds.length === 0 && env.GUNICORN_CMD_ARGS)
    binds = optionValues(env.GUNICORN_CMD_ARGS.split(/\s+/), ['-b', '--bind']);
  if (binds.length === 0) {
    if (optionValues(a, ['-c', '--config']).length > 0 || options.configFileInContext) return undefined;
    if (env.PORT !== undefined) return [{ host: '0.0.0.0', ...portOf(env.PORT) }];
    if ('PORT' in env) return [{ host: '0.0.0.0' }];
    return [{ host: '127.0.0.1', port: 8000, untilPortSet: true }];
  }
  const out: ListenAddress[] = [];
  for (const b of binds) {
    if (b.startsWith('unix:') || b.startsWith('fd://')) continue;
    const value = wordReader(env, options.unexpanded)(b);
    out.push(value === undefined ? hostPortHint(b) : splitHostPort(value.replace(/^tcp:\/\//, ''), ''));
  }
  return out;
}

/** The kind of server a command starts and where it listens (addresses undefined when unknown). */
export interface Server {
  kind: 'runserver' | 'gunicorn' | 'uvicorn' | 'daphne' | 'uwsgi' | 'hypercorn' | 'granian' | 'waitress';
  addresses?: ListenAddress[];
}

export function serverOf(
  argv: string[],
  env: Record<string, string | undefined> = {},
  options: ServerOptions = {},
): Server | undefined {
  const read = wordReader(env, options.unexpanded);
  if (isRunserver(argv)) {
    const addr = runserverAddr(argv, env, options);
    return { kind: 'runserver', addresses: addr ? [addr] : undefined };
  }
  const a = programArgv(argv);
  switch (a[0]) {
    case 'gunicorn':
      return { kind: 'gunicorn', addresses: gunicornBind(argv, env, options) };
    case 'uvicorn':
      return {
        kind: 'uvicorn',
        addresses: hostAndPort(a, env, read, ['--host'], ['--port'], '127.0.0.1', 8000, 'UVICORN', [
          '--uds',
          '--fd',
        ]),
      };
    case 'granian':
      return {
        kind: 'granian',
        addresses: hostAndPort(a, env, read, ['--host'], ['--port'], '127.0.0.1', 8000, 'GRANIAN', ['--uds']),
      };
    case 'daphne':
      return {
        kind: 'daphne',
        addresses: hostAndPort(
          a,
          env,
          read,
          ['-b', '--bind'],
          ['-p', '--port'],
          '127.0.0.1',
          8000,
          undefined,
          ['-u', '--unix-socket', '--fd', '-e', '--endpoint'],
        ),
      };
    case 'hypercorn': {
      const binds = optionValues(a, ['-b', '--bind']);
      if (binds.length === 0)
        return {
          kind: 'hypercorn',
          addresses: optionValues(a, ['-c', '--config']).length
            ? undefined
            : [{ host: '127.0.0.1', port: 8000 }],
        };
      return {
        kind: 'hypercorn',
        addresses: binds.map((b) => {
          const v = read(b);
          return v === undefined ? hostPortHint(b) : splitHostPort(v, '');
        }),
      };
    }
    case 'waitress-serve': {
      const listen = optionValues(a, ['--listen']);
      if (listen.length)
        return {
          kind: 'waitress',
          addresses: listen.map((l) => {
            const v = read(l);
            return v === undefined ? hostPortHint(l) : splitHostPort(v, '');
          }),
        };
      return {
        kind: 'waitress',
        addresses: hostAndPort(a, env, read, ['--host'], ['--port'], '0.0.0.0', 8080, undefined, [
          '--unix-socket',
        ]),
      };
    }
    case 'uwsgi': {
      const http = optionValues(a, ['--http', '--http-socket', '--https']);
      if (http.length === 0) {
        const fromEnv = env.UWSGI_HTTP ?? env.UWSGI_HTTP_SOCKET;
        if (fromEnv !== undefined) return { kind: 'uwsgi', addresses: [splitHostPort(fromEnv, '0.0.0.0')] };
        // --socket speaks the uwsgi protocol (to nginx) but still listens on its port; a path (`app.sock`,
        // `/run/app.sock`) is a unix socket.
        const sockets = optionValues(a, ['-s', '--socket', '--uwsgi-socket'])
          .map((s) => read(s.split(',')[0]))
          .filter((s) => s === undefined || !uwsgiUnixSocket(s));
        if (sockets.length === 0 || sockets.some((s) => s === undefined))
          return { kind: 'uwsgi', addresses: undefined }; // an ini file may say anything
        return { kind: 'uwsgi', addresses: sockets.map((s) => splitHostPort(s!, '0.0.0.0')) };
      }
      return {
        kind: 'uwsgi',
        addresses: http.map((h) => {
          const v = read(h.split(',')[0]);
          return v === undefined ? hostPortHint(h) : splitHostPort(v, '0.0.0.0');
        }),
      };
    }
    default:
      return undefined;
  }
}

/** A uWSGI socket value that is a unix socket: a path (`app.sock`, `/run/app.sock`) or `@abstract`, not `host:port`. */
function uwsgiUnixSocket(value: string): boolean {
  return value !== '' && !/[$%]/.test(value) && (value.startsWith('/') || !value.includes(':'));
}

/**
 * The unix sockets a server command listens on when it listens on no TCP port at all (`gunicorn --bind
 * unix:/run/app.sock`, `uvicorn --uds /tmp/app.sock`, `uwsgi --ini uwsgi.ini` whose ini has only `socket = app.sock`),
 * shared with a proxy through a volume. Undefined when it listens on a TCP port, or where it listens is not known.
 */
export function unixSocketsOnly(
  argv: string[],
  env: Record<string, string | undefined> = {},
  ini?: ServerConfigFile,
): string[] | undefined {
  const a = programArgv(argv);
  const only = (sockets: string[], tcp: string[]): string[] | undefined =>
    sockets.length > 0 && tcp.every((f) => !a.some((w) => w === f || w.startsWith(`${f}=`)))
      ? sockets
      : undefined;
  switch (a[0]) {
    case 'gunicorn':
    case 'hypercorn': {
      // With no --bind, gunicorn binds what its -c file's `bind` names.
      const given = optionValues(a, ['-b', '--bind']);
      const binds =
        given.length > 0 || a[0] !== 'gunicorn' ? given : (ini?.listens ?? []).map((l) => l.value);
      return binds.length > 0 && binds.every((b) => b.startsWith('unix:')) ? binds : undefined;
    }
    case 'uvicorn':
    case 'granian':
      return only(optionValues(a, ['--uds']), ['--fd']);
    case 'daphne':
      return only(optionValues(a, ['-u', '--unix-socket']), [
        '-b',
        '--bind',
        '-p',
        '--port',
        '-e',
        '--endpoint',
        '--fd',
      ]);
    case 'waitress-serve':
      return only(optionValues(a, ['--unix-socket']), ['--listen', '--host', '--port']);
    case 'uwsgi': {
      if (
        Object.keys(env).some((k) => /^UWSGI_(HTTPS?|HTTP_SOCKET|SOCKET|UWSGI_SOCKET|SHARED_SOCKET)$/.test(k))
      )
        return undefined;
      const flags = optionValues(a, [
        '-s',
        '--socket',
        '--uwsgi-socket',
        '--http',
        '--https',
        '--http-socket',
        '--fastcgi-socket',
        '--shared-socket',
      ]);
      // uWSGI listens on the sockets of its command line and of the ini file it loads, both.
      if (uwsgiIniArg(a) !== undefined && !ini) return undefined;
      const values = [...flags, ...(ini?.listens ?? []).map((l) => l.value)];
      const sockets = values.map((v) => v.split(',')[0].trim());
      return sockets.length > 0 && sockets.every(uwsgiUnixSocket) ? sockets : undefined;
    }
    default:
      return undefined;
  }
}

const LOOPBACK = /^(127(\.\d+){3}|localhost|::1|\[::1\]|ip6-localhost)$/i;
export function isLoopback(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK.test(host);
}

/** True when the command installs packages: pip install, apt-get/apt install, apk add, uv pip install. */
export function installsPackages(argv: string[]): string | undefined {
  const a = programArgv(argv);
  const p = a[0] ?? '';
  const sub = a.find((x, i) => i > 0 && !x.startsWith('-'));
  if (/^pip\d*(\.\d+)?$/.test(p) && sub === 'install') return `${p} install`;
  if (p === 'pip' && sub === 'install') return 'pip install';
  if (p === 'uv' && a[1] === 'pip' && a[2] === 'install') return 'uv pip install';
  if ((p === 'apt-get' || p === 'apt') && sub === 'install') return `${p} install`;
  if (p === 'apk' && sub === 'add') return 'apk add';
  if ((p === 'poetry' || p === 'pipenv') && sub === 'install') return `${p} install`;
  if (p === 'uv' && (a[1] === 'sync' || (a[1] === 'pip' && a[2] === 'sync')))
    return a[1] === 'sync' ? 'uv sync' : 'uv pip sync';
  if (p === 'pip-sync') return 'pip-sync';
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------

function optionValues(argv: string[], names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    for (const n of names) {
      if (a === n && i + 1 < argv.length) out.push(argv[++i]);
      else if (n.startsWith('--') && a.startsWith(`${n}=`)) out.push(a.slice(n.length + 1));
      else if (!n.startsWith('--') && a.startsWith(n) && a.length > n.length && !a.startsWith('--'))
        out.push(a.slice(n.length));
    }
  }
  return out;
}

function hostAndPort(
  a: string[],
  env: Record<string, string | undefined>,
  read: WordReader,
  hostFlags: string[],
  portFlags: string[],
  defaultHost: string,
  defaultPort: number,
  envPrefix: string | undefined,
  unknownFlags: string[],
): ListenAddress[] | undefined {
  if (unknownFlags.some((f) => optionValues(a, [f]).length > 0 || a.includes(f))) return undefined;
  const hostRaw = optionValues(a, hostFlags).at(-1) ?? (envPrefix ? env[`${envPrefix}_HOST`] : undefined);
  const portRaw = optionValues(a, portFlags).at(-1) ?? (envPrefix ? env[`${envPrefix}_PORT`] : undefined);
  const host = hostRaw === undefined ? defaultHost : read(hostRaw);
  const portWord = portRaw === undefined ? undefined : read(portRaw);
  const port = portRaw === undefined ? defaultPort : portOf(portWord).port;
  const unexpanded = [host, portWord].find((w) => w?.includes('$'));
  return [
    {
      ...(host !== undefined && !host.includes('$') ? { host } : {}),
      ...(port !== undefined ? { port } : {}),
      ...(unexpanded !== undefined ? { unexpanded } : {}),
    },
  ];
}

function splitHostPort(value: string, emptyHost = '0.0.0.0'): ListenAddress {
  let host = value;
  let port: string | undefined;
  const v6 = /^\[([^\]]*)\](?::(.*))?$/.exec(value);
  if (v6) {
    host = v6[1];
    port = v6[2];
  } else if (value.includes(':')) {
    const i = value.lastIndexOf(':');
    host = value.slice(0, i);
    port = value.slice(i + 1);
  }
  return {
    ...(host.includes('$') ? {} : { host: host === '' ? emptyHost : host.toLowerCase() }),
    ...portOf(port ?? '8000'),
    ...(value.includes('$') ? { unexpanded: value } : {}),
  };
}

/** What can be told of `host:$PORT` when the variable is unknown: the literal host. */
function hostPortHint(raw: string): ListenAddress {
  const m = /^([^$:]+):/.exec(raw);
  return m ? { host: m[1].toLowerCase() } : {};
}

function portOf(v: string | undefined): { port?: number } {
  return v !== undefined && /^\d+$/.test(v) ? { port: Number(v) } : {};
}

/** A word's value with the container's environment: unset variables take their `${X:-default}`. */
export function resolveWord(word: string, env: Record<string, string | undefined>): string | undefined {
  if (!word.includes('$')) return word;
  return expand(word, (name) => {
    if (!(name in env)) return { kind: 'unset' };
    const v = env[name];
    return v === undefined ? { kind: 'unknown' } : { kind: 'value', value: v };
  });
}

/** The last path segment of a program or file name. */
export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
