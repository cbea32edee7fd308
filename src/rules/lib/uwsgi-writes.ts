/** Where uWSGI writes at run time as the user it runs as: its unix sockets and log files, from argv and its ini. */
import { posix } from 'node:path';
import { basename, programArgv, unixSocketsOnly } from '../../model/command.js';
import type { StartCommand } from '../../model/command/start-chain.js';
import type { App, ServerConfigFile } from '../../model/types/project.js';
import { uwsgiIniArg } from '../../model/server-config.js';

/** The uWSGI ini file a start command loads (`uwsgi --ini FILE`), as read, with the name it is given by. */
function uwsgiIni(app: App, argv: string[]): { ini?: string; config?: ServerConfigFile } {
  const ini = uwsgiIniArg(argv);
  const config =
    ini === undefined
      ? undefined
      : (app.serverConfigs ?? []).find(
          // A file at the repository's root (`uwsgi.ini`) has no directory before its name.
          (f) => f.server === 'uwsgi' && (f.file === ini || basename(f.file) === basename(ini)),
        );
  return { ...(ini !== undefined ? { ini } : {}), ...(config ? { config } : {}) };
}

/**
 * A value of the ini with uWSGI's magic variables of the ini's own path filled in: `%d` its directory (with the
 * trailing slash), `%p` its path, `%s` its name, `%n` its name without extension, `%c` its directory's name (and
 * their upper-case forms, the same for an ini that is no template); the others (`%h`, `%k`, ...) are left.
 */
function withMagic(value: string, iniPath: string): string {
  const dir = posix.dirname(iniPath);
  const name = posix.basename(iniPath);
  const table: Record<string, string> = {
    d: `${dir}/`,
    p: iniPath,
    s: name,
    n: name.replace(/\.[^.]*$/, ''),
    c: posix.basename(dir),
  };
  return value.replace(/%([dpsncDPSNC])/g, (_, v: string) => table[v.toLowerCase()]!);
}

/**
 * The files uWSGI logs to (`--logto`, `--daemonize`, `logto =` and a `file:` logger in its ini): uwsgi started as the
 * user opens them as that user, so their directory must be the user's.
 */
export function uwsgiLogFiles(app: App, c: StartCommand, cwd: string): { path: string; what: string }[] {
  const argv = programArgv(c.argv);
  if (basename(argv[0] ?? '') !== 'uwsgi') return [];
  const fromArgv = argv.flatMap((w, i) => {
    const m = /^--(logto2?|daemonize2?)(?:=(.*))?$/.exec(w);
    const value = m && (m[2] ?? argv[i + 1]);
    return value ? [{ value, at: `${c.file}:${c.line}` }] : [];
  });
  const { ini, config } = uwsgiIni(app, argv);
  const iniPath = posix.resolve(cwd, ini ?? '.');
  const fromIni = (config?.logFiles ?? []).map((l) => ({
    value: withMagic(l.value, iniPath),
    at: `${config!.file}:${l.line}`,
  }));
  return [...fromArgv, ...fromIni]
    .filter((l) => !l.value.startsWith('/dev/') && !/[$%]/.test(posix.dirname(l.value)))
    .map((l) => {
      const path = posix.resolve(cwd, l.value);
      return { path, what: `uwsgi's log file ${l.value.includes('%') ? l.value : path} at ${l.at}` };
    });
}

/** The unix sockets a server creates: on its command line, or in the uWSGI ini it loads (`%d`: the ini's directory, ...). */
export function socketPaths(app: App, c: StartCommand, cwd: string): { path: string; what: string }[] {
  const argv = programArgv(c.argv);
  const { ini, config } = uwsgiIni(app, argv);
  const iniPath = posix.resolve(cwd, ini ?? '.');
  const fromArgv = (ini === undefined ? unixSocketsOnly(c.argv) : undefined) ?? [];
  const fromIni = (config?.listens ?? [])
    .filter((l) => l.option === 'socket' || l.option === 'uwsgi-socket')
    .map((l) => ({
      value: withMagic(l.value.split(',')[0]!.trim(), iniPath),
      at: `${config!.file}:${l.line}`,
    }));
  return [...fromArgv.map((value) => ({ value, at: `${c.file}:${c.line}` })), ...fromIni]
    .map((s) => ({ ...s, value: s.value.replace(/^unix:/, '') }))
    .filter(
      (s) =>
        s.value !== '' &&
        !s.value.startsWith('@') &&
        !/[$%]/.test(s.value) &&
        (s.value.startsWith('/') || !s.value.includes(':')),
    )
    .map((s) => ({
      path: posix.resolve(cwd, s.value),
      what: `the socket ${posix.resolve(cwd, s.value)} at ${s.at}`,
    }));
}
