/** runit: the services runsvdir (started alone, or by phusion's /sbin/my_init) supervises from /etc/service. */
import { posix } from 'node:path';
import { joinPath } from '../discover/classify.js';
import type { ImageLayout } from './context.js';
import type { App, SupervisorProgram } from './types/project.js';

/**
 * `runsvdir [-P] DIR`, or phusion's `/sbin/my_init` (which starts `runsvdir -P /etc/service`): the service directory it
 * supervises and the init's name for messages; undefined for any other command.
 */
export function runitRun(argv: string[]): { serviceDir: string; init: string } | undefined {
  const words = argv[0] === 'exec' ? argv.slice(1) : argv;
  const program = posix.basename(words[0] ?? '');
  if (program === 'my_init') return { serviceDir: '/etc/service', init: 'my_init' };
  if (program !== 'runsvdir') return undefined;
  const dir = words.slice(1).find((w) => !w.startsWith('-'));
  return dir && dir.startsWith('/') && !dir.includes('$') ? { serviceDir: dir, init: 'runsvdir' } : undefined;
}

/** The services of `serviceDir` whose `run` script the image takes from the context, each a program run as written. */
export function runitServices(
  app: App,
  layout: ImageLayout,
  texts: Record<string, string>,
  serviceDir: string,
): SupervisorProgram[] {
  const stage = app.dockerfile?.targetStage;
  const context = app.context;
  if (!stage || !context) return [];
  const out: SupervisorProgram[] = [];
  for (const f of context.sentFiles) {
    for (const landing of layout.landings(stage, f)) {
      const m = new RegExp(`^${serviceDir.replace(/\/+$/, '')}/([^/]+)/run$`).exec(landing.path);
      const file = joinPath(context.dir, f);
      if (!m || !(file in texts) || out.some((p) => p.name === m[1])) continue;
      out.push({ file, line: 1, name: m[1]!, command: landing.path, argv: [landing.path], runit: true });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
