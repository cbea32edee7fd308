/** What runs after an admin command in a start chain, and where the files it writes land. Pure. */
import { posix } from 'node:path';
import {
  djangoCommand,
  isKeepAliveCommand,
  longRunningProcess,
  programArgv,
  serverOf,
} from '../../model/command.js';
import type { ComposeService, ComposeVolumeMount } from '../../model/types/compose.js';
import type { App } from '../../model/types/project.js';
import type { ShellCommand } from '../../model/types/shell.js';
import { coversPath, imageCodeDir } from './paths.js';

/**
 * A server, or what an entrypoint hands on to (`exec "$@"`, `exec something`); not a keep-alive (`exec tail -f
 * /dev/null`), which serves nothing. Apache in the foreground is one: with mod_wsgi it runs the app in its workers.
 */
export function startsServer(argv: string[], viaExec: boolean): boolean {
  const process = longRunningProcess(argv);
  return (
    serverOf(argv) !== undefined ||
    process === 'apache2' ||
    process === 'httpd' ||
    argv[0] === '$@' ||
    (viaExec && argv.length > 0 && djangoCommand(argv) === undefined && !isKeepAliveCommand(argv))
  );
}

/** Shell steps that end by themselves: a chain of only these after an admin command is a one-off job. */
const ENDING_STEPS = new Set([
  ...['echo', 'printf', 'cd', 'set', 'export', 'true', ':', '[', 'test', 'chmod', 'chown'],
  ...['mkdir', 'cp', 'mv', 'rm', 'ln', 'touch'],
]);

/**
 * Whether the commands after an admin command all end by themselves (other management commands, shell steps): the
 * container is a one-off job (a `setup` service), not a server's start. False for anything not known to end.
 */
export function endsAfter(rest: ShellCommand[]): boolean {
  return rest.every((c) => {
    if (c.background || c.argv[0] === '$@') return false;
    if (djangoCommand(c.argv)) return longRunningProcess(c.argv) === undefined;
    const a = programArgv(c.argv);
    return ENDING_STEPS.has(a[0] ?? '') || (a[0] === 'sleep' && /^\d+[smh]?$/.test(a[1] ?? ''));
  });
}

/**
 * The writable bind mount of `service` that puts a host directory holding the Django project over the directory the
 * container runs manage.py in (`.:/app`, `./backend:/backend`): what management commands write there lands on the
 * host. Undefined when the service mounts no such directory (files written there stay in the container).
 */
export function projectMount(app: App, service: ComposeService | undefined): ComposeVolumeMount | undefined {
  if (!service || !app.managePy) return undefined;
  const projectDir = posix.dirname(app.managePy);
  const workdir = app.dockerfile?.targetStage?.workdir;
  const codeDir = imageCodeDir(app) ?? (workdir !== '/' ? workdir : undefined);
  return service.volumes.find(
    (v) =>
      v.type === 'bind' &&
      !v.readOnly &&
      v.source !== undefined &&
      !v.source.startsWith('/') &&
      !v.source.startsWith('~') &&
      coversPath(v.source, projectDir) &&
      (codeDir === undefined || coversPath(v.target, codeDir)),
  );
}

/**
 * The named volume of `service` mounted over the directory the container runs manage.py in (`api_data:/docker_api`):
 * what management commands write there stays in the volume, past the container. Undefined when there is none.
 */
export function projectVolume(app: App, service: ComposeService | undefined): ComposeVolumeMount | undefined {
  if (!service || !app.managePy) return undefined;
  const workdir = app.dockerfile?.targetStage?.workdir;
  const codeDir = imageCodeDir(app) ?? (workdir !== '/' ? workdir : undefined);
  if (codeDir === undefined) return undefined;
  return service.volumes.find(
    (v) => v.type === 'volume' && !v.readOnly && v.source !== undefined && coversPath(v.target, codeDir),
  );
}

/**
 * Who runs a start command in a message, and when: an s6-overlay service by its name (a oneshot runs once at every
 * container start, before the longruns), since /init, not a start command of the repository, starts it; else `who`.
 */
export function startRunner(
  app: App,
  command: { program?: string },
  who: string,
): { who: string; oneshot?: true } {
  const service = command.program
    ? app.supervisorPrograms?.find((p) => p.s6 && p.name === command.program)
    : undefined;
  if (!service) return { who };
  return service.s6 === 'oneshot'
    ? { who: `The s6-overlay oneshot service '${service.name}'`, oneshot: true }
    : { who: `The s6-overlay service '${service.name}'` };
}
