/** Which compose services run an image this repository builds, and what its Dockerfile declares. No I/O. */
import { builtImage, imageBuiltFrom } from './built-image.js';
import { type BuiltImage, builtImageOf } from '../image-app.js';
import type { ComposeModel } from '../types/compose.js';

/**
 * Sets `builtHere` on each service whose image the repository builds: by its own `build:`, or by a script under the
 * name it runs (`built`, the repository's named builds).
 */
export function markServiceBuilds(
  models: ComposeModel[],
  built: BuiltImage[],
  texts: Record<string, string>,
): void {
  for (const service of models.flatMap((m) => m.services)) {
    if (service.builtHere) continue;
    const named = service.build ? undefined : builtImageOf(service, built);
    const image = service.build
      ? builtImage(service, texts)
      : named && imageBuiltFrom(named.dockerfile, named.contextDir, texts);
    if (!image) continue;
    const healthcheck = image.stage.healthcheck;
    // A database image a script builds runs its Dockerfile's base (`FROM postgres:17`), whatever its own name says.
    if (named && !service.builtFrom && image.base && service.role !== 'app' && service.role !== 'other') {
      const pgdata = image.stage.env.PGDATA;
      service.builtFrom = {
        repository: image.base,
        ...(image.baseTag ? { tag: image.baseTag } : {}),
        ...(pgdata ? { pgdata } : {}),
        ...(image.stage.workdir ? { workdir: image.stage.workdir } : {}),
      };
    }
    service.builtHere = {
      dockerfile: image.dockerfile,
      ...(named?.script ? { script: named.script } : {}),
      healthcheck: healthcheck !== undefined && !healthcheck.none,
    };
  }
}
