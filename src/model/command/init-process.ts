/** The init process (tini, dumb-init) an app's container runs as PID 1, read from its entrypoint. Pure. */
import type { ComposeService } from '../types/compose.js';
import type { App } from '../types/project.js';
import { basename } from './servers.js';
import { containerVariables } from './start-chain.js';

/** The init an exec-form entrypoint runs as PID 1, and whether it sends SIGTERM to the whole process group. */
export interface InitProcess {
  name: 'tini' | 'dumb-init' | 'docker-init';
  signalsGroup: boolean;
  /** Set when only compose's start has it (`init: true`): the image run on its own has its command as PID 1. */
  composeOnly?: true;
}

/**
 * The init every start of the app runs as PID 1 (`ENTRYPOINT ["tini", "-g", "--", …]`, `dumb-init`), undefined when
 * one start has none; signalsGroup only when every start's init signals the group (`tini -g`, or
 * TINI_KILL_PROCESS_GROUP set; dumb-init unless `--single-child`).
 */
export function initProcess(app: App): InitProcess | undefined {
  const service = app.compose?.appService;
  const starts = service ? [undefined, service] : [undefined];
  const inits = starts.map((service) => initOf(app, service));
  // `init: true` on the compose service of an image with no init: compose's start, the one the repository runs
  const composed = service && initOf(app, service, true);
  if (composed && !inits[0]) return { name: composed.name, signalsGroup: false, composeOnly: true };
  if (inits.some((i) => i === undefined)) return undefined;
  const first = inits[0]!;
  return { name: first.name, signalsGroup: inits.every((i) => i!.signalsGroup) };
}

function initOf(app: App, service: ComposeService | undefined, dockerInit = false): InitProcess | undefined {
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
  // docker-init is tini, run without -g: it passes SIGTERM to its one child, the entrypoint or command
  if (dockerInit && service?.init) return { name: 'docker-init', signalsGroup: false };
  return undefined;
}

/** The init named as PID 1 in a message: `tini (PID 1)`, `docker-init (PID 1 under compose's init: true)`. */
export function initAsPid1(init: InitProcess): string {
  if (!init.composeOnly) return `${init.name} (PID 1)`;
  return `${init.name} (PID 1 ${init.name === 'docker-init' ? "under compose's init: true" : "in compose's start"})`;
}
