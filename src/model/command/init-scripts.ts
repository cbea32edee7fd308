/**
 * Services started through their init script: `service NAME start`, `/etc/init.d/NAME start`, `invoke-rc.d NAME
 * start`, `rc-service NAME start` (OpenRC).
 */
import { basename, programArgv } from './servers.js';

/**
 * The service a command starts (or restarts) through its init script, which forks the daemon and returns: `service
 * mysql start`, `/etc/init.d/mysql restart`, behind a launcher (`sudo`, `nohup`); undefined for any other command.
 */
export function initScriptService(argv: string[]): string | undefined {
  const a = programArgv(argv);
  if (SERVICE_TOOLS.has(a[0] ?? ''))
    return a[1] && ['start', 'restart'].includes(a[2] ?? '') ? a[1] : undefined;
  // programArgv keeps the program's base name: the init script is known by its path, as written.
  const written = argv[argv.length - a.length];
  const path = written !== undefined && basename(written) === a[0] ? written : a[0];
  const initd = /^\/etc\/(?:rc\.d\/)?init\.d\/([\w.-]+)$/.exec(path ?? '');
  return initd && ['start', 'restart'].includes(a[1] ?? '') ? initd[1] : undefined;
}

/** The programs that start a service by its name. */
const SERVICE_TOOLS = new Set(['service', 'invoke-rc.d', 'rc-service']);
