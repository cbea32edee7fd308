/**
 * Server configuration files the start command names (`uwsgi --ini uwsgi.ini`, `gunicorn -c gunicorn.conf.py`): where
 * they send the server's log, and whether they make it stop on SIGTERM.
 */
import type { ServerConfigFile } from './types/project.js';
import { parseShell } from '../parse/shell.js';
import { LINES } from '../util/lines.js';

/** uwsgi options that send the log to a file (`logto`, `logto2`, `daemonize`, a `file:` logger). */
const UWSGI_LOG_OPTIONS = new Set(['logto', 'logto2', 'daemonize', 'logger', 'req-logger']);

/** The ini file `uwsgi --ini FILE` (`--ini=FILE`, `--config FILE.ini`) reads; undefined for any other command. */
export function uwsgiIniArg(argv: string[]): string | undefined {
  if (!/(^|\/)uwsgi$/.test(argv[0] ?? '')) return undefined;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--ini') return argv[i + 1];
    if (argv[i].startsWith('--ini=')) return argv[i].slice('--ini='.length);
    // `--config FILE` loads a configuration by its file's extension (uWSGI 1.9.3 on): an .ini as --ini does.
    const config =
      argv[i] === '--config' ? argv[i + 1] : argv[i].startsWith('--config=') ? argv[i].slice(9) : undefined;
    if (config?.endsWith('.ini')) return config;
  }
  // `uwsgi /opt/app/uwsgi.ini`: uWSGI loads a lone argument ending in .ini as its ini file.
  const last = argv.length === 2 ? argv[1] : undefined;
  return last && /^[^-].*\.ini$/.test(last) ? last : undefined;
}

/** The Python file `gunicorn -c FILE` (`--config FILE`, `--config=FILE`) reads; not a `python:module` config. */
export function gunicornConfigArg(argv: string[]): string | undefined {
  if (!/(^|\/)gunicorn$/.test(argv[0] ?? '')) return undefined;
  for (let i = 1; i < argv.length; i++) {
    const value =
      argv[i] === '-c' || argv[i] === '--config'
        ? argv[i + 1]
        : argv[i].startsWith('--config=')
          ? argv[i].slice('--config='.length)
          : undefined;
    if (value !== undefined) return value.startsWith('python:') ? undefined : value;
  }
  return undefined;
}

/** gunicorn's settings that name a log file, as a configuration file writes them: `--error-logfile`'s, `--access-logfile`'s. */
const GUNICORN_LOG_SETTINGS = new Set(['errorlog', 'accesslog']);

/** The log files a gunicorn configuration file sets at its top level (`errorlog = 'error.log'`), with their lines. */
export function gunicornConfigLogs(file: string, text: string): ServerConfigFile {
  const logFiles: ServerConfigFile['logFiles'] = [];
  text.split(LINES).forEach((raw, i) => {
    const m = /^(\w+)\s*=\s*(['"])([^'"]*)\2\s*(#.*)?$/.exec(raw);
    if (!m || !GUNICORN_LOG_SETTINGS.has(m[1])) return;
    const value = m[3];
    // '-' is stdout (access log) or stderr (error log).
    if (value !== '' && value !== '-' && !value.startsWith('/dev/std') && value !== '/proc/1/fd/1')
      logFiles.push({ line: i + 1, option: m[1], value });
  });
  const listens = gunicornConfigBinds(text);
  return { file, server: 'gunicorn', logFiles, ...(listens.length > 0 ? { listens } : {}) };
}

/**
 * The addresses a gunicorn configuration file's `bind` names (`bind = 'unix:/run/app.sock'`, a list of them), the
 * working directory a `.format(os.getcwd())` or f-string `{os.getcwd()}` puts in written as `$PWD`.
 */
function gunicornConfigBinds(text: string): NonNullable<ServerConfigFile['listens']> {
  const out: NonNullable<ServerConfigFile['listens']> = [];
  text.split(LINES).forEach((raw, i) => {
    const m = /^bind\s*=\s*(.+?)\s*(#.*)?$/.exec(raw);
    if (!m) return;
    const cwd = /^(\[?)\s*f?(['"])([^'"]*)\2\.format\(\s*os\.getcwd\(\)\s*\)\s*(\]?)$/.exec(m[1]);
    const value = cwd ? `${cwd[1]}'${cwd[3].replace('{}', '$PWD')}'${cwd[4]}` : m[1];
    const words = /^\[?\s*f?((['"])[^'"]*\2\s*,?\s*)+\]?$/.test(value)
      ? [...value.matchAll(/f?(['"])([^'"]*)\1/g)].map((w) => w[2].replace('{os.getcwd()}', '$PWD'))
      : [];
    out.splice(0, out.length, ...words.map((w) => ({ line: i + 1, option: 'bind', value: w })));
  });
  return out;
}

// uWSGI's options that make it listen on a socket (TCP `host:port`, or a unix socket's path).
const UWSGI_LISTEN_OPTIONS = new Set([
  'socket',
  'uwsgi-socket',
  'http',
  'https',
  'http-socket',
  'https-socket',
  'http11-socket',
  'fastcgi-socket',
  'scgi-socket',
  'raw-socket',
  'shared-socket',
  'suwsgi-socket',
  'ssl-socket',
  'puwsgi-socket',
]);

// uWSGI's options that run an external program beside the server: how many words (a pidfile) precede its command.
const UWSGI_DAEMON_OPTIONS: Record<string, number> = {
  'attach-daemon': 0,
  'smart-attach-daemon': 1,
  'smart-attach-daemon2': 1,
  'attach-control-daemon': 0,
};

// uWSGI's hook phases that run as it starts (`exec-pre-app = CMD`, `hook-pre-app = exec:CMD`), before it serves.
const UWSGI_START_PHASES = new Set([
  ...['asap', 'pre-jail', 'post-jail', 'in-jail', 'as-root', 'as-user', 'pre-app', 'post-app'],
  ...['accepting', 'accepting1', 'accepting-once', 'accepting1-once'],
]);

/** The shell command a uwsgi start-up hook option runs, undefined for any other option (or another hook action). */
function uwsgiStartHook(option: string, value: string): string | undefined {
  const m = /^(exec|hook)-(.+)$/.exec(option.replace(/_/g, '-'));
  if (!m || !UWSGI_START_PHASES.has(m[2])) return undefined;
  const command = m[1] === 'exec' ? value : /^exec:(.*)$/.exec(value)?.[1];
  return command?.trim() || undefined;
}

/** The log destinations a uwsgi ini file sets in its [uwsgi] section, with their lines; `vassal`: an Emperor's. */
export function uwsgiIniLogs(file: string, text: string, vassal = false): ServerConfigFile {
  const logFiles: ServerConfigFile['logFiles'] = [];
  let user: ServerConfigFile['user'];
  let group: ServerConfigFile['group'];
  let section = '';
  let dieOnTerm = false;
  let daemonize: ServerConfigFile['daemonize'];
  const daemons: NonNullable<ServerConfigFile['daemons']> = [];
  const listens: NonNullable<ServerConfigFile['listens']> = [];
  const startHooks: NonNullable<ServerConfigFile['startHooks']> = [];
  text.split(LINES).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) return;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = header[1].trim();
      return;
    }
    // `die-on-term` alone is a flag set to true; `die-on-term = false` (or 0, no) leaves the reload on SIGTERM.
    if (section === 'uwsgi' && /^die[-_]on[-_]term\s*(=\s*(true|1|yes|on)\s*)?$/i.test(line))
      dieOnTerm = true;
    const m = /^([\w-]+)\s*=\s*(.*)$/.exec(line);
    if (!m || section !== 'uwsgi') return;
    // `uid = 1000`: uwsgi drops to that user once it has bound its sockets; a later uid overrides an earlier one.
    if (m[1] === 'uid') user = { line: i + 1, option: 'uid', value: m[2].trim() };
    if (m[1] === 'gid') group = { line: i + 1, option: 'gid', value: m[2].trim() };
    // `smart-attach-daemon = PIDFILE COMMAND`: uwsgi starts COMMAND beside its workers and restarts it.
    const daemon = UWSGI_DAEMON_OPTIONS[m[1]];
    if (daemon !== undefined) {
      const words = m[2].trim().split(/\s+/).slice(daemon);
      if (words.length > 0 && words[0] !== '') daemons.push({ line: i + 1, option: m[1], argv: words });
    }
    // `exec-pre-app = manage.py prepare`: uwsgi runs the command with /bin/sh each time it starts.
    const hook = uwsgiStartHook(m[1], m[2].trim());
    if (hook) startHooks.push({ line: i + 1, option: m[1], commands: parseShell(hook, i + 1).commands });
    // `daemonize = /tmp/uwsgi.log`: uwsgi forks into the background, logging there, and its command returns.
    if (['daemonize', 'daemonize2'].includes(m[1]) && m[2].trim() !== '')
      daemonize = { line: i + 1, option: m[1], value: m[2].trim() };
    if (UWSGI_LISTEN_OPTIONS.has(m[1].replace(/_/g, '-')))
      listens.push({ line: i + 1, option: m[1], value: m[2].trim() });
    if (!UWSGI_LOG_OPTIONS.has(m[1])) return;
    let value = m[2].trim();
    // A logger is a file only with the file: plugin (`logger = file:/var/log/uwsgi.log`).
    if (m[1] === 'logger' || m[1] === 'req-logger') {
      const f = /^(?:\w+\s+)?file:(.+)$/.exec(value);
      if (!f) return;
      value = f[1].split(',')[0];
    }
    if (value !== '' && !value.startsWith('/dev/std') && value !== '/proc/1/fd/1')
      logFiles.push({ line: i + 1, option: m[1], value });
  });
  return {
    file,
    server: 'uwsgi',
    logFiles,
    ...(user ? { user } : {}),
    ...(group ? { group } : {}),
    ...(dieOnTerm ? { dieOnTerm } : {}),
    ...(daemonize ? { daemonize } : {}),
    ...(daemons.length > 0 ? { daemons } : {}),
    ...(listens.length > 0 ? { listens } : {}),
    ...(startHooks.length > 0 ? { startHooks } : {}),
    ...(vassal ? { vassal: true as const } : {}),
  };
}
