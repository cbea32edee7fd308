/** The directories of the image the app's processes run in: WORKDIR, moved by `cd`, `--chdir` and supervisord. */
import { posix } from 'node:path';
import type { App } from '../types/project.js';
import { basename, programArgv, serverOf } from './servers.js';
import type { BranchInputs } from './branches.js';
import { containerVariables, effectiveCommand, imageCommand, type StartCommand } from './start-chain.js';
import { WorkingDirectory } from './working-directory.js';

/**
 * The directories of the image the app's start commands run Django in, servers first: the WORKDIR as `cd` moves it
 * along the chain, a supervisord program's `directory=`, a server's `--chdir`, the directory of a `manage.py` named
 * by its path.
 */
export function djangoDirectories(app: App): string[] {
  const servers: string[] = [];
  const manage: string[] = [];
  for (const chain of [effectiveCommand(app), imageCommand(app)]) {
    for (const { command, dir } of withDirectories(app, chain)) {
      const script = command.argv.find((w) => basename(w) === 'manage.py');
      if (script) manage.push(posix.dirname(posix.resolve(dir, script)));
      else if (serverOf(command.argv)) servers.push(serverDir(command, dir));
    }
  }
  return [...new Set([...servers, ...manage])];
}

/**
 * The working directory of the server the app service starts (where Django opens a relative SQLite NAME): the
 * WORKDIR as `cd` moves it, a supervisord program's `directory=`, the server's `--chdir`. Undefined when the start
 * chain names no server.
 */
export function serverDirectory(app: App): string | undefined {
  for (const { command, dir } of withDirectories(app, effectiveCommand(app)))
    if (serverOf(command.argv)) return serverDir(command, dir);
  return undefined;
}

/**
 * Each command of a start chain with the directory it runs in: the WORKDIR (or the service's `working_dir`) as the
 * chain's `cd`s move it, a supervisord program's `directory=`.
 */
export function withDirectories(
  app: App,
  chain: StartCommand[],
  service = app.compose?.appService,
): { command: StartCommand; dir: string }[] {
  const workdir = app.dockerfile?.targetStage?.workdir || '/';
  // Compose's `working_dir:` is where the service's process starts, whatever the image's WORKDIR.
  const workingDir = service?.workingDir;
  const dir = new WorkingDirectory(workingDir ? posix.resolve(workdir, workingDir) : workdir);
  // `cd ${PROJECT_NAME}`: a variable the container's environment sets, unless a start script assigns it itself.
  const assigned = new Set(
    app.entrypointScripts.flatMap((s) => (s.script.assignments ?? []).map((a) => a.name)),
  );
  const known = containerVariables(app.dockerfile?.targetStage?.env ?? {}, app.compose?.appService);
  const variable: BranchInputs['variable'] = (name) => (assigned.has(name) ? undefined : known(name));
  return chain.map((command) => {
    const after = dir.after(command, variable);
    // supervisord starts a program in its `directory=` (relative to supervisord's own), not where a script cd'd.
    const at = command.directory !== undefined ? posix.resolve(after, command.directory) : after;
    return { command, dir: at };
  });
}

function serverDir(command: StartCommand, dir: string): string {
  return posix.resolve(dir, chdirOf(programArgv(command.argv)) ?? '.');
}

/** gunicorn's and uwsgi's `--chdir DIR` (`--chdir=DIR`): where the server changes directory before it loads the app. */
function chdirOf(argv: string[]): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--chdir') return argv[i + 1];
    if (argv[i].startsWith('--chdir=')) return argv[i].slice('--chdir='.length);
  }
  return undefined;
}
