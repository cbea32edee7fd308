import type { EnvInstr } from '../../model/types/dockerfile.js';
import type { App } from '../../model/types/project.js';
import { interpolationDefault } from '../../model/compose/interpolation.js';
import { hasProductionWord, isDevelopmentComposeFile, isDevelopmentEnvFile } from './files.js';

/** A compose value that comes from interpolation defaults (`${DEBUG:-true}`): where it is written and what it reads. */
export interface InterpolationDefault {
  file: string;
  line: number;
  raw: string;
  variables: string;
}

/** A value given to a variable, where; `envFile` when a production compose file loads it from an env_file. */
export interface Provided {
  value: string;
  where: string;
  /** Who runs with the value: every container of the image, or those a compose file starts for a service. */
  reach: string;
  /** The image's own ENV value, which a compose value overrides: what remains when the compose line goes. */
  imageValue?: string;
  /** The line of the image's ENV that gives the value, when the image gives it. */
  imageLine?: number;
  byDefault?: InterpolationDefault;
  envFile?: { file: string; line: number; composeFile: string };
}

/**
 * The value the image's ENV (or a production compose file) gives a variable, unless a development file sets it; a
 * compose value interpolated from variables counts by its defaults, the value a container gets when none is set.
 */
export function providedValue(
  app: App,
  variable: string,
  composeFiles: readonly string[],
): Provided | undefined {
  const service = app.compose?.appService;
  const entry = service?.environment.find((e) => e.name === variable);
  if (entry) {
    if (entry.value === undefined) return undefined;
    // An env_file value counts as the compose file that loads it: production unless that file is for development.
    const composeFile =
      entry.source === 'env_file' ? service?.envFiles.find((f) => f.path === entry.file)?.file : entry.file;
    if (composeFile === undefined || isDevelopmentComposeFile(composeFile, composeFiles)) return undefined;
    const where = `${entry.file} (line ${entry.line})`;
    const reach = `every container ${composeFile} starts for the service '${service!.name}'`;
    const imageValue = app.dockerfile?.targetStage?.env[variable];
    const image = imageValue === undefined ? {} : { imageValue };
    if (entry.source === 'env_file')
      return isProductionEnvFile(entry.file, composeFile, composeFiles)
        ? {
            value: entry.value,
            where,
            reach,
            ...image,
            envFile: { file: entry.file, line: entry.line, composeFile },
          }
        : undefined;
    if (!entry.interpolated) return { value: entry.value, where, reach, ...image };
    const raw = entry.raw ?? entry.value;
    const unset = interpolationDefault(raw);
    if (!unset) return undefined; // a variable without a default: the value is the deployer's
    const variables = unset.variables.join(', ');
    return {
      value: unset.value,
      where,
      reach,
      ...image,
      byDefault: { file: entry.file, line: entry.line, raw, variables },
    };
  }
  const df = app.dockerfile;
  const value = df?.targetStage?.env[variable];
  if (!df || value === undefined) return undefined;
  const imageLine = imageEnvLine(app, variable);
  return {
    value,
    where: `the ENV of ${df.file}`,
    reach: 'every container of this image',
    ...(imageLine ? { imageLine } : {}),
  };
}

/** The line of the target stage's last ENV that sets `variable`. */
export function imageEnvLine(app: App, variable: string): number | undefined {
  return app.dockerfile?.targetStage?.instructions
    .filter((i): i is EnvInstr => i.keyword === 'ENV')
    .flatMap((i) => i.pairs)
    .filter((p) => p.name === variable)
    .at(-1)?.line;
}

/**
 * An env_file is production's when neither its name nor its directory is for development (`.env.dev`,
 * `docker/dev/env/.env`) and the compose file loading it is the production one: named so, or any non-development
 * file when none is named for production.
 */
function isProductionEnvFile(envFile: string, composeFile: string, composeFiles: readonly string[]): boolean {
  if (isDevelopmentEnvFile(envFile)) return false;
  return hasProductionWord(composeFile) || !composeFiles.some((f) => hasProductionWord(f));
}
