/** TF1301's words for an image whose entrypoint is s6-overlay's /init, which needs root to start its services. */
import { reverseProxyOf, serverOf, startCommands } from '../../model/command.js';
import { s6Init } from '../../model/s6-services.js';
import type { DockerfileModel, Stage } from '../../model/types/dockerfile.js';
import type { App } from '../../model/types/project.js';

interface At {
  file: string;
  line: number;
}

/**
 * The message for a stage without USER whose start is s6-overlay's services: /init stays root, the app's service
 * drops (or is told how to); undefined when /init starts none of the repository's services.
 */
export function s6RootMessage(
  app: App,
  df: DockerfileModel,
  stage: Stage,
  head: string,
  drop: (At & { tool: string; user?: string }) | undefined,
  proxy: (At & { name: string }) | undefined,
): string | undefined {
  const init = s6Init(df, stage);
  if (!init || !app.supervisorPrograms?.some((p) => p.s6)) return undefined;
  const start = init.base
    ? `${head}, so the container starts as root: its entrypoint is s6-overlay's /init, from the base image ${init.base}, whose own init services need root (they map the user abc to PUID/PGID and fix permissions), so a USER line would keep the container from starting`
    : `${head}, so the container starts as root: its entrypoint is s6-overlay's /init (${init.file}:${init.line}), which starts every service as root unless it drops itself; under a USER line, each service and /init's own set-up must work as that user`;
  const others = [
    ...(proxy ? [`${proxy.name} (${proxy.file}:${proxy.line})`] : []),
    ...(app.supervisorPrograms.some((p) => p.s6 === 'oneshot') ? ['the oneshot services'] : []),
  ];
  const rest = others.length > 0 ? `; ${others.join(' and ')} run as root` : '';
  const split = proxy ? `, or move ${proxy.name} into its own container (its own compose service)` : '';
  if (drop)
    return `${start}. The app itself already runs as ${drop.user ?? 'another user'} (${drop.tool} at ${drop.file}:${drop.line})${rest}. Keep this layout knowingly and suppress TF1301 with the reason${split}.`;
  const server = startCommands(app).find(
    (c) => c.origin === 'script' && serverOf(c.argv) && !reverseProxyOf(c.argv),
  );
  // linuxserver.io's images create the user abc, which their /init maps to PUID/PGID
  const user = init.base ? 'abc' : 'app';
  const where = server ? ` in its run script (${server.file}:${server.line})` : ' in its run script';
  return `${start}. Keep /init as root and drop root for the app's service alone: start it with exec s6-setuidgid ${user} …${where}${split}.`;
}
