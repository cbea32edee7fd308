/** One finding per compose line shared by several services of the app's image (`<<: *app`), naming them all. */
import type { RawFinding } from '../../core/index.js';
import type { Project } from '../../model/types/project.js';
import type { ComposeService } from '../../model/types/compose.js';
import type { App } from '../../model/types/project.js';
import { appImageServices } from './each.js';

/** A line of a service of the app's image that a rule reports, with the message written for the services named. */
export interface ServiceHit {
  file: string;
  line: number;
  /** The message, given `who` ("Service 'web'" or "Services 'web', 'celery'") and whether that is plural. */
  message: (who: string, plural: boolean) => string;
}

/**
 * Runs `hitsOf` on every service of every app's image and reports each line once, naming every service that shares it.
 */
export function perServiceLine(
  project: Project,
  hitsOf: (app: App, service: ComposeService) => ServiceHit[],
): RawFinding[] {
  const byLine = new Map<string, { hit: ServiceHit; services: string[] }>();
  for (const { app, service } of appImageServices(project)) {
    for (const hit of hitsOf(app, service)) {
      const key = `${hit.file}\0${hit.line}`;
      const seen = byLine.get(key);
      if (!seen) byLine.set(key, { hit, services: [service.name] });
      else if (!seen.services.includes(service.name)) seen.services.push(service.name);
    }
  }
  return [...byLine.values()].map(({ hit, services }) => {
    const plural = services.length > 1;
    const who = `${plural ? 'Services' : 'Service'} ${services.map((n) => `'${n}'`).join(', ')}`;
    return { file: hit.file, line: hit.line, message: hit.message(who, plural) };
  });
}
