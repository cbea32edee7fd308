/**
 * TF1301's words where the start runs a system service's init script (`/etc/init.d/mysql start`, `service cron
 * start`): such a script expects root, so a USER line makes it fail, and what the start chains after it with it.
 */
import { containerEnv, initScriptService, serverOf } from '../../model/command.js';
import type { StartCommand } from '../../model/command/start-chain.js';
import type { App } from '../../model/types/project.js';
import { appStarts } from './privilege-drops.js';

/** A system service the start runs through its init script, with the command and where. */
export interface ServiceStart {
  name: string;
  command: string;
  file: string;
  line: number;
}

/**
 * The first system service the app's start runs through its init script: `service NAME start|restart`,
 * `/etc/init.d/NAME start|restart`, `invoke-rc.d NAME start`, `rc-service NAME start`. A reverse proxy started that
 * way has its own words (proxy-root).
 */
export function systemServiceStart(app: App): ServiceStart | undefined {
  for (const c of appStarts(app)) {
    if (c.asUser || c.origin === 'supervisor') continue;
    const name = initScriptService(c.argv);
    if (name) return { name, command: c.argv.join(' '), file: c.file, line: c.line };
  }
  return undefined;
}

/** `set -e`, `set -euo pipefail`, `set -o errexit`: a failing command ends the script. */
function setsErrexit(argv: string[]): boolean {
  if (argv[0] !== 'set') return false;
  return argv.some((w, i) => /^-[a-z]*e[a-z]*$/.test(w) || (w === '-o' && argv[i + 1] === 'errexit'));
}

/**
 * What the start does when the init script fails: `&&` skips what is chained after it (the server too, when it is
 * in that list), `set -e` ends the script, or the script goes on without the service.
 */
function afterFailure(app: App, service: ServiceStart): string {
  const env = containerEnv(app);
  const script = appStarts(app).filter((c) => c.file === service.file && c.origin === 'script');
  const i = script.findIndex((c) => c.line === service.line && initScriptService(c.argv));
  const next = script[i + 1];
  if (i < 0 || !next) return `the start goes on without ${service.name}`;
  if (next.after === '&&') {
    // The list goes on through `&&` and through a pipe on the same line (`echo … | mysql`, which has no `after`).
    let j = i + 1;
    const inList = (c: StartCommand, prev: StartCommand) =>
      c.after === '&&' || (c.after === undefined && c.line === prev.line && !prev.background);
    while (script[j + 1] && inList(script[j + 1]!, script[j]!)) j++;
    const server = script.slice(i + 1, j + 1).find((c) => serverOf(c.argv, env));
    return server
      ? `the && after it skips the rest of that list, ${serverOf(server.argv, env)!.kind} at line ${server.line} included, so the app never starts`
      : 'the && after it skips the commands chained after it';
  }
  if (next.after === '||') return `the || after it runs line ${next.line} instead`;
  if (script.slice(0, i).some((c) => setsErrexit(c.argv)))
    return 'set -e ends the script there, so the app never starts';
  return `the start goes on without ${service.name}`;
}

/** The words that say why a USER line alone would break the start, and what to do first. */
export function systemServiceNote(app: App, service: ServiceStart): string {
  return `${service.file}:${service.line} starts the system service ${service.name} through its init script (${service.command}), which expects root: it creates the service's run directory, writes its pid file under /run and hands the daemon to the service's own user. Under a USER line it fails, and ${afterFailure(app, service)}. Move ${service.name} into its own container (its own compose service) before you add the USER.`;
}
