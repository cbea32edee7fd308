/** A server's unix socket in a named volume it shares with a proxy: a directory the user must own before USER. */
import { posix } from 'node:path';
import { basename, programArgv, reverseProxyOf, serverOf, unixSocketsOnly } from '../../model/command.js';
import type { DockerfileModel, RunInstr, Stage } from '../../model/types/dockerfile.js';
import type { App } from '../../model/types/project.js';
import { gunicornConfigArg } from '../../model/server-config.js';
import { lineage } from '../../model/dockerfile/lineage.js';
import { appStarts } from './privilege-drops.js';

export interface SocketVolume {
  /** The directory of the socket, where the named volume is mounted. */
  dir: string;
  socket: string;
  /** Where the socket is named: the command's line, or the `bind` line of its configuration file. */
  at: string;
  server: string;
  volume: string;
  /** The volume's line in the compose file. */
  volumeAt: string;
}

/**
 * The unix socket the app's server binds in a directory a named volume of its service is mounted at, where no RUN of
 * the image chowns that directory: a volume Docker creates takes the ownership of the image's directory there (root's,
 * or none), so a server started as another user cannot create its socket in it.
 */
export function socketInNamedVolume(app: App, df: DockerfileModel, stage: Stage): SocketVolume | undefined {
  const service = app.compose?.appService;
  const server = appStarts(app).find((c) => serverOf(c.argv) && !reverseProxyOf(c.argv));
  if (!service || !server) return undefined;
  const kind = serverOf(server.argv)!.kind;
  let sockets = unixSocketsOnly(server.argv)?.map((s) => ({
    socket: s,
    at: `${server.file}:${server.line}`,
  }));
  const config = gunicornConfigArg(programArgv(server.argv));
  if (
    !sockets &&
    config !== undefined &&
    !programArgv(server.argv).some((w) => /^(-b|--bind)(=|$)/.test(w))
  ) {
    const file = (app.serverConfigs ?? []).find(
      (c) => c.server === 'gunicorn' && c.file.endsWith(basename(config)),
    );
    const binds = file?.listens ?? [];
    if (binds.length > 0 && binds.every((b) => b.value.startsWith('unix:')))
      sockets = binds.map((b) => ({ socket: b.value, at: `${file!.file}:${b.line}` }));
  }
  const cwd = service.workingDir ?? stage.workdir;
  for (const s of sockets ?? []) {
    const path = s.socket.replace(/^unix:/, '').replace(/\$PWD|\$\{PWD\}/, cwd);
    if (!path.startsWith('/')) continue;
    const dir = posix.dirname(path);
    const volume = service.volumes.find(
      (v) => v.type === 'volume' && v.source && posix.normalize(v.target).replace(/(.)\/+$/, '$1') === dir,
    );
    if (!volume || chowned(df, stage, dir)) continue;
    return {
      dir,
      socket: `unix:${path}`,
      at: s.at,
      server: kind,
      volume: volume.source!,
      volumeAt: `${volume.file}:${volume.line}`,
    };
  }
  return undefined;
}

function chowned(df: DockerfileModel, stage: Stage, dir: string): boolean {
  return lineage(df, stage)
    .flatMap((s) => s.instructions)
    .filter((i): i is RunInstr => i.keyword === 'RUN')
    .flatMap((r) => r.script?.commands ?? [])
    .filter((c) => basename(c.argv[0] ?? '') === 'chown')
    .some((c) => c.argv.slice(1).some((w) => dir === w || dir.startsWith(`${w.replace(/\/+$/, '')}/`)));
}

/** What to do about it before switching to `user`. */
export function socketVolumeAdvice(found: SocketVolume, user: string): string {
  return `Before that, give ${user} the socket's directory: ${found.server} binds ${found.socket} (${found.at}), in the named volume '${found.volume}' mounted at ${found.dir} (${found.volumeAt}), which Docker creates owned as the image's ${found.dir} is, root's here, so ${found.server} started as ${user} could not create its socket. Create the directory in the image and give it to ${user} before the USER line: RUN mkdir -p ${found.dir} && chown ${user} ${found.dir} (an existing volume keeps its owner: remove it once, or chown it in place).`;
}
