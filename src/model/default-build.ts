/**
 * A build of a Dockerfile with its own ARG defaults (a plain `docker build`, a CI job pushing the image) beside the
 * one compose makes with its build args: what the former installs that the latter does not.
 */
import { modelDockerfile } from './dockerfile.js';
import type { ArgInstr, DockerfileModel } from './types/dockerfile.js';
import type { DefaultBuild, RequirementsFile } from './types/project.js';

/** The build args compose gives over a default the Dockerfile declares for the stages it builds, once per name. */
export function overriddenArgs(model: DockerfileModel): DefaultBuild['args'] {
  const args = [
    ...model.globalArgs,
    ...model.builtStages.flatMap((s) => s.instructions.filter((i): i is ArgInstr => i.keyword === 'ARG')),
  ];
  const out: DefaultBuild['args'] = [];
  for (const a of args) {
    if (a.default === undefined || a.value === undefined || a.value === a.default) continue;
    if (!out.some((o) => o.name === a.name)) out.push({ name: a.name, default: a.default, given: a.value });
  }
  return out;
}

/**
 * The requirement files a build with the Dockerfile's defaults installs that compose's build does not, when compose
 * gives a build arg over a default; `requirementsOf` reads them from a Dockerfile model as for the app's own image.
 */
export function defaultBuild(
  model: DockerfileModel,
  text: string,
  target: string | undefined,
  installed: RequirementsFile[],
  requirementsOf: (model: DockerfileModel) => RequirementsFile[],
): DefaultBuild | undefined {
  const args = overriddenArgs(model);
  if (args.length === 0) return undefined;
  const plain = modelDockerfile(model.file, text, { target }).model;
  if (!plain) return undefined;
  const requirements = requirementsOf(plain).filter((r) => !installed.some((i) => i.file === r.file));
  return requirements.length > 0 ? { requirements, args } : undefined;
}

/**
 * The target stage's ENV a build with the Dockerfile's own ARG defaults makes, when compose gives a build arg over a
 * default (`ARG DJANGO_SETTINGS_MODULE=site.settings.production` given `site.settings.development`).
 */
export function defaultBuildEnv(
  model: DockerfileModel,
  text: string,
): Record<string, string | undefined> | undefined {
  if (overriddenArgs(model).length === 0) return undefined;
  const target = model.targetStage?.name;
  return modelDockerfile(model.file, text, target === undefined ? {} : { target }).model?.targetStage?.env;
}
