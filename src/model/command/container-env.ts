/** The environment the app container starts with: the image's ENV, then a compose service's `environment`. */
import type { ComposeService } from '../types/compose.js';
import type { App } from '../types/project.js';
import { expandWord, type BranchInputs } from './branches.js';

/** The environment the app container starts with, as far as the repository says: image ENV, then compose environment. */
export function containerEnv(app: App): Record<string, string | undefined> {
  return startEnvironment(app.dockerfile?.targetStage?.env ?? {}, app.compose?.appService);
}

/**
 * The image's ENV with a compose service's `environment` over it (the last entry of a name wins), values as compose
 * interpolates them; undefined for a name set without a value. What containerEnv and containerVariables both read.
 */
function startEnvironment(
  image: Record<string, string | undefined>,
  service: ComposeService | undefined,
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...image };
  for (const e of service?.environment ?? []) env[e.name] = e.value;
  return env;
}

/**
 * The value a variable has when the container starts: compose `environment` (a literal value), else the image's
 * ENV, else unset (null); unknown (undefined) when it may come from an env_file, the host, or interpolation.
 */
export function containerVariables(
  image: Record<string, string | undefined>,
  service: ComposeService | undefined,
): BranchInputs['variable'] {
  const env = startEnvironment(image, service);
  return (name) => {
    // Known only when written in compose's `environment` as a literal: an env_file or interpolation may differ here.
    const set = (service?.environment ?? []).filter((e) => e.name === name).at(-1);
    if (set) return set.source === 'environment' && !set.interpolated ? env[name] : undefined;
    if (service && service.envFiles.length > 0) return undefined;
    if (!(name in env)) return null;
    const value = env[name];
    return value === undefined || value.includes('$') ? undefined : value;
  };
}

/**
 * A start word with the variables the image sets expanded (`$APP_HOME/bin/start` with `ENV APP_HOME=/srv/app`), to
 * find the file it names; compose's literal `environment` over the image's ENV. An env_file is taken not to move such
 * a path: the image's WORKDIR and COPY were laid out with the ENV value. Undefined when a variable is not known.
 */
export function startPath(
  word: string,
  image: Record<string, string | undefined>,
  service: ComposeService | undefined,
): string | undefined {
  if (!word.includes('$')) return word;
  const env = startEnvironment(image, service);
  const variable = (name: string) => {
    const set = (service?.environment ?? []).filter((e) => e.name === name).at(-1);
    if (set && (set.source !== 'environment' || set.interpolated)) return undefined;
    const value = env[name];
    return value === undefined || value.includes('$') ? undefined : value;
  };
  return expandWord(word, { variable });
}
