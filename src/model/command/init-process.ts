/** The init process (tini, dumb-init) an app's container runs as PID 1, read from its entrypoint. Pure. */
import type { ComposeService } from '../types/compose.js';
import type { App } from '../types/project.js';
import { basename } from './servers.js';
import { containerVariables } from './start-chain.js';

/** The init an exec-form entrypoint runs as PID 1, and whether it sends SIGTERM to the whole process group. */
export interface InitProcess {
  name: 'tini' | 'dumb-init';
  signalsGroup: boolean;
}

/**
 * The init every start of the app runs as PID 1 (`ENTRYPOINT ["tini", "-g", "--", …]`, `dumb-init`), undefined when
 * one start has none; signalsGroup only when every start's init signals the group (`tini -g`, or
 * TINI_KILL_PROCESS_GROUP set; dumb-init unless `--single-child`).
 */
export function initProcess(app: App): InitProcess | undefined {
  const starts = app.compose?.appService ? [undefined, app.compose.appService] : [undefined];
  const inits = starts.map((service) => initOf(app, service));
  if (inits.some((i) => i === undefined)) return undefined;
  const first = inits[0]!;
  return { name: first.name, signalsGroup: inits.every((i) => i!.signalsGroup) };
}

function initOf(app: App, service: ComposeService | undefined): InitProcess | undefined {
  const argv = service?.entrypoint ? service.entrypoint.argv : app.dockerfile?.targetStage?.entrypoint?.argv;
  const program = basename(argv?.[0] ?? '');
  const options = (argv ?? []).slice(1);
  const stop = options.indexOf('--');
  const flags = (stop < 0 ? options : options.slice(0, stop)).filter((w) => w.startsWith('-'));
  if (program === 'tini' || program === 'docker-init') {
    const value = containerVariables(
      app.dockerfile?.targetStage?.env ?? {},
      service,
    )('TINI_KILL_PROCESS_GROUP');
    const grouped = flags.some((f) => /^-[a-zA-Z]*g/.test(f)) || (typeof value === 'string' && value !== '');
    return { name: 'tini', signalsGroup: grouped };
  }
  if (program === 'dumb-init')
    return { name: 'dumb-init', signalsGroup: !flags.some((f) => f === '-c' || f === '--single-child') };
  return undefined;
}
