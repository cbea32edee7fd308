import type { Stage } from '../../model/types/dockerfile.js';
import type { App } from '../../model/types/project.js';

/**
 * The images of this repository the app's image is built on (`FROM me/django-base:alpine`, built from
 * alpine.dockerfile here), nearest first: what a target stage leaves unset (USER, EXPOSE, HEALTHCHECK, CMD) comes
 * from them.
 */
export function repositoryBases(app: App): { image: string; app: App; stage: Stage }[] {
  const out: { image: string; app: App; stage: Stage }[] = [];
  for (let a: App | undefined = app; a?.baseImage && out.length < 4; a = a.baseImage.app) {
    const stage = a.baseImage.app.dockerfile?.targetStage;
    if (!stage || out.some((b) => b.app === a!.baseImage!.app)) break;
    out.push({ image: a.baseImage.image, app: a.baseImage.app, stage });
  }
  return out;
}

/** The nearest base image of the repository that sets what `pick` reads, with that value. */
export function inherited<T>(
  app: App,
  pick: (stage: Stage) => T | undefined,
): { image: string; app: App; value: T } | undefined {
  for (const base of repositoryBases(app)) {
    const value = pick(base.stage);
    if (value !== undefined) return { image: base.image, app: base.app, value };
  }
  return undefined;
}

/**
 * The app whose start command the container runs: the app's own, unless neither its target stage nor its compose
 * service names one and a base image of the repository does (`CMD ["django-entrypoint.sh"]` there).
 */
export function startingApp(app: App): App {
  const stage = app.dockerfile?.targetStage;
  const service = app.compose?.appService;
  if (!stage || stage.cmd || stage.entrypoint || service?.command || service?.entrypoint) return app;
  return inherited(app, (s) => (s.cmd || s.entrypoint ? true : undefined))?.app ?? app;
}
