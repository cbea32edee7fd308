import { posix } from 'node:path';
import { parseShell } from '../parse/shell.js';
import { expand } from './dockerfile.js';
import type { ComposeCommand } from './types/compose.js';
import type { CommandInstr, RunInstr, Stage } from './types/dockerfile.js';
import type { App, EntrypointScript } from './types/project.js';
import type { ShellCommand } from './types/shell.js';

/** A command the container runs when it starts, with the file and line to anchor a finding on. */
export interface StartCommand extends ShellCommand {
  file: string;
  origin: 'CMD' | 'ENTRYPOINT' | 'compose-command' | 'compose-entrypoint' | 'script';
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);
const PYTHON = /^python(\d+(\.\d+)*)?$/;

/**
 * What the app container runs when compose starts it: compose `entrypoint`/`command` override the image's
 * ENTRYPOINT/CMD (a compose entrypoint also drops the image CMD), exec-form ENTRYPOINT and CMD are concatenated,
 * a shell form is its script; `sh -c` scripts and the entrypoint scripts the image runs are followed.
 */
export function effectiveCommand(app: App): StartCommand[] {
  return chain(app, true);
}

/** What the image runs by default (target stage ENTRYPOINT/CMD, no compose override). */
export function imageCommand(app: App): StartCommand[] {
  return chain(app, false);
}

/** Every start command the repository declares for the app: the image's own and compose's override, without repeats. */
export function startCommands(app: App): StartCommand[] {
  const seen = new Set<string>();
  const out: StartCommand[] = [];
  for (const c of [...imageCommand(app), ...effectiveCommand(app)]) {
    const key = `${c.file}\0${c.line}\0${c.argv.join('\0')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

/** The environment the app container starts with, as far as the repository says: image ENV, then compose environment. */
export function containerEnv(app: App): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...(app.dockerfile?.targetStage?.env ?? {}) };
  for (const e of app.compose?.appService?.environment ?? []) env[e.name] = e.value;
  return env;
}

function chain(app: App, withCompose: boolean): StartCommand[] {
  const stage = app.dockerfile?.targetStage;
  const dockerfile = app.dockerfile?.file ?? '';
  const service = withCompose ? app.compose?.appService : undefined;
  const entrypoint: Source | undefined = service?.entrypoint
    ? fromCompose(service.entrypoint, 'compose-entrypoint')
    : stage?.entrypoint && fromInstr(stage.entrypoint, dockerfile);
  let cmd: Source | undefined;
  if (service?.command) cmd = fromCompose(service.command, 'compose-command');
  else if (!service?.entrypoint && stage?.cmd) cmd = fromInstr(stage.cmd, dockerfile);

  let pid1: StartCommand[] = [];
  if (entrypoint?.argv) {
    const args = cmd ? (cmd.argv ?? ['/bin/sh', '-c', cmd.raw]) : [];
    pid1 = execCommand(cmd && args.length ? cmd.at : entrypoint.at, [...entrypoint.argv, ...args]);
    if (cmd && !cmd.argv) pid1.push(...cmd.script);
  } else if (entrypoint) {
    pid1 = entrypoint.script; // a shell-form ENTRYPOINT ignores CMD
  } else if (cmd) {
    pid1 = cmd.argv ? execCommand(cmd.at, cmd.argv) : cmd.script;
  }
  return followScripts(pid1, app);
}

/** An argv docker runs directly (exec form), followed by the commands of its `sh -c` script if it is one. */
function execCommand(at: Source['at'], argv: string[]): StartCommand[] {
  const out: StartCommand[] = [{ ...at, argv, redirects: [], viaExec: true }];
  const script = inlineScript(argv);
  if (script !== undefined) {
    for (const inner of parseShell(script, at.line).commands)
      out.push({ ...inner, file: at.file, origin: at.origin });
  }
  return out;
}

interface Source {
  at: { file: string; line: number; origin: StartCommand['origin'] };
  argv?: string[];
  raw: string;
  script: StartCommand[];
}

function fromInstr(instr: CommandInstr, file: string): Source {
  const at = { file, line: instr.line, origin: instr.keyword };
  return {
    at,
    argv: instr.argv,
    raw: instr.raw,
    script: (instr.script?.commands ?? []).map((c) => ({ ...c, ...at, line: c.line })),
  };
}

function fromCompose(c: ComposeCommand, origin: StartCommand['origin']): Source {
  const at = { file: c.file, line: c.line, origin };
  // compose splits a string command into words itself; it runs no shell, so the words are the argv
  const argv = c.argv ?? (c.script?.commands.length === 1 ? c.script.commands[0].argv : undefined);
  return {
    at,
    argv,
    raw: c.raw,
    script: (c.script?.commands ?? []).map((s) => ({ ...s, ...at, line: s.line })),
  };
}

/** The last command of the script of `sh -c SCRIPT` when argv is one, parsed with `line` as its first line. */
export function inlineScriptLastCommand(argv: string[], line: number): ShellCommand | undefined {
  const script = inlineScript(argv);
  return script === undefined ? undefined : parseShell(script, line).commands.at(-1);
}

/** The script of `sh -c SCRIPT` (also -ec, -lc, /bin/bash), if argv is one. */
export function inlineScript(argv: string[]): string | undefined {
  if (argv.length < 3 || !SHELLS.has(basename(argv[0]))) return undefined;
  for (let i = 1; i < argv.length - 1; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a.startsWith('--')) return undefined;
    if (a.includes('c')) return argv[i + 1];
  }
  return undefined;
}

/** Inserts the commands of the entrypoint scripts run by a command right after it; `"$@"` becomes the arguments it got. */
function followScripts(commands: StartCommand[], app: App): StartCommand[] {
  const scripts = app.entrypointScripts ?? [];
  const workdir = app.dockerfile?.targetStage?.workdir ?? '/';
  const out: StartCommand[] = [];
  let matched = false;
  for (const c of commands) {
    out.push(c);
    if (c.origin === 'script') continue;
    const hit = scripts.length > 0 ? scriptRun(c.argv, scripts, workdir) : undefined;
    if (hit) {
      matched = true;
      out.push(...scriptCommands(hit.script, c, c.argv.slice(hit.argsFrom)));
    } else if (c.viaExec && c.argv.length > 1 && /\.sh$/.test(basename(c.argv[0]))) {
      // an entrypoint script we cannot read (one from the base image) nearly always ends in exec "$@"
      out.push({ ...c, argv: c.argv.slice(1) });
    }
  }
  if (!matched) for (const s of scripts) out.push(...scriptCommands(s, undefined, []));
  return out;
}

function scriptRun(
  argv: string[],
  scripts: EntrypointScript[],
  workdir: string,
): { script: EntrypointScript; argsFrom: number } | undefined {
  const candidates: number[] = [0];
  if (argv.length > 1 && SHELLS.has(basename(argv[0]))) {
    const i = argv.findIndex((a, k) => k > 0 && !a.startsWith('-'));
    if (i > 0) candidates.push(i);
  }
  for (const i of candidates) {
    const word = argv[i];
    if (!word) continue;
    const script = scripts.find((s) =>
      word.includes('/')
        ? posix.normalize(word.startsWith('/') ? word : posix.join(workdir, word)) ===
          posix.normalize(s.imagePath)
        : basename(s.imagePath) === word,
    );
    if (script) return { script, argsFrom: i + 1 };
  }
  return undefined;
}

function scriptCommands(
  s: EntrypointScript,
  caller: StartCommand | undefined,
  args: string[],
): StartCommand[] {
  const out: StartCommand[] = [];
  for (const c of s.script.commands) {
    const runsArgs = c.argv[0] === '$@' || c.argv[0] === '$*' || c.argv[0] === '${@}';
    if (runsArgs && caller && args.length > 0) {
      // `exec "$@"`: the container's CMD runs here; anchor it where it is written
      out.push({ ...caller, argv: args, redirects: c.redirects, viaExec: c.viaExec });
      continue;
    }
    out.push({ ...c, file: s.file, origin: 'script' });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// What a command is

/** argv with launchers peeled off (env, gosu, tini, poetry run, python -m, ...), argv[0] reduced to its basename. */
export function programArgv(argv: string[]): string[] {
  let a = argv.slice();
  for (let guard = 0; guard < 8 && a.length > 0; guard++) {
    const p = basename(a[0]);
    if (p === 'env') {
      let i = 1;
      while (i < a.length && (a[i].startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(a[i])))
        i += a[i] === '-u' ? 2 : 1;
      a = a.slice(i);
    } else if (['tini', 'dumb-init', 'nohup', 'setsid', 'stdbuf'].includes(p)) {
      let i = 1;
      while (i < a.length && a[i].startsWith('-')) i++;
      a = a.slice(i);
    } else if (p === 'nice') {
      a = a.slice(a[1] === '-n' ? 3 : a[1]?.startsWith('-') ? 2 : 1);
    } else if (p === 'gosu' || p === 'su-exec') {
      a = a.slice(2);
    } else if (['poetry', 'pipenv', 'uv', 'pdm', 'hatch', 'rye'].includes(p) && a[1] === 'run') {
      let i = 2;
      while (i < a.length && a[i].startsWith('-')) i++;
      a = a.slice(i);
    } else if (p === 'newrelic-admin' && a[1] === 'run-program') {
      a = a.slice(2);
    } else if (p === 'ddtrace-run' || p === 'opentelemetry-instrument') {
      let i = 1;
      while (i < a.length && a[i].startsWith('-')) i++;
      a = a.slice(i);
    } else if (PYTHON.test(p)) {
      let i = 1;
      while (i < a.length && a[i].startsWith('-') && a[i] !== '-m' && a[i] !== '-c')
        i += ['-X', '-W'].includes(a[i]) ? 2 : 1;
      if (a[i] === '-m' && a[i + 1]) {
        const mod = a[i + 1] === 'django' ? 'django-admin' : a[i + 1];
        return [mod, ...a.slice(i + 2)];
      }
      if (!a[i] || a[i] === '-c') return [p, ...a.slice(1)];
      return [basename(a[i]), ...a.slice(i + 1)];
    } else {
      return [p, ...a.slice(1)];
    }
  }
  return a.length ? [basename(a[0]), ...a.slice(1)] : a;
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

export function isRunserver(argv: string[]): boolean {
  const name = djangoCommand(argv)?.name;
  return name === 'runserver' || name === 'runserver_plus';
}

/** A TCP address a server listens on; host or port undefined when a variable hides it. */
export interface ListenAddress {
  host?: string;
  port?: number;
}

/** Where `manage.py runserver [addrport]` listens (no address: 127.0.0.1:8000). */
export function runserverAddr(
  argv: string[],
  env: Record<string, string | undefined> = {},
): ListenAddress | undefined {
  const dj = djangoCommand(argv);
  if (!dj || !(dj.name === 'runserver' || dj.name === 'runserver_plus')) return undefined;
  const ipv6 = dj.args.includes('-6') || dj.args.includes('--ipv6');
  const positional = dj.args.find((x) => !x.startsWith('-'));
  if (positional === undefined) return { host: ipv6 ? '::1' : '127.0.0.1', port: 8000 };
  const value = resolveWord(positional, env);
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
  options: { configFileInContext?: boolean } = {},
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
    return [{ host: '127.0.0.1', port: 8000 }];
  }
  const out: ListenAddress[] = [];
  for (const b of binds) {
    if (b.startsWith('unix:') || b.startsWith('fd://')) continue;
    const value = resolveWord(b, env);
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
  options: { configFileInContext?: boolean } = {},
): Server | undefined {
  if (isRunserver(argv)) {
    const addr = runserverAddr(argv, env);
    return { kind: 'runserver', addresses: addr ? [addr] : undefined };
  }
  const a = programArgv(argv);
  switch (a[0]) {
    case 'gunicorn':
      return { kind: 'gunicorn', addresses: gunicornBind(argv, env, options) };
    case 'uvicorn':
      return {
        kind: 'uvicorn',
        addresses: hostAndPort(a, env, ['--host'], ['--port'], '127.0.0.1', 8000, 'UVICORN', [
          '--uds',
          '--fd',
        ]),
      };
    case 'granian':
      return {
        kind: 'granian',
        addresses: hostAndPort(a, env, ['--host'], ['--port'], '127.0.0.1', 8000, 'GRANIAN', ['--uds']),
      };
    case 'daphne':
      return {
        kind: 'daphne',
        addresses: hostAndPort(a, env, ['-b', '--bind'], ['-p', '--port'], '127.0.0.1', 8000, undefined, [
          '-u',
          '--unix-socket',
          '--fd',
          '-e',
          '--endpoint',
        ]),
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
          const v = resolveWord(b, env);
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
            const v = resolveWord(l, env);
            return v === undefined ? hostPortHint(l) : splitHostPort(v, '');
          }),
        };
      return {
        kind: 'waitress',
        addresses: hostAndPort(a, env, ['--host'], ['--port'], '0.0.0.0', 8080, undefined, ['--unix-socket']),
      };
    }
    case 'uwsgi': {
      const http = optionValues(a, ['--http', '--http-socket', '--https']);
      if (http.length === 0) {
        const fromEnv = env.UWSGI_HTTP ?? env.UWSGI_HTTP_SOCKET;
        if (fromEnv !== undefined) return { kind: 'uwsgi', addresses: [splitHostPort(fromEnv, '0.0.0.0')] };
        // --socket speaks the uwsgi protocol (to nginx) but still listens on its port; a path is a unix socket.
        const sockets = optionValues(a, ['-s', '--socket', '--uwsgi-socket'])
          .map((s) => resolveWord(s.split(',')[0], env))
          .filter((s) => s === undefined || !s.includes('/'));
        if (sockets.length === 0 || sockets.some((s) => s === undefined))
          return { kind: 'uwsgi', addresses: undefined }; // an ini file may say anything
        return { kind: 'uwsgi', addresses: sockets.map((s) => splitHostPort(s!, '0.0.0.0')) };
      }
      return {
        kind: 'uwsgi',
        addresses: http.map((h) => {
          const v = resolveWord(h.split(',')[0], env);
          return v === undefined ? hostPortHint(h) : splitHostPort(v, '0.0.0.0');
        }),
      };
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
  const host = hostRaw === undefined ? defaultHost : resolveWord(hostRaw, env);
  const port = portRaw === undefined ? defaultPort : portOf(resolveWord(portRaw, env)).port;
  return [{ ...(host !== undefined ? { host } : {}), ...(port !== undefined ? { port } : {}) }];
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
  return { host: host === '' ? emptyHost : host.toLowerCase(), ...portOf(port ?? '8000') };
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
function resolveWord(word: string, env: Record<string, string | undefined>): string | undefined {
  if (!word.includes('$')) return word;
  return expand(word, (name) => {
    if (!(name in env)) return { kind: 'unset' };
    const v = env[name];
    return v === undefined ? { kind: 'unknown' } : { kind: 'value', value: v };
  });
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

// ---------------------------------------------------------------------------------------------------------------
// pip install

const PIP_VALUE_OPTIONS = new Set([
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-e',
  '--editable',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '--src',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--upgrade-strategy',
  '--progress-bar',
  '--global-option',
  '--install-option',
  '-C',
  '--config-settings',
  '--cache-dir',
  '--log',
  '--log-file',
  '--proxy',
  '--retries',
  '--timeout',
  '--exists-action',
  '--trusted-host',
  '--cert',
  '--client-cert',
  '--no-binary',
  '--only-binary',
  '--report',
  '--root-user-action',
  '--python',
  '-p',
  '--use-feature',
  '--use-deprecated',
  '--keyring-provider',
  '--group',
  '--build-constraint',
  '--index-strategy',
  '--resolution',
  '--prerelease',
  '--extra',
  '--link-mode',
]);
// The installer's own tooling: upgrading it does not change what the app depends on.
const PIP_TOOLING = new Set(['pip', 'setuptools', 'wheel']);

/** What a `pip install` (pip, pip3, python -m pip, uv pip) asks for; undefined when argv is not one. */
export interface PipInstall {
  /** Requirement specifiers given by name, as written. */
  byName: { spec: string; name: string; pinned: boolean }[];
  /** Files given with -r. */
  requirementFiles: string[];
  /** -c constraints given: versions may be pinned there. */
  constrained: boolean;
  /** The installer's own tooling (pip, setuptools, wheel) given by name without an exact version. */
  unpinnedTooling: string[];
}

export function pipInstall(argv: string[]): PipInstall | undefined {
  const a = programArgv(argv);
  let i: number;
  if (/^pip(\d+(\.\d+)*)?$/.test(a[0] ?? '')) i = 1;
  else if (a[0] === 'uv' && a[1] === 'pip') i = 2;
  else return undefined;
  while (i < a.length && a[i].startsWith('-')) i += PIP_VALUE_OPTIONS.has(a[i]) ? 2 : 1;
  if (a[i] !== 'install') return undefined;
  const out: PipInstall = { byName: [], requirementFiles: [], constrained: false, unpinnedTooling: [] };
  for (i = i + 1; i < a.length; i++) {
    const arg = a[i];
    if (arg.startsWith('-')) {
      const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s) : [arg.slice(0, 2), arg.slice(2)];
      const takesValue = PIP_VALUE_OPTIONS.has(flag);
      const value = takesValue ? inline || a[++i] : undefined;
      if (flag === '-r' || flag === '--requirement') out.requirementFiles.push(value ?? '');
      if (flag === '-c' || flag === '--constraint') out.constrained = true;
      continue;
    }
    const spec = requirementSpec(arg);
    if (spec && PIP_TOOLING.has(spec.name.toLowerCase())) {
      if (!spec.pinned) out.unpinnedTooling.push(spec.spec);
    } else if (spec) out.byName.push(spec);
  }
  return out;
}

/** A requirement given by name (`django`, `django>=4`, `celery[redis]==5.3.6`); undefined for paths, URLs, `$VARS`. */
function requirementSpec(arg: string): { spec: string; name: string; pinned: boolean } | undefined {
  const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(arg)?.[0];
  if (!name) return undefined; // ., ./dist/x.whl, /app, $PACKAGES
  const rest = arg.slice(name.length);
  if (/^(\[[^\]]*\])?\s*@/.test(rest) || arg.includes('://') || arg.includes('/')) return undefined; // name @ url, paths
  if (/\.(whl|zip|tar\.gz|tgz|tar\.bz2)$/i.test(arg)) return undefined;
  const pinned = /(^|[^=!<>~])===?\s*[^\s=*,;]+/.test(rest) && !/==\s*[^,;]*\*/.test(rest);
  if (!pinned && rest.includes('$')) return undefined; // django$SPEC: cannot tell
  return { spec: arg, name, pinned };
}

export { isSecretName } from './secret-names.js';

/** The commands the RUN instructions of `stages` execute (exec-form RUN as one command), with their lines. */
export function buildCommands(stages: Stage[]): ShellCommand[] {
  const out: ShellCommand[] = [];
  for (const stage of stages) {
    for (const instr of stage.instructions) {
      if (instr.keyword !== 'RUN') continue;
      const run = instr as RunInstr;
      if (run.argv) {
        out.push({ argv: run.argv, line: run.line, redirects: [], viaExec: true });
        const script = inlineScript(run.argv);
        if (script !== undefined) out.push(...parseShell(script, run.line).commands);
      } else out.push(...(run.script?.commands ?? []));
    }
  }
  return out;
}

/** True when the context holds a gunicorn config file gunicorn reads by default (it may set the bind). */
export function hasGunicornConfig(app: App): boolean {
  return (app.context?.files ?? []).some((f) => basename(f) === 'gunicorn.conf.py');
}
