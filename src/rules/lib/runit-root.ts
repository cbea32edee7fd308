/** TF1301's words for an image started by runit (phusion's my_init, or runsvdir), which needs root to run its services. */
import { programArgv, reverseProxyOf, serverOf, startCommands } from '../../model/command.js';
import { runitRun } from '../../model/runit-services.js';
import type { App } from '../../model/types/project.js';

interface At {
  file: string;
  line: number;
}

/**
 * The message for a stage without USER whose start is runit's services: the init stays root, the app's service
 * drops (or is told how to); undefined when runit starts none of the repository's services.
 */
export function runitRootMessage(
  app: App,
  head: string,
  drop: (At & { tool: string; user?: string }) | undefined,
  createUser: string,
): string | undefined {
  if (!app.supervisorPrograms?.some((p) => p.runit)) return undefined;
  const commands = startCommands(app);
  const init = commands.find((c) => runitRun(programArgv(c.argv)));
  const run = init && runitRun(programArgv(init.argv));
  const name = run?.init ?? 'runsvdir';
  const at = init ? ` (${init.file}:${init.line})` : '';
  const start = `${head}, so the container starts as root: ${name}${at} starts runit, which runs each service of ${run?.serviceDir ?? '/etc/service'} as root unless its run script drops root itself, and needs root to supervise them, so a USER line would keep the services from starting`;
  if (drop)
    return `${start}. The app itself already runs as ${drop.user ?? 'another user'} (${drop.tool} at ${drop.file}:${drop.line}). Keep this layout knowingly and suppress TF1301 with the reason.`;
  const server = commands.find((c) => c.origin === 'script' && serverOf(c.argv) && !reverseProxyOf(c.argv));
  const where = server ? ` in its run script (${server.file}:${server.line})` : ' in its run script';
  const setuser = name === 'my_init' ? ` (or phusion's exec setuser app …)` : '';
  return `${start}. Keep ${name} as root and drop root for the app's service alone: create the user at build time (RUN ${createUser}) and start the service with exec chpst -u app …${setuser}${where}.`;
}
