/** How an app seed meets the compose projects of its repository: which run it, which could not be parsed, what they mount. */
import { dirName, isUnder, normalizeRelative } from '../discover/classify.js';
import type { AppSeed } from './app-seeds.js';
import type { ComposeSet } from './compose-projects.js';
import { buildsDockerfile } from './compose/app-service.js';
import type { ComposeModel } from './types/compose.js';

/** Whether a compose project runs the seed's app: it has an app service, or a service builds the seed's image. */
export function runsApp(model: ComposeModel, seed: AppSeed): boolean {
  if (model.appService) return true;
  const { dockerfile, contextDir } = seed;
  // A monitoring (prometheus, grafana) or proxy (nginx, certbot) project runs no service of the app.
  return (
    !!dockerfile && !!contextDir && model.services.some((s) => buildsDockerfile(s, dockerfile, contextDir))
  );
}

/**
 * Compose files that could not be parsed go to the apps of their directory, else to the one app below it: they may
 * run that app's image. Not to an app judged with a compose project that parsed: an unparseable variant beside it
 * (docker-compose.debug.yml) is another deployment, which Compose refuses to run, and changes nothing of that one.
 */
export function attachUnparsed(seeds: AppSeed[], composeSets: ComposeSet[]): void {
  const dirsOf = (seed: AppSeed) =>
    [seed.managePy, seed.dockerfile].flatMap((f) => (f ? [dirName(f)] : [])).concat(seed.contextDir ?? []);
  const open = seeds.filter((seed) => !seed.compose?.model);
  for (const set of composeSets) {
    if (set.model || !set.unparsed) continue;
    let takers = open.filter((seed) => dirsOf(seed).includes(set.dir));
    if (takers.length === 0) {
      const below = seeds.filter((seed) => dirsOf(seed).some((d) => isUnder(d, set.dir)));
      takers = below.length === 1 ? below.filter((seed) => open.includes(seed)) : [];
    }
    for (const seed of takers) seed.unparsedCompose = [...(seed.unparsedCompose ?? []), ...set.unparsed];
  }
}

/** The Django project the compose app service bind-mounts into its container (`./src:/src`) when its image has none. */
export function mountedProject(set: ComposeSet, managePys: string[]): string | undefined {
  const binds = (set.model?.appService?.volumes ?? []).filter(
    (v) => v.type === 'bind' && v.source && !v.source.startsWith('/') && !v.source.startsWith('~'),
  );
  return managePys.find((m) => binds.some((v) => isUnder(dirName(m), normalizeRelative(v.source!) ?? '..')));
}
