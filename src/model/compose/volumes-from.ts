/** The mount points a service gets through `volumes_from`: the other service's volumes and its image's VOLUMEs. Pure. */
import type { ComposeService } from '../types/compose.js';
import { builtImage } from './built-image.js';

/** Sets `inheritedVolumes` on every service that names others in `volumes_from` (one level, as compose resolves it). */
export function resolveVolumesFrom(services: ComposeService[], texts: Record<string, string>): void {
  for (const service of services) {
    const inherited: NonNullable<ComposeService['inheritedVolumes']> = [];
    for (const ref of service.volumesFrom ?? []) {
      const from = services.find((s) =>
        ref.service !== undefined ? s.name === ref.service : s.containerName?.value === ref.container,
      );
      if (!from || from === service) continue;
      const at = { file: ref.file, line: ref.line, from: from.name };
      for (const v of from.volumes) if (v.type !== 'tmpfs') inherited.push({ ...at, target: v.target });
      // A data-only image (`VOLUME /media /static`) gives its anonymous volumes to the services that name it.
      for (const v of builtImage(from, texts)?.stage.volumes ?? [])
        for (const path of v.paths) inherited.push({ ...at, target: path });
    }
    if (inherited.length > 0) service.inheritedVolumes = inherited;
  }
}
