import type { ComposeVolumeMount } from '../../model/types/compose.js';
import type { App, Project } from '../../model/types/project.js';
import { isDevelopmentComposeFile } from './files.js';
import { imageCodeDir } from './paths.js';

/** Another image of the app's Django project that holds its code, and the compose file that runs it. */
export interface BuiltRelease {
  dockerfile: string;
  /** Where that image holds the code. */
  codeDir: string;
  composeFile: string;
}

/**
 * The image of the same Django project (same manage.py) that another Dockerfile builds with the code in it
 * (`Dockerfile-prod` with `COPY . /backend`), run by a compose file that is not the mount's and not one named for
 * development: where the built release runs when the development image leaves the code to a mount.
 */
export function builtReleaseElsewhere(
  project: Project,
  app: App,
  mount: ComposeVolumeMount,
  composeFiles: readonly string[],
): BuiltRelease | undefined {
  if (!app.managePy) return undefined;
  for (const other of project.apps) {
    const dockerfile = other.dockerfile?.file;
    if (
      other === app ||
      other.managePy !== app.managePy ||
      !dockerfile ||
      dockerfile === app.dockerfile?.file
    )
      continue;
    if (other.imageHoldsPython === false || !other.compose || other.compose.files.includes(mount.file))
      continue;
    const codeDir = imageCodeDir(other);
    const composeFile = other.compose.files.find(
      (f) => !isDevelopmentComposeFile(f, composeFiles, other.compose!.files),
    );
    if (codeDir && composeFile) return { dockerfile, codeDir, composeFile };
  }
  return undefined;
}
