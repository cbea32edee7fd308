/** How an app's start drops root (gosu, su, a server's own option, supervisord's user=) or creates its user. */
import {
  basename,
  containerEnv,
  exclusive,
  launchedCommand,
  programArgv,
  resolveWord,
  reverseProxyOf,
  serverOf,
  reachedCommand,
  startCommands,
  type StartCommand,
} from '../../model/command.js';
import type { App, SupervisorProgram } from '../../model/types/project.js';
import { known, userAddedBy } from './image-users.js';

const DROPS_PRIVILEGES = new Set(['gosu', 'su-exec', 'setpriv', 'runuser', 'chpst', 's6-setuidgid']);

/**
 * Where the start command drops root (`gosu app …`, `su-exec "$USER" …`, `gunicorn --user app`), and to whom: the drop
 * of the server process first (`su-exec app manage.py migrate` before `gunicorn --user app` is a one-off step's).
 * With `to: 'root'`, where it names root instead (`gunicorn --user=root`), which drops nothing.
 */
export function privilegeDrop(
  app: App,
  to: 'other' | 'root' = 'other',
):
  | {
      file: string;
      line: number;
      tool: string;
      user?: string;
      /** A server the start runs on another branch, without the drop. */
      rootBranch?: { file: string; line: number; kind: string };
      /** The drop is a vassal's, in the ini a uWSGI Emperor starts: the Emperor itself stays root. */
      vassal?: true;
    }
  | undefined {
  const env = containerEnv(app);
  const starts = appStarts(app);
  const servers = starts.filter((c) => c.origin !== 'supervisor' && serverOf(c.argv, env));
  for (const c of [...servers, ...starts.filter((s) => !servers.includes(s))]) {
    // `[program:web]` with `user=app`: supervisord (root) starts that program as app.
    if (c.origin === 'supervisor') {
      const program = to === 'other' ? supervisorDrop(app) : undefined;
      if (program) return program;
      continue;
    }
    const found = dropsPrivileges(c.argv);
    const ini = found || to === 'root' ? undefined : iniDrop(app, c.argv);
    if (ini) return ini;
    if (!found) continue;
    // `su-exec "$USER"`: the user the image's ENV names (ENV USER=app is a variable, never a USER instruction), or
    // the script's own `USER=root` before the command.
    const user = found.user && resolveWord(found.user, { ...env, ...scriptVariables(app, c) });
    // `gunicorn --user=root`: root stays root, nothing is dropped.
    if ((user !== undefined && /^(root|0)(:.*)?$/.test(user)) !== (to === 'root')) continue;
    // `uwsgi \ … --uid www-data` over several lines: the line the option is written on
    const word = c.argv.findIndex((w) => w === found.option || w.startsWith(`${found.option}=`));
    const line = (word >= 0 && c.wordLines?.[word]) || c.line;
    // `if [ "$APP_ENV" = development ]; then runserver; else gunicorn --user app; fi`: the other branch stays root
    const other = servers.find((s) => s.file === c.file && exclusive(s, c) && !dropsPrivileges(s.argv));
    const rootBranch = other && { file: other.file, line: other.line, kind: serverOf(other.argv, env)!.kind };
    return {
      file: c.file,
      line,
      tool: found.tool,
      user: user?.split(':')[0] || undefined,
      ...(rootBranch ? { rootBranch } : {}),
    };
  }
  return undefined;
}

/**
 * The variables a start script sets before `command` on every path (`RUN_USER=root`), a value built from expansions
 * unknown; none for a command that is not a script's.
 */
function scriptVariables(app: App, command: StartCommand): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (command.origin !== 'script') return out;
  const script = app.entrypointScripts.find((s) => s.file === command.file)?.script;
  for (const a of script?.assignments ?? [])
    if (a.line < command.line && !a.guards) out[a.name] = a.literal ? a.value : undefined;
  return out;
}

/** `uwsgi --ini FILE` whose [uwsgi] section sets `uid = app`: uwsgi drops to app once it has bound its socket. */
function iniDrop(app: App, argv: string[]): ReturnType<typeof privilegeDrop> {
  if (basename(programArgv(argv)[0] ?? '') !== 'uwsgi') return undefined;
  const config = app.serverConfigs?.find((c) => c.server === 'uwsgi' && c.user);
  const user = config?.user?.value.replace(/^["']|["']$/g, '');
  if (!config?.user || !user || /^(root|0)$|[$%]/.test(user)) return undefined;
  const tool = config.group ? `uwsgi's uid=/gid=` : `uwsgi's ${config.user.option}=`;
  return {
    file: config.file,
    line: config.user.line,
    tool,
    user,
    ...(config.vassal ? { vassal: true as const } : {}),
  };
}

/**
 * The `user=` supervisord starts the app's programs as: the app server's program first (`[fcgi-program:web]` with
 * daphne), then the others (a worker, beat); a reverse proxy's program is no app.
 */
function supervisorDrop(app: App): ReturnType<typeof privilegeDrop> {
  const programs = appStarts(app).filter((c) => c.origin === 'supervisor' && !reverseProxyOf(c.argv));
  const servers = programs.filter((c) => serverOf(c.argv));
  for (const c of [...servers, ...programs.filter((p) => !servers.includes(p))]) {
    const program = programOf(app, c);
    if (!program?.user || /^(root|0)$/.test(program.user)) continue;
    const tool = `user= of [${program.section ?? 'program'}:${program.name}]`;
    return { file: program.file, line: program.userLine ?? c.line, tool, user: program.user };
  }
  return undefined;
}

/**
 * The start commands that run the app: every one the repository declares, but where the image declares no command
 * and the app service has its own, only what that command reaches (another service of the image, an nginx beside
 * it, runs its own script in its own container).
 */
export function appStarts(app: App): StartCommand[] {
  const stage = app.dockerfile?.targetStage;
  const service = app.compose?.appService;
  if (stage && !stage.cmd && !stage.entrypoint && (service?.command || service?.entrypoint))
    return reachedCommand(app, service);
  return startCommands(app);
}

/** The supervisord program a start command of the supervisor runs. */
export function programOf(app: App, c: StartCommand): SupervisorProgram | undefined {
  return app.supervisorPrograms?.find((p) => p.file === c.file && p.line === c.line);
}

function dropsPrivileges(argv: string[]): { tool: string; user?: string; option?: string } | undefined {
  // `wait-for-it db:5432 -- gosu app gunicorn …`: the launchers before the one that drops privileges
  for (let a: string[] | undefined = argv, depth = 0; a && depth < 4; a = launchedCommand(a), depth++) {
    const tool = basename(a[0] ?? '');
    if (DROPS_PRIVILEGES.has(tool)) return { tool, user: a.slice(1).find((w) => !w.startsWith('-')) };
    // `pid1 -u app -g app CMD`: pid1 (an init, kept without the drop) drops only when given a user
    const user = tool === 'pid1' ? pid1User(a) : undefined;
    if (user !== undefined) return { tool: 'pid1 -u', user };
  }
  const a = programArgv(argv);
  const option = (names: string[]) => {
    const i = a.findIndex((x) => names.includes(x) || names.some((n) => x.startsWith(`${n}=`)));
    return i < 0 ? undefined : a[i].includes('=') ? a[i].slice(a[i].indexOf('=') + 1) : (a[i + 1] ?? '');
  };
  const names = a[0] === 'gunicorn' ? ['-u', '--user'] : a[0] === 'uwsgi' ? ['--uid'] : [];
  const user = names.length > 0 ? option(names) : undefined;
  if (user === undefined) return undefined;
  const written = a.find((x) => names.includes(x) || names.some((n) => x.startsWith(`${n}=`)))!;
  return {
    tool: `${a[0]} ${a[0] === 'uwsgi' ? '--uid' : '--user'}`,
    user,
    option: written.replace(/=.*$/s, ''),
  };
}

/** The user of `pid1 -u USER`/`--user=USER`, undefined when pid1 keeps its own. */
function pid1User(argv: string[]): string | undefined {
  for (let i = 1; i < argv.length && argv[i].startsWith('-') && argv[i] !== '--'; i++) {
    if (argv[i] === '-u' || argv[i] === '--user') return argv[i + 1];
    if (argv[i].startsWith('--user=')) return argv[i].slice('--user='.length);
    if (!argv[i].includes('=')) i++;
  }
  return undefined;
}

/**
 * What still runs as root beside a drop: the entrypoint scripts the start runs, where it runs one; else, for a server
 * that drops by its own option (uwsgi's uid=, gunicorn --user), its start-up before the drop.
 */
export function stillRoot(app: App, tool: string, vassal?: boolean): string {
  const starts = appStarts(app);
  const scripts = app.entrypointScripts.map((s) => s.file).filter((f) => starts.some((c) => c.file === f));
  const exec = 'any command run in the container with docker exec';
  // `uwsgi --emperor app.ini`: the vassal drops; the Emperor that starts it runs on as root.
  if (vassal)
    return `only for the vassal the uWSGI Emperor starts from that ini: the Emperor itself${scripts.length > 0 ? `, the entrypoint script ${scripts.join(', ')} and every command it runs before the Emperor` : ''} stay root, as does ${exec}`;
  if (scripts.length > 0)
    return `only for the command it runs, and the rest of the start (the entrypoint script ${scripts.join(', ')} itself, anything it runs without ${tool}) stays root, as does ${exec}`;
  const server = /^(uwsgi|gunicorn)\b/.exec(tool)?.[1];
  if (server) return `once ${server} has started: its start-up before the drop stays root, as does ${exec}`;
  return `only for the command it runs: whatever the start runs before or without ${tool} stays root, as does ${exec}`;
}

/** Where the start chain creates a user when the container starts (`useradd -u "$PUID" app` in the entrypoint). */
export function runtimeUser(
  app: App,
): { file: string; line: number; user: string; argv0: string } | undefined {
  const env = containerEnv(app);
  for (const c of appStarts(app)) {
    const user = known(userAddedBy(c.argv, env));
    if (user) return { file: c.file, line: c.line, user, argv0: c.argv[0]! };
  }
  return undefined;
}

// Options of su that take a value: the word after them is no user name.
const SU_OPTION_VALUES = new Set(['-c', '--command', '-s', '--shell', '-g', '--group', '-G', '--supp-group']);

/**
 * Where an entrypoint script drops to another user with `su USER -c …` (a root process stays as its parent): the su
 * that starts the server when one does (`su -p app -c "gunicorn …"`), else the first.
 */
export function suDrop(app: App): { file: string; line: number; user: string; command: string } | undefined {
  const drops: { file: string; line: number; user: string; command: string }[] = [];
  for (const script of app.entrypointScripts)
    for (const c of script.script.commands) {
      if (basename(c.argv[0] ?? '') !== 'su') continue;
      const at = c.argv.findIndex((w) => w === '-c' || w === '--command');
      const user = c.argv
        .slice(1)
        .find((w, i) => !w.startsWith('-') && !SU_OPTION_VALUES.has(c.argv[i]!) && w !== 'root');
      if (user && at > 0)
        drops.push({ file: script.file, line: c.line, user, command: c.argv[at + 1] ?? '' });
    }
  return drops.find((d) => SERVER_WORDS.test(d.command)) ?? drops[0];
}

const SERVER_WORDS = /\b(gunicorn|uwsgi|uvicorn|daphne|hypercorn|granian|runserver)\b/;
