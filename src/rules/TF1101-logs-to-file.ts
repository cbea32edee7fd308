import {
  backingServiceOf,
  longRunningProcess,
  programArgv,
  reverseProxyOf,
  serverOf,
  serviceCommand,
  startCommands,
  type StartCommand,
} from '../model/command.js';
import { appImageStartCommands, ownImageAppServices } from './lib/each.js';
import type { App, Project } from '../model/types/project.js';
import type { RawFinding } from '../core/index.js';
import { defineRule } from './lib/rule.js';
import { FILE_HANDLERS } from './lib/log-files.js';
import type { SettingsModel } from '../model/types/settings.js';

const LOG_FILE_OPTIONS: Record<string, string[]> = {
  gunicorn: ['--access-logfile', '--error-logfile', '--log-file'],
  uwsgi: ['--logto', '--logto2', '--daemonize'],
  daphne: ['--access-log'],
  hypercorn: ['--access-logfile', '--error-logfile'],
};
const OUTPUT_REDIRECT = /^(1|2)?(>|>>|>\|)$|^&>>?$/;

export const logsToFile = defineRule({
  id: 'TF1101',
  name: 'logs-to-file',
  factor: 'XI',
  severity: 'warning',
  kind: 'S',
  title:
    'LOGGING uses a file handler (FileHandler, RotatingFileHandler, TimedRotatingFileHandler, WatchedFileHandler), gunicorn writes --access-logfile/--error-logfile/--log-file (or accesslog/errorlog in the config file its -c names) to a path other than -, uwsgi logs to a file (--logto/--daemonize, or logto=/daemonize= in the ini file its --ini names), celery writes --logfile/-f to a file, or the command redirects output to a file',
  help: `A twelve-factor app writes its logs, unbuffered, to stdout/stderr, and the platform collects them
(\`docker logs\`, the log driver, the cloud's log service). Log files inside a container fill its writable layer,
vanish with the container, and are invisible to those tools.

A template placeholder in a command (\`gunicorn <DJANGO_APP_NAME>.wsgi:application\`: a name in angle brackets,
upper case or glued to a module path or port) is read as a word left to replace, not as the redirections
\`<DJANGO_APP_NAME\` and \`>.wsgi:application\` sh would see; \`> /var/log/app.log\`, \`2>&1\` and \`<in >out\` stay
redirections.

\`\`\`python
LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
\`\`\`

\`\`\`dockerfile
CMD ["gunicorn", "--access-logfile", "-", "--error-logfile", "-", "--bind", "0.0.0.0:8000", "mysite.wsgi"]
\`\`\``,
  related: [],
  check(project) {
    const findings: RawFinding[] = [];
    for (const app of project.apps) {
      const settings = app.settings;
      for (const h of settings?.logHandlers ?? []) {
        if (!FILE_HANDLERS.test(h.className)) continue;
        findings.push({ file: h.file ?? settings!.file, line: h.line, message: handlerMessage(h) });
      }
      for (const config of app.serverConfigs ?? []) {
        for (const log of config.logFiles)
          findings.push({
            file: config.file,
            line: log.line,
            message: `${config.server} reads ${config.file}, whose ${log.option} = ${log.value} writes the server's log to a file inside the container. ${configAdvice(config.server, log.option)}`,
          });
      }
      findings.push(...supervisorLogFiles(app));
      for (const cmd of startCommands(app)) {
        const a = programArgv(cmd.argv);
        for (const option of LOG_FILE_OPTIONS[a[0] ?? ''] ?? []) {
          const value = valueOf(a, option);
          if (
            value === undefined ||
            value === '-' ||
            value.startsWith('/dev/std') ||
            value === '/proc/1/fd/1'
          )
            continue;
          findings.push({
            file: cmd.file,
            line: cmd.line,
            message: `${a[0]} ${option} ${value} writes logs to a file inside the container. Use ${option === '--daemonize' || a[0] === 'uwsgi' ? 'no log file (uwsgi logs to stderr by default)' : `${option} -`} so they go to stdout/stderr.`,
          });
        }
        const startsSomething =
          serverOf(cmd.argv) !== undefined || cmd.argv.length === 0 || cmd.argv[0] === '$@';
        if (!startsSomething) continue;
        for (const r of cmd.redirects) {
          if (!OUTPUT_REDIRECT.test(r.op) || /^(\/dev\/|\/proc\/)/.test(r.target)) continue;
          findings.push({
            file: cmd.file,
            line: cmd.line,
            message: `The start command redirects its output to ${r.target} (${r.op}), so logs go to a file instead of stdout/stderr. Remove the redirection and let the platform collect the output.`,
          });
          break;
        }
      }
    }
    findings.push(...celeryLogFiles(project));
    return findings;
  },
});

/**
 * Celery processes of the app (a worker or beat service of the app's image, or of a worker image built from its
 * source) that write their log to `--logfile`/`-f`: celery logs to stderr unless given one.
 */
function celeryLogFiles(project: Project): RawFinding[] {
  const commands: StartCommand[] = [
    ...appImageStartCommands(project).map(({ command }) => command),
    ...project.apps.flatMap((app) =>
      ownImageAppServices(app).flatMap(({ service, app: view }) => serviceCommand(view, service)),
    ),
    ...(project.workerImages ?? []).flatMap((view) => startCommands(view)),
  ];
  const seen = new Set<string>();
  const out: RawFinding[] = [];
  for (const cmd of commands) {
    const a = programArgv(cmd.argv);
    if (a[0] !== 'celery' || seen.has(`${cmd.file}:${cmd.line}`)) continue;
    const option = ['--logfile', '-f'].find((o) => valueOf(a, o) !== undefined);
    const value = option && valueOf(a, option);
    if (!option || !value || value.startsWith('/dev/std') || value === '/proc/1/fd/1') continue;
    seen.add(`${cmd.file}:${cmd.line}`);
    out.push({
      file: cmd.file,
      line: cmd.line,
      message: `celery ${option} ${value} writes the log of ${longRunningProcess(cmd.argv) ?? 'celery'} to a file instead of stderr, where docker logs and the platform's log collection never see it. Drop ${option}: celery logs to stderr without it.`,
    });
  }
  return out;
}

/**
 * The words for a file handler of a logging config; one that no logger sends records to writes nothing, but dictConfig
 * still builds it when the settings load, and a FileHandler without delay=True opens (creates) its file then.
 */
function handlerMessage(h: SettingsModel['logHandlers'][number]): string {
  const config = h.dictConfigLine
    ? `The logging.config.dictConfig() call on line ${h.dictConfigLine}`
    : 'LOGGING';
  if (!h.unreferenced)
    return `${h.dictConfigLine ? `${config} configures` : 'LOGGING uses'} ${h.className}, which writes logs to a file inside the container. Use logging.StreamHandler so logs go to stdout/stderr.`;
  const effect = h.delayed
    ? ' (with delay=True it never even opens its file)'
    : ': dictConfig still builds it when the settings load, which creates an empty log file inside the container';
  return `${config} configures ${h.className} as handler '${h.unreferenced.name}', but no logger sends records to it (neither root nor any logger names it), so it writes no log${effect}. Remove the handler, or make it a logging.StreamHandler if a logger should use it.`;
}

// Where a supervisord program's output reaches the container's own stdout/stderr (supervisord's, PID 1's).
const CONTAINER_OUTPUT = /^\/(dev\/(stdout|stderr|fd\/[12])|proc\/(1|self)\/fd\/[12])$/;
// AUTO (the default: a file in supervisord's child log directory) is left to the program's start as written.
const NOT_A_PATH = /^(none|auto|syslog)$/i;

/**
 * The app processes supervisord starts whose output it writes to a file named by `stdout_logfile=` (or
 * `stderr_logfile=` where stderr is not redirected), each at that line.
 */
function supervisorLogFiles(app: App): RawFinding[] {
  const starts = startCommands(app);
  const out: RawFinding[] = [];
  for (const p of app.supervisorPrograms ?? []) {
    if (p.s6) continue;
    if (!starts.some((c) => c.origin === 'supervisor' && c.file === p.file && c.line === p.line)) continue;
    // The program itself, or the script only it runs (`command=bash /app/start-gunicorn.sh`).
    const scripts = new Set(app.entrypointScripts.filter((s) => s.program === p.name).map((s) => s.file));
    const runs = [p.argv, ...starts.filter((c) => scripts.has(c.file)).map((c) => c.argv)]
      .filter((argv) => !reverseProxyOf(argv) && !backingServiceOf(argv, 0))
      .map(longRunningProcess)
      .find((name) => name !== undefined && !['cron', 'crond'].includes(name));
    if (!runs) continue;
    const section = `[${p.section ?? 'program'}:${p.name}]`;
    const toFile = (v?: { value: string }) =>
      v && !CONTAINER_OUTPUT.test(v.value) && !NOT_A_PATH.test(v.value);
    if (toFile(p.stdoutLogfile)) {
      const both = p.redirectStderr ? ', with its stderr: redirect_stderr=true' : '';
      out.push({
        file: p.file,
        line: p.stdoutLogfile!.line,
        message: `supervisord writes the output of ${runs} (${section}) to ${p.stdoutLogfile!.value} (stdout_logfile${both}), a file inside the container, not the container's stdout. Set stdout_logfile=/dev/stdout with stdout_logfile_maxbytes=0${p.redirectStderr ? '' : ' (and redirect_stderr=true)'} so the platform collects the output.`,
      });
    }
    if (!p.redirectStderr && toFile(p.stderrLogfile))
      out.push({
        file: p.file,
        line: p.stderrLogfile!.line,
        message: `supervisord writes the stderr of ${runs} (${section}) to ${p.stderrLogfile!.value} (stderr_logfile), a file inside the container, not the container's stderr. Set stderr_logfile=/dev/stderr with stderr_logfile_maxbytes=0 so the platform collects the output.`,
      });
  }
  return out;
}

/** How a server's configuration file sends a log to stdout/stderr instead. */
function configAdvice(server: string, option: string): string {
  if (server === 'gunicorn' && option === 'accesslog')
    return 'Set accesslog = "-" so the log goes to stdout.';
  if (server === 'gunicorn')
    return "Remove it (gunicorn's error log goes to stderr by default) so the log goes to stdout/stderr.";
  return 'Remove it (uwsgi logs to stderr by default) so the log goes to stdout/stderr.';
}

function valueOf(argv: string[], option: string): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === option) return argv[i + 1];
    if (argv[i].startsWith(`${option}=`)) return argv[i].slice(option.length + 1);
  }
  return undefined;
}
